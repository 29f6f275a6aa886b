package dev.omne.inspector.ui.timeline;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;
import dev.omne.inspector.ui.testing.TestLogs;
import dev.omne.inspector.ui.timeline.TimelineModel.Outcome;
import dev.omne.inspector.ui.timeline.TimelineModel.Tone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelineModelTest {
    /** 2026-04-15T10:00:00Z in epoch micros. */
    static final long T0 = Timestamps.parseMicros("2026-04-15T10:00:00Z");
    static final long S = 1_000_000;

    @TempDir
    Path dir;

    private IndexSnapshot index(List<String> lines) {
        return TestLogs.index(dir, lines);
    }

    private static List<String> pipeline() {
        return List.of(
                TestLogs.event("run.started", 0, null),
                TestLogs.started(1, "plan", "prompt"),
                TestLogs.started(2, "build", "bash"),
                TestLogs.event("node.completed", 4, "plan"),
                TestLogs.event("gate.passed", 5, "build"),
                TestLogs.event("node.failed", 6, "build"),
                TestLogs.started(7, "loop", "loop"),
                TestLogs.event("node.completed", 8, "loop"),
                TestLogs.started(9, "loop", "loop"),
                TestLogs.event("node.completed", 11, "loop"),
                TestLogs.started(12, "deploy", "command"),
                TestLogs.event("custom.thing", 13, "deploy"),
                "{\"type\":\"node.completed\",\"ts\":\"2026-04-15T10:00:14Z\",",
                TestLogs.event("run.failed", 15, null));
    }

    @Test
    void lanesInOrderOfFirstAppearanceWithTheirKinds() {
        TimelineModel m = TimelineBuilder.build(index(pipeline()), null);
        assertEquals(4, m.laneCount());
        assertEquals(List.of("plan", "build", "loop", "deploy"),
                List.of(m.laneNode(0), m.laneNode(1), m.laneNode(2), m.laneNode(3)));
        assertEquals("prompt", m.laneKind(0));
        assertEquals("bash", m.laneKind(1));
        assertEquals(2, m.laneOf("loop"));
        assertEquals(-1, m.laneOf("nope"));
        assertEquals(T0, m.minMicros());
        assertEquals(T0 + 15 * S, m.maxMicros());
    }

    @Test
    void barsSpanStartToEndWithTheirOutcome() {
        TimelineModel m = TimelineBuilder.build(index(pipeline()), null);
        int plan = m.laneBarFrom(0);
        assertEquals(1, m.laneBarFrom(1) - plan);
        assertEquals(T0 + S, m.barStart(plan));
        assertEquals(T0 + 4 * S, m.barEnd(plan));
        assertEquals(Outcome.COMPLETED, m.barOutcome(plan));
        assertEquals(1, m.barStartRow(plan));
        assertEquals(3, m.barEndRow(plan));
        int build = m.laneBarFrom(1);
        assertEquals(Outcome.FAILED, m.barOutcome(build));
        assertEquals(T0 + 2 * S, m.barStart(build));
        assertEquals(T0 + 6 * S, m.barEnd(build));
    }

    @Test
    void aLoopGetsABarPerIteration() {
        TimelineModel m = TimelineBuilder.build(index(pipeline()), null);
        int from = m.laneBarFrom(2);
        assertEquals(2, m.laneBarFrom(3) - from);
        assertEquals(T0 + 7 * S, m.barStart(from));
        assertEquals(T0 + 8 * S, m.barEnd(from));
        assertEquals(T0 + 9 * S, m.barStart(from + 1));
        assertEquals(T0 + 11 * S, m.barEnd(from + 1));
    }

    @Test
    void aNodeWithNoEndRunsToNowWhileTheRunIsLive() {
        List<String> lines = new ArrayList<>(pipeline());
        lines.removeLast();
        TimelineModel m = TimelineBuilder.build(index(lines), null);
        int deploy = m.laneBarFrom(3);
        assertEquals(Outcome.RUNNING, m.barOutcome(deploy));
        assertEquals(Timestamps.NONE, m.barEnd(deploy));
        assertEquals(-1, m.barEndRow(deploy));
        assertTrue(m.hasRunning());
        assertEquals(T0 + 30 * S, m.barEnd(deploy, T0 + 30 * S), "drawn to now");
        assertEquals(T0 + 30 * S, m.spanEnd(T0 + 30 * S));
        long muchLater = T0 + TimelineModel.LIVE_MICROS + 60 * S;
        assertEquals(m.maxMicros(), m.barEnd(deploy, muchLater), "a quiet log's open bars end at its last event");
    }

    @Test
    void anEndWithoutAStartDrawsFromTheRunsFirstTime() {
        TimelineModel m = TimelineBuilder.build(index(List.of(
                TestLogs.event("run.started", 3, null),
                TestLogs.event("node.completed", 9, "orphan"))), null);
        assertEquals(1, m.barCount());
        assertEquals(T0 + 3 * S, m.barStart(0));
        assertEquals(T0 + 9 * S, m.barEnd(0));
        assertEquals(-1, m.barStartRow(0));
        assertEquals(1, m.barEndRow(0));
    }

    @Test
    void instantsForGatesRunEventsUnknownTypesAndMalformedLinesWithATime() {
        TimelineModel m = TimelineBuilder.build(index(pipeline()), null);
        int runTones = 0;
        for (int i = m.instantFrom(-1); i < m.instantFrom(0); i++) {
            runTones += m.instantTone(i) == Tone.RUN ? 1 : 0;
        }
        assertEquals(2, runTones, "run.started, run.failed");
        int first = m.instantFrom(-1);
        assertEquals(Tone.RUN, m.instantTone(first));
        assertEquals(-1, m.instantLane(first));
        assertEquals(T0, m.instantTs(first));
        int gate = m.instantFrom(1);
        assertEquals(1, m.instantFrom(2) - gate);
        assertEquals(Tone.GATE, m.instantTone(gate));
        assertEquals(4, m.instantRow(gate));
        int custom = m.instantFrom(3);
        assertEquals(Tone.UNKNOWN, m.instantTone(custom));
    }

    @Test
    void hitTestingFindsBarsAndInstants() {
        TimelineModel m = TimelineBuilder.build(index(pipeline()), null);
        assertEquals(m.laneBarFrom(2) + 1, m.barAt(2, T0 + 10 * S, 0, T0));
        assertEquals(-1, m.barAt(2, T0 + 8 * S + S / 2, S / 10, T0), "between the iterations");
        assertEquals(m.laneBarFrom(2), m.barAt(2, T0 + 8 * S + S / 4, S, T0), "within the tolerance");
        assertEquals(m.instantFrom(1), m.instantAt(1, T0 + 5 * S + 1000, 2000));
        assertEquals(-1, m.instantAt(1, T0 + 3 * S, 2000));
    }

    @Test
    void theRowsFilterLeavesOutWhatItHidesAndDropsEmptyLanes() {
        IndexSnapshot s = index(pipeline());
        // only the loop's events and run.started
        TimelineModel m = TimelineBuilder.build(s, new int[] {0, 6, 7, 8, 9});
        assertEquals(1, m.laneCount());
        assertEquals("loop", m.laneNode(0));
        assertEquals(2, m.barCount());
        assertEquals(1, m.instantCount());
        // a bar stays when one of its events does
        TimelineModel ends = TimelineBuilder.build(s, new int[] {3});
        assertEquals(1, ends.barCount());
        assertEquals("plan", ends.laneNode(0));
        assertEquals(T0 + S, ends.barStart(0));
        assertTrue(TimelineBuilder.build(s, new int[0]).isEmpty());
    }

    @Test
    void anEmptyOrMissingSnapshotIsEmpty() {
        assertTrue(TimelineBuilder.build(null, null).isEmpty());
        assertEquals(0, TimelineModel.EMPTY.laneCount());
        assertEquals(-1, TimelineModel.EMPTY.barAt(0, T0, S, T0));
        assertEquals(-1, TimelineModel.EMPTY.instantAt(-1, T0, S));
    }

    @Test
    void buildsALargeSyntheticRun() {
        RunIndex index = RunIndex.empty(dir.resolve("big.jsonl"));
        StringBuilder text = new StringBuilder();
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            int iteration = i / 4;
            String node = "n" + iteration % 50;
            long micros = T0 + i * 1000L;
            String ts = Timestamps.format(Timestamps.ofMicros(micros));
            String type = switch (i % 4) {
                case 0 -> "node.started";
                case 1 -> "node.progress";
                case 2 -> iteration % 7 == 0 ? "node.failed" : "node.completed";
                default -> "gate.passed";
            };
            text.append("{\"type\":\"").append(type).append("\",\"id\":\"e").append(i).append("\",\"ts\":\"")
                    .append(ts).append("\",\"run_id\":\"r\",\"node_id\":\"").append(node).append("\"}\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        index.extend(bytes, 0, bytes.length);
        IndexSnapshot s = index.snapshot();
        assertEquals(n, s.size());
        TimelineModel m = TimelineBuilder.build(s, null);
        assertEquals(50, m.laneCount());
        assertEquals(n / 4, m.barCount());
        assertEquals(n / 4, m.instantCount(), "the gates: a node's progress is no marker");
        for (int lane = 0; lane < m.laneCount(); lane++) {
            for (int b = m.laneBarFrom(lane) + 1; b < m.laneBarFrom(lane + 1); b++) {
                assertTrue(m.barStart(b - 1) <= m.barStart(b));
            }
        }
    }
}
