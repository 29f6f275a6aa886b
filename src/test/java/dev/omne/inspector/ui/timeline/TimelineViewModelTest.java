package dev.omne.inspector.ui.timeline;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;
import dev.omne.inspector.ui.testing.ManualTaskExecutor;
import dev.omne.inspector.ui.testing.TestLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelineViewModelTest {
    static final long T0 = Timestamps.parseMicros("2026-04-15T10:00:00Z");
    static final long S = 1_000_000;

    @TempDir
    Path dir;

    private long now = T0 + 20 * S;
    private final ManualTaskExecutor tasks = new ManualTaskExecutor();
    private final TimelineViewModel model = new TimelineViewModel(tasks, () -> now, ZoneOffset.UTC, 0);
    private final TimeWindow window = model.window();

    private static List<String> lines() {
        return new ArrayList<>(List.of(
                TestLogs.event("run.started", 0, null),
                TestLogs.started(1, "plan", "prompt"),
                TestLogs.event("node.completed", 4, "plan"),
                TestLogs.started(5, "build", "bash"),
                TestLogs.event("gate.passed", 6, "build"),
                TestLogs.event("node.completed", 10, "build")));
    }

    /** Nodes {@code node-0} to {@code node-199}: more lanes than are in view. */
    private static List<String> twoHundredNodes() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add(TestLogs.started(i % 60, "node-" + i, "bash"));
        }
        return lines;
    }

    private IndexSnapshot showBuilt(List<String> lines) {
        IndexSnapshot s = TestLogs.index(dir, lines);
        model.rebuild(s, null);
        tasks.runAll();
        return s;
    }

    @Test
    void buildsInTheBackgroundAndOpensFitted() {
        model.rebuild(TestLogs.index(dir, lines()), null);
        assertTrue(model.model().isEmpty(), "nothing until the build has run");
        assertEquals(TimelineViewModel.BUILDING, model.emptyTextProperty().get());
        tasks.runAll();
        assertEquals(2, model.model().laneCount());
        assertEquals(2, model.lanes().rows().count(), "its lanes with it");
        assertTrue(window.isFitted());
        assertTrue(window.start() < T0 && window.end() > T0 + 10 * S);
        assertEquals(window.fitStart(), window.start());
        assertEquals(window.fitEnd(), window.end());
        assertEquals("", model.emptyTextProperty().get());
    }

    @Test
    void zoomingKeepsThePointUnderThePointerWhereItIs() {
        showBuilt(lines());
        long start = window.start();
        long span = window.span();
        long around = start + span / 4;
        double before = (double) (around - start) / span;
        window.zoomIn(around);
        assertTrue(window.span() < span);
        assertEquals(before, (double) (around - window.start()) / window.span(), 1e-6);
        assertFalse(window.isFitted());
        window.zoomOut(around);
        assertEquals(span, window.span(), span / 1000.0);
        assertEquals(before, (double) (around - window.start()) / window.span(), 1e-6);
    }

    @Test
    void panningMovesTheWindowAndFitShowsTheWholeRunAgain() {
        showBuilt(lines());
        long start = window.start();
        long span = window.span();
        window.pan(0.5);
        assertEquals(start + span / 2, window.start(), 1);
        assertEquals(span, window.span());
        window.panBy(-S);
        assertEquals(start + span / 2 - S, window.start(), 1);
        assertFalse(window.isFitted());
        window.fit();
        assertTrue(window.isFitted());
        assertEquals(window.fitStart(), window.start());
        assertEquals(window.fitEnd(), window.end());
    }

    @Test
    void showingARangeTakesItAtLeastTheNarrowestWideAndTheWholeRunIsFittedAgain() {
        showBuilt(lines());
        window.show(T0 + 2 * S, T0 + 3 * S);
        assertEquals(T0 + 2 * S, window.start());
        assertEquals(T0 + 3 * S, window.end());
        assertFalse(window.isFitted());
        window.show(T0 + 5 * S, T0 + 5 * S + 10);
        assertEquals(TimeWindow.MIN_SPAN, window.span(), "no narrower than the narrowest window");
        assertEquals(T0 + 5 * S + 5, window.start() + window.span() / 2, 1, "around the middle asked for");
        window.show(window.fitStart() - S, window.fitEnd() + S);
        assertTrue(window.isFitted(), "a range over the whole run is the whole run");
        assertEquals(window.fitStart(), window.start());
    }

    @Test
    void theTablesSelectedEventIsMarkedItsLaneRevealedAndItsTimeBroughtIntoView() {
        IndexSnapshot s = showBuilt(lines());
        model.showEvent(s, 4); // gate.passed of build at 10:00:06
        assertEquals(T0 + 6 * S, model.markedTime());
        assertEquals(model.model().laneOf("build"), model.markedLaneProperty().get());
        assertTrue(window.isFitted(), "a fitted view shows it already and stays fitted");
        window.zoomIn(T0 + S);
        window.zoomIn(T0 + S);
        window.zoomIn(T0 + S);
        assertTrue(window.end() < T0 + 9 * S, "zoomed in on the start: " + (window.end() - T0));
        long span = window.span();
        model.showEvent(s, 5); // node.completed of build at 10:00:10
        assertEquals(span, window.span(), "panned, not zoomed");
        assertEquals(T0 + 10 * S, window.start() + window.span() / 2, 1, "centred on the event");
        long start = window.start();
        model.showEvent(s, 5);
        assertEquals(start, window.start(), "an event in view does not move the window");
        model.showEvent(null, -1);
        assertEquals(Timestamps.NONE, model.markedTime());
        assertEquals(-1, model.markedLaneProperty().get());
    }

    @Test
    void keyboardZoomCentresTheSelectedEventAndWithoutOneZoomsAroundTheMiddle() {
        IndexSnapshot s = showBuilt(lines());
        long middle = window.start() + window.span() / 2;
        model.zoomIn();
        assertEquals(middle, window.start() + window.span() / 2, 2, "no selection: the middle stays");
        window.fit();
        model.showEvent(s, 1); // plan started at 10:00:01, near the left edge
        long span = window.span();
        for (int i = 0; i < 6; i++) {
            model.zoomIn();
            assertEquals(T0 + S, window.start() + window.span() / 2, 1, "zoom " + i + ": the event in the middle");
        }
        assertTrue(window.span() < span / 10);
        window.panBy(20 * S); // the event out of view
        model.zoomOut();
        assertEquals(T0 + S, window.start() + window.span() / 2, 1, "brought back to the middle, zoomed out");
    }

    @Test
    void followingTheSelectionScrollsTheLanesToTheEventsLane() {
        IndexSnapshot s = showBuilt(twoHundredNodes());
        LanesViewModel lanes = model.lanes();
        lanes.setViewport(10 * LanesViewModel.ROW_HEIGHT);
        assertEquals(0, lanes.top());
        model.showEvent(s, 150);
        int row = lanes.rows().rowShowing(model.model().laneOf("node-150"));
        assertTrue(lanes.rowY(row) >= 0 && lanes.rowY(row) + LanesViewModel.ROW_HEIGHT <= lanes.viewport(),
                "the lane is in view: " + lanes.rowY(row));
        double top = lanes.top();
        model.showEvent(s, row > 0 ? 151 : 149);
        assertEquals(top + LanesViewModel.ROW_HEIGHT, lanes.top(), LanesViewModel.ROW_HEIGHT,
                "a lane next to the view: scrolled as little as needed");
    }

    @Test
    void whenTheFilterChangesTheSelectedEventsLaneIsBroughtBackIntoView() {
        IndexSnapshot s = TestLogs.index(dir, twoHundredNodes());
        int[] some = new int[100];
        for (int i = 0; i < some.length; i++) {
            some[i] = 100 + i; // node-100 to node-199
        }
        model.rebuild(s, some);
        tasks.runAll();
        LanesViewModel lanes = model.lanes();
        lanes.setViewport(10 * LanesViewModel.ROW_HEIGHT);
        model.showEvent(s, 180);
        lanes.scrollTo(0);
        model.rebuild(s, null); // the filter cleared: all 200 lanes
        tasks.runAll();
        int row = lanes.rows().rowShowing(model.model().laneOf("node-180"));
        assertTrue(lanes.rowY(row) >= 0 && lanes.rowY(row) < lanes.viewport(), "its lane in view again");
    }

    @Test
    void aFittedViewFollowsTheGrowingRunAndAZoomedOneStays() throws Exception {
        Path file = TestLogs.write(dir.resolve("live.jsonl"), lines());
        RunIndex index = RunIndex.build(file);
        model.rebuild(index.snapshot(), null);
        tasks.runAll();
        long end = window.end();
        extend(index, TestLogs.started(12, "deploy", "command"), TestLogs.event("node.completed", 18, "deploy"));
        model.rebuild(index.snapshot(), null);
        tasks.runAll();
        assertTrue(window.end() > end, "fitted: grows with the run");
        assertEquals(window.fitEnd(), window.end());

        window.zoomIn(T0 + 5 * S);
        long zoomedStart = window.start();
        long zoomedEnd = window.end();
        extend(index, TestLogs.started(19, "ship", "bash"), TestLogs.event("node.completed", 30, "ship"));
        model.rebuild(index.snapshot(), null);
        tasks.runAll();
        assertEquals(4, model.model().laneCount());
        assertEquals(zoomedStart, window.start(), "zoomed: stays");
        assertEquals(zoomedEnd, window.end());
    }

    @Test
    void tickGrowsARunningBarAndTheFittedWindow() {
        List<String> lines = lines();
        lines.add(TestLogs.started(15, "deploy", "command"));
        now = T0 + 16 * S;
        showBuilt(lines);
        int deploy = model.model().laneBarFrom(model.model().laneOf("deploy"));
        assertEquals(TimelineModel.Outcome.RUNNING, model.model().barOutcome(deploy));
        window.tick(T0 + 16 * S);
        long end = model.model().barEnd(deploy, window.now());
        long viewEnd = window.end();
        window.tick(T0 + 25 * S);
        assertEquals(T0 + 25 * S, model.model().barEnd(deploy, window.now()));
        assertTrue(model.model().barEnd(deploy, window.now()) > end);
        assertTrue(window.end() > viewEnd, "a fitted window grows with the running bar");
        window.zoomIn(T0 + 5 * S);
        long zoomed = window.end();
        window.tick(T0 + 30 * S);
        assertEquals(zoomed, window.end(), "a zoomed window stays");
    }

    @Test
    void staleBuildsOfAnotherRunAreDropped() {
        model.rebuild(TestLogs.index(dir, lines()), null);
        List<String> other = List.of(TestLogs.started(1, "solo", "bash"), TestLogs.event("node.completed", 2, "solo"));
        model.rebuild(TestLogs.index(dir, other), null);
        tasks.runAll();
        assertEquals(1, model.model().laneCount());
        assertEquals("solo", model.model().laneNode(0));
        model.rebuild(null, null);
        assertTrue(model.model().isEmpty());
        assertEquals(0, model.lanes().rows().count());
        assertEquals(TimelineViewModel.NO_RUN, model.emptyTextProperty().get());
    }

    @Test
    void rebuildsWhileOneIsRunningWaitAndOnlyTheNewestIsBuilt() throws Exception {
        Path file = TestLogs.write(dir.resolve("growing.jsonl"), lines());
        RunIndex index = RunIndex.build(file);
        model.rebuild(index.snapshot(), null);
        extend(index, TestLogs.started(12, "a", "bash"));
        model.rebuild(index.snapshot(), null);
        extend(index, TestLogs.started(13, "b", "bash"));
        model.rebuild(index.snapshot(), null);
        assertEquals(1, tasks.pending(), "one build at a time");
        tasks.runAll();
        assertEquals(4, model.model().laneCount(), "the newest snapshot was built");
        assertEquals(8, model.model().rows());
    }

    @Test
    void aGrowingRunIsReadOnAndAChangedFilterIsBuiltAfresh() throws Exception {
        Path file = TestLogs.write(dir.resolve("filtered.jsonl"), lines());
        RunIndex index = RunIndex.build(file);
        model.rebuild(index.snapshot(), null);
        tasks.runAll();
        extend(index, TestLogs.started(12, "a", "bash"), TestLogs.event("node.completed", 13, "a"));
        model.rebuild(index.snapshot(), null);
        tasks.runAll();
        assertEquals(TimelineBuilderTest.dump(TimelineBuilder.build(index.snapshot(), null)),
                TimelineBuilderTest.dump(model.model()), "read on: the same as a build from scratch");
        int[] onlyA = {6, 7};
        model.rebuild(index.snapshot(), onlyA);
        tasks.runAll();
        assertEquals(1, model.model().laneCount());
        assertEquals("a", model.model().laneNode(0));
    }

    @Test
    void aRunWithNoNodesSaysSo() {
        showBuilt(List.of(TestLogs.event("run.started", 0, null).replace("\"ts\":\"2026-04-15T10:00:00.000Z\",", "")));
        assertTrue(model.model().isEmpty());
        assertEquals(TimelineViewModel.NO_NODES, model.emptyTextProperty().get());
    }

    @Test
    void choosingANodeOrARangeCallsTheCaller() {
        showBuilt(lines());
        List<String> nodes = new ArrayList<>();
        List<long[]> ranges = new ArrayList<>();
        model.setOnNodeChosen(nodes::add);
        model.setOnRangeChosen((from, to) -> ranges.add(new long[] {from, to}));
        assertNull(model.chosenNode());
        model.chooseNode("build");
        assertEquals(List.of("build"), nodes);
        assertEquals("build", model.chosenNode());
        assertEquals(model.model().laneOf("build"), model.chosenLaneProperty().get());
        model.chooseRange(T0 + 5 * S, T0 + 2 * S);
        assertEquals(1, ranges.size());
        assertEquals(T0 + 2 * S, ranges.getFirst()[0]);
        assertEquals(T0 + 5 * S, ranges.getFirst()[1]);
    }

    @Test
    void hoverWordsForBarsInstantsAndLanes() {
        showBuilt(lines());
        TimelineDescriptions words = model.descriptions();
        TimelineModel m = model.model();
        int build = m.laneOf("build");
        assertEquals("gate.passed · build\n10:00:06.000 · line 5", words.instant(m.instantAt(build, T0 + 6 * S, 1000)));
        assertEquals("build · completed\nstart 10:00:05.000\nduration 5.0 s", words.bar(m.laneBarFrom(build)));
        assertEquals("build (bash)\n1 run · click to go to its first event", words.lane(build));
    }

    private static void extend(RunIndex index, String... lines) {
        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        index.extend(bytes, 0, bytes.length);
    }
}
