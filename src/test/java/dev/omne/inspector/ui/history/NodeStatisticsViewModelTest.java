package dev.omne.inspector.ui.history;

import dev.omne.inspector.core.history.NodeStatistics;
import dev.omne.inspector.core.history.NodeStats;
import dev.omne.inspector.core.history.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Node statistics as the table shows them: sorted flakiest or slowest first, their texts, the last failure. */
class NodeStatisticsViewModelTest {
    @TempDir
    Path project;

    @Test
    void flakiestFirstSlowestFirstAndTheLastFailureOpensItsRun() throws IOException {
        // build: 10 s, 12 s, 14 s; test: 30 s, failed once (crash), 50 s; ship: 1 s, failed twice.
        List<RunSummary> runs = List.of(
                HandLogs.run(project, "feature-01kp0000000000000000000003").started(200).node("build", 200, 214)
                        .node("test", 214, 264).failedNode("ship", 264, 265, "gate_failed", "no approval").failed(266)
                        .write(),
                HandLogs.run(project, "feature-01kp0000000000000000000002").started(100).node("build", 100, 112)
                        .failedNode("test", 112, 142, "crash", "exit 137").failed(143).write(),
                HandLogs.run(project, "feature-01kp0000000000000000000001").started(0).node("build", 0, 10)
                        .node("test", 10, 40).failedNode("ship", 40, 41, "gate_failed", "tests red").failed(42).write());
        List<NodeStats> stats = NodeStatistics.of(runs, NodeStatistics.Order.PIPELINE);
        NodeStatisticsViewModel model = new NodeStatisticsViewModel(ZoneOffset.UTC);
        List<String> opened = new ArrayList<>();
        model.setNodeOpener((run, node, line) -> opened.add(run + " " + node + " " + line));
        model.show(stats, runs.size());

        assertEquals(List.of("ship", "test", "build"), ids(model), "flakiest first: ship 2 of 2, test 1 of 3");
        model.orderProperty().set(NodeStatistics.Order.SLOWEST);
        assertEquals(List.of("test", "build", "ship"), ids(model), "slowest first: test's median 30 s");
        model.orderProperty().set(NodeStatistics.Order.PIPELINE);
        assertEquals(List.of("build", "test", "ship"), ids(model));

        NodeStats test = model.rows().get(1);
        assertEquals("feature / test", model.nodeText(test));
        assertEquals("33%", model.rateText(test));
        assertEquals("30.0 s", model.timeText(test.p50Micros()));
        assertEquals("50.0 s", model.timeText(test.maxMicros()));
        assertEquals("crash: exit 137", model.lastFailureText(test));
        assertEquals(3, model.trend(test).size());
        NodeStats build = model.rows().getFirst();
        assertEquals("0%", model.rateText(build));
        assertEquals("", model.lastFailureText(build));
        assertFalse(model.openLastFailure(build), "build never failed");

        NodeStats ship = model.rows().get(2);
        assertEquals("gate_failed: no approval", model.lastFailureText(ship), "the newest run's failure");
        assertTrue(model.openLastFailure(ship));
        assertEquals(List.of(runs.getFirst().runId() + " ship " + ship.lastFailure().line()), opened);
        assertEquals(7, ship.lastFailure().line(), "the node.failed line of the newest run");
    }

    private static List<String> ids(NodeStatisticsViewModel model) {
        return model.rows().stream().map(s -> s.node().nodeId()).toList();
    }
}
