package dev.omne.inspector.core.history;

import dev.omne.inspector.core.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunComparisonTest {
    static NodeRun node(String id, long seconds, ExecutionOutcome outcome, String errorKind) {
        long micros = seconds * 1_000_000;
        return new NodeRun(id, "bash", null, 1, List.of(new NodeExecution(0, micros, outcome, micros, errorKind,
                errorKind == null ? null : "it broke", 1, 2)));
    }

    static RunSummary run(String id, NodeRun... nodes) {
        return new RunSummary(id, "p", Path.of(id), 0, 100_000_000, 10, 0, 0, 10, 100, "run.completed",
                "run.completed", List.of(nodes));
    }

    static final NodeRun A_OK = node("a", 3, ExecutionOutcome.COMPLETED, null);
    static final NodeRun B_OK = node("b", 5, ExecutionOutcome.COMPLETED, null);
    static final NodeRun C_OK = node("c", 1, ExecutionOutcome.COMPLETED, null);

    @Test
    void theSameRunDoesNotDivergeAndItsDifferencesAreZero() {
        RunComparison c = RunComparison.of(run("x", A_OK, B_OK), run("y", A_OK, B_OK));
        assertNull(c.divergence());
        assertEquals(0, c.differenceMicros());
        assertEquals(List.of(0L, 0L), c.nodes().stream().map(RunComparison.Row::differenceMicros).toList());
    }

    @Test
    void theFirstNodeThatEndedDifferently() {
        RunComparison c = RunComparison.of(run("x", A_OK, B_OK, C_OK),
                run("y", node("a", 4, ExecutionOutcome.COMPLETED, null), node("b", 2, ExecutionOutcome.FAILED, "crash")));
        assertEquals(1, c.divergence().position());
        assertEquals(RunComparison.Reason.OUTCOME, c.divergence().reason());
        assertEquals("node 2: b completed in A, failed (crash) in B", c.divergence().describe());
        assertEquals(List.of("a", "b", "c"), c.nodes().stream().map(RunComparison.Row::nodeId).toList());
        assertEquals(1_000_000, c.nodes().get(0).differenceMicros());
        assertEquals(-3_000_000, c.nodes().get(1).differenceMicros());
        assertEquals(RunComparison.NO_DIFFERENCE, c.nodes().get(2).differenceMicros(), "B never reached c");
        assertNull(c.nodes().get(2).b());
    }

    @Test
    void theFirstNodeThatRanInAnotherOrderOrNotAtAll() {
        RunComparison inserted = RunComparison.of(run("x", A_OK, B_OK), run("y", A_OK, C_OK, B_OK));
        assertEquals(RunComparison.Reason.ORDER, inserted.divergence().reason());
        assertEquals("node 2: A ran b, B ran c", inserted.divergence().describe());
        assertEquals(List.of("a", "c", "b"), inserted.nodes().stream().map(RunComparison.Row::nodeId).toList());

        RunComparison stopped = RunComparison.of(run("x", A_OK, B_OK, C_OK), run("y", A_OK, B_OK));
        assertEquals("node 3: A ran c, B ran no further", stopped.divergence().describe());
        RunComparison further = RunComparison.of(run("x", A_OK), run("y", A_OK, B_OK));
        assertEquals("node 2: B ran b, A ran no further", further.divergence().describe());
    }

    @Test
    void runsOfAGeneratedVolumeDivergeWhereTheirRawLinesSay(@TempDir Path project) throws IOException {
        HistoryVolumes.generate(project, 30, 500);
        HistorySnapshot history = HistoryLoader.load(HistoryLoader.logs(Volume.open(project))).history();
        List<HistoryReference.Run> reference = HistoryReference.volume(project);
        int diverged = 0;
        for (int i = 0; i + 1 < reference.size(); i++) {
            HistoryReference.Run a = reference.get(i);
            HistoryReference.Run b = reference.get(i + 1);
            RunComparison c = RunComparison.of(history.run(a.runId()), history.run(b.runId()));
            int expected = -1;
            for (int k = 0; k < Math.max(a.nodes().size(), b.nodes().size()) && expected < 0; k++) {
                boolean both = k < a.nodes().size() && k < b.nodes().size();
                if (!both || !a.nodes().get(k).id().equals(b.nodes().get(k).id())
                        || !a.nodes().get(k).outcome().equals(b.nodes().get(k).outcome())) {
                    expected = k;
                }
            }
            assertEquals(expected, c.divergence() == null ? -1 : c.divergence().position(), a.runId() + " " + b.runId());
            diverged += expected >= 0 ? 1 : 0;
            List<String> union = new ArrayList<>();
            a.nodes().forEach(n -> union.add(n.id()));
            b.nodes().stream().map(HistoryReference.Node::id).filter(id -> !union.contains(id)).forEach(union::add);
            assertEquals(union.size(), c.nodes().size());
            for (RunComparison.Row row : c.nodes()) {
                HistoryReference.Node na = a.node(row.nodeId());
                HistoryReference.Node nb = b.node(row.nodeId());
                long expectedDifference = na == null || nb == null ? RunComparison.NO_DIFFERENCE : nb.total() - na.total();
                assertEquals(expectedDifference, row.differenceMicros(), row.nodeId());
            }
        }
        assertTrue(diverged > 5, "pipes and outcomes differ between neighbours: " + diverged);
    }
}
