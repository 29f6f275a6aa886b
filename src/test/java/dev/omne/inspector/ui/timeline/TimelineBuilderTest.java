package dev.omne.inspector.ui.timeline;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;
import dev.omne.inspector.ui.testing.TestLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A growing run's timeline read on from where it stopped is the timeline built from scratch, piece after piece. */
class TimelineBuilderTest {
    static final long T0 = Timestamps.parseMicros("2026-04-15T10:00:00Z");

    @TempDir
    Path dir;

    /** A run log of every sort the builder meets: restarts without an end, ends without a start, gates, odd lines. */
    static List<String> randomLog(Random random, int lines, int nodes) {
        List<String> out = new ArrayList<>();
        out.add(line("run.started", 0, null));
        boolean[] open = new boolean[nodes];
        for (int i = 1; i < lines; i++) {
            long ms = i * 137L + random.nextInt(100);
            int node = random.nextInt(nodes);
            int pick = random.nextInt(100);
            String id = "n-" + node;
            if (pick < 3) {
                out.add("{\"type\":\"node.completed\",\"ts\":\"" + ts(ms) + "\",\"node_id\":"); // malformed
            } else if (pick < 5) {
                out.add("{\"type\":\"node.output\",\"node_id\":\"" + id + "\"}"); // no time
            } else if (pick < 30 || !open[node] && pick < 60) {
                out.add(line("node.started", ms, id).replace("}", ",\"kind\":\"" + (node % 3 == 0 ? "loop" : "bash")
                        + "\",\"id\":\"e" + i + "\",\"run_id\":\"r\"}"));
                open[node] = true;
            } else if (pick < 55) {
                out.add(line(random.nextInt(5) == 0 ? "node.failed" : "node.completed", ms, id));
                open[node] = false;
            } else if (pick < 65) {
                out.add(line("gate.passed", ms, id));
            } else if (pick < 70) {
                out.add(line("loop.iteration", ms, id));
            } else if (pick < 72) {
                out.add(line("custom.thing", ms, null));
            } else {
                out.add(line("node.output", ms, id));
            }
        }
        return out;
    }

    private static String ts(long ms) {
        return Timestamps.format(Timestamps.ofMicros(T0 + ms * 1000));
    }

    /** A {@code node.started} as the runner writes it (its kind, id and run id are required). */
    private static String started(long ms, String node) {
        return line("node.started", ms, node).replace("}", ",\"kind\":\"bash\",\"id\":\"e" + ms + "\",\"run_id\":\"r\"}");
    }

    private static String line(String type, long ms, String node) {
        return "{\"type\":\"" + type + "\",\"ts\":\"" + ts(ms) + "\"" + (node == null ? "" : ",\"node_id\":\"" + node + "\"")
                + "}";
    }

    /** Every column of a model, as text: two models are the same when these are. */
    static String dump(TimelineModel m) {
        StringBuilder sb = new StringBuilder();
        sb.append("span ").append(m.minMicros()).append(' ').append(m.maxMicros()).append(' ').append(m.hasRunning())
                .append(' ').append(m.rows()).append('\n');
        for (int l = 0; l < m.laneCount(); l++) {
            sb.append("lane ").append(m.laneNode(l)).append(' ').append(m.laneKind(l)).append(' ')
                    .append(m.laneNodeId(l)).append(' ').append(m.nodeStartRow(m.laneNodeId(l))).append('\n');
            for (int b = m.laneBarFrom(l); b < m.laneBarFrom(l + 1); b++) {
                sb.append("  bar ").append(m.barStart(b)).append(' ').append(m.barEnd(b)).append(' ')
                        .append(m.barOutcome(b)).append(' ').append(m.barStartRow(b)).append(' ')
                        .append(m.barEndRow(b)).append(' ').append(m.barLane(b)).append('\n');
            }
        }
        for (int i = 0; i < m.instantCount(); i++) {
            sb.append("instant ").append(m.instantTs(i)).append(' ').append(m.instantRow(i)).append(' ')
                    .append(m.instantLane(i)).append(' ').append(m.instantTone(i)).append('\n');
        }
        Density d = m.density();
        sb.append("density ").append(d.total()).append(' ').append(d.failureTotal()).append(' ')
                .append(d.bucketMicros()).append('\n');
        return sb.toString();
    }

    private static void append(RunIndex index, List<String> lines) {
        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        index.extend(bytes, 0, bytes.length);
    }

    @Test
    void aFailureAfterTheNodeCompletedIsAMarkerAfterItsCompletedBar() {
        List<String> lines = List.of(line("run.started", 0, null), started(1_000, "deploy"),
                line("node.completed", 5_000, "deploy"), line("node.failed", 3 * 3_600_000L, "deploy"));
        TimelineModel m = TimelineBuilder.build(TestLogs.index(dir, lines), null);
        int lane = m.laneOf("deploy");
        assertEquals(1, m.laneBarFrom(lane + 1) - m.laneBarFrom(lane), "one bar");
        int bar = m.laneBarFrom(lane);
        assertEquals(TimelineModel.Outcome.COMPLETED, m.barOutcome(bar));
        assertEquals(T0 + 1_000_000, m.barStart(bar));
        assertEquals(T0 + 5_000_000, m.barEnd(bar), "the bar ends where the node completed, not at the failure");
        int failure = -1;
        for (int i = 0; i < m.instantCount(); i++) {
            if (m.instantLane(i) == lane && m.instantTone(i) == TimelineModel.Tone.FAILED) {
                failure = i;
            }
        }
        assertTrue(failure >= 0, "the failure is marked on the node's lane");
        assertEquals(T0 + 3 * 3_600_000_000L, m.instantTs(failure));
        assertEquals(3, m.instantRow(failure));
    }

