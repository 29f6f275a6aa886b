package dev.omne.inspector.cli;

import dev.omne.inspector.core.volume.NotAVolumeException;
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

    private LogTargets() {
    }

    /** PATH is a project, its {@code .omne}, a run folder, a folder holding an events.jsonl, or a file. */
    static List<Target> resolve(Path given) throws IOException {
        if (Files.isRegularFile(given)) {
            Path parent = given.toAbsolutePath().getParent();
            return List.of(new Target(parent == null ? given.toString() : parent.getFileName().toString(), given));
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
                return List.of(new Target(given.toAbsolutePath().normalize().getFileName().toString(), file));
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

    /** Keeps paths relative when the user gave a relative one, as compilers do. */
    private static Path display(Path given, Path absolute) {
        if (given.isAbsolute()) {
            return absolute;
        }
        Path cwd = Path.of("").toAbsolutePath();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
    }
}
