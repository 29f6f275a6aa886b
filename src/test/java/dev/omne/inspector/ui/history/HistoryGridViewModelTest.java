package dev.omne.inspector.ui.history;

import dev.omne.inspector.core.history.HistoryGrid;
import dev.omne.inspector.core.history.RunSummary;
import dev.omne.inspector.ui.runs.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grid's cells, the runs chosen for comparison and the cursor, on runs whose every time is known. */
class HistoryGridViewModelTest {
    @TempDir
    Path project;

    private final List<String> opened = new ArrayList<>();
    private int compared;

    private RunSummary older;
    private RunSummary newer;
    private RunSummary running;

    private HistoryGridViewModel model(RunStatus listed) throws IOException {
        older = HandLogs.run(project, "feature-01kp0000000000000000000001").started(0)
                .node("build", 1, 13).node("test", 13, 73.5).node("ship", 74, 75).completed(76).write();
        newer = HandLogs.run(project, "feature-01kp0000000000000000000002").started(100)
                .node("build", 101, 110)
                .failedNode("test", 110, 112, "crash", "exit 137").node("test", 113, 140)
                .failedNode("ship", 140, 141, "gate_failed", "no approval").failed(142).write();
        running = HandLogs.run(project, "feature-01kp0000000000000000000003").started(200)
                .node("build", 201, 205).write();
        HistoryGridViewModel model = new HistoryGridViewModel(ZoneOffset.UTC, id -> listed);
        model.setNodeOpener((run, node, line) -> opened.add(run + " " + node + " " + line));
        model.setOnCompare(() -> compared++);
        model.show(HistoryGrid.of(List.of(running, newer, older)));
        return model;
    }

    @Test
    void cellsSayTheNodesTimeAndAreColouredByHowItEnded() throws IOException {
        HistoryGridViewModel model = model(RunStatus.RUNNING);
        assertEquals(3, model.rowCount());
        assertEquals(List.of("build", "test", "ship"), List.of(model.columnText(0), model.columnText(1),
                model.columnText(2)));
        assertEquals("feature", model.groupOf(2));
        // older: build 12 s, test 60.5 s, ship 1 s, all completed
        assertEquals("12.0 s", model.cellText(2, 0));
        assertEquals("1m 00s", model.cellText(2, 1));
        assertEquals(HistoryGridViewModel.Tone.COMPLETED, model.cellTone(2, 1));
        // newer: test failed once then completed (2 s + 27 s over two executions): retried; ship failed
        assertEquals("29.0 s ×2", model.cellText(1, 1));
        assertEquals(HistoryGridViewModel.Tone.RETRIED, model.cellTone(1, 1));
        assertEquals(HistoryGridViewModel.Tone.FAILED, model.cellTone(1, 2));
        assertTrue(model.cellTooltip(1, 2).contains("gate_failed: no approval"), model.cellTooltip(1, 2));
        // running: only build reached
        assertEquals("", model.cellText(0, 1));
        assertNull(model.cell(0, 1));
        assertEquals(HistoryGridViewModel.Tone.NONE, model.cellTone(0, 1));
        assertTrue(model.cellTooltip(0, 1).endsWith("did not reach test"), model.cellTooltip(0, 1));
        // The row: status and total time.
        assertEquals(RunStatus.COMPLETED, model.status(2));
        assertEquals("1m 16s", model.durationText(2));
        assertEquals(RunStatus.FAILED, model.status(1));
        assertEquals(RunStatus.RUNNING, model.status(0), "no end and the runs list says it is being written");
        assertEquals("04-15 10:00", model.startText(2));
    }

    @Test
    void aRunWithoutAnEndThatTheListDoesNotCallRunningIsUnknown() throws IOException {
        HistoryGridViewModel model = model(RunStatus.UNKNOWN);
        assertEquals(RunStatus.UNKNOWN, model.status(0));
        assertEquals(HistoryGridViewModel.Tone.NONE, model.runTone(0));
    }

    @Test
    void aCellOpensItsRunAtTheNodesFirstEventAndABlankOneOpensNothing() throws IOException {
        HistoryGridViewModel model = model(RunStatus.RUNNING);
        assertTrue(model.open(1, 1));
        assertEquals(List.of(newer.runId() + " test " + newer.node("test").firstLine()), opened);
        assertEquals(4, newer.node("test").firstLine(), "the first node.started of test is line 4");
        assertFalse(model.open(0, 2), "the running run did not reach ship");
        assertEquals(1, opened.size());
        assertEquals(new HistoryGridViewModel.Cursor(running.runId(), 2), model.cursorProperty().get());
    }

