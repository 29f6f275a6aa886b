package dev.omne.inspector.cli;

import dev.omne.inspector.core.volume.NotAVolumeException;
import dev.omne.inspector.core.volume.RunIds;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.tail.FollowOptions;
import dev.omne.inspector.tail.VolumeListener;
import dev.omne.inspector.tail.VolumeWatcher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code follow PATH}: like {@code tail -f}, but it understands the log. Ends on Ctrl-C or when stdout closes. */
@Command(name = "follow", mixinStandardHelpOptions = true,
        description = {"Follow event logs live, like tail -f: print each event and each bad line as it arrives.",
                "Events: RUN LINE TIME TYPE NODE SUMMARY (SUMMARY: the other fields, capped).",
                "Bad lines: FILE:LINE:COL: error: MESSAGE. Truncated, replaced, deleted logs and the like: '# notice ...'.",
                "Ctrl-C ends it."})
final class FollowCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH",
            description = "A project folder, its .omne folder, a run folder or an events file.")
    Path path;

    @Option(names = "--run", paramLabel = "RUN_ID", description = "Follow only this run (it may not exist yet).")
    String run;

    @Option(names = "--from-start", description = "First print every event already in the logs (default: only new ones).")
    boolean fromStart;

    @Option(names = "--poll-ms", paramLabel = "MS", defaultValue = "250",
            description = "How often to check sizes too, for file systems that report no changes (default: ${DEFAULT-VALUE}).")
    long pollMillis;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (pollMillis <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--poll-ms must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        FollowPrinter printer = new FollowPrinter(out, fromStart);
        CountDownLatch ended = new CountDownLatch(1);
        VolumeListener listener = update -> {
            if (!printer.print(update)) {
                ended.countDown(); // stdout is closed: nobody is reading any more
            }
        };
        // Nothing here looks back at a line once printed: no run keeps its rows, so memory grows with the number of
        // runs, not of events; and without --from-start what the logs hold already is only counted.
        FollowOptions options = FollowOptions.DEFAULT.withPollInterval(Duration.ofMillis(pollMillis))
                .withHistory(fromStart ? FollowOptions.History.STREAM : FollowOptions.History.STREAM_NEW);
        VolumeWatcher watcher = open(options, listener, printer);
        Thread stop = new Thread(() -> {
            watcher.close();
            out.flush();
        }, "omne-follow-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            while (!ended.await(500, TimeUnit.MILLISECONDS)) {
                if (!watcher.isRunning()) {
                    break;
                }
            }
        } finally {
            watcher.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running or ran
            }
        }
        return Cli.OK;
    }

    private VolumeWatcher open(FollowOptions options, VolumeListener listener, FollowPrinter printer)
            throws IOException {
        if (run != null) {
            RunIds.validate(run);
        }
        if (Files.isRegularFile(path)) {
            Path parent = path.toAbsolutePath().normalize().getParent();
            Volume volume = parent == null ? null : volumeOrNull(parent);
            if (volume != null && volume.focusRun().isPresent()
                    && path.getFileName().toString().equals(Volume.EVENTS_FILE)) {
                return followVolume(volume, options, listener, printer);
            }
            requireNoRun();
            printer.header("# following " + path);
            return VolumeWatcher.startFile(path, options, listener);
        }
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        Volume volume = volumeOrNull(path);
        if (volume == null) {
            Path file = path.resolve(Volume.EVENTS_FILE);
            if (!Files.isRegularFile(file)) {
                throw new NotAVolumeException(path.toAbsolutePath().normalize());
            }
            requireNoRun();
            printer.header("# following " + file);
            return VolumeWatcher.startFile(file, options, listener);
        }
        return followVolume(volume, options, listener, printer);
    }

    private VolumeWatcher followVolume(Volume volume, FollowOptions options, VolumeListener listener,
                                       FollowPrinter printer) throws IOException {
        String only = run != null ? run : volume.focusRun().orElse(null);
        if (only != null) {
            printer.header("# following run " + only + " in " + volume.root()
                    + (volume.runExists(only) ? "" : " (waiting for it to appear)"));
        } else {
            printer.header("# following every run in " + volume.root());
        }
        return VolumeWatcher.start(volume, options.withOnlyRun(only), listener);
    }

    private void requireNoRun() {
        if (run != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--run needs a project, .omne or run folder, not a single file");
        }
    }

    private static Volume volumeOrNull(Path dir) throws IOException {
        try {
            return Volume.open(dir);
        } catch (NotAVolumeException e) {
            return null;
        }
    }
}
