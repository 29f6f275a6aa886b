package dev.omne.inspector.ui.inject;

import dev.omne.inspector.testing.MutableClock;
import dev.omne.inspector.ui.testing.ManualTaskExecutor;
import dev.omne.inspector.ui.testing.TestLogs;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.log.LockTimeoutException;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.ui.common.SameThreadTaskExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InjectDialogViewModelTest {
    static final String RUN = TestLogs.RUN;
    static final String OTHER = "other-01kpfntqeej7vhn935kc0tm9vn";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-15T10:30:00.123Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Volume volume;
    private IndexSnapshot snapshot;
    private final FakeAppender appender = new FakeAppender();
    private final List<String> appended = new ArrayList<>();

    /** Records appends; can refuse a run, time out, or report waiting. */
    static class FakeAppender implements EventAppender {
        final List<String> lines = new ArrayList<>();
        String refusedRun;
        boolean timeOut;
        boolean waitFirst;

        @Override
        public Optional<String> whyNotWritable(Volume volume, String runId) {
            return runId.equals(refusedRun) ? Optional.of(volume.eventsFile(runId) + " is read-only") : Optional.empty();
        }

        @Override
        public void append(Volume volume, String runId, String line, Runnable waiting) throws IOException {
            if (waitFirst) {
                waiting.run();
            }
            if (timeOut) {
                throw new LockTimeoutException(volume.eventsFile(runId), lockBudget(), "another process is writing");
            }
            lines.add(line);
        }

        @Override
        public Duration lockBudget() {
            return Duration.ofSeconds(5);
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        volume = TestLogs.volume(dir.resolve("p"), RUN, TestLogs.events(6));
        Files.createDirectories(volume.runDir(OTHER));
        snapshot = TestLogs.index(volume.eventsFile(RUN));
    }

    private InjectDialogViewModel model() {
        return new InjectDialogViewModel(new SameThreadTaskExecutor(), appender, volume, List.of(RUN, OTHER), RUN,
                id -> id.equals(RUN) ? snapshot : null, CLOCK,
                (run, line, rowsBefore) -> appended.add(run + " " + rowsBefore + " " + line));
    }

    private static String header(InjectDialogViewModel m, String type) {
        return "{\"type\":\"" + type + "\",\"id\":\"" + m.idProperty().get() + "\",\"ts\":\"2026-04-15T10:30:00.123Z\","
                + "\"run_id\":\"" + RUN + "\"";
    }

    @Test
    void startsInvalidWithTheTypePromptAndIdAndTimeFilled() {
        var m = model();
        assertEquals(InjectDialogViewModel.TYPE_PROMPT, m.typeErrorProperty().get());
        assertFalse(m.validProperty().get());
        assertFalse(m.canAppendProperty().get());
        assertEquals("", m.previewProperty().get());
        assertTrue(m.idProperty().get().matches("ev-[0-9a-z]{26}"), m.idProperty().get());
        assertEquals("2026-04-15T10:30:00.123Z", m.tsProperty().get());
        assertEquals(List.of("n0", "n1", "n2"), m.nodes());
        assertTrue(m.knownTypes().containsAll(List.of("node.started", "node.failed", "gate.passed")));
        assertTrue(m.knownErrorKinds().contains("gate_failed"));
    }

    @Test
    void typeMustBeLowercaseDottedWords() {
        var m = model();
        for (String bad : List.of("Node.Started", "node", "node..x", "node.started ", "1x.y", "node-started.x")) {
            m.typeProperty().set(bad);
            if (bad.strip().equals("node.started")) {
                continue;
            }
            assertTrue(m.typeErrorProperty().get() != null && m.typeErrorProperty().get().contains("lowercase dotted"),
                    bad + ": " + m.typeErrorProperty().get());
            assertFalse(m.validProperty().get(), bad);
        }
        m.typeProperty().set("run.signal_received");
        assertNull(m.typeErrorProperty().get());
        assertTrue(m.validProperty().get());
        assertEquals(header(m, "run.signal_received") + "}", m.previewProperty().get());
    }

    @Test
    void nodeTypesNeedANodeId() {
        var m = model();
        m.typeProperty().set("node.completed");
        assertEquals("A node.completed event needs a node id", m.nodeErrorProperty().get());
        assertTrue(m.nodeRequiredProperty().get());
        assertFalse(m.canAppendProperty().get());
        m.nodeIdProperty().set("n1");
        assertNull(m.nodeErrorProperty().get());
        assertTrue(m.canAppendProperty().get());
        assertEquals(header(m, "node.completed") + ",\"node_id\":\"n1\"}", m.previewProperty().get());
        m.typeProperty().set("run.completed");
        m.nodeIdProperty().set("");
        assertNull(m.nodeErrorProperty().get());
        assertFalse(m.nodeRequiredProperty().get());
    }

    @Test
    void aNodeIdWithSpacesIsRefused() {
        var m = model();
        m.typeProperty().set("node.completed");
        m.nodeIdProperty().set("build step");
        assertEquals("A node id has no spaces or control characters", m.nodeErrorProperty().get());
        assertFalse(m.canAppendProperty().get());
        assertEquals("", m.previewProperty().get(), "nothing to append");
        m.typeProperty().set("run.marked");
        assertEquals("A node id has no spaces or control characters", m.nodeErrorProperty().get(),
                "an optional node id is an id all the same");
        m.nodeIdProperty().set("build-step");
        assertNull(m.nodeErrorProperty().get());
    }

    @Test
    void previewOfNodeStarted() {
        var m = model();
        m.typeProperty().set("node.started");
        m.nodeIdProperty().set("review");
        m.kindProperty().set("agent");
        m.nameProperty().set("Review");
        m.modelProperty().set("opus");
        assertTrue(m.nodeStartedProperty().get());
        assertFalse(m.nodeFailedProperty().get());
        assertEquals(header(m, "node.started")
                + ",\"node_id\":\"review\",\"kind\":\"agent\",\"name\":\"Review\",\"model\":\"opus\"}", m.previewProperty().get());
    }

    @Test
    void aLineTheRunnerCouldNotReadIsNeitherPreviewedNorAppendable() {
        var m = model();
        m.typeProperty().set("node.started");
        m.nodeIdProperty().set("review");
        assertFalse(m.validProperty().get(), "a node.started needs its kind");
        assertTrue(m.otherErrorProperty().get().contains("a node.started event needs \"kind\""), m.otherErrorProperty().get());
        assertEquals("", m.previewProperty().get());
        m.kindProperty().set("bash");
        assertTrue(m.validProperty().get());
        m.extraFieldsProperty().set("{\"n\": 1e400}");
        assertFalse(m.validProperty().get());
        assertTrue(m.extraErrorProperty().get().contains("number out of range for the omne runner"));
        m.extraFieldsProperty().set("{\"s\": \"\\ud800\"}");
        assertFalse(m.validProperty().get(), "never written as '?'");
        assertTrue(m.extraErrorProperty().get().contains("lone surrogate \\uD800"), m.extraErrorProperty().get());
        m.extraFieldsProperty().set("{\"n\": 1.50, \"z\": -0}");
        assertTrue(m.validProperty().get());
        assertTrue(m.previewProperty().get().endsWith(",\"n\":1.50,\"z\":-0}"), "numbers as written: "
                + m.previewProperty().get());
        m.nameProperty().set("a \ud800 b");
        assertFalse(m.validProperty().get(), "a lone surrogate typed in a field has no UTF-8 form");
        assertTrue(m.otherErrorProperty().get().contains("lone surrogate"), m.otherErrorProperty().get());
    }

    @Test
    void previewOfNodeFailed() {
        var m = model();
        m.typeProperty().set("node.failed");
        m.nodeIdProperty().set("n2");
        m.errorKindProperty().set("gate_failed");
        m.errorMessageProperty().set("tests \"red\"");
        assertTrue(m.nodeFailedProperty().get());
        assertEquals(header(m, "node.failed")
                + ",\"node_id\":\"n2\",\"error\":{\"kind\":\"gate_failed\",\"message\":\"tests \\\"red\\\"\"}}",
                m.previewProperty().get());
        // Fields of another type are left out.
        m.kindProperty().set("agent");
        assertFalse(m.previewProperty().get().contains("agent"));
    }

    @Test
    void previewOfGatePassedAndOfAFreeType() {
        var m = model();
        m.typeProperty().set("gate.passed");
        m.nodeIdProperty().set("n0");
        m.gateProperty().set("tests");
        assertTrue(m.gatePassedProperty().get());
        assertEquals(header(m, "gate.passed") + ",\"node_id\":\"n0\",\"gate\":\"tests\"}", m.previewProperty().get());
        m.typeProperty().set("run.marked");
        m.extraFieldsProperty().set("{\"note\": \"by hand\", \"n\": [1, 2]}");
        assertEquals(header(m, "run.marked") + ",\"node_id\":\"n0\",\"note\":\"by hand\",\"n\":[1,2]}",
                m.previewProperty().get());
    }

    @Test
    void extraFieldsMayNotRedefineTheHeaderOrTheFormsFields() {
        var m = model();
        m.typeProperty().set("gate.passed");
        for (String key : List.of("type", "id", "ts", "run_id")) {
            m.extraFieldsProperty().set("{\"" + key + "\": \"x\"}");
            assertTrue(m.extraErrorProperty().get().startsWith("\"" + key + "\" may not be set here"),
                    m.extraErrorProperty().get());
            assertFalse(m.validProperty().get());
            assertEquals("", m.previewProperty().get());
        }
        m.extraFieldsProperty().set("{\"gate\": \"x\"}");
        assertEquals("\"gate\" is set by the form above; leave it out here", m.extraErrorProperty().get());
        m.extraFieldsProperty().set("{\"node_id\": \"x\"}");
        assertTrue(m.extraErrorProperty().get().contains("set by the form"));
        m.extraFieldsProperty().set("   ");
        assertNull(m.extraErrorProperty().get());
        assertTrue(m.validProperty().get());
    }

    @Test
    void extraFieldsMustBeOneJsonObject() {
        var m = model();
        m.typeProperty().set("run.marked");
        m.extraFieldsProperty().set("[1]");
        assertTrue(m.extraErrorProperty().get().startsWith("Extra fields must be one JSON object"));
        m.extraFieldsProperty().set("{\"a\": 1,}");
        assertTrue(m.extraErrorProperty().get().startsWith("Not JSON the omne runner can read"), m.extraErrorProperty().get());
        assertTrue(m.extraErrorProperty().get().contains("line 1, column 9"), m.extraErrorProperty().get());
        m.extraFieldsProperty().set("{\n  \"a\": 1,\n  \"b\": 1e400\n}");
        assertTrue(m.extraErrorProperty().get().contains("number out of range for the omne runner"), m.extraErrorProperty().get());
        assertTrue(m.extraErrorProperty().get().contains("line 3, column 8"), m.extraErrorProperty().get());
        m.extraFieldsProperty().set("{\"a\": 1, \"a\": 2}");
        assertTrue(m.extraErrorProperty().get().contains("\"a\" is given twice"), m.extraErrorProperty().get());
        m.extraFieldsProperty().set("{\"a\": {\"b\": 1, \"b\": 2}}");
        assertTrue(m.extraErrorProperty().get().contains("\"b\" is given twice"), "never one value dropped silently");
        m.extraFieldsProperty().set("{\"a\": 1} {}");
        assertTrue(m.extraErrorProperty().get().startsWith("Not JSON the omne runner can read"), m.extraErrorProperty().get());
        m.extraFieldsProperty().set("{\n  \"a\": 1\n}");
        assertNull(m.extraErrorProperty().get());
        assertTrue(m.validProperty().get());
    }

    @Test
    void appendWritesExactlyThePreviewAndReportsIt() {
        var m = model();
        m.typeProperty().set("gate.passed");
        m.gateProperty().set("lint");
        String preview = m.previewProperty().get();
        m.append();
        assertEquals(List.of(preview), appender.lines);
        assertEquals(List.of(RUN + " 6 " + preview), appended);
        assertTrue(m.doneProperty().get());
        assertFalse(m.canAppendProperty().get(), "appended once");
        m.append();
        assertEquals(1, appender.lines.size());
    }

    @Test
    void aLockTimeoutSaysNothingWasWrittenAndAllowsAnotherTry() {
        var m = model();
        m.typeProperty().set("run.marked");
        appender.timeOut = true;
        appender.waitFirst = true;
        m.append();
        assertTrue(m.statusIsErrorProperty().get());
        assertEquals("Another process held the lock on events.jsonl for more than 5 s. Nothing was written.",
                m.statusProperty().get());
        assertFalse(m.doneProperty().get());
        assertTrue(appended.isEmpty());
        assertTrue(m.canAppendProperty().get(), "may try again");
        m.tick();
        assertEquals("Another process held the lock on events.jsonl for more than 5 s. Nothing was written.",
                m.statusProperty().get(), "the clock moving on keeps the error");
        m.extraFieldsProperty().set("{\"note\":\"x\"}");
        assertEquals(null, m.statusProperty().get(), "an edit clears it");
        appender.timeOut = false;
        m.append();
        assertTrue(m.doneProperty().get());
    }

    @Test
    void waitingForTheLockIsShownWhileTheAppendRuns() {
        ManualTaskExecutor tasks = new ManualTaskExecutor();
        appender.waitFirst = true;
        var m = new InjectDialogViewModel(tasks, appender, volume, List.of(RUN), RUN, id -> snapshot, CLOCK,
                (run, line, rows) -> appended.add(line));
        tasks.runAll();
        m.typeProperty().set("run.marked");
        assertTrue(m.canAppendProperty().get());
        m.append();
        assertTrue(m.appendingProperty().get());
        assertFalse(m.canAppendProperty().get(), "no second append while one runs");
        assertEquals("Appending…", m.statusProperty().get());
        tasks.runAll();
        assertTrue(m.doneProperty().get());
        assertEquals(1, appended.size());
    }

    @Test
    void cancelStopsTheWaitForTheLockAndClosesWithNothingWritten() {
        ManualTaskExecutor tasks = new ManualTaskExecutor();
        List<String> written = new ArrayList<>();
        EventAppender busy = new FakeAppender() {
            @Override
            public void append(Volume volume, String runId, String line, Runnable waiting,
                               java.util.function.BooleanSupplier stopped) {
                waiting.run();
                if (stopped.getAsBoolean()) {
                    throw new java.util.concurrent.CancellationException("stopped");
                }
                written.add(line);
            }
        };
        var m = new InjectDialogViewModel(tasks, busy, volume, List.of(RUN), RUN, id -> snapshot, CLOCK,
                (run, line, rows) -> appended.add(line));
        tasks.runAll();
        m.typeProperty().set("run.marked");
        m.append();
        m.cancel();
        assertFalse(m.closedProperty().get(), "not before the wait has stopped");
        assertEquals("Stopping…", m.statusProperty().get());
        tasks.runAll();
        assertTrue(m.closedProperty().get());
        assertFalse(m.doneProperty().get());
        assertTrue(written.isEmpty());
        assertTrue(appended.isEmpty());
        // Without an append at work, Cancel closes at once.
        var idle = model();
        idle.cancel();
        assertTrue(idle.closedProperty().get());
    }

    @Test
    void theWaitingMessageShowsWhileTheLockIsBusy() {
        List<String> seen = new ArrayList<>();
        InjectDialogViewModel[] m = new InjectDialogViewModel[1];
        EventAppender slow = new FakeAppender() {
            @Override
            public void append(Volume volume, String runId, String line, Runnable waiting) {
                seen.add(m[0].statusProperty().get());
                waiting.run();
                seen.add(m[0].statusProperty().get());
            }
        };
        m[0] = new InjectDialogViewModel(new SameThreadTaskExecutor(), slow, volume, List.of(RUN), RUN, id -> snapshot,
                CLOCK, (run, line, rows) -> { });
        m[0].typeProperty().set("run.marked");
        m[0].append();
        assertEquals(List.of("Appending…",
                "Waiting for another process to release the lock on events.jsonl (up to 5 s; Cancel stops)…"), seen);
        assertNull(m[0].statusProperty().get());
        assertTrue(m[0].doneProperty().get());
    }

    @Test
    void aRunThatCannotBeWrittenDisablesAppendWithTheReason() {
        appender.refusedRun = OTHER;
        var m = model();
        m.typeProperty().set("run.marked");
        assertTrue(m.canAppendProperty().get());
        m.runProperty().set(OTHER);
        assertTrue(m.runErrorProperty().get().endsWith("is read-only"), m.runErrorProperty().get());
        assertTrue(m.validProperty().get());
        assertFalse(m.canAppendProperty().get());
        assertTrue(m.previewProperty().get().contains("\"run_id\":\"" + OTHER + "\""));
        assertEquals(List.of(), m.nodes(), "the other run has no index");
        m.runProperty().set(RUN);
        assertNull(m.runErrorProperty().get());
        assertTrue(m.canAppendProperty().get());
    }

    @Test
    void tickMovesTheTimestampButNotTheId() {
        MutableClock moving = new MutableClock(CLOCK.instant());
        var m = new InjectDialogViewModel(new SameThreadTaskExecutor(), appender, volume, List.of(RUN), RUN,
                id -> snapshot, moving, (run, line, rows) -> { });
        m.typeProperty().set("run.marked");
        String id = m.idProperty().get();
        moving.advance(Duration.ofSeconds(2));
        m.tick();
        assertEquals("2026-04-15T10:30:02.123Z", m.tsProperty().get());
        assertEquals(id, m.idProperty().get());
        assertTrue(m.previewProperty().get().contains("10:30:02.123Z"));
    }
}
