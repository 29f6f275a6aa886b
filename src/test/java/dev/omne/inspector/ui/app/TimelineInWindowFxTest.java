package dev.omne.inspector.ui.app;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.ui.session.VolumeSession;
import dev.omne.inspector.ui.testing.FxStage;
import dev.omne.inspector.ui.testing.TestLogs;
import dev.omne.inspector.ui.timeline.LanesViewModel;
import dev.omne.inspector.ui.timeline.TimelineView;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.omne.inspector.ui.testing.FxWait.fx;
import static dev.omne.inspector.ui.testing.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline in the window: hidden and shown by its key, the room it leaves the detail pane, following the table. */
class TimelineInWindowFxTest {
    @RegisterExtension
    final FxStage fx = new FxStage(2);

    static final String RUN = "feature-01kpfntqeej7vhn935kc0tm9vn";
    /** Nodes of the run: more than the timeline shows at once. */
    static final int NODES = 120;

    @TempDir
    Path dir;

    private final SettingsStore store = SettingsStore.inMemory();
    private MainWindowViewModel model;
    private MainWindowView view;

    @BeforeEach
    void start() throws Exception {
        fx.start(stage -> {
            model = new MainWindowViewModel(fx.tasks(), VolumeSession.factory(Platform::runLater), new AppSettings(store),
                    text -> { }, () -> null, Clock.systemUTC(), ZoneOffset.UTC);
            view = new MainWindowView(model, ZoneOffset.UTC);
            stage.setScene(new Scene(view, 1200, 800));
        });
        fx.onClose(model::shutdown);
    }

    /** A finished run of {@link #NODES} nodes, one after another over two minutes; opened and shown. */
    private void openRun(FxRobot robot) throws Exception {
        long t0 = Timestamps.parseMicros("2026-04-15T10:00:00Z");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            String node = String.format("step-%03d", i);
            lines.add(line("node.started", node, t0 + i * 1_000_000L));
            lines.add(line("node.completed", node, t0 + i * 1_000_000L + 800_000));
        }
        Volume volume = TestLogs.volume(dir.resolve("project"), RUN, lines);
        robot.interact(() -> model.open(volume.root()));
        waitUntil("the run's rows show", () -> RUN.equals(model.eventTable().runId())
                && model.eventTable().rowCount() == 2 * NODES);
        waitUntil("its timeline is built", () -> model.timeline().model().laneCount() == NODES);
    }

    private static String line(String type, String node, long micros) {
        return "{\"type\":\"" + type + "\",\"id\":\"ev-" + type + micros + "\",\"ts\":\""
                + Timestamps.format(Instant.EPOCH.plusNanos(micros * 1000))
                + "\",\"run_id\":\"" + RUN + "\",\"node_id\":\"" + node + "\""
                + (type.equals("node.started") ? ",\"kind\":\"bash\"" : "") + "}";
    }

    private void pressToggle(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
    }

    @Test
    void ctrlShiftTHidesTheTimelineAndShowsItAgainAtItsHeight(FxRobot robot) throws Exception {
        openRun(robot);
        TimelineView timeline = view.timelineView();
        waitUntil("the timeline is laid out", () -> timeline.getHeight() > 100);
        robot.clickOn("#event-table");
        waitUntil("an event selected, the detail pane opened", () -> model.detail().content() != null
                && robot.lookup(".detail").query().getLayoutBounds().getHeight() > 150);
        double height = fx(timeline::getHeight);
        double tableHeight = fx(() -> view.eventsView().getHeight());
        pressToggle(robot);
        waitUntil("the timeline is gone", () -> timeline.getScene() == null);
        waitUntil("the events took its room", () -> view.eventsView().getHeight() > tableHeight + height - 10);
        assertFalse(fx(() -> ((CheckMenuItem) robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class)
                .getMenus().get(2).getItems().stream().filter(i -> "menu-show-timeline".equals(i.getId())).findFirst()
                .orElseThrow()).isSelected()), "View > Show Timeline is unchecked");
        assertEquals("false", store.get("window.timeline", "?"), "kept for the next start");
        pressToggle(robot);
        waitUntil("the timeline is back", () -> timeline.getScene() != null && timeline.getHeight() > 0);
        waitUntil("at its height", () -> Math.abs(timeline.getHeight() - height) < 3);
        assertEquals("true", store.get("window.timeline", "?"));
    }

    @Test
    void theDetailPaneKeepsToItsLeastHeightUntilAnEventIsSelected(FxRobot robot) throws Exception {
        openRun(robot);
        javafx.scene.Node detail = robot.lookup(".detail").query();
        waitUntil("no event selected: the detail pane is small", () -> detail.getLayoutBounds().getHeight() < 100);
        double tableHeight = fx(() -> view.eventsView().getHeight());
        robot.clickOn(robot.lookup(".table-row-cell").nth(3).queryAs(javafx.scene.Node.class));
        waitUntil("an event selected: the detail pane has room", () -> detail.getLayoutBounds().getHeight() > 150);
        assertTrue(fx(() -> view.eventsView().getHeight()) < tableHeight);
        // The height the person gives it is the height it comes back with.
        double[] positions = fx(() -> view.eventsSplit().positions());
        robot.interact(() -> model.eventTable().select(-1));
        waitUntil("small again", () -> detail.getLayoutBounds().getHeight() < 100);
        assertEquals(positions[1], fx(() -> view.eventsSplit().positions())[1], 1e-9, "its share kept");
    }

    @Test
    void anEventSelectedInTheTableBringsItsLaneAndTimeIntoView(FxRobot robot) throws Exception {
        openRun(robot);
        TimelineView timeline = view.timelineView();
        LanesViewModel lanes = model.timeline().lanes();
        // Zoomed in on the start, scrolled to the top.
        robot.interact(() -> model.timeline().window().show(model.timeline().model().minMicros(),
                model.timeline().model().minMicros() + 5_000_000));
        assertEquals(0, fx(lanes::top));
        // Ctrl+L to the last node's end, as a person would go there.
        robot.interact(() -> model.eventTable().jumps().goToLine(Integer.toString(2 * NODES)));
        waitUntil("its row is selected", () -> model.eventTable().selectedRow() == 2 * NODES - 1);
        int lane = fx(() -> model.timeline().model().laneOf(String.format("step-%03d", NODES - 1)));
        waitUntil("its lane is in view", () -> timeline.laneCenterY(lane) > 0
                && timeline.laneCenterY(lane) < timeline.lanesCanvas().getHeight());
        long t = fx(() -> model.eventTable().snapshot().tsMicros(2 * NODES - 1));
        double x = fx(() -> timeline.xOf(t));
        assertTrue(x > 200 && x < fx(() -> timeline.lanesCanvas().getWidth()), "its time in view: " + x);
        assertEquals(5_000_000, fx(() -> model.timeline().window().span()), 1, "panned there, not zoomed");
        assertEquals(lane, fx(() -> model.timeline().markedLaneProperty().get()), "its lane marked");
    }
}
