package dev.omne.inspector.core.history;

import dev.omne.inspector.generate.VolumeGenerator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** History-shaped volumes the tests share: two pipes, retries, loops, failed and unfinished runs, malformed lines. */
public final class HistoryVolumes {
    private HistoryVolumes() {
    }

    public static VolumeGenerator.Options options(int runs, int events) {
        return VolumeGenerator.Options.defaults().withRuns(runs).withEventsPerRun(events).withMalformedEvery(41)
                .withSeed(11).withPipes(List.of("feature", "bugfix")).withHistory(25, 3);
    }

    public static VolumeGenerator.Result generate(Path project, int runs, int events) throws IOException {
        return VolumeGenerator.generate(project, options(runs, events));
    }
}
