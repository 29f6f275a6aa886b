package dev.omne.inspector.core.history;

import dev.omne.inspector.generate.VolumeGenerator;
import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.volume.Volume;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The history of a generated volume, checked against {@link HistoryReference}'s plain recomputation. */
class NodeStatisticsTest {
    @TempDir
    static Path project;
    static VolumeGenerator.Result generated;
    static HistorySnapshot history;
    static List<HistoryReference.Run> reference;

    @BeforeAll
    static void readVolume() throws IOException {
        generated = HistoryVolumes.generate(project, 80, 700);
        HistoryLoader.Result loaded = HistoryLoader.load(HistoryLoader.logs(Volume.open(project)));
        assertTrue(loaded.unreadable().isEmpty(), loaded.unreadable().toString());
        history = loaded.history();
        reference = HistoryReference.volume(project);
    }

    @Test
    void theVolumeHasWhatAHistoryNeedsToBeTested() {
        Set<RunOutcome> outcomes = new HashSet<>();
        Set<ExecutionOutcome> executions = new HashSet<>();
        int retried = 0;
        int looped = 0;
        for (RunSummary run : history.runs()) {
            outcomes.add(run.outcome());
            for (NodeRun node : run.nodes()) {
                node.executions().forEach(e -> executions.add(e.outcome()));
                retried += node.failures() > 0 && node.outcome() == ExecutionOutcome.COMPLETED ? 1 : 0;
                looped += node.executions().size() > 1 ? 1 : 0;
            }
        }
        assertEquals(Set.of(RunOutcome.values()), outcomes);
        assertTrue(executions.containsAll(Set.of(ExecutionOutcome.COMPLETED, ExecutionOutcome.FAILED,
                ExecutionOutcome.RUNNING)), executions.toString());
        assertTrue(retried > 10, "failures retried into a success: " + retried);
        assertTrue(looped > 20, "nodes run several times in a run: " + looped);
        assertEquals(List.of("bugfix", "feature"), history.pipes());
        assertEquals(generated.malformed(), history.runs().stream().mapToLong(RunSummary::malformed).sum());
    }

    @Test
    void everyRunSummaryMatchesTheRawLines() {
        assertEquals(reference.size(), history.runs().size());
        for (int i = 0; i < reference.size(); i++) {
            HistoryReference.Run want = reference.get(i);
            RunSummary got = history.runs().get(i);
            assertEquals(want.runId(), got.runId(), "newest first");
            assertEquals(want.pipe(), got.pipe());
            assertEquals(want.outcome(), got.outcome().label(), want.runId());
            assertEquals(want.start(), got.startMicros());
            assertEquals(want.end(), got.endMicros());
            assertEquals(want.events(), got.events());
            assertEquals(want.malformed(), got.malformed());
            assertEquals(want.nodes().stream().map(HistoryReference.Node::id).toList(),
                    got.nodes().stream().map(NodeRun::nodeId).toList(), "pipeline order of " + want.runId());
            for (HistoryReference.Node node : want.nodes()) {
                NodeRun n = got.node(node.id());
                assertEquals(node.kind(), n.kind());
                assertEquals(node.execs().size(), n.executions().size(), want.runId() + " " + node.id());
                for (int e = 0; e < node.execs().size(); e++) {
                    HistoryReference.Exec x = node.execs().get(e);
                    NodeExecution y = n.executions().get(e);
                    assertEquals(x.start(), y.startMicros());
                    assertEquals(x.end() == HistoryReference.NONE ? Timestamps.NONE : x.end(), y.endMicros());
                    assertEquals(x.outcome(), y.outcome().label());
                    assertEquals(x.duration(), y.durationMicros());
                    assertEquals(x.errorKind(), y.errorKind());
                    assertEquals(x.errorMessage(), y.errorMessage());
                }
            }
        }
    }

    @Test
    void statisticsMatchARecomputationFromTheRawLines() {
        for (List<RunSummary> runs : List.of(history.runs(), HistoryFilter.ALL.withLast(17).apply(history))) {
            List<HistoryReference.Run> ref = reference.subList(0, runs.size());
            List<NodeStats> stats = NodeStatistics.of(runs, NodeStatistics.Order.PIPELINE);
            Set<String> expectedNodes = new HashSet<>();
            for (HistoryReference.Run run : ref) {
                run.nodes().forEach(n -> expectedNodes.add(run.pipe() + "/" + n.id()));
            }
            assertEquals(expectedNodes.size(), stats.size());
            for (NodeStats s : stats) {
                HistoryReference.Stats want = HistoryReference.stats(ref, s.node().pipe(), s.node().nodeId());
                String at = s.node().toString();
                assertEquals(want.runs(), s.runs(), at);
                assertEquals(want.executions(), s.executions(), at);
                assertEquals(want.failures(), s.failures(), at);
                assertEquals(want.failedExecutions(), s.failedExecutions(), at);
                assertEquals(want.timedRuns(), s.timedRuns(), at);
                assertEquals(want.p50(), s.p50Micros(), at);
                assertEquals(want.p95(), s.p95Micros(), at);
                assertEquals(want.max(), s.maxMicros(), at);
                assertEquals((double) want.failures() / want.runs(), s.failureRate(), 1e-12, at);
                assertEquals(want.trendOldestFirst(), s.trend().stream().map(NodeStats.TrendPoint::durationMicros).toList(), at);
                if (want.lastFailureRun() == null) {
                    assertNull(s.lastFailure(), at);
                } else {
                    assertEquals(want.lastFailureRun(), s.lastFailure().runId(), at);
                    assertEquals(want.lastFailureKind(), s.lastFailure().errorKind(), at);
                    assertEquals(want.lastFailureMessage(), s.lastFailure().errorMessage(), at);
                }
            }
        }
    }

