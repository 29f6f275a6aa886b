package dev.omne.inspector.ui.app;

import dev.omne.inspector.testing.RunnerAppend;

import dev.omne.inspector.core.history.HistoryVolumes;
import dev.omne.inspector.core.history.NodeRun;
import dev.omne.inspector.core.history.RunComparison;
import dev.omne.inspector.core.history.RunSummary;
import dev.omne.inspector.core.history.RunSummaryBuilder;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.generate.VolumeGenerator;
import dev.omne.inspector.ui.history.HistoryGridView;
import dev.omne.inspector.ui.runs.RunItem;
import dev.omne.inspector.ui.session.VolumeSession;
import dev.omne.inspector.ui.testing.FxStage;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.omne.inspector.ui.testing.FxWait.fx;
import static dev.omne.inspector.ui.testing.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The history in the real window, headless: a cell opens its run at the node, two runs compared, a run live. */
class HistoryFxTest {
    @RegisterExtension
    final FxStage fx = new FxStage(3);

    @TempDir
    Path dir;

    private MainWindowViewModel model;
    private MainWindowView view;

    @BeforeEach
    void start() throws Exception {
        fx.start(stage -> {
            model = new MainWindowViewModel(fx.tasks(), VolumeSession.factory(Platform::runLater),
                    new AppSettings(SettingsStore.inMemory()), text -> { }, () -> {
                        throw new java.io.IOException("no demo in this test");
                    }, Clock.systemUTC(), ZoneOffset.UTC);
            view = new MainWindowView(model, ZoneOffset.UTC);
            stage.setScene(new Scene(view, 1280, 800));
        });
        fx.onClose(model::shutdown);
    }

    private HistoryGridView grid() {
        return view.historyView().gridView();
    }

    /** Opens a volume and switches to its history (Ctrl+2) until it shows {@code runs} rows. */
    private void openHistory(FxRobot robot, Path project, int runs) throws Exception {
        robot.interact(() -> model.open(project));
        waitUntil("runs listed", () -> model.runList().visibleRuns().size() == runs);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitUntil("the history shown", () -> model.history().shownProperty().get() && grid().isVisible());
        waitUntil("its rows", () -> model.history().grid().rowCount() == runs);
    }

    @Test
    void clickingACellOpensItsRunAtTheNodesFirstEventInView(FxRobot robot) throws Exception {
        HistoryVolumes.generate(dir, 6, 3000);
        openHistory(robot, dir, 6);
        // The second row's node in view whose first event lies deepest in its log.
        int row = 1;
        RunSummary run = fx(() -> model.history().grid().run(row));
        int columns = fx(() -> Math.min(grid().columnsInView(), model.history().grid().columnCount()));
        int chosen = fx(() -> {
            int best = -1;
            for (int c = 0; c < columns; c++) {
                NodeRun n = model.history().grid().cell(row, c);
                if (n != null && (best < 0 || n.firstLine() > model.history().grid().cell(row, best).firstLine())) {
                    best = c;
                }
            }
            return best;
        });
        NodeRun node = fx(() -> model.history().grid().cell(row, chosen));
        assertTrue(node.firstLine() > 100, "a node whose first event is deep in the log: line " + node.firstLine());

        Point2D at = fx(() -> grid().cellOnScreen(row, chosen));
        robot.clickOn(at);

        waitUntil("the single run shown", () -> !model.history().shownProperty().get()
                && run.runId().equals(model.eventTable().runId()));
        assertEquals(run.runId(), fx(() -> model.runList().selected().runId()), "the run selected in the list");
        waitUntil("the node's first event selected", () -> model.eventTable().selectedRow() >= 0
                && model.eventTable().snapshot().line(model.eventTable().selectedRow()) == node.firstLine());
        assertEquals(node.nodeId(), fx(() -> model.eventTable().chosenNode().nodeProperty().get()), "its events marked");
        waitUntil("the row in view", () -> selectedRowShows(robot));
        assertTrue(fx(() -> robot.lookup("#status-message").queryAs(Label.class).getText())
                .startsWith("Node " + node.nodeId() + ":"));
    }

    /** Whether the table shows the selected row within its viewport. */
    private boolean selectedRowShows(FxRobot robot) {
        var table = view.eventsView().table();
        var bounds = table.localToScreen(table.getBoundsInLocal());
        return robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .anyMatch(r -> r.isSelected() && r.isVisible() && r.getItem() != null
                        && bounds.contains(r.localToScreen(r.getWidth() / 2, r.getHeight() / 2)));
    }

