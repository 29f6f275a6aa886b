package dev.omne.inspector.ui.timeline;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.ui.common.AppIcon;
import dev.omne.inspector.ui.common.Styles;
import dev.omne.inspector.ui.testing.FxStage;
import dev.omne.inspector.ui.testing.TestLogs;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.omne.inspector.ui.testing.FxWait.fx;
import static dev.omne.inspector.ui.testing.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real timeline: clicking bars and labels, a range dragged on the axis, zoom keys around the selected event,
 * scrolling many lanes, the lane search, grouping and closing groups, the overview's window dragged, following the
 * selection, CSS colours.
 */
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
    private final List<Integer> chosenRows = new CopyOnWriteArrayList<>();
    private final List<long[]> ranges = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        fx.start(stage -> {
            model = new TimelineViewModel(fx.tasks(), () -> T0 + 60 * S, ZoneOffset.UTC);
            model.setOnNodeChosen(node -> {
                chosen.add(node);
                chosenRows.add(model.chosenFromRow());
            });
            model.setOnRangeChosen((from, to) -> ranges.add(new long[] {from, to}));
            view = new TimelineView(model, ZoneOffset.UTC);
            root = new StackPane(view);
            root.getStylesheets().add(Styles.STYLESHEET);
            stage.setScene(new Scene(root, 1000, 420));
        });
    }

    private IndexSnapshot show(List<String> lines, int lanes) throws Exception {
        IndexSnapshot s = TestLogs.index(dir, lines);
        fx(() -> {
            model.rebuild(s, null);
            return null;
        });
        waitUntil("the timeline is built", () -> model.model().laneCount() == lanes);
        WaitForAsyncUtils.waitForFxEvents();
        return s;
    }

    private IndexSnapshot showRun() throws Exception {
        return show(List.of(
                TestLogs.event("run.started", 0, null),
                TestLogs.started(1, "plan", "prompt"),
                TestLogs.event("node.completed", 10, "plan"),
                TestLogs.started(12, "build", "bash"),
                TestLogs.event("gate.passed", 20, "build"),
                TestLogs.event("node.failed", 30, "build"),
                TestLogs.started(32, "deploy", "command"),
                TestLogs.event("node.completed", 40, "deploy"),
                TestLogs.event("run.failed", 41, null)), 3);
    }

    /** 40 stages of 5 steps ({@code s07.step3}), one after another over the minute, and a node run three times. */
    private IndexSnapshot showManyLanes() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String node = String.format("s%02d.step%d", i / 5, i % 5);
            lines.add(TestLogs.started(i * 50 / 200, node, i % 2 == 0 ? "bash" : "prompt"));
            lines.add(TestLogs.event(i % 37 == 0 ? "node.failed" : "node.completed", i * 50 / 200 + 1, node));
        }
        for (int i = 0; i < 3; i++) {
            lines.add(TestLogs.started(52 + 2 * i, "retried", "command"));
            lines.add(TestLogs.event("node.failed", 53 + 2 * i, "retried"));
        }
        return show(lines, 201);
    }

    private Point2D on(Canvas canvas, double x, double y) throws Exception {
        return fx(() -> canvas.localToScreen(x, y));
    }

    private void focusTimeline() throws Exception {
        fx(() -> {
            view.requestFocus();
            return null;
        });
        waitUntil("the timeline has the focus", () -> view.isFocused());
    }

    @Test
    void laneKindIconsAreDrawnInTheIconFont() throws Exception {
        javafx.scene.text.Font font = fx(() -> AppIcon.font(14));
        assertTrue(fx(javafx.scene.text.Font::getFamilies).contains(font.getFamily()), font.getFamily());
        assertNotEquals("System", font.getFamily(), "a font that has the icons, not the fallback");
        assertEquals(AppIcon.KIND_BASH, AppIcon.ofKind("bash"));
        assertEquals(AppIcon.KIND_OTHER, AppIcon.ofKind(null));
        assertEquals(2, AppIcon.KIND_LOOP.glyph().length(), "a code point past the BMP, as a surrogate pair");
    }

    @Test
    void clickingABarOrALabelChoosesItsNode(FxRobot robot) throws Exception {
        showRun();
        int lane = fx(() -> model.model().laneOf("build"));
        robot.clickOn(on(view.lanesCanvas(), fx(() -> view.xOf(T0 + 15 * S)), fx(() -> view.laneCenterY(lane))));
        waitUntil("build is chosen", () -> chosen.equals(List.of("build")));
        assertEquals(3, chosenRows.getFirst(), "at its first event");
        int plan = fx(() -> model.model().laneOf("plan"));
        robot.clickOn(on(view.lanesCanvas(), 60, fx(() -> view.laneCenterY(plan))));
        waitUntil("plan is chosen", () -> chosen.equals(List.of("build", "plan")));
    }

    @Test
    void draggingOnTheAxisChoosesThatTimeRange(FxRobot robot) throws Exception {
        showRun();
        double fromX = LanesPainter.LABEL_WIDTH + 120;
        double toX = LanesPainter.LABEL_WIDTH + 360;
        double y = TimelineView.AXIS_HEIGHT / 2;
        long earliest = fx(() -> view.timeAt(fromX - 2));
        long latest = fx(() -> view.timeAt(toX + 2));
        long viewStart = fx(() -> model.window().start());
        robot.drag(on(view.axisCanvas(), fromX, y), MouseButton.PRIMARY).moveTo(on(view.axisCanvas(), toX, y))
                .release(MouseButton.PRIMARY);
        waitUntil("a range is chosen", () -> ranges.size() == 1);
        long[] range = ranges.getFirst();
        assertTrue(range[0] >= earliest && range[0] <= latest, "from within the dragged pixels");
        assertTrue(range[1] >= earliest && range[1] <= latest, "to within the dragged pixels");
        assertTrue(range[1] - range[0] > (latest - earliest) / 2, "most of the dragged span");
        assertEquals(viewStart, fx(() -> model.window().start()), "dragging the axis does not pan");
    }

    @Test
    void plusZoomsInOnTheSelectedEventAndZeroFitsAgain(FxRobot robot) throws Exception {
        IndexSnapshot s = showRun();
        long span = fx(() -> model.window().span());
        fx(() -> {
            model.showEvent(s, 4); // the gate of build at 10:00:20
            return null;
        });
        focusTimeline();
        for (int i = 0; i < 5; i++) {
            robot.type(KeyCode.PLUS);
        }
        waitUntil("zoomed in five times", () -> model.window().span() < span / 7);
        double middle = fx(() -> LanesPainter.LABEL_WIDTH + (view.lanesCanvas().getWidth() - LanesPainter.LABEL_WIDTH) / 2);
        assertEquals(middle, fx(() -> view.xOf(T0 + 20 * S)), 1.5, "the selected event in the middle");
        robot.type(KeyCode.DIGIT0);
        waitUntil("the window fits the run", () -> model.window().isFitted());
        assertEquals(fx(() -> model.window().fitStart()), fx(() -> model.window().start()));
        assertEquals(span, fx(() -> model.window().span()));
    }

    @Test
    void manyLanesScrollWithTheirOwnBarAndOnlyTheRowsInViewAreLaidOut(FxRobot robot) throws Exception {
        showManyLanes();
        double viewport = fx(() -> view.lanesCanvas().getHeight());
        assertTrue(fx(() -> view.scrollBar().isVisible()), "a scroll bar of the lanes' own");
        assertTrue(viewport < 201 * LanesViewModel.ROW_HEIGHT / 4, "a canvas as high as the view, not the rows: " + viewport);
        assertEquals(201 * LanesViewModel.ROW_HEIGHT - viewport, fx(() -> view.scrollBar().getMax()), 1);
        // The headless platform places wheel events at the pointer's screen position in the window: put the window
        // at the screen's corner so the two agree.
        fx(() -> {
            fx.stage().setX(0);
            fx.stage().setY(0);
            return null;
        });
        robot.moveTo(on(view.lanesCanvas(), 400, viewport / 2));
        robot.scroll(10, javafx.geometry.VerticalDirection.DOWN);
        waitUntil("the lanes scrolled", () -> model.lanes().top() > 0);
        assertEquals(fx(() -> model.lanes().top()), fx(() -> view.scrollBar().getValue()), 1e-6);
        fx(() -> {
            view.scrollBar().setValue(100 * LanesViewModel.ROW_HEIGHT);
            return null;
        });
        waitUntil("the bar scrolls the lanes", () -> model.lanes().top() == 100 * LanesViewModel.ROW_HEIGHT);
        // The row under the pointer is the row there now.
        robot.clickOn(on(view.lanesCanvas(), 60, LanesViewModel.ROW_HEIGHT * 2.5));
        waitUntil("the lane two rows below the top is chosen", () -> chosen.equals(List.of("s20.step2")));
        focusTimeline();
        robot.type(KeyCode.END);
        waitUntil("End goes to the last lane", () -> model.lanes().top() == model.lanes().maxTop());
        robot.type(KeyCode.HOME);
        waitUntil("Home to the first", () -> model.lanes().top() == 0);
    }

    @Test
    void theLaneSearchGoesToMatchingLanesInTurn(FxRobot robot) throws Exception {
        showManyLanes();
        focusTimeline();
        robot.type(KeyCode.SLASH);
        TextField search = view.header().searchField();
        waitUntil("/ puts the caret in the lane search", search::isFocused);
        long start = fx(() -> model.window().start());
        long span = fx(() -> model.window().span());
        robot.write("s33.STEP");
        waitUntil("five matches", () -> model.lanes().matchCount() == 5);
        assertEquals("s33.STEP", search.getText(), "no / in it");
        assertEquals(start, fx(() -> model.window().start()), "keys in the field are not the timeline's (S, D)");
        assertEquals(span, fx(() -> model.window().span()));
        assertEquals("1 of 5", fx(() -> model.lanes().searchStatusProperty().get()));
        int first = fx(() -> model.model().laneOf("s33.step0"));
        assertEquals(first, fx(() -> model.lanes().currentMatchLane()));
        double y = fx(() -> view.laneCenterY(first));
        assertTrue(y > 0 && y < fx(() -> view.lanesCanvas().getHeight()), "scrolled to the match: " + y);
        robot.type(KeyCode.ENTER);
        waitUntil("Enter goes to the next", () -> model.lanes().currentMatchLane() == model.model().laneOf("s33.step1"));
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        waitUntil("Shift+Enter back", () -> model.lanes().currentMatchLane() == model.model().laneOf("s33.step0"));
        robot.type(KeyCode.ESCAPE);
        waitUntil("Esc: back to the lanes, the search gone", () -> view.isFocused() && search.getText().isEmpty()
                && model.lanes().matchCount() == 0);
    }

    @Test
    void lanesGroupAndAClosedGroupShowsWhereItsMembersRan(FxRobot robot) throws Exception {
        showManyLanes();
        robot.clickOn("#lane-grouping");
        robot.clickOn("#lane-grouping-prefix");
        waitUntil("40 stages and the node with no prefix", () -> model.lanes().rows().count() == 41);
        LaneRows rows = fx(() -> model.lanes().rows());
        int s05 = rows.tree().groupOfLane(fx(() -> model.model().laneOf("s05.step0")));
        int row = rows.rowOfGroup(s05);
        double y = fx(() -> model.lanes().rowY(row)) + LanesViewModel.ROW_HEIGHT / 2;
        // Its summary: a click on it chooses the member that ran there.
        long middle = fx(() -> {
            TimelineModel m = model.model();
            int bar = m.laneBarFrom(m.laneOf("s05.step2"));
            return (m.barStart(bar) + m.barEnd(bar)) / 2;
        });
        robot.clickOn(on(view.lanesCanvas(), fx(() -> view.xOf(middle)), y));
        waitUntil("a member of s05 is chosen", () -> chosen.size() == 1 && chosen.getFirst().startsWith("s05."));
        // The triangle opens it: its members under it.
        robot.clickOn(on(view.lanesCanvas(), 8, y));
        waitUntil("the group opened", () -> model.lanes().rows().isOpen(s05) && model.lanes().rows().count() == 46);
        assertEquals(fx(() -> model.lanes().rows().rowOfGroup(s05)) + 3,
                fx(() -> model.lanes().rows().rowShowing(model.model().laneOf("s05.step2"))));
        robot.clickOn(on(view.lanesCanvas(), 8, y));
        waitUntil("and closed again", () -> model.lanes().rows().count() == 41);
        robot.clickOn("#lane-grouping");
        robot.clickOn("#lane-groups-open");
        waitUntil("every group open", () -> model.lanes().rows().count() == 241);
    }

    @Test
    void theOverviewsWindowMovesResizesAndJumps(FxRobot robot) throws Exception {
        showManyLanes();
        fx(() -> {
            model.window().show(T0 + 10 * S, T0 + 20 * S);
            return null;
        });
        Canvas overview = view.overviewCanvas();
        TimeScale whole = fx(view::overviewScale);
        double y = TimelineView.OVERVIEW_HEIGHT / 2;
        double from = whole.xOf(T0 + 10 * S);
        double to = whole.xOf(T0 + 20 * S);
        // Drag the window by its middle: it moves and keeps its width.
        robot.drag(on(overview, (from + to) / 2, y), MouseButton.PRIMARY).moveBy(100, 0).release(MouseButton.PRIMARY);
        waitUntil("moved right", () -> model.window().start() > T0 + 10 * S + whole.micros(80));
        assertEquals(10 * S, fx(() -> model.window().span()), 1);
        assertEquals(T0 + 10 * S + whole.micros(100), fx(() -> model.window().start()), whole.micros(3));
        // Drag its right edge: wider, the left edge where it was.
        long start = fx(() -> model.window().start());
        double right = whole.xOf(fx(() -> model.window().end()));
        robot.drag(on(overview, right, y), MouseButton.PRIMARY).moveBy(80, 0).release(MouseButton.PRIMARY);
        waitUntil("wider", () -> model.window().span() > 10 * S + whole.micros(60));
        assertEquals(start, fx(() -> model.window().start()));
        // Drag elsewhere: that is the window.
        double a = whole.xOf(T0 + 50 * S);
        robot.drag(on(overview, a, y), MouseButton.PRIMARY).moveBy(40, 0).release(MouseButton.PRIMARY);
        waitUntil("a new window", () -> Math.abs(model.window().start() - (T0 + 50 * S)) <= whole.micros(3));
        assertEquals(whole.micros(40), fx(() -> model.window().span()), whole.micros(3));
        // A click elsewhere centres it there.
        long span = fx(() -> model.window().span());
        robot.clickOn(on(overview, whole.xOf(T0 + 5 * S), y));
        waitUntil("centred", () -> Math.abs(model.window().start() + span / 2 - (T0 + 5 * S)) <= whole.micros(3));
        robot.doubleClickOn(on(overview, whole.xOf(T0 + 30 * S), y));
        waitUntil("a double click shows the whole run", () -> model.window().isFitted());
    }

    @Test
    void theSelectedEventsLaneAndTimeComeIntoView() throws Exception {
        IndexSnapshot s = showManyLanes();
        fx(() -> {
            model.window().show(T0, T0 + 5 * S);
            return null;
        });
        int row = 2 * 170 + 1; // the end of s34.step0
        long t = s.tsMicros(row);
        fx(() -> {
            model.showEvent(s, row);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        int lane = fx(() -> model.model().laneOf("s34.step0"));
        double y = fx(() -> view.laneCenterY(lane));
        assertTrue(y > 0 && y < fx(() -> view.lanesCanvas().getHeight()), "its lane in view: " + y);
        double x = fx(() -> view.xOf(t));
        assertTrue(x > LanesPainter.LABEL_WIDTH && x < fx(() -> view.lanesCanvas().getWidth()), "its time in view: " + x);
        assertEquals(5 * S, fx(() -> model.window().span()), 1, "panned, not zoomed");
        assertEquals(lane, fx(() -> model.markedLaneProperty().get()));
    }

    @Test
    void coloursComeFromTheStylesheetAndFollowItsVariables() throws Exception {
        showRun();
        waitUntil("the stylesheet's completed colour", () -> Color.web("#1a7f37").equals(view.style().completed.get()));
        fx(() -> {
            root.setStyle("-omne-completed: #123456;");
            return null;
        });
        waitUntil("a redefined variable reaches the timeline",
                () -> Color.web("#123456").equals(view.style().completed.get()));
    }

    @Test
    void subPixelRunsShowTheirFailedShareNotTheWorstOutcomeOfEachColumn() throws Exception {
        // One node run 2,400 times over 48 s, 6 ms each, every 14th run failed (7%): at whole-run zoom a pixel column
        // holds a few runs. The lane must read as mostly completed, with the failures as a thin band.
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 2_400; i++) {
            long ms = i * 20L;
            lines.add(line("node.started", ms, i, ",\"kind\":\"bash\""));
            lines.add(line(i % 14 == 0 ? "node.failed" : "node.completed", ms + 6, i, ""));
        }
        show(lines, 1);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage image = fx(() -> view.lanesCanvas().snapshot(null, null));
        Color completed = (Color) fx(() -> view.style().completed.get());
        Color failed = (Color) fx(() -> view.style().failed.get());
        int ofCompleted = 0;
        int ofFailed = 0;
        int y0 = 4;
        int y1 = (int) LanesViewModel.ROW_HEIGHT - 4;
        for (int x = (int) LanesPainter.LABEL_WIDTH + 4; x < image.getWidth() - 4; x++) {
            for (int y = y0; y < y1; y++) {
                Color c = image.getPixelReader().getColor(x, y);
                if (close(c, completed)) {
                    ofCompleted++;
                } else if (close(c, failed)) {
                    ofFailed++;
                }
            }
        }
        assertTrue(ofCompleted > 0 && ofFailed > 0, "both outcomes are drawn: " + ofCompleted + " / " + ofFailed);
        double share = ofFailed / (double) (ofCompleted + ofFailed);
        assertTrue(share < 0.15, "the lane reads as mostly completed: " + Math.round(share * 100) + "% of it is red");
    }

    private static boolean close(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.04 && Math.abs(a.getGreen() - b.getGreen()) < 0.04
                && Math.abs(a.getBlue() - b.getBlue()) < 0.04;
    }

    private static String line(String type, long ms, int i, String more) {
        return "{\"type\":\"" + type + "\",\"id\":\"ev-" + i + type.charAt(5) + "\",\"ts\":\""
                + Timestamps.format(java.time.Instant.EPOCH.plusNanos((T0 + ms * 1000) * 1000)) + "\",\"run_id\":\""
                + TestLogs.RUN + "\",\"node_id\":\"n\"" + more + "}";
    }

    @Test
    void withoutARunItSaysSo() throws Exception {
        assertTrue(fx(() -> model.model() == TimelineModel.EMPTY));
        assertEquals(TimelineViewModel.NO_RUN, fx(() -> model.emptyTextProperty().get()));
    }
}