    @Test
    void sortedBySlowestAndFlakiest() {
        List<NodeStats> slowest = NodeStatistics.of(history.runs(), NodeStatistics.Order.SLOWEST);
        for (int i = 1; i < slowest.size(); i++) {
            assertTrue(slowest.get(i - 1).p50Micros() >= slowest.get(i).p50Micros(), "by median, longest first");
        }
        List<NodeStats> flakiest = NodeStatistics.of(history.runs(), NodeStatistics.Order.FLAKIEST);
        for (int i = 1; i < flakiest.size(); i++) {
            assertTrue(flakiest.get(i - 1).failureRate() >= flakiest.get(i).failureRate(), "by failure rate");
        }
        assertTrue(flakiest.getFirst().failureRate() > flakiest.getLast().failureRate());
        assertEquals(new HashSet<>(slowest), new HashSet<>(flakiest));
    }

    @Test
    void filtersByPipeOutcomeTimeAndLastN() {
        List<RunSummary> feature = HistoryFilter.ALL.withPipes(Set.of("feature")).apply(history);
        assertEquals(reference.stream().filter(r -> r.pipe().equals("feature")).map(HistoryReference.Run::runId).toList(),
                feature.stream().map(RunSummary::runId).toList());

        List<RunSummary> failed = HistoryFilter.ALL.withOutcomes(Set.of(RunOutcome.FAILED, RunOutcome.UNFINISHED))
                .apply(history);
        assertEquals(reference.stream().filter(r -> !r.outcome().equals("completed")).map(HistoryReference.Run::runId)
                .toList(), failed.stream().map(RunSummary::runId).toList());
        assertEquals(3, HistoryFilter.ALL.withOutcomes(Set.of(RunOutcome.UNFINISHED)).apply(history).size(),
                "the generator's three unfinished runs");

        long from = reference.get(50).start();
        long to = reference.get(20).start();
        List<RunSummary> range = HistoryFilter.ALL.between(from, to).apply(history);
        assertEquals(reference.subList(21, 51).stream().map(HistoryReference.Run::runId).toList(),
                range.stream().map(RunSummary::runId).toList(), "[from, to): the run starting at 'to' is out");

        List<RunSummary> lastFive = HistoryFilter.ALL.withPipes(Set.of("bugfix")).withLast(5).apply(history);
        assertEquals(reference.stream().filter(r -> r.pipe().equals("bugfix")).limit(5)
                .map(HistoryReference.Run::runId).toList(), lastFive.stream().map(RunSummary::runId).toList());
    }

    @Test
    void theGridHasARowPerRunAndAColumnPerNodeInPipelineOrder() {
        List<RunSummary> runs = HistoryFilter.ALL.withPipes(Set.of("feature")).apply(history);
        HistoryGrid grid = HistoryGrid.of(runs);
        List<String> columns = grid.columns().stream().map(c -> c.key().nodeId()).toList();
        // The pipe as written in the generator: plan, scaffold, implement (code, build, test), review, docs, commit.
        assertEquals(List.of("plan", "scaffold", "implement", "code", "build", "test", "review", "docs", "commit"),
                columns);
        int blanks = 0;
        for (int r = 0; r < runs.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                NodeRun cell = grid.cell(r, c);
                NodeRun expected = runs.get(r).node(columns.get(c));
                assertEquals(expected, cell);
                blanks += cell == null ? 1 : 0;
            }
        }
        assertTrue(blanks > 0, "failed and unfinished runs leave the nodes they never reached blank");
    }

    @Test
    void nodeOrdersMergeNewestFirst() {
        assertEquals(List.of("x", "a", "y", "b", "c"),
                NodeOrder.merge(List.of(List.of("a", "b", "c"), List.of("x", "a", "b"), List.of("a", "y", "b"))));
        assertEquals(List.of(), NodeOrder.merge(List.of()));
        List<List<String>> orders = new ArrayList<>();
        for (HistoryReference.Run run : reference) {
            if (run.pipe().equals("bugfix")) {
                orders.add(run.nodes().stream().map(HistoryReference.Node::id).toList());
            }
        }
        assertEquals(List.of("reproduce", "diagnose", "fix", "patch", "verify", "regress", "commit"),
                NodeOrder.merge(orders));
    }
}