    @Test
    void twoRunsChosenInTheGridOrInTheRunsListAreCompared(FxRobot robot) throws Exception {
        HistoryVolumes.generate(dir, 8, 300);
        openHistory(robot, dir, 8);
        Button compare = robot.lookup("#history-compare").queryButton();
        assertTrue(fx(compare::isDisabled), "nothing to compare yet");
        RunSummary newer = fx(() -> model.history().grid().run(0));
        RunSummary older = fx(() -> model.history().grid().run(3));
        // A click chooses a run; the cursor goes down three rows and Space adds that run (the headless robot's
        // mouse events carry no modifier keys, so Shift+click is left to the ViewModel's tests).
        robot.clickOn(fx(() -> grid().cellOnScreen(0, -1)));
        robot.type(KeyCode.DOWN, 3).type(KeyCode.SPACE);
        waitUntil("two runs chosen", () -> !compare.isDisabled());
        robot.clickOn(compare);
        waitUntil("the comparison shown", () -> model.history().comparison().comparison() != null);
        RunComparison c = fx(() -> model.history().comparison().comparison());
        assertEquals(older.runId(), c.a().runId(), "the older run is A");
        assertEquals(newer.runId(), c.b().runId());
        assertEquals(RunComparison.of(older, newer).nodes().size(), c.nodes().size());
        assertEquals(c.nodes().size(), fx(() -> view.historyView().comparisonView().lookupAll(".compare-table")
                .stream().findFirst().map(t -> ((javafx.scene.control.TableView<?>) t).getItems().size()).orElse(-1)));
        assertEquals(fx(() -> model.history().comparison().divergenceText()),
                fx(() -> robot.lookup("#compare-divergence").queryAs(Label.class).getText()));
        assertTrue(fx(() -> robot.lookup("#compare-title-a").queryAs(Label.class).getText())
                .contains(dev.omne.inspector.core.volume.RunIds.shortId(older.runId())));

        // In the runs list: a run, Ctrl+click another, Ctrl+D.
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        waitUntil("the single run shown", () -> !model.history().shownProperty().get());
        List<RunItem> listed = fx(() -> List.copyOf(model.runList().visibleRuns()));
        RunItem first = listed.get(1);
        RunItem second = listed.get(2);
        robot.clickOn(cellOf(robot, first));
        robot.press(KeyCode.SHIFT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.SHIFT);
        waitUntil("two runs selected in the list", () -> view.runsView().chosenRuns().size() == 2);
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        waitUntil("the history shows their comparison", () -> model.history().shownProperty().get()
                && model.history().comparison().comparison() != null
                && model.history().comparison().comparison().b().runId().equals(first.runId()));
        assertEquals(second.runId(), fx(() -> model.history().comparison().comparison().a().runId()));
    }

    private javafx.scene.Node cellOf(FxRobot robot, RunItem run) throws Exception {
        return fx(() -> robot.lookup(".run-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(c -> c.getItem() == run && c.isVisible()).findFirst().orElseThrow());
    }

    @Test
    void aRunWrittenByAnotherProcessAppearsInTheGridAndGrows(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(hasPython(), "needs python3 with fcntl to write as the omne runner does (under flock)");
        HistoryVolumes.generate(dir, 3, 200);
        VolumeGenerator.RunFile source = VolumeGenerator.generate(dir.resolve("source"), HistoryVolumes.options(3, 400)
                .withStart(Instant.parse("2026-05-01T00:00:00Z"))).runs().getLast();
        openHistory(robot, dir, 3);
        Path target = Volume.open(dir).eventsFile(source.runId());
        Path script = Path.of(getClass().getResource("/dev/omne/inspector/tail/tail_writer.py").toURI());
        Process writer = RunnerAppend.onPath(new ProcessBuilder("python3", script.toString(), "copy",
                source.file().toString(), target.toString(), "25", "40")).redirectErrorStream(true)
                .redirectOutput(dir.resolve("writer.out").toFile()).start();
        try {
            waitUntil("the new run on top of the grid", () -> model.history().grid().rowCount() == 4
                    && model.history().grid().run(0).runId().equals(source.runId()));
            RunSummary partWay = fx(() -> model.history().grid().run(0));
            assertTrue(writer.waitFor(60, TimeUnit.SECONDS), "the writer finished");
            assertEquals(0, writer.exitValue(), Files.readString(dir.resolve("writer.out")));
            RunSummary whole = RunSummaryBuilder.read(source.runId(), target);
            assertTrue(partWay.events() < whole.events(), "seen while it was written: " + partWay.events()
                    + " of " + whole.events() + " events");
            waitUntil("the grid's row is the whole run", () -> whole.equals(model.history().grid().run(0)));
            int reached = fx(() -> {
                int n = 0;
                for (int c = 0; c < model.history().grid().columnCount(); c++) {
                    n += model.history().grid().cell(0, c) == null ? 0 : 1;
                }
                return n;
            });
            assertEquals(whole.nodes().size(), reached, "a cell for each node it reached");
            assertFalse(fx(() -> grid().emptyLabel().isVisible()));
        } finally {
            writer.destroyForcibly();
        }
    }

    private static boolean hasPython() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import fcntl").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException | InterruptedException e) {
            return false;
        }
    }
}
