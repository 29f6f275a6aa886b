package dev.omne.inspector.ui.inject;

import dev.omne.inspector.core.log.AppendOptions;
import dev.omne.inspector.core.log.LockTimeoutException;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.ui.testing.TestLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventAppenderTest {
    @TempDir
    Path dir;

    private final EventAppender appender = EventAppender.locked(new AppendOptions(Duration.ofMillis(600), Duration.ofMillis(20)));

    @Test
    void appendsOneLineWithoutWaitingWhenTheLockIsFree() throws Exception {
        Volume volume = TestLogs.volume(dir.resolve("p"), TestLogs.RUN, TestLogs.events(2));
        AtomicInteger waited = new AtomicInteger();
        String line = TestLogs.event("run.marked", 9, null);
        appender.append(volume, TestLogs.RUN, line, waited::incrementAndGet);
        List<String> lines = Files.readAllLines(volume.eventsFile(TestLogs.RUN));
        assertEquals(3, lines.size());
        assertEquals(line, lines.getLast());
        assertEquals(0, waited.get());
        assertTrue(appender.whyNotWritable(volume, TestLogs.RUN).isEmpty());
        assertTrue(appender.whyNotWritable(volume, "gone-01kpfntqeej7vhn935kc0tm9vn").isPresent());
    }

    @Test
    void saysItIsWaitingThenGivesUpAfterTheWholeBudgetWritingNothing() throws Exception {
        Volume volume = TestLogs.volume(dir.resolve("p"), TestLogs.RUN, TestLogs.events(2));
        Path log = volume.eventsFile(TestLogs.RUN);
        byte[] before = Files.readAllBytes(log);
        Process holder = holdLock(log);
        try {
            AtomicInteger waited = new AtomicInteger();
            long start = System.nanoTime();
            LockTimeoutException e = assertThrows(LockTimeoutException.class, () ->
                    appender.append(volume, TestLogs.RUN, TestLogs.event("run.marked", 9, null), waited::incrementAndGet));
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(1, waited.get());
            assertEquals(Duration.ofMillis(600), e.budget());
            assertTrue(tookMs >= 550, "waited the whole budget: " + tookMs + " ms");
            assertArrayEquals(before, Files.readAllBytes(log));
        } finally {
            release(holder);
        }
    }

    @Test
    void aStoppedWaitEndsAtOnceAndWritesNothing() throws Exception {
        EventAppender patient = EventAppender.locked(new AppendOptions(Duration.ofSeconds(20), Duration.ofMillis(20)));
        Volume volume = TestLogs.volume(dir.resolve("p"), TestLogs.RUN, TestLogs.events(2));
        Path log = volume.eventsFile(TestLogs.RUN);
        byte[] before = Files.readAllBytes(log);
        Process holder = holdLock(log);
        try {
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            long start = System.nanoTime();
            // Stopped as soon as it says it waits (as Cancel does in the dialog).
            assertThrows(java.util.concurrent.CancellationException.class, () -> patient.append(volume, TestLogs.RUN,
                    TestLogs.event("run.marked", 9, null), () -> stop.set(true), stop::get));
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(tookMs < 5_000, "stopped long before the 20 s budget: " + tookMs + " ms");
            assertArrayEquals(before, Files.readAllBytes(log));
        } finally {
            release(holder);
        }
    }

    @Test
    void refusesALinkedLog() throws Exception {
        Volume volume = TestLogs.volume(dir.resolve("p"), TestLogs.RUN, TestLogs.events(2));
        Path outside = TestLogs.write(dir.resolve("outside.jsonl"), TestLogs.events(1));
        Files.delete(volume.eventsFile(TestLogs.RUN));
        Files.createSymbolicLink(volume.eventsFile(TestLogs.RUN), outside);
        var e = assertThrows(java.io.IOException.class, () ->
                appender.append(volume, TestLogs.RUN, TestLogs.event("run.marked", 9, null), () -> { }));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertEquals(1, Files.readAllLines(outside).size());
    }

    /** Another process, flock(1), holding the log's lock until it is released. */
    private static Process holdLock(Path log) throws Exception {
        Process holder = new ProcessBuilder("flock", "-x", log.toString(), "sh", "-c", "echo locked; sleep 30")
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("locked", out.readLine());
        return holder;
    }

    private static void release(Process holder) throws InterruptedException {
        holder.descendants().forEach(ProcessHandle::destroy);
        holder.destroy();
        holder.waitFor(5, TimeUnit.SECONDS);
    }
}
