package dev.omne.inspector.ui.timeline;

import dev.omne.inspector.ui.common.AppIcon;
import dev.omne.inspector.ui.testing.TestLogs;
import dev.omne.inspector.ui.common.Styles;
import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.ui.timeline.TimelineModel;
import dev.omne.inspector.ui.common.FxTaskExecutor;
import dev.omne.inspector.ui.common.TaskExecutor;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import dev.omne.inspector.ui.testing.FxStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static dev.omne.inspector.ui.testing.FxWait.fx;
import static dev.omne.inspector.ui.testing.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real timeline on a small run log: clicking a bar, dragging a range on the axis, zoom keys, CSS colours. */
class TimelineFxTest {
    @RegisterExtension
    final FxStage fx = new FxStage(1);

    static final long T0 = Timestamps.parseMicros("2026-04-15T10:00:00Z");
    static final long S = 1_000_000;

    @TempDir
    Path dir;

    private TimelineViewModel model;
    private TimelineView view;
    private StackPane root;
    private final List<String> chosen = new CopyOnWriteArrayList<>();
    private final List<long[]> ranges = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        fx.start(stage -> {
            model = new TimelineViewModel(fx.tasks(), () -> T0 + 60 * S, ZoneOffset.UTC);
            model.setOnNodeChosen(chosen::add);
            model.setOnRangeChosen((from, to) -> ranges.add(new long[] {from, to}));
            view = new TimelineView(model, ZoneOffset.UTC);
            root = new StackPane(view);
            root.getStylesheets().add(Styles.STYLESHEET);
            stage.setScene(new Scene(root, 900, 320));
        });
    }


    private void showRun() throws Exception {
        IndexSnapshot s = TestLogs.index(dir, List.of(
                TestLogs.event("run.started", 0, null),
                TestLogs.started(1, "plan", "prompt"),
                TestLogs.event("node.completed", 10, "plan"),
                TestLogs.started(12, "build", "bash"),
                TestLogs.event("gate.passed", 20, "build"),
                TestLogs.event("node.failed", 30, "build"),
                TestLogs.started(32, "deploy", "command"),
                TestLogs.event("node.completed", 40, "deploy"),
                TestLogs.event("run.failed", 41, null)));
        fx(() -> {
            model.rebuild(s, null);
            return null;
        });
        waitUntil("the timeline is built", () -> model.model().laneCount() == 3);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D onLanes(double x, double y) throws Exception {
        return fx(() -> view.lanesCanvas().localToScreen(x, y));
    }

    @Test
    void laneKindIconsAreDrawnInTheIconFont() throws Exception {
        javafx.scene.text.Font font = fx(() -> AppIcon.font(14));
        assertTrue(fx(javafx.scene.text.Font::getFamilies).contains(font.getFamily()), font.getFamily());
        assertNotEquals("System", font.getFamily(), "a font that has the icons, not the fallback");
        assertEquals(AppIcon.KIND_BASH, AppIcon.ofKind("bash"));
        assertEquals(AppIcon.KIND_PROMPT, AppIcon.ofKind("prompt"));
        assertEquals(AppIcon.KIND_OTHER, AppIcon.ofKind(null));
        assertEquals(2, AppIcon.KIND_LOOP.glyph().length(), "a code point past the BMP, as a surrogate pair");
    }

    @Test
    void clickingABarChoosesItsNode(FxRobot robot) throws Exception {
        showRun();
        int lane = fx(() -> model.model().laneOf("build"));
        double x = fx(() -> view.xOf(T0 + 15 * S));
        double y = fx(() -> view.laneCenterY(lane));
        robot.clickOn(onLanes(x, y));
        waitUntil("build is chosen", () -> chosen.equals(List.of("build")));
        assertEquals("build", fx(model::chosenNode));
        // the lane label chooses its node too
        int plan = fx(() -> model.model().laneOf("plan"));
        robot.clickOn(onLanes(60, fx(() -> view.laneCenterY(plan))));
        waitUntil("plan is chosen", () -> chosen.equals(List.of("build", "plan")));
    }

    @Test
    void draggingOnTheAxisChoosesThatTimeRange(FxRobot robot) throws Exception {
        showRun();
        double fromX = TimelineView.LABEL_WIDTH + 120;
        double toX = TimelineView.LABEL_WIDTH + 360;
        double y = TimelineView.AXIS_HEIGHT / 2;
        Point2D from = fx(() -> view.axisCanvas().localToScreen(fromX, y));
        Point2D to = fx(() -> view.axisCanvas().localToScreen(toX, y));
        long earliest = fx(() -> view.timeAt(fromX - 2));
        long latest = fx(() -> view.timeAt(toX + 2));
        long viewStart = fx(model::viewStart);
        robot.drag(from, MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        waitUntil("a range is chosen", () -> ranges.size() == 1);
        long[] range = ranges.getFirst();
        assertTrue(range[0] >= earliest && range[0] <= latest, "from within the dragged pixels");
        assertTrue(range[1] >= earliest && range[1] <= latest, "to within the dragged pixels");
        assertTrue(range[1] - range[0] > (latest - earliest) / 2, "most of the dragged span");
        assertEquals(viewStart, fx(model::viewStart), "dragging the axis does not pan");
    }

    @Test
    void plusZoomsInAndZeroFitsAgain(FxRobot robot) throws Exception {
        showRun();
        long span = fx(() -> model.viewEnd() - model.viewStart());
        fx(() -> {
            view.requestFocus();
            return null;
        });
        waitUntil("the timeline has the focus", () -> view.isFocused());
        robot.type(KeyCode.PLUS);
        waitUntil("the window shrank", () -> model.viewEnd() - model.viewStart() < span);
        robot.type(KeyCode.DIGIT0);
        waitUntil("the window fits the run", () -> model.isFitted());
        assertEquals(fx(model::fitStart), fx(model::viewStart));
        assertEquals(fx(model::fitEnd), fx(model::viewEnd));
        assertEquals(span, fx(() -> model.viewEnd() - model.viewStart()));
    }

    @Test
    void coloursComeFromTheStylesheetAndFollowItsVariables() throws Exception {
        showRun();
        waitUntil("the stylesheet's completed colour", () -> Color.web("#1a7f37").equals(view.completedColor()));
        fx(() -> {
            root.setStyle("-omne-completed: #123456;");
            return null;
        });
        waitUntil("a redefined variable reaches the timeline", () -> Color.web("#123456").equals(view.completedColor()));
    }

    @Test
    void withoutARunItSaysSo() throws Exception {
        assertTrue(fx(() -> model.model() == TimelineModel.EMPTY));
        assertEquals(TimelineViewModel.NO_RUN, fx(() -> model.emptyTextProperty().get()));
    }
}
