package dev.omne.inspector.core.history;

import dev.omne.inspector.generate.VolumeGenerator;
import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.event.Ulid;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunSummaryBuilderTest {
    private static final String RUN = "feature-01kp856vg071hfe865v215de1c";

    @TempDir
    Path dir;

    static String event(String type, int second, String node, String extra) {
        return "{\"type\":\"" + type + "\",\"id\":\"ev-" + type.hashCode() + second + "\",\"ts\":\"2026-04-15T00:00:"
                + String.format("%02d", second) + "Z\",\"run_id\":\"" + RUN + "\""
                + (node == null ? "" : ",\"node_id\":\"" + node + "\"") + (extra == null ? "" : "," + extra) + "}";
    }

    static String started(int second, String node, String kind, String name) {
        return event("node.started", second, node, "\"kind\":\"" + kind + "\",\"name\":"
                + (name == null ? "null" : "\"" + name + "\"") + ",\"model\":null");
    }

    /** Retries, a restart with no end, an end with no start, a loop still running, malformed and blank lines. */
    static final List<String> ODD_RUN = List.of(
            event("run.started", 0, null, null),
            started(1, "a", "bash", "Build it"),
            event("node.output", 2, "a", "\"line\":\"ok\""),
            event("node.completed", 3, "a", null),
            started(4, "b", "command", null),
            event("node.failed", 5, "b", "\"error\":{\"kind\":\"crash\",\"message\":\"boom\"}"),
            event("node.retrying", 5, "b", "\"attempt\":2"),
            started(6, "b", "command", null),
            "{\"type\":\"node.output\",\"id\":\"torn",
            started(7, "b", "command", null),
            event("node.completed", 9, "b", null),
            "   ",
            event("node.failed", 10, "c", "\"error\":\"disk full\""),
            started(11, "d", "loop", "Until green"),
            event("loop.iteration", 11, "d", "\"iteration\":1"),
            started(12, "e", "prompt", "Write"),
            event("node.completed", 14, "e", null),
            event("gate.passed", 13, "e", "\"gate\":\"g\""));

    Path write(String name, List<String> lines) throws IOException {
        Path file = dir.resolve(name).resolve("events.jsonl");
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    static long s(int second) {
        return Timestamps.parseMicros("2026-04-15T00:00:" + String.format("%02d", second) + "Z");
    }

    @Test
    void executionsPairAsTheTimelineDrawsThem() throws IOException {
        RunSummary run = RunSummaryBuilder.read(RUN, write(RUN, ODD_RUN));
        assertEquals("feature", run.pipe());
        assertEquals(List.of("a", "b", "c", "d", "e"), run.nodes().stream().map(NodeRun::nodeId).toList());
        assertEquals(16, run.events());
        assertEquals(1, run.malformed());
        assertEquals(RunOutcome.UNFINISHED, run.outcome());
        assertEquals(s(0), run.startMicros());
        assertEquals(s(14), run.endMicros());

        NodeRun a = run.node("a");
        assertEquals("bash", a.kind());
        assertEquals("Build it", a.name());
        assertEquals(2, a.firstLine());
        assertEquals(List.of(new NodeExecution(s(1), s(3), ExecutionOutcome.COMPLETED, 2_000_000, null, null, 2, 4)),
                a.executions());

        NodeRun b = run.node("b");
        assertNull(b.name());
        assertEquals(List.of(
                new NodeExecution(s(4), s(5), ExecutionOutcome.FAILED, 1_000_000, "crash", "boom", 5, 6),
                new NodeExecution(s(6), s(7), ExecutionOutcome.INTERRUPTED, 1_000_000, null, null, 8, 10),
                new NodeExecution(s(7), s(9), ExecutionOutcome.COMPLETED, 2_000_000, null, null, 10, 11)),
                b.executions());
        assertEquals(ExecutionOutcome.COMPLETED, b.outcome());
        assertEquals(1, b.failures());
        assertEquals(4_000_000, b.durationMicros());
        assertTrue(b.isTimed());

        NodeRun c = run.node("c");
        assertEquals(List.of(new NodeExecution(Timestamps.NONE, s(10), ExecutionOutcome.FAILED, -1, null,
                "disk full", -1, 13)), c.executions(), "an end with no start: its start and duration are unknown");
        assertFalse(c.isTimed());
        assertEquals(-1, c.durationMicros());

        NodeRun d = run.node("d");
        assertEquals(List.of(new NodeExecution(s(11), Timestamps.NONE, ExecutionOutcome.RUNNING, 3_000_000, null, null,
                14, -1)), d.executions(), "still running: its time so far, to the run's latest event");
        assertFalse(d.isTimed());
        assertEquals(s(12), run.node("e").startMicros());
    }

    @Test
    void theRunsOutcomeComesFromItsLastRunEndOrItsLastEvent() throws IOException {
        List<String> lines = new ArrayList<>(ODD_RUN);
        lines.add(event("run.failed", 20, null, "\"error\":{\"kind\":\"crash\",\"message\":\"x\"}"));
        assertEquals(RunOutcome.FAILED, RunSummaryBuilder.read(RUN, write("failed", lines)).outcome());
        lines.add(event("run.started", 21, null, null));
        assertEquals(RunOutcome.UNFINISHED, RunSummaryBuilder.read(RUN, write("again", lines)).outcome());
        lines.add(event("node.failed", 22, "a", "\"error\":{\"kind\":\"blocked\",\"message\":\"y\"}"));
        assertEquals(RunOutcome.FAILED, RunSummaryBuilder.read(RUN, write("node-failed", lines)).outcome(),
                "no run end and a node.failed last");
        lines.add(event("run.completed", 23, null, null));
        RunSummary done = RunSummaryBuilder.read(RUN, write("done", lines));
        assertEquals(RunOutcome.COMPLETED, done.outcome());
        assertEquals(23_000_000, done.durationMicros());
    }

    @Test
    void aRunWithoutALogYetIsEmptyAndAFolderInItsPlaceIsUnreadable() throws IOException {
        Path missing = dir.resolve("none/events.jsonl");
        long created = Instant.parse("2026-04-15T10:20:30.456Z").toEpochMilli();
        String runId = "docs-" + Ulid.of(created, new Random(1));
        RunSummary empty = RunSummaryBuilder.read(runId, missing);
        assertEquals(RunSummary.empty(runId, missing), empty);
        assertEquals("docs", empty.pipe());
        assertEquals(RunOutcome.UNFINISHED, empty.outcome());
        assertEquals(-1, empty.durationMicros());
        assertEquals(created * 1000, empty.sortMicros(), "a run with no events is placed by the time in its id");
        assertEquals(Timestamps.NONE, RunSummary.empty("no-ulid", missing).sortMicros());

        Path folder = dir.resolve("folder/events.jsonl");
        Files.createDirectories(folder);
        IOException e = assertThrows(IOException.class, () -> RunSummaryBuilder.read(RUN, folder));
        assertTrue(e.getMessage().contains("a folder"), e.getMessage());
    }

    @Test
    void growingInRandomPiecesGivesAtEveryStepWhatAFullRecomputationGives() throws IOException {
        VolumeGenerator.Result volume = HistoryVolumes.generate(dir.resolve("v"), 6, 900);
        List<Path> files = new ArrayList<>(volume.runs().stream().map(VolumeGenerator.RunFile::file).toList());
        files.add(write(RUN, ODD_RUN));
        SplittableRandom rnd = new SplittableRandom(3);
        for (Path file : files) {
            String runId = file.getParent().getFileName().toString();
            byte[] bytes = Files.readAllBytes(file);
            RunIndex index = RunIndex.empty(file);
            RunSummaryBuilder builder = new RunSummaryBuilder(runId, file);
            VolumeHistory history = new VolumeHistory();
            RunSummary summary = builder.summary();
            int steps = 0;
            for (int at = 0; at < bytes.length; ) {
                int n = Math.min(bytes.length - at, rnd.nextInt(1, Math.max(2, bytes.length / 6)));
                RunIndex.Extension ext = index.extend(bytes, at, n);
                at += n;
                IndexSnapshot snapshot = index.snapshot();
                if (rnd.nextInt(4) == 0) {
                    // A history that keeps only summaries carries on from the last one.
                    builder = RunSummaryBuilder.resume(summary);
                }
                summary = builder.add(snapshot, ext.fromRow(), ext.toRow());
                assertEquals(RunSummaryBuilder.of(runId, snapshot), summary, runId + " after " + at + " bytes");
                assertEquals(summary, history.update(runId, snapshot, false, ext.fromRow(), ext.toRow()));
                steps++;
            }
            RunIndex.Extension last = index.finish();
            summary = builder.add(index.snapshot(), last.fromRow(), last.toRow());
            assertEquals(RunSummaryBuilder.read(runId, file), summary, runId);
            assertTrue(steps > 3, "grown in several pieces");
        }
    }

    @Test
    void theVolumeHistoryTakesResetsShrinksAndRemovalsAndPublishesOnlyOnChange() throws IOException {
        Path file = write(RUN, ODD_RUN);
        IndexSnapshot whole = RunIndex.build(file).snapshot();
        VolumeHistory history = new VolumeHistory();
        HistorySnapshot empty = history.snapshot();
        RunSummary first = history.update(RUN, whole, true, 0, whole.size());
        HistorySnapshot one = history.snapshot();
        assertEquals(List.of(first), one.runs());
        assertSame(one, history.snapshot(), "nothing changed: the same snapshot");
        assertSame(first, history.update(RUN, whole, false, whole.size(), whole.size()));

        // Rows handed again are not counted twice; an index that lost rows without a reset is summed up again.
        assertEquals(first, history.update(RUN, whole, false, 3, whole.size()));
        Files.writeString(file, String.join("\n", ODD_RUN.subList(0, 5)) + "\n");
        IndexSnapshot shorter = RunIndex.build(file).snapshot();
        assertEquals(RunSummaryBuilder.read(RUN, file), history.update(RUN, shorter, false, 0, shorter.size()));

        history.remove(RUN);
        assertEquals(List.of(), history.snapshot().runs());
        assertEquals(List.of(), empty.runs(), "published snapshots never change");
        assertEquals(1, one.runs().size());
    }
}
