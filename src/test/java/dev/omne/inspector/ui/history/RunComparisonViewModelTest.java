package dev.omne.inspector.ui.history;

import dev.omne.inspector.core.history.RunComparison;
import dev.omne.inspector.core.history.RunSummary;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.ui.common.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two runs compared through the history: the older as A, node by node, the first divergence, the filter. */
class RunComparisonViewModelTest {
    @TempDir
    Path project;

    @Test
    void twoRunsNodeByNodeWithWhereTheyFirstDivergeAndAFilterForBoth() throws IOException {
        RunSummary a = HandLogs.run(project, "feature-01kp0000000000000000000001").started(0)
                .node("build", 0, 10).node("test", 10, 40).node("lint", 40, 45).node("ship", 45, 46).completed(47)
                .write();
        RunSummary b = HandLogs.run(project, "feature-01kp0000000000000000000002").started(100)
                .node("build", 100, 125).failedNode("test", 125, 200, "gate_failed", "2 tests failed").failed(201)
                .write();
        HistoryViewModel history = new HistoryViewModel(new SameThreadTaskExecutor(),
                Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC, id -> null, 1);
        List<String> opened = new ArrayList<>();
        history.setNodeOpener((run, node, line) -> opened.add(run + " " + node + " " + line));
        history.open(Volume.open(project));
        history.shownProperty().set(true);
        RunComparisonViewModel model = history.comparison();
        assertNull(model.comparison());
        assertEquals(RunComparisonViewModel.NONE_CHOSEN, model.emptyTextProperty().get());

        history.compare(b.runId(), a.runId()); // the newer first: the older becomes A all the same
        assertEquals(HistoryViewModel.Lower.COMPARISON, history.lowerProperty().get());
        RunComparison c = model.comparison();
        assertEquals(a.runId(), c.a().runId());
        assertEquals(b.runId(), c.b().runId());
        assertEquals(List.of("build", "test", "lint", "ship"), ids(model));
        RunComparison.Row build = model.rows().getFirst();
        assertEquals("10.0 s", model.timeText(build.a()));
        assertEquals("25.0 s", model.timeText(build.b()));
        assertEquals("+15.0 s", model.differenceText(build));
        RunComparison.Row test = model.rows().get(1);
        assertEquals("completed", model.outcomeText(test.a()));
        assertEquals("failed (gate_failed)", model.outcomeText(test.b()));
        assertEquals("gate_failed", model.errorText(test.b()));
        assertEquals("not reached", model.outcomeText(model.rows().get(2).b()));
        assertTrue(model.isDivergence(test));
        assertFalse(model.isDivergence(build));
        assertEquals("First divergence at node 2: test completed in A, failed (gate_failed) in B",
                model.divergenceText());
        assertEquals("B took 54.0 s longer (+115%)", model.differenceText());

        model.differencesOnlyProperty().set(true);
        assertEquals(List.of("test", "lint", "ship"), ids(model));
        model.filterProperty().set("LI");
        assertEquals(List.of("lint"), ids(model), "words match the node id, ignoring case");
        model.differencesOnlyProperty().set(false);
        model.filterProperty().set("");

        assertTrue(model.open(test, false));
        assertEquals(List.of(b.runId() + " test " + b.node("test").firstLine()), opened);
        assertFalse(model.open(model.rows().get(2), false), "B never reached lint");

        model.swap();
        assertEquals(b.runId(), model.comparison().a().runId());
        assertEquals("B took 54.0 s less (-53%)", model.differenceText());
        history.compare(b.runId(), a.runId());
        history.compare(b.runId(), a.runId());
        assertEquals(a.runId(), model.comparison().a().runId(), "choosing the same two again: the older is A");
    }

    private static List<String> ids(RunComparisonViewModel model) {
        return model.rows().stream().map(RunComparison.Row::nodeId).toList();
    }
}
