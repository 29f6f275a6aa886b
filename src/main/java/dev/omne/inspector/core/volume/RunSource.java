package dev.omne.inspector.core.volume;

import dev.omne.inspector.core.event.Event;
import dev.omne.inspector.core.event.EventCodec;
import dev.omne.inspector.core.log.LineJudge;
import dev.omne.inspector.core.log.ScannedLine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * One run's log as something to read: a run of a volume, or a plain {@code .jsonl} file opened on its own
 * (an export, or an {@code events.jsonl} given directly). A plain file is a one-run source and read only:
 * nothing is ever appended to it.
 *
 * @param runId  the run's id
 * @param file   its events file (for a volume run, it may not exist yet)
 * @param volume the volume the run belongs to, or null for a plain file
 */
public record RunSource(String runId, Path file, Volume volume) {
    /** How much of a plain file's head is read to find its run id. */
    private static final int HEAD_BYTES = 1 << 20;

    public static RunSource ofRun(Volume volume, String runId) {
        return new RunSource(RunIds.validate(runId), volume.eventsFile(runId), volume);
    }

    /**
     * A plain events file as a one-run, read-only source. Its run id is, in this order: the run folder's name
     * when the file sits at {@code .omne/var/runs/<run_id>/events.jsonl}; the {@code run_id} of its first
     * event; the folder's name for a file called {@code events.jsonl}; the file name without {@code .jsonl}.
     */
    public static RunSource ofFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": not a regular file");
        }
        return new RunSource(runIdOf(file), file, null);
    }

    /** Whether this is a plain file opened on its own rather than a run of a volume. */
    public boolean isPlainFile() {
        return volume == null;
    }

    /** Plain files are never written to; a volume's runs are, through the locked append path. */
    public boolean readOnly() {
        return volume == null;
    }

    static String runIdOf(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path name = absolute.getFileName();
        Path runDir = absolute.getParent();
        String folder = runDir == null || runDir.getFileName() == null ? null : runDir.getFileName().toString();
        Path runs = runDir == null ? null : runDir.getParent();
        Path var = runs == null ? null : runs.getParent();
        Path omne = var == null ? null : var.getParent();
        if (name != null && name.toString().equals(Volume.EVENTS_FILE) && omne != null && folder != null
                && nameOf(runs).equals("runs") && nameOf(var).equals("var") && nameOf(omne).equals(Volume.OMNE_DIR)
                && RunIds.isValid(folder)) {
            return folder;
        }
        String fromEvents;
        try {
            fromEvents = firstRunId(file);
        } catch (IOException e) {
            fromEvents = null; // unreadable: whoever reads the log next reports why
        }
        if (fromEvents != null) {
            return fromEvents;
        }
        if (name != null && name.toString().equals(Volume.EVENTS_FILE) && folder != null && RunIds.isValid(folder)) {
            return folder;
        }
        String stem = name == null ? "run" : name.toString();
        if (stem.endsWith(".jsonl") && stem.length() > ".jsonl".length()) {
            stem = stem.substring(0, stem.length() - ".jsonl".length());
        }
        return RunIds.isValid(stem) ? stem : "run";
    }

    /** The {@code run_id} of the first well-formed event in the file's head that has a valid one, or null. */
    static String firstRunId(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        ScannedLine scanned = new ScannedLine();
        LineJudge judge = new LineJudge();
        int start = 0;
        while (start < head.length) {
            int end = start;
            while (end < head.length && head[end] != '\n') {
                end++;
            }
            if (end == head.length && head.length == HEAD_BYTES) {
                break; // a line cut by the head's end: not judged
            }
            judge.judge(head, start, end - start, scanned);
            if (scanned.outcome() == ScannedLine.Outcome.EVENT) {
                try {
                    Event event = EventCodec.decodeScanned(head, start, end - start);
                    String runId = event.runId();
                    if (runId != null && RunIds.isValid(runId)) {
                        return runId;
                    }
                } catch (IOException e) {
                    // judged an event, so not expected; look further
                }
            }
            start = end + 1;
        }
        return null;
    }

    private static String nameOf(Path p) {
        Path name = p == null ? null : p.getFileName();
        return name == null ? "" : name.toString();
    }
}
