package dev.omne.inspector.ui.app;

import dev.omne.inspector.ui.testing.FxWait;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's screenshots of the window: the real app on its demo volume (the failed run with its timeline and
 * a filter, a malformed line, the Inject dialog, the live run; the history's grid, node statistics and two runs
 * compared), taken of an Xvfb screen with ImageMagick's
 * {@code import}. Run by {@code packaging/screenshots.sh}, which starts Xvfb and the GTK platform;
 * {@code -Domne.theme} picks the theme, {@code SCREENSHOT_DIR} where the pictures go.
 */
@Tag("screenshots")
class ScreenshotsTest {
    static final String FAILED_RUN = "bugfix-01kp8a0nc0z1rnsax81s15v8xb";

    private final FxRobot robot = new FxRobot();
    private javafx.application.Application app;

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    /** Starts the app on its demo volume, 1280x800 at the screen's corner, its runs listed. */
    private void startDemo() throws Exception {
        start("(demo)");
        ListView<?> runs = robot.lookup("#run-list").queryListView();
        FxWait.waitUntil("the demo's runs", 20, () -> runs.getItems().size() == 15);
    }

    /** Starts the app (on {@code folder}, if given) and puts its window at the screen's corner, 1280x800. */
    private void start(String titled, String... folder) throws Exception {
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(InspectorApp.class, folder);
        FxWait.waitUntil("the window open", 20, () -> Window.getWindows().stream().anyMatch(w -> w instanceof Stage s
                && s.getTitle() != null && s.getTitle().contains(titled)));
        Stage stage = (Stage) Window.getWindows().stream().filter(Window::isShowing).findFirst().orElseThrow();
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(800);
        });
    }

    /** The Xvfb screen, as ImageMagick sees it, into SCREENSHOT_DIR/NAME-THEME.png. */
    private static void grab(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents(20);
        Path dir = Path.of(System.getenv().getOrDefault("SCREENSHOT_DIR", "target/screenshots")).toAbsolutePath();
        Path out = dir.resolve(name + "-" + System.getProperty("omne.theme", "light") + ".png");
        Files.createDirectories(dir);
        Process grab = new ProcessBuilder("import", "-window", "root", "-crop", "1280x800+0+0", out.toString())
                .inheritIO().start();
        assertTrue(grab.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, grab.exitValue());
        assertTrue(Files.size(out) > 10_000, "a picture of the window");
    }

    private int rows() {
        return robot.lookup("#event-table").queryTableView().getItems().size();
    }

    @Test
    void timelineAndFilter() throws Exception {
        startDemo();
        robot.clickOn("bugfix");
        FxWait.waitUntil("the failed run's rows", 20, () -> rows() == 12);
        robot.clickOn("#filter-field").write("node:fix node:tests");
        FxWait.waitUntil("the filtered rows", 20, () -> rows() == 5);
        // The failed node's event, its error in the detail pane.
        robot.clickOn("node.failed");
        FxWait.waitUntil("the detail pane", 20, () -> robot.lookup(".detail-text").tryQuery().isPresent());
        robot.moveTo(robot.lookup("#filter-summary").queryLabeled());
        grab("timeline-filter");
    }

    @Test
    void malformedLine() throws Exception {
        startDemo();
        robot.clickOn("nightly");
        FxWait.waitUntil("the run's rows", 20, () -> rows() == 21);
        robot.clickOn("#event-table");
        robot.type(javafx.scene.input.KeyCode.F8);
        FxWait.waitUntil("the status message", 20, () -> robot.lookup("#status-message").tryQueryAs(javafx.scene.control.Label.class)
                        .map(l -> l.getText() != null && l.getText().startsWith("Malformed line")).orElse(false));
        robot.moveTo(robot.lookup("#status-volume").queryLabeled());
        grab("malformed-line");
    }

    @Test
    void injectDialog() throws Exception {
        startDemo();
        robot.clickOn("watch");
        FxWait.waitUntil("the live run's rows", 20, () -> rows() > 10);
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.I)
                .release(javafx.scene.input.KeyCode.I, javafx.scene.input.KeyCode.CONTROL);
        FxWait.waitUntil("the Inject dialog", 20, () -> robot.lookup("#inject-type").tryQuery().isPresent());
        robot.clickOn("#inject-type").write("node.failed");
        robot.clickOn("#inject-node").write("deploy");
        robot.clickOn("#inject-error-kind").write("timeout");
        robot.clickOn("#inject-error-message").write("deploy step timed out after 600 s");
        robot.moveTo("#inject-preview");
        grab("inject-dialog");
        robot.clickOn("#inject-cancel");
    }

    @Test
    void folderPicker() throws Exception {
        startDemo();
        String root = robot.lookup("#status-volume").queryLabeled().getText();
        robot.clickOn("#status-bar");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.O)
                .release(javafx.scene.input.KeyCode.O, javafx.scene.input.KeyCode.CONTROL);
        FxWait.waitUntil("the Open Folder dialog", 20, () -> robot.lookup("#picker-path").tryQuery().isPresent());
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A)
                .release(javafx.scene.input.KeyCode.A, javafx.scene.input.KeyCode.CONTROL);
        robot.write(root).type(javafx.scene.input.KeyCode.ENTER);
        FxWait.waitUntil("the demo project listed, its .omne marked", 20, () -> robot.lookup("#picker-folder-note")
                .queryLabeled().getText().startsWith("omne project") && robot.lookup(".folder-note").queryAllAs(
                javafx.scene.control.Label.class).stream().anyMatch(l -> l.getText().startsWith("omne folder")));
        robot.type(javafx.scene.input.KeyCode.DOWN);
        grab("folder-picker");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void liveRun() throws Exception {
        startDemo();
        robot.clickOn("watch");
        int before = WaitForAsyncUtils.asyncFx(this::rows).get();
        // Followed: the driver's next events arrive at the end.
        FxWait.waitUntil("the appended rows", 20, () -> rows() >= before + 2);
        robot.moveTo(robot.lookup("#status-volume").queryLabeled());
        grab("live-run");
    }

    /**
     * The scale benchmark's run of a million lines (generated into {@code target/scale-run} unless
     * {@code BENCH_VOLUME} names one): every run of every node on a lane of its own, a failed run selected in the
     * table and the timeline following it, zoomed in around it.
     */
    @Test
    void scaleRun() throws Exception {
        Path project = System.getenv("BENCH_VOLUME") != null ? Path.of(System.getenv("BENCH_VOLUME"))
                : Path.of("target/scale-run").toAbsolutePath();
        if (!Files.isDirectory(project.resolve(".omne"))) {
            dev.omne.inspector.generate.VolumeGenerator.generate(project, dev.omne.inspector.generate.VolumeGenerator
                    .Options.defaults().withRuns(1).withEventsPerRun(1_000_000).withMalformedEvery(10_000).withSeed(42));
        }
        start(project.getFileName().toString(), project.toString());
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> robot
                .lookup("#status-events").queryLabeled().getText().startsWith("999,900 events")
                && robot.lookup("#timeline-shown").queryLabeled().getText().contains("7 nodes")).get());
        robot.clickOn("#lane-grouping");
        robot.clickOn("#lane-grouping-runs");
        robot.clickOn("#lane-grouping");
        robot.clickOn("#lane-groups-open");
        // A failed node's event, found with the filter; the filter cleared, it stays selected and followed.
        robot.clickOn("#filter-field").write("type:node.failed");
        FxWait.waitUntil("the failed nodes' rows", 60, () -> rows() == 5_528);
        FxWait.waitUntil("the timeline's nodes", 60, () -> robot.lookup("#timeline-shown").queryLabeled().getText().contains("7 nodes"));
        robot.clickOn(robot.lookup(".table-row-cell").nth(3).queryAs(javafx.scene.Node.class));
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> robot
                .lookup("#filter-field").queryTextInputControl().getText().isEmpty()
                && robot.lookup(".table-row-cell:selected").tryQuery().isPresent()).get());
        robot.clickOn("#timeline-axis");
        for (int i = 0; i < 16; i++) {
            robot.type(javafx.scene.input.KeyCode.EQUALS);
        }
        robot.moveTo(robot.lookup("#status-volume").queryLabeled());
        grab("scale-run");
    }

    // The history of the demo's feature pipe: a dozen runs, three failed, one slow, one with a retried node.

    private dev.omne.inspector.ui.history.HistoryGridView showFeatureHistory() throws Exception {
        startDemo();
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT2)
                .release(javafx.scene.input.KeyCode.DIGIT2, javafx.scene.input.KeyCode.CONTROL);
        var grid = (dev.omne.inspector.ui.history.HistoryGridView) robot.lookup("#history-grid").query();
        FxWait.waitUntil("every run in the grid", 20, () -> grid.model().rowCount() == 15);
        javafx.scene.control.ComboBox<?> pipe = robot.lookup("#history-pipe").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> ((javafx.scene.control.ComboBox<String>) pipe).getSelectionModel().select("feature"));
        FxWait.waitUntil("the feature pipe's runs", 20, () -> grid.model().rowCount() == 12);
        return grid;
    }

    private static final String SLOW_RUN = "feature-01kp61hhyg1d11nymce155b1n8";
    private static final String OOM_RUN = "feature-01kp6h8p8pqk3es9d8eebbrptd";
    private static final String RUN_BEFORE = "feature-01kp811h9fn9qtp69j4z86804n";

    @Test
    void historyGrid() throws Exception {
        var grid = showFeatureHistory();
        int row = WaitForAsyncUtils.asyncFx(() -> grid.model().rowOf(SLOW_RUN)).get();
        int column = WaitForAsyncUtils.asyncFx(() -> {
            for (int c = 0; c < grid.model().columnCount(); c++) {
                if (grid.model().columnText(c).equals("implement-2")) {
                    return c;
                }
            }
            return -1;
        }).get();
        // The pointer on the slow run's slow node: its tooltip.
        robot.moveTo(WaitForAsyncUtils.asyncFx(() -> grid.cellOnScreen(row, column)).get());
        FxWait.waitUntil("the tooltip", 20, () -> robot.lookup(".tooltip").tryQuery().isPresent());
        grab("history-grid");
    }

    @Test
    void historyStatistics() throws Exception {
        showFeatureHistory();
        javafx.scene.control.ChoiceBox<?> order = robot.lookup("#statistics-order").queryAs(javafx.scene.control.ChoiceBox.class);
        robot.interact(() -> ((javafx.scene.control.ChoiceBox<dev.omne.inspector.core.history.NodeStatistics.Order>) order)
                .setValue(dev.omne.inspector.core.history.NodeStatistics.Order.SLOWEST));
        // The pointer on the trend of the flaky unit-tests node: its tooltip.
        robot.moveTo(robot.lookup(".sparkline-cell").queryAll().stream().filter(n -> n.isVisible()
                && ((javafx.scene.control.TableCell<?, ?>) n).getItem() instanceof
                dev.omne.inspector.core.history.NodeStats stats && stats.node().nodeId().equals("unit-tests"))
                .findFirst().orElseThrow());
        FxWait.waitUntil("the tooltip", 20, () -> robot.lookup(".tooltip").tryQuery().isPresent());
        grab("history-statistics");
    }

    @Test
    void historyComparison() throws Exception {
        var grid = showFeatureHistory();
        int before = WaitForAsyncUtils.asyncFx(() -> grid.model().rowOf(RUN_BEFORE)).get();
        int failed = WaitForAsyncUtils.asyncFx(() -> grid.model().rowOf(OOM_RUN)).get();
        // A run chosen with a click, the cursor down to the other, Space adds it, Ctrl+D compares.
        robot.clickOn(WaitForAsyncUtils.asyncFx(() -> grid.cellOnScreen(before, -1)).get());
        robot.type(javafx.scene.input.KeyCode.DOWN, failed - before).type(javafx.scene.input.KeyCode.SPACE);
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.D)
                .release(javafx.scene.input.KeyCode.D, javafx.scene.input.KeyCode.CONTROL);
        FxWait.waitUntil("where the runs diverge", 20, () -> robot.lookup("#compare-divergence").queryAs(javafx.scene.control.Label.class).getText()
                .startsWith("First divergence"));
        robot.moveTo(robot.lookup("#compare-divergence").queryLabeled());
        grab("history-compare");
    }
}
