package dev.omne.inspector.ui;

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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's screenshots of the window: the real app on its demo volume, the failed run with a filter, taken
 * of an Xvfb screen with ImageMagick's {@code import}. Run by {@code packaging/screenshots.sh}, which starts
 * Xvfb and the GTK platform; {@code -Domne.theme} picks the theme, {@code SCREENSHOT} the file to write.
 */
@Tag("screenshots")
class ScreenshotsTest {
    static final String FAILED_RUN = "bugfix-01kp8a0nc0z1rnsax81s15v8xb";

    private final FxRobot robot = new FxRobot();
    private javafx.application.Application app;

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void theFailedDemoRunWithItsTimelineAndAFilter() throws Exception {
        Path out = Path.of(System.getenv().getOrDefault("SCREENSHOT", "target/screenshot.png")).toAbsolutePath();
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(InspectorApp.class);
        waitUntil(() -> Window.getWindows().stream().anyMatch(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().contains("(demo)")));
        Stage stage = (Stage) Window.getWindows().stream().filter(Window::isShowing).findFirst().orElseThrow();
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        ListView<?> runs = robot.lookup("#run-list").queryListView();
        waitUntil(() -> runs.getItems().size() == 4);
        robot.clickOn("bugfix");
        waitUntil(() -> robot.lookup("#event-table").queryTableView().getItems().size() == 12);
        robot.clickOn("#filter-field").write("node:fix node:tests");
        waitUntil(() -> robot.lookup("#event-table").queryTableView().getItems().size() == 5);
        // The failed node's event, its error in the detail pane.
        robot.clickOn("node.failed");
        waitUntil(() -> robot.lookup(".detail-text").tryQuery().isPresent());
        robot.moveTo(robot.lookup("#filter-summary").queryLabeled());
        WaitForAsyncUtils.waitForFxEvents(20);
        Files.createDirectories(out.getParent());
        Process grab = new ProcessBuilder("import", "-window", "root", "-crop", "1280x800+0+0", out.toString())
                .inheritIO().start();
        assertTrue(grab.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, grab.exitValue());
        assertTrue(Files.size(out) > 10_000, "a picture of the window");
    }
}
