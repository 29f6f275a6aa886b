package dev.omne.inspector.tail;

import dev.omne.inspector.generate.VolumeGenerator;
import dev.omne.inspector.core.history.HistorySnapshot;
import dev.omne.inspector.core.history.HistoryVolumes;
import dev.omne.inspector.core.history.RunOutcome;
import dev.omne.inspector.core.history.RunSummary;
import dev.omne.inspector.core.history.RunSummaryBuilder;
import dev.omne.inspector.core.history.VolumeHistory;
import dev.omne.inspector.core.volume.Volume;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * A run's history kept live, as the window keeps it: the volume watcher hands each run's new index rows to a
 * {@link VolumeHistory} while another process (python3, appending under flock as the omne runner does) writes a
 * run that appears and grows; the end is what a cold read of the logs gives.
 */
class VolumeHistoryLiveTest {
    @TempDir
    Path dir;

    @Test
    void aRunAppearsAndGrowsWhileTheHistoryFollows() throws Exception {
        Assumptions.assumeTrue(Writers.hasPython(), "needs python3 with fcntl to write as the omne runner does");
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
        FollowOptions options = FollowOptions.DEFAULT.withPollInterval(Duration.ofMillis(50));
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
            Path logs = dir.resolve("logs");
            Process writer = Writers.start(logs, "writer", "copy", growing.file().toString(),
                    runs.resolve(growing.runId()).resolve("events.jsonl").toString(), "40", "30");
            Writers.await(writer, logs, "writer", Duration.ofSeconds(60));
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
}