    @Test
    void aRunReadOnPieceByPieceIsTheRunBuiltWhole() {
        Random random = new Random(7);
        List<String> log = randomLog(random, 3_000, 12);
        RunIndex index = RunIndex.empty(dir.resolve("growing.jsonl"));
        TimelineBuilder builder = new TimelineBuilder(index.file());
        int at = 0;
        int pieces = 0;
        while (at < log.size()) {
            int n = Math.min(log.size() - at, 1 + random.nextInt(200));
            append(index, log.subList(at, at + n));
            at += n;
            IndexSnapshot s = index.snapshot();
            assertTrue(builder.canExtend(s, null), "a longer snapshot of the same file only adds rows");
            builder.add(s, null);
            assertEquals(dump(TimelineBuilder.build(s, null)), dump(builder.build(s)), "after piece " + pieces);
            pieces++;
        }
        assertTrue(pieces > 10);
    }

    @Test
    void aFilterThatKeepsItsRowsIsReadOnAndOneThatChangesThemStartsAfresh() {
        Random random = new Random(11);
        List<String> log = randomLog(random, 2_000, 8);
        RunIndex index = RunIndex.empty(dir.resolve("filtered.jsonl"));
        append(index, log.subList(0, 1_000));
        IndexSnapshot first = index.snapshot();
        int[] evenRows = rows(first.size(), 0);
        TimelineBuilder builder = new TimelineBuilder(index.file());
        builder.add(first, evenRows);
        assertEquals(dump(TimelineBuilder.build(first, evenRows)), dump(builder.build(first)));

        append(index, log.subList(1_000, 2_000));
        IndexSnapshot second = index.snapshot();
        int[] moreEvenRows = rows(second.size(), 0);
        assertTrue(builder.canExtend(second, moreEvenRows), "the same rows below, new ones above");
        builder.add(second, moreEvenRows);
        assertEquals(dump(TimelineBuilder.build(second, moreEvenRows)), dump(builder.build(second)));

        assertFalse(builder.canExtend(second, rows(second.size(), 1)), "other rows: another filter");
        assertFalse(builder.canExtend(second, null), "no filter after a filter");
        int[] partial = java.util.Arrays.copyOf(moreEvenRows, moreEvenRows.length / 3);
        assertFalse(builder.canExtend(second, partial), "a filter still at work hands over fewer rows");
        assertFalse(builder.canExtend(first, moreEvenRows), "fewer rows: the log was replaced");
        assertFalse(builder.canExtend(TestLogs.index(dir, log.subList(0, 10)), null), "another file");
    }

    private static int[] rows(int size, int parity) {
        int[] out = new int[(size + 1 - parity) / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = i * 2 + parity;
        }
        return out;
    }

    @Test
    void theDensityCountsEveryEventWithATimeThatTheFilterKeepsAndItsFailures() {
        List<String> log = List.of(
                line("run.started", 0, null),
                started(1_000, "a"),
                line("node.failed", 2_000, "a"),
                "{\"type\":\"node.output\",\"node_id\":\"a\"}",
                "{\"type\":\"broken\",\"ts\":\"" + ts(3_000) + "\",",
                line("run.failed", 4_000, null));
        IndexSnapshot s = TestLogs.index(dir, log);
        Density all = TimelineBuilder.build(s, null).density();
        assertEquals(4, all.total(), "every event with a time (the index keeps none for a malformed line)");
        assertEquals(2, all.failureTotal(), "node.failed and run.failed");
        Density some = TimelineBuilder.build(s, new int[] {0, 1, 2}).density();
        assertEquals(3, some.total());
        assertEquals(1, some.failureTotal());
    }

    @Test
    void memoryGrowsWithBarsAndInstantsNotWithOtherEvents() {
        RunIndex index = RunIndex.empty(dir.resolve("outputs.jsonl"));
        List<String> lines = new ArrayList<>();
        lines.add(started(0, "a"));
        for (int i = 1; i < 50_000; i++) {
            lines.add(line("node.output", i, "a"));
        }
        lines.add(line("node.completed", 50_000, "a"));
        append(index, lines);
        TimelineModel m = TimelineBuilder.build(index.snapshot(), null);
        assertEquals(1, m.barCount());
        assertEquals(0, m.instantCount());
        assertEquals(50_001, m.density().total());
        assertTrue(m.bytes() < 100_000, "a model of one bar holds no column per event: " + m.bytes());
    }
}