    @Test
    void twoRunsChosenCanBeComparedAndTheChoiceFollowsItsRuns() throws IOException {
        HistoryGridViewModel model = model(RunStatus.RUNNING);
        model.choose(2, false);
        assertFalse(model.canCompare());
        model.compareChosen();
        assertEquals(0, compared, "one run is not a comparison");
        model.choose(1, true);
        assertEquals(List.of(older.runId(), newer.runId()), model.selectedRuns());
        assertTrue(model.canCompare());
        model.compareChosen();
        assertEquals(1, compared);
        model.choose(1, true);
        assertEquals(List.of(older.runId()), model.selectedRuns(), "Shift+click again takes it out");
        model.choose(0, false);
        assertEquals(List.of(running.runId()), model.selectedRuns(), "a plain click chooses it alone");

        // A newer run appears on top: the choice and the cursor stay on their runs.
        RunSummary newest = HandLogs.run(project, "feature-01kp0000000000000000000004").started(300)
                .node("build", 301, 302).completed(303).write();
        model.show(HistoryGrid.of(List.of(newest, running, newer, older)));
        assertEquals(List.of(running.runId()), model.selectedRuns());
        assertTrue(model.isSelected(1));
        assertEquals(running.runId(), model.cursorProperty().get().runId());
        // A run gone from the grid leaves the choice.
        model.show(HistoryGrid.of(List.of(newest, newer, older)));
        assertEquals(List.of(), model.selectedRuns());
        assertNull(model.cursorProperty().get());
    }

    @Test
    void keysMoveTheCursorWithinTheGridAndEnterOpensItsCell() throws IOException {
        HistoryGridViewModel model = model(RunStatus.RUNNING);
        model.moveCursor(1, 0);
        assertEquals(new HistoryGridViewModel.Cursor(newer.runId(), 0), model.cursorProperty().get());
        model.moveCursor(5, 1);
        assertEquals(new HistoryGridViewModel.Cursor(older.runId(), 1), model.cursorProperty().get());
        model.moveCursor(0, 9);
        assertEquals(2, model.cursorProperty().get().column());
        model.moveCursor(0, -9);
        assertEquals(-1, model.cursorProperty().get().column(), "left of the nodes: the run itself");
        model.openCursor();
        assertEquals(List.of(older.runId() + " null 1"), opened, "the run's own columns open it at its start");
        model.moveCursor(0, 1);
        model.toggleCursorRun();
        assertEquals(List.of(older.runId()), model.selectedRuns());
        model.cursorTo(0);
        model.openCursor();
        assertEquals(running.runId() + " build " + running.node("build").firstLine(), opened.getLast());
    }

    @Test
    void eachRunKnowsWhereItsPipesColumnsAreWhenEveryPipeIsShown() throws IOException {
        HistoryGridViewModel model = model(RunStatus.RUNNING);
        RunSummary bugfix = HandLogs.run(project, "bugfix-01kp0000000000000000000005").started(400)
                .node("reproduce", 401, 405).node("fix", 405, 409).completed(410).write();
        model.show(HistoryGrid.of(List.of(bugfix, running, newer, older)));
        // Pipes come by name: bugfix's two columns, then feature's three.
        assertEquals(List.of("bugfix", "bugfix", "feature", "feature", "feature"),
                java.util.stream.IntStream.range(0, 5).mapToObj(model::groupOf).toList());
        assertEquals(List.of(0, 1), java.util.Arrays.stream(model.columnsOf(0)).boxed().toList());
        assertEquals(List.of(2, 4), java.util.Arrays.stream(model.columnsOf(2)).boxed().toList());
        assertTrue(model.cellTooltip(2, 0).contains("is a run of feature: its nodes are under that heading"),
                model.cellTooltip(2, 0));
        assertTrue(model.cellTooltip(1, 4).endsWith("did not reach ship"), model.cellTooltip(1, 4));
        assertFalse(model.open(2, 0), "another pipe's column opens nothing");
    }
}
