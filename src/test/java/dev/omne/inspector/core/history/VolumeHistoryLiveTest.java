package dev.omne.inspector.core.history;

import dev.omne.inspector.bench.VolumeGenerator;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.tail.FollowOptions;
import dev.omne.inspector.tail.RunUpdate;
import dev.omne.inspector.tail.VolumeWatcher;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The history as the window keeps it: a volume watcher hands each run's new index rows to a
 * {@link VolumeHistory} while another process (python3, appending under flock as the omne runner does) writes a
 * run that appears and grows; every published snapshot is a consistent picture, and the end is what a cold read
 * of the logs gives.
 */
class VolumeHistoryLiveTest {
    @TempDir
    Path dir;

    @Test
    void aRunAppearsAndGrowsWhileTheHistoryFollows() throws Exception {
        Assumptions.assumeTrue(hasPython(), "needs python3 with fcntl to write as the omne runner does");
        Path source = dir.resolve("source");
        VolumeGenerator.Result generated = HistoryVolumes.generate(source, 3, 600);
        Path project = dir.resolve("project");
        Path runs = project.resolve(".omne/var/runs");
        for (VolumeGenerator.RunFile run : generated.runs().subList(0, 2)) {
            Files.createDirectories(runs.resolve(run.runId()));
            Files.copy(run.file(), runs.resolve(run.runId()).resolve("events.jsonl"));
        }
        VolumeGenerator.RunFile growing = generated.runs().get(2);

        VolumeHistory history = new VolumeHistory();
        List<HistorySnapshot> published = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<HistorySnapshot> done = new CompletableFuture<>();
        FollowOptions options = FollowOptions.DEFAULT.withPollInterval(java.time.Duration.ofMillis(50));
        try (VolumeWatcher watcher = VolumeWatcher.start(Volume.open(project), options, update -> {
            // The watcher's thread plays the window's history service: apply, then publish one snapshot.
            update.runsRemoved().forEach(history::remove);
            for (RunUpdate run : update.runs()) {
                history.update(run.runId(), run.snapshot(), run.reset(), run.fromRow(), run.toRow());
            }
            HistorySnapshot snapshot = history.snapshot();
            published.add(snapshot);
            RunSummary summary = snapshot.run(growing.runId());
            if (summary != null && summary.bytes() == growing.bytes()) {
                done.complete(snapshot);
            }
        })) {
            Process writer = new ProcessBuilder("python3", script().toString(), growing.file().toString(),
                    runs.resolve(growing.runId()).resolve("events.jsonl").toString(), "40", "30")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("writer.out").toFile()).start();
            assertTrue(writer.waitFor(60, TimeUnit.SECONDS), "the writer finished");
            assertEquals(0, writer.exitValue(), Files.readString(dir.resolve("writer.out")));
            HistorySnapshot last;
            try {
                last = done.get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("the history never reached the whole log (" + published.size()
                        + " snapshots published)", e);
            }
            assertEquals(3, last.runs().size());
            for (RunSummary summary : last.runs()) {
                assertEquals(RunSummaryBuilder.read(summary.runId(), summary.file()), summary,
                        "live equals cold for " + summary.runId());
            }
            assertEquals(growing.runId(), last.runs().getFirst().runId(), "the newest run first");
        }
        Set<Integer> sizesSeen = new TreeSet<>();
        for (HistorySnapshot snapshot : published) {
            RunSummary summary = snapshot.run(growing.runId());
            if (summary != null && summary.bytes() < growing.bytes()) {
                sizesSeen.add(summary.events());
                assertTrue(summary.outcome() != RunOutcome.COMPLETED, "a run without its end yet");
            }
            assertTrue(snapshot.runs().size() >= 2);
        }
        assertTrue(sizesSeen.size() >= 3, "the growing run was seen part-way several times: " + sizesSeen);
    }

    private static Path script() throws URISyntaxException {
        return Path.of(VolumeHistoryLiveTest.class.getResource("history_writer.py").toURI());
    }

    private static boolean hasPython() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import fcntl").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
