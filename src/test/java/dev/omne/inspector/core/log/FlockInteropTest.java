package dev.omne.inspector.core.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EventLog's lock and the runner's flock(2) exclude each other, both ways; flock(1) and Python stand in for the runner. */
class FlockInteropTest {
    private static final String BEFORE = "{\"type\":\"run.started\",\"id\":\"ev-0001\"}\n";
    private static final String LINE = "{\"type\":\"node.started\",\"id\":\"ev-0002\",\"ts\":\"2026-04-15T00:00:00Z\",\"run_id\":\"r\",\"node_id\":\"n1\",\"kind\":\"bash\"}";

    /** Exit 3: the lock is busy (EWOULDBLOCK); 0: it was free. */
    private static final String PYTHON_PROBE = """
            import errno, fcntl, os, sys
            fd = os.open(sys.argv[1], os.O_WRONLY | os.O_APPEND)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as e:
                sys.exit(3 if e.errno == errno.EWOULDBLOCK else 4)
            sys.exit(0)
            """;

    @TempDir
    Path dir;
    Path file;
    Path logs;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Procs.hasFlockAndPython(), "needs Linux with flock(1) and python3");
        file = Files.writeString(dir.resolve("events.jsonl"), BEFORE);
        logs = dir.resolve("logs");
    }

    @Test
    void appendWaitsForAFlockHolderThenSucceeds() throws Exception {
        Path ready = dir.resolve("ready");
        Path leaving = dir.resolve("leaving");
        Process holder = Procs.start(logs, "holder", List.of("flock", "-x", file.toString(),
                "sh", "-c", "touch \"$1\"; sleep 2; touch \"$2\"", "sh", ready.toString(), leaving.toString()));
        try {
            Procs.awaitFile(ready, holder, Duration.ofSeconds(10));
            long start = System.nanoTime();
            EventLog.append(file, LINE);
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            // The holder marks "leaving" just before it lets go: the append cannot have got in earlier.
            assertTrue(Files.exists(leaving), "append returned while the holder still held the lock (" + waited + " ms)");
            assertEquals(BEFORE + LINE + "\n", Files.readString(file));
        } finally {
            Procs.reap(holder);
        }
        assertEquals(0, holder.exitValue(), Procs.output(logs, "holder"));
    }

    @Test
    void appendGivesUpAfterTheBudgetAndWritesNothing() throws Exception {
        Path ready = dir.resolve("ready");
        Path release = dir.resolve("release");
        // Holds until told to let go (bounded at 20 s in case this test dies first).
        Process holder = Procs.start(logs, "holder", List.of("flock", "-x", file.toString(), "sh", "-c",
                "touch \"$1\"; i=0; while [ ! -e \"$2\" ] && [ $i -lt 400 ]; do sleep 0.05; i=$((i+1)); done",
                "sh", ready.toString(), release.toString()));
        try {
            Procs.awaitFile(ready, holder, Duration.ofSeconds(10));
            byte[] before = Files.readAllBytes(file);
            long start = System.nanoTime();
            LockTimeoutException e = assertThrows(LockTimeoutException.class, () -> EventLog.append(file, LINE,
                    new AppendOptions(Duration.ofMillis(300), Duration.ofMillis(25))));
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertTrue(waited >= 300, "gave up only after the budget: " + waited + " ms");
            assertEquals("timed out after 300ms waiting for the lock on " + file
                    + " (another process is writing); nothing was written", e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(file));
        } finally {
            Files.writeString(release, "");
            Procs.reap(holder);
        }
        EventLog.append(file, LINE, new AppendOptions(Duration.ofMillis(300), Duration.ofMillis(25)));
        assertEquals(BEFORE + LINE + "\n", Files.readString(file));
    }

    @Test
    void whileJavaHoldsTheLockFlockAndPythonAreRefused() throws Exception {
        EventLog.withLock(file, AppendOptions.DEFAULT, f -> {
            try {
                assertNotEquals(0, Procs.run(logs, "flock-held", Duration.ofSeconds(10),
                        List.of("flock", "-n", file.toString(), "true")), "flock -n got the lock Java holds");
                assertEquals(3, Procs.run(logs, "python-held", Duration.ofSeconds(10),
                        List.of("python3", "-c", PYTHON_PROBE, file.toString())),
                        "python flock(LOCK_EX|LOCK_NB) is refused with EWOULDBLOCK: " + Procs.output(logs, "python-held"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException();
            }
        });
        // And once released, both get it.
        assertEquals(0, Procs.run(logs, "flock-free", Duration.ofSeconds(10),
                List.of("flock", "-n", file.toString(), "true")), Procs.output(logs, "flock-free"));
        assertEquals(0, Procs.run(logs, "python-free", Duration.ofSeconds(10),
                List.of("python3", "-c", PYTHON_PROBE, file.toString())), Procs.output(logs, "python-free"));
    }
}
