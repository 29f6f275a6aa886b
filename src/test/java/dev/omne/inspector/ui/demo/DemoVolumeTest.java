package dev.omne.inspector.ui.demo;

import dev.omne.inspector.testing.Waits;
import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.history.HistoryLoader;
import dev.omne.inspector.core.history.NodeStatistics;
import dev.omne.inspector.core.history.NodeStats;
import dev.omne.inspector.core.history.RunOutcome;
import dev.omne.inspector.core.history.RunSummary;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;
import dev.omne.inspector.core.log.EventReader;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.ui.session.RunFacts;
import dev.omne.inspector.ui.session.RunFactsBuilder;
import dev.omne.inspector.ui.runs.RunStatus;
import dev.omne.inspector.ui.runs.RunStatusRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoVolumeTest {
    @TempDir
    Path dir;

    @Test
    void theDemoHasACompletedAFailedAMalformedAndALiveRunThatHappenedJustNow() throws Exception {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        DemoVolume demo = DemoVolume.create(dir, now);
        Volume volume = Volume.open(demo.root());
        List<String> runs = volume.listRuns();
        assertEquals(15, runs.size(), "a dozen runs of one pipe for the history, three of others");
        List<RunStatus> statuses = new ArrayList<>();
        int malformed = 0;
        long latest = Long.MIN_VALUE;
        for (String run : runs) {
            IndexSnapshot s = RunIndex.build(volume.eventsFile(run)).snapshot();
            RunFacts facts = new RunFactsBuilder().add(s, 0, s.size());
            statuses.add(RunStatusRule.derive(facts, run.equals(demo.liveRun()) ? 0 : Long.MAX_VALUE));
            malformed += facts.malformed();
            latest = Math.max(latest, facts.lastTsMicros());
        }
        assertTrue(statuses.containsAll(List.of(RunStatus.COMPLETED, RunStatus.FAILED, RunStatus.RUNNING)), statuses.toString());
        assertTrue(malformed >= 3, "a run with malformed lines");
        assertTrue(latest <= now.toEpochMilli() * 1000 && latest > Timestamps.parseMicros("2029-12-31T23:50:00Z"),
                "times moved to just before now");
        demo.close();
        assertFalse(Files.exists(demo.root()));
    }

    @Test
    void oneOfItsPipesHasAHistoryWorthLookingAt() throws Exception {
        DemoVolume demo = DemoVolume.create(dir, Instant.parse("2030-01-01T00:00:00Z"));
        List<RunSummary> runs = HistoryLoader.load(HistoryLoader.logs(Volume.open(demo.root()))).history().runs()
                .stream().filter(r -> r.pipe().equals("feature")).toList();
        assertEquals(12, runs.size(), "a dozen runs of the feature pipe");
        assertTrue(runs.getLast().startMicros() < runs.getFirst().startMicros() - 2 * 86_400_000_000L,
                "over a few days");
        long failed = runs.stream().filter(r -> r.outcome() == RunOutcome.FAILED).count();
        assertTrue(failed >= 2 && failed <= 4, failed + " failed runs: some, not most");
        List<Long> completed = runs.stream().filter(r -> r.outcome() == RunOutcome.COMPLETED)
                .map(RunSummary::durationMicros).sorted().toList();
        long median = completed.get(completed.size() / 2);
        assertTrue(completed.getLast() > 1.6 * median, "one run clearly slower: " + completed);
        assertEquals(1, completed.stream().filter(d -> d > 1.6 * median).count(), "only one: " + completed);
        NodeStats flaky = NodeStatistics.of(runs, NodeStatistics.Order.FLAKIEST).getFirst();
        assertTrue(flaky.failures() >= 2, "a node that failed in more than one run: " + flaky);
        demo.close();
    }

    @Test
    void theDriverAppendsValidEventsThroughTheLockedPath() throws Exception {
        DemoVolume demo = DemoVolume.create(dir, Instant.now());
        long before = Files.size(demo.liveLog());
        int linesBefore = EventReader.read(demo.liveLog()).events().size();
        try (DemoDriver driver = DemoDriver.start(demo.liveLog(), demo.liveRun(), Duration.ofMillis(20))) {
            Waits.until("the driver to append 8 events", Duration.ofSeconds(10),
                    () -> EventReader.read(demo.liveLog()).events().size() >= linesBefore + 8);
        }
        var read = EventReader.read(demo.liveLog());
        assertTrue(Files.size(demo.liveLog()) > before);
        assertEquals(0, read.errorCount(), read.diagnostics().toString());
        assertTrue(read.events().stream().allMatch(e -> demo.liveRun().equals(e.event().runId())));
        List<String> types = read.events().stream().skip(linesBefore).map(e -> e.event().type()).toList();
        assertEquals(List.of("node.started", "node.progress", "node.progress", "node.progress", "node.progress",
                "gate.passed", "node.completed", "node.started"), types.subList(0, 8));
    }
}
