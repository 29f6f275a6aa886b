package dev.omne.inspector.ui.timeline;

import dev.omne.inspector.ui.testing.ManualTaskExecutor;
import dev.omne.inspector.ui.testing.TestLogs;
import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.index.RunIndex;
import dev.omne.inspector.ui.timeline.TimelineModel;
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

    private static List<String> lines() {
        return new ArrayList<>(List.of(
                TestLogs.event("run.started", 0, null),
                TestLogs.started(1, "plan", "prompt"),
                TestLogs.event("node.completed", 4, "plan"),
                TestLogs.started(5, "build", "bash"),
                TestLogs.event("gate.passed", 6, "build"),
                TestLogs.event("node.completed", 10, "build")));
    }

    private void showBuilt(List<String> lines) {
        model.rebuild(TestLogs.index(dir, lines), null);
        tasks.runAll();
    }

    @Test
    void buildsInTheBackgroundAndOpensFitted() {
        model.rebuild(TestLogs.index(dir, lines()), null);
        assertTrue(model.model().isEmpty(), "nothing until the build has run");
        assertEquals(TimelineViewModel.BUILDING, model.emptyTextProperty().get());
        tasks.runAll();
        assertEquals(2, model.model().laneCount());
        assertTrue(model.isFitted());
        assertTrue(model.viewStart() < T0 && model.viewEnd() > T0 + 10 * S);
        assertEquals(model.fitStart(), model.viewStart());
        assertEquals(model.fitEnd(), model.viewEnd());
        assertEquals("", model.emptyTextProperty().get());
    }

    @Test
    void zoomingKeepsThePointUnderThePointerWhereItIs() {
        showBuilt(lines());
        long start = model.viewStart();
        long span = model.viewEnd() - start;
        long around = start + span / 4;
        double before = (double) (around - start) / span;
        model.zoomIn(around);
        long newSpan = model.viewEnd() - model.viewStart();
        assertTrue(newSpan < span);
        assertEquals(before, (double) (around - model.viewStart()) / newSpan, 1e-6);
        assertFalse(model.isFitted());
        model.zoomOut(around);
        assertEquals(span, model.viewEnd() - model.viewStart(), span / 1000.0);
        assertEquals(before, (double) (around - model.viewStart()) / (model.viewEnd() - model.viewStart()), 1e-6);
    }

    @Test
    void panningMovesTheWindowAndFitShowsTheWholeRunAgain() {
        showBuilt(lines());
        long start = model.viewStart();
        long span = model.viewEnd() - start;
        model.pan(0.5);
        assertEquals(start + span / 2, model.viewStart(), 1);
        assertEquals(span, model.viewEnd() - model.viewStart());
        model.panBy(-S);
        assertEquals(start + span / 2 - S, model.viewStart(), 1);
        assertFalse(model.isFitted());
        model.fit();
        assertTrue(model.isFitted());
        assertEquals(model.fitStart(), model.viewStart());
        assertEquals(model.fitEnd(), model.viewEnd());
    }

    @Test
    void theTablesSelectedEventIsMarkedAndBroughtIntoAZoomedView() {
        showBuilt(lines());
        model.markEvent(T0 + 6 * S);
        assertEquals(T0 + 6 * S, model.markedTime());
        long fitStart = model.viewStart();
        assertEquals(fitStart, model.viewStart(), "a fitted view shows it already and stays fitted");
        assertTrue(model.isFitted());
        model.zoomIn(T0 + S);
        model.zoomIn(T0 + S);
        model.zoomIn(T0 + S);
        assertTrue(model.viewEnd() < T0 + 9 * S, "zoomed in on the start: " + (model.viewEnd() - T0));
        long span = model.viewEnd() - model.viewStart();
        model.markEvent(T0 + 9 * S);
        assertEquals(span, model.viewEnd() - model.viewStart(), "panned, not zoomed");
        assertEquals(T0 + 9 * S, (model.viewStart() + model.viewEnd()) / 2, 1, "centred on the event");
        model.markEvent(Timestamps.NONE);
        assertEquals(Timestamps.NONE, model.markedTime());
    }

    @Test
    void hitTestingUsesTheCurrentModel() {
        showBuilt(lines());
        int build = model.model().laneOf("build");
        assertEquals(model.model().laneBarFrom(build), model.barAt(build, T0 + 7 * S, 0));
        assertEquals(-1, model.barAt(build, T0 + 2 * S, S / 2));
        assertEquals(model.model().instantFrom(build), model.instantAt(build, T0 + 6 * S + 100, 1000));
        assertEquals(model.model().instantFrom(-1), model.instantAt(-1, T0, 1000));
        assertEquals("gate.passed · build\n10:00:06.000 · line 5", model.describe(build, T0 + 6 * S, 1000));
        assertEquals("build · completed\nstart 10:00:05.000\nduration 5.0 s", model.describe(build, T0 + 7 * S, 0));
        assertNull(model.describe(build, T0 + 2 * S, 0));
        assertEquals("build (bash)\n1 run · click to go to its first event", model.describeLane(build));
    }

    @Test
    void aFittedViewFollowsTheGrowingRunAndAZoomedOneStays() throws Exception {
        Path file = TestLogs.write(dir.resolve("live.jsonl"), lines());
        RunIndex index = RunIndex.build(file);
        model.rebuild(index.snapshot(), null);
        tasks.runAll();
        long end = model.viewEnd();
        extend(index, TestLogs.started(12, "deploy", "command"), TestLogs.event("node.completed", 18, "deploy"));
        model.rebuild(index.snapshot(), null);
        tasks.runAll();
        assertTrue(model.viewEnd() > end, "fitted: grows with the run");
        assertEquals(model.fitEnd(), model.viewEnd());

        model.zoomIn(T0 + 5 * S);
        long zoomedStart = model.viewStart();
        long zoomedEnd = model.viewEnd();
        extend(index, TestLogs.started(19, "ship", "bash"), TestLogs.event("node.completed", 30, "ship"));
        model.rebuild(index.snapshot(), null);
        tasks.runAll();
        assertEquals(4, model.model().laneCount());
        assertEquals(zoomedStart, model.viewStart(), "zoomed: stays");
        assertEquals(zoomedEnd, model.viewEnd());
    }

    @Test
    void tickGrowsARunningBarAndTheFittedWindow() {
        List<String> lines = lines();
        lines.add(TestLogs.started(15, "deploy", "command"));
        now = T0 + 16 * S;
        showBuilt(lines);
        int deploy = model.model().laneBarFrom(model.model().laneOf("deploy"));
        assertEquals(TimelineModel.Outcome.RUNNING, model.model().barOutcome(deploy));
        model.tick(T0 + 16 * S);
        long end = model.barEnd(deploy);
        long viewEnd = model.viewEnd();
        model.tick(T0 + 25 * S);
        assertEquals(T0 + 25 * S, model.barEnd(deploy));
        assertTrue(model.barEnd(deploy) > end);
        assertTrue(model.viewEnd() > viewEnd, "a fitted window grows with the running bar");
        model.zoomIn(T0 + 5 * S);
        long zoomed = model.viewEnd();
        model.tick(T0 + 30 * S);
        assertEquals(zoomed, model.viewEnd(), "a zoomed window stays");
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
        model.chooseRange(T0 + 5 * S, T0 + 2 * S);
        assertEquals(1, ranges.size());
        assertEquals(T0 + 2 * S, ranges.getFirst()[0]);
        assertEquals(T0 + 5 * S, ranges.getFirst()[1]);
    }

    private static void extend(RunIndex index, String... lines) {
        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        index.extend(bytes, 0, bytes.length);
    }
}
