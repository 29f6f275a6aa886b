package dev.omne.inspector.cli;

import dev.omne.inspector.core.volume.InvalidRunIdException;
import dev.omne.inspector.core.volume.NotAVolumeException;
import dev.omne.inspector.core.volume.RunIds;
import dev.omne.inspector.core.volume.RunSource;
import dev.omne.inspector.core.volume.Volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Turns a command-line PATH into the events files it means. */
final class LogTargets {
    /** One run's log; {@code file} may not exist yet (a run folder without a log is still a run). */
    record Target(String runId, Path file) {
    }

    /** A PATH and a run that do not go together; the message says why, for the user. */
    static final class NoSuchRunException extends IOException {
        NoSuchRunException(String message) {
            super(message);
        }
    }

    private LogTargets() {
    }

    /**
     * PATH is a project, its {@code .omne}, a run folder, a folder holding an events.jsonl, or a file. A plain
     * file (an export, or any events.jsonl) is one run, named as {@link RunSource#ofFile} names it.
     */
    static List<Target> resolve(Path given) throws IOException {
        return targets(given, true);
    }

    /** The events files PATH means, as {@link #resolve} finds them, without working out the run ids of plain files. */
    static List<Path> files(Path given) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Target target : targets(given, false)) {
            files.add(target.file());
        }
        return files;
    }

    private static List<Target> targets(Path given, boolean runIds) throws IOException {
        if (Files.isRegularFile(given)) {
            return List.of(new Target(runIds ? RunSource.ofFile(given).runId() : null, given));
        }
        if (!Files.exists(given)) {
            throw new NoSuchFileException(given.toString());
        }
        Volume volume;
        try {
            volume = Volume.open(given);
        } catch (NotAVolumeException e) {
            Path file = given.resolve(Volume.EVENTS_FILE);
            if (Files.isRegularFile(file)) {
                return List.of(new Target(runIds ? RunSource.ofFile(file).runId() : null, file));
            }
            throw e;
        }
        List<String> runs = volume.focusRun().map(List::of).orElse(null);
        if (runs == null) {
            runs = volume.listRuns();
        }
        List<Target> targets = new ArrayList<>();
        for (String run : runs) {
            targets.add(new Target(run, display(given, volume.eventsFile(run))));
        }
        return targets;
    }

    /**
     * The one run PATH and {@code run} name together. For a file (or a folder that only holds an
     * events.jsonl) {@code run} is optional and, when given, must be the file's run. For a volume it picks
     * the run; without it the run folder given, or the volume's only run.
     */
    static Target resolveRun(Path given, String run) throws IOException {
        if (run != null) {
            try {
                RunIds.validate(run);
            } catch (InvalidRunIdException e) {
                throw new NoSuchRunException(e.getMessage());
            }
        }
        if (!Files.exists(given)) {
            throw new NoSuchFileException(given.toString());
        }
        Volume volume = null;
        if (Files.isDirectory(given)) {
            try {
                volume = Volume.open(given);
            } catch (NotAVolumeException e) {
                if (!Files.isRegularFile(given.resolve(Volume.EVENTS_FILE))) {
                    throw e;
                }
            }
        }
        if (volume == null) {
            Path file = Files.isDirectory(given) ? given.resolve(Volume.EVENTS_FILE) : given;
            Target target = new Target(RunSource.ofFile(file).runId(), file);
            if (run != null && !run.equals(target.runId())) {
                throw new NoSuchRunException(file + " holds run \"" + target.runId() + "\", not \"" + run + "\"");
            }
            return target;
        }
        String runId = run != null ? run : volume.focusRun().orElse(null);
        if (runId == null) {
            List<String> runs = volume.listRuns();
            if (runs.size() != 1) {
                throw new NoSuchRunException("say which run with --run RUN_ID (" + describe(runs) + " in "
                        + volume.root() + ")");
            }
            runId = runs.getFirst();
        }
        if (!volume.runExists(runId)) {
            throw new NoSuchRunException("no run \"" + runId + "\" in " + volume.root() + " ("
                    + describe(volume.listRuns()) + ")");
        }
        return new Target(runId, display(given, volume.eventsFile(runId)));
    }

    /** {@code 3 runs: a, b, c} (at most five named), or {@code it has no runs}. */
    static String describe(List<String> runs) {
        if (runs.isEmpty()) {
            return "it has no runs";
        }
        int shown = Math.min(runs.size(), 5);
        String list = String.join(", ", runs.subList(0, shown)) + (runs.size() > shown ? ", ..." : "");
        return runs.size() + (runs.size() == 1 ? " run: " : " runs: ") + list;
    }

    /** Keeps paths relative when the user gave a relative one, as compilers do. */
    static Path display(Path given, Path absolute) {
        if (given.isAbsolute()) {
            return absolute;
        }
        Path cwd = Path.of("").toAbsolutePath();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
    }
}
