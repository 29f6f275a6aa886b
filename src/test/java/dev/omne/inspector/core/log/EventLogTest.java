package dev.omne.inspector.core.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {
    private static final String LINE = "{\"type\":\"node.started\",\"id\":\"ev-0001\",\"ts\":\"2026-04-15T00:00:00Z\","
            + "\"run_id\":\"pipe-01\",\"node_id\":\"n1\",\"kind\":\"bash\",\"name\":null,\"model\":null}";

    @TempDir
    Path dir;

    @Test
    void oneAppendWritesExactlyTheLineAndANewline() throws IOException {
        Path file = dir.resolve("events.jsonl");
        EventLog.append(file, LINE);
        assertArrayEquals((LINE + "\n").getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
    }

    @Test
    void appendsToWhatIsAlreadyThere() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, "{\"type\":\"a\"}\n");
        EventLog.append(file, "{\"type\":\"b\"}");
        assertEquals("{\"type\":\"a\"}\n{\"type\":\"b\"}\n", Files.readString(file));
    }

    @Test
    void hundredSequentialAppendsStayInOrder() throws IOException {
        Path file = dir.resolve("events.jsonl");
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            String line = "{\"type\":\"test.line\",\"seq\":" + i + "}";
            EventLog.append(file, line);
            expected.append(line).append('\n');
        }
        assertEquals(expected.toString(), Files.readString(file));
    }

    @Test
    void createsParentFoldersOnDemand() throws IOException {
        Path file = dir.resolve(".omne/var/runs/feature-01kpfntqeej7vhn935kc0tm9vn/events.jsonl");
        EventLog.append(file, LINE);
        assertEquals(LINE + "\n", Files.readString(file));
    }

    @Test
    void writesUtf8() throws IOException {
        Path file = dir.resolve("events.jsonl");
        String line = "{\"type\":\"note\",\"text\":\"héllo – 日本 🎉\"}";
        EventLog.append(file, line);
        assertArrayEquals((line + "\n").getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
    }

    @Test
    void rejectsLineBreaksAndWritesNothing() {
        Path file = dir.resolve("events.jsonl");
        for (String bad : List.of("{\"a\":1}\n", "{\"a\":1}\n{\"b\":2}", "{\"a\":1}\r", "{\"a\":\r\n1}")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> EventLog.append(file, bad));
            assertTrue(e.getMessage().contains("line break"), e.getMessage());
        }
        assertFalse(Files.exists(file), "a rejected line does not even create the file");
    }

    @Test
    void aFolderInPlaceOfTheFileGivesAClearError() throws IOException {
        Path file = Files.createDirectories(dir.resolve("events.jsonl"));
        IOException e = assertThrows(IOException.class, () -> EventLog.append(file, LINE));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void aFileInPlaceOfAParentFolderGivesAClearError() throws IOException {
        Path blocker = Files.writeString(dir.resolve("runs"), "not a folder");
        Path file = blocker.resolve("r1/events.jsonl");
        IOException e = assertThrows(IOException.class, () -> EventLog.append(file, LINE));
        assertTrue(e.getMessage().startsWith("cannot create the folder for " + file), e.getMessage());
    }

    @Test
    void optionsDefaultToTheRunnersValuesAndRejectNonsense() {
        assertEquals(Duration.ofSeconds(5), AppendOptions.DEFAULT.lockBudget());
        assertEquals(Duration.ofMillis(25), AppendOptions.DEFAULT.lockPoll());
        assertThrows(IllegalArgumentException.class, () -> new AppendOptions(Duration.ofSeconds(-1), Duration.ofMillis(25)));
        assertThrows(IllegalArgumentException.class, () -> new AppendOptions(Duration.ofSeconds(1), Duration.ZERO));
        assertThrows(NullPointerException.class, () -> new AppendOptions(null, Duration.ofMillis(25)));
        new AppendOptions(Duration.ZERO, Duration.ofMillis(1)); // zero budget: one try
    }

    @Test
    void timeoutMessagesNameTheBudgetShortly() {
        assertEquals("5s", LockTimeoutException.describe(Duration.ofSeconds(5)));
        assertEquals("300ms", LockTimeoutException.describe(Duration.ofMillis(300)));
        assertEquals("1.5s", LockTimeoutException.describe(Duration.ofMillis(1500)));
        LockTimeoutException e = new LockTimeoutException(Path.of("/x/events.jsonl"), Duration.ofSeconds(5),
                "another process is writing");
        assertEquals("timed out after 5s waiting for the lock on /x/events.jsonl (another process is writing);"
                + " nothing was written", e.getMessage());
    }

    @Test
    void threadsOfOneProcessAppendWholeLinesInOrder() throws Exception {
        Path file = dir.resolve("events.jsonl");
        int threads = 4;
        int perThread = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String writer = "t" + t;
                done.add(pool.submit(() -> {
                    for (int seq = 0; seq < perThread; seq++) {
                        EventLog.append(file, AppendWorker.line(writer, seq, "x".repeat(200)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(threads * perThread, lines.size());
        Map<String, Integer> next = new HashMap<>();
        for (String line : lines) {
            String writer = line.substring(line.indexOf("\"writer\":\"") + 10, line.indexOf("\",\"seq\""));
            int seq = next.merge(writer, 1, Integer::sum) - 1;
            assertEquals(AppendWorker.line(writer, seq, "x".repeat(200)), line);
        }
    }

    @Test
    void anotherThreadHoldingTheLockMakesAShortBudgetTimeOut() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, "{\"type\":\"a\"}\n");
        AppendOptions shortBudget = new AppendOptions(Duration.ofMillis(200), Duration.ofMillis(10));
        EventLog.withLock(file, AppendOptions.DEFAULT, f -> {
            CompletionException e = assertThrows(CompletionException.class, () -> CompletableFuture
                    .runAsync(() -> {
                        try {
                            EventLog.append(file, "{\"type\":\"b\"}", shortBudget);
                        } catch (IOException x) {
                            throw new CompletionException(x);
                        }
                    }).join());
            LockTimeoutException timeout = assertInstanceOf(LockTimeoutException.class, e.getCause());
            assertTrue(timeout.getMessage().contains("200ms"), timeout.getMessage());
            assertEquals(file, timeout.file());
        });
        assertEquals("{\"type\":\"a\"}\n", Files.readString(file));
        EventLog.append(file, "{\"type\":\"b\"}", shortBudget);
        assertEquals("{\"type\":\"a\"}\n{\"type\":\"b\"}\n", Files.readString(file));
    }
}
