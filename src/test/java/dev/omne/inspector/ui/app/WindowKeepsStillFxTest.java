package dev.omne.inspector.ui.app;

import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.ui.testing.FxStage;
import dev.omne.inspector.ui.testing.TestLogs;
import dev.omne.inspector.ui.testing.TestWindow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.omne.inspector.ui.testing.FxWait.fx;
import static dev.omne.inspector.ui.testing.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window, headless: keys work where the menu says, and nothing moves or is cut as the filter changes. */
class WindowKeepsStillFxTest {
    @RegisterExtension
    final FxStage fx = new FxStage(2);

    @TempDir
    Path dir;

    private MainWindowViewModel model;
    private MainWindowView view;

    @BeforeEach
    void start() throws Exception {
        TestWindow window = TestWindow.on(fx).size(1200, 760).open();
        model = window.model();
        view = window.view();
    }

    /** A run with a type whose name has underscores and a malformed line with a carriage return in it. */
    private void openRun(FxRobot robot) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(TestLogs.event("run.started", 0, null));
        for (int i = 1; i < 12; i++) {
            lines.add(TestLogs.event(i % 2 == 1 ? "node.started" : "node.completed", i, "n" + i / 2));
        }
        lines.add(TestLogs.event("run.signal_received", 13, null));
        lines.add("{\"type\":\"node.completed\",\r\"node_id\":");
        lines.add(TestLogs.event("run.completed", 14, null));
        Volume volume = TestLogs.volume(dir.resolve("project"), TestLogs.RUN, lines);
        robot.interact(() -> model.open(volume.root()));
        waitUntil("the run's rows show", () -> TestLogs.RUN.equals(model.eventTable().runId()) && table().getItems().size() == 15);
        waitUntil("the facets show", () -> !robot.lookup(".facet-chip").queryAll().isEmpty());
    }

    private TableView<Long> table() {
        return view.eventsView().table();
    }

    private List<ToggleButton> chips(FxRobot robot) throws Exception {
        return fx(() -> new ArrayList<>(robot.lookup(".facet-chip").queryAllAs(ToggleButton.class)));
    }

    private double height(FxRobot robot, String query) throws Exception {
        return fx(() -> robot.lookup(query).query().getLayoutBounds().getHeight());
    }

    @Test
    void theWindowsJavaFxIsLoadedAsModules() {
        // As the app runs it: JavaFX on a class path warns "Unsupported JavaFX configuration" at every start.
        assertTrue(javafx.application.Platform.class.getModule().isNamed());
        assertTrue(javafx.scene.control.TableView.class.getModule().isNamed());
    }

    @Test
    void escClearsTheFilterFromTheRunsListToo(FxRobot robot) throws Exception {
        openRun(robot);
        robot.clickOn("#filter-field").write("node:n1");
        waitUntil("filtered", () -> table().getItems().size() == 2);
        // The run's event count in the list is never cut (the time before it gives way in a narrow list).
        robot.interact(() -> {
            javafx.scene.Node n = view.runsView().list();
            while (!(n instanceof javafx.scene.control.SplitPane)) {
                n = n.getParent();
            }
            ((javafx.scene.control.SplitPane) n).setDividerPositions(0.14);
        });
        waitUntil("the count is drawn", () -> robot.lookup(".run-cell .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().endsWith(" events")));
        for (Label l : fx(() -> robot.lookup(".run-cell .label").queryAllAs(Label.class).stream()
                .filter(l -> l.getText() != null && l.getText().endsWith(" events")).toList())) {
            assertTrue(fx(() -> l.getWidth() >= l.prefWidth(-1) - 0.5), l.getText() + " is cut");
        }
        robot.clickOn("#run-list");
        waitUntil("the list has the focus", () -> view.runsView().list().isFocused());
        robot.type(KeyCode.ESCAPE);
        waitUntil("Esc in the runs list cleared the filter", () -> table().getItems().size() == 15
                && model.filterBar().textProperty().get().isEmpty());
    }

    @Test
    void chipsShowUnderscoresKeepTheirOrderAndAreReachedWithTab(FxRobot robot) throws Exception {
        openRun(robot);
        ToggleButton signal = chips(robot).stream().filter(c -> "run.signal_received".equals(c.getUserData()))
                .findFirst().orElseThrow();
        assertTrue(fx(() -> signal.getText().startsWith("run.signal_received ")), fx(signal::getText));
        // What is drawn, not only the text property: the label inside the chip has the underscore.
        assertTrue(fx(() -> signal.lookupAll(".text").stream().anyMatch(t -> t instanceof javafx.scene.text.Text text
                && text.getText().contains("signal_received"))));
        List<Object> order = fx(() -> chips(robot).stream().map(Node::getUserData).toList());
        robot.clickOn(chips(robot).stream().filter(c -> "node.started".equals(c.getUserData())).findFirst().orElseThrow());
        waitUntil("filtered by the chip", () -> table().getItems().size() == 6);
        assertEquals(order, fx(() -> chips(robot).stream().map(Node::getUserData).toList()), "no chip moved");
        // The keyboard path: Tab from the field reaches the chips, Space toggles one.
        robot.clickOn("#filter-field");
        robot.type(KeyCode.TAB);
        waitUntil("a chip has the focus", () -> chips(robot).stream().anyMatch(Node::isFocused));
        Object focused = fx(() -> chips(robot).stream().filter(Node::isFocused).findFirst().orElseThrow().getUserData());
        robot.type(KeyCode.SPACE);
        waitUntil("Space toggled the focused chip", () -> model.filterBar().textProperty().get().contains("type:" + focused));
    }

    @Test
    void theFilterBarNeitherGrowsNorShrinksTheFieldAsFiltersComeAndGo(FxRobot robot) throws Exception {
        openRun(robot);
        double bar = height(robot, ".filter-bar");
        double field = fx(() -> robot.lookup("#filter-field").query().getLayoutBounds().getWidth());
        robot.clickOn("#filter-field").write("node:n1");
        waitUntil("filtered", () -> table().getItems().size() == 2);
        assertEquals(bar, height(robot, ".filter-bar"), "an active filter does not make the bar taller");
        robot.write(" /n(/");
        waitUntil("the error shows", () -> robot.lookup("#filter-error").queryAs(Label.class).isVisible());
        assertEquals(bar, height(robot, ".filter-bar"));
        assertEquals(field, fx(() -> robot.lookup("#filter-field").query().getLayoutBounds().getWidth()),
                "the message does not take the field's width");
        Label error = fx(() -> robot.lookup("#filter-error").queryAs(Label.class));
        assertTrue(fx(() -> error.getWidth() >= error.prefWidth(-1)), "the message is not cut");
    }

    @Test
    void aMalformedRowWithACarriageReturnStaysOneRowAndItsTypeIsNotCut(FxRobot robot) throws Exception {
        openRun(robot);
        robot.interact(() -> model.eventTable().jumps().goToRow(13));
        waitUntil("the malformed row's cells show", () -> cell(robot, 13, "Summary") != null
                && cell(robot, 13, "Summary").getText() != null && cell(robot, 13, "Summary").getText().contains("\\r"));
        String summary = fx(() -> cell(robot, 13, "Summary").getText());
        assertFalse(summary.contains("\r"), summary);
        TableCell<?, ?> type = cell(robot, 13, "Type");
        assertEquals("malformed", fx(type::getText));
        double rowHeight = fx(() -> type.getHeight());
        assertEquals(rowHeight, fx(() -> cell(robot, 12, "Type").getHeight()), "as high as any other row");
        assertTrue(fx(() -> type.lookupAll(".text").stream().noneMatch(t -> t instanceof javafx.scene.text.Text text
                && text.getText().endsWith("…"))), "not cut");
    }

    /** The visible cell of a row (a table position: no filter here) in a column. */
    private TableCell<?, ?> cell(FxRobot robot, int row, String column) throws Exception {
        return fx(() -> robot.lookup(".table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
                .filter(r -> r.getIndex() == row && r.isVisible() && r.getParent() != null)
                .flatMap(r -> r.getChildrenUnmodifiable().stream())
                .filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                        && column.equals(c.getTableColumn().getText()))
                .map(n -> (TableCell<?, ?>) n).findFirst().orElse(null));
    }
}
