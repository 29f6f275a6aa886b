package dev.omne.inspector.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.omne.inspector.testing.Waits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omne.inspector.testing.Tools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several OS processes append to one file at once: two JVMs through EventLog, two Python flock writers. */
class ConcurrentAppendTest {
    private static final int LINES_PER_WRITER = 2_000;
    private static final int PAD = 300;
    private static final List<String> JVM_WRITERS = List.of("j1", "j2");
    private static final List<String> PYTHON_WRITERS = List.of("p1", "p2");

    @TempDir
    Path dir;

    @Test
    void fourProcessesAppendWholeLinesInOrder() throws Exception {
        assumeTrue(Tools.isLinux() && Tools.works("python3", "-c", "import fcntl"),
                "needs Linux and python3 with fcntl");
        Path file = dir.resolve("run/events.jsonl");
        Files.createDirectories(file.getParent());
        Path logs = dir.resolve("logs");
        Path script = Path.of(ConcurrentAppendTest.class.getResource("append_writer.py").toURI());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Map<String, Process> writers = new LinkedHashMap<>();
        try {
            for (String w : JVM_WRITERS) {
                // j1 polls at the runner's 25 ms, j2 every millisecond to press harder on the lock.
                String pollMillis = w.equals("j1") ? "25" : "1";
                writers.put(w, Procs.start(logs, w, List.of(java, "--enable-native-access=ALL-UNNAMED",
                        "-cp", System.getProperty("java.class.path"), AppendWorker.class.getName(),
                        file.toString(), w, String.valueOf(LINES_PER_WRITER), String.valueOf(PAD),
                        dir.resolve(w + ".ready").toString(), pollMillis)));
            }
            for (String w : PYTHON_WRITERS) {
                writers.put(w, Procs.start(logs, w, List.of("python3", script.toString(),
                        file.toString(), w, String.valueOf(LINES_PER_WRITER), String.valueOf(PAD),
                        dir.resolve(w + ".ready").toString())));
            }
            for (var e : writers.entrySet()) {
                Waits.forFile(dir.resolve(e.getKey() + ".ready"), e.getValue(), Duration.ofSeconds(20));
            }
            long start = System.nanoTime();
            for (Process p : writers.values()) {
                // The start signal: a line on each writer's standard input, which it blocks on once ready.
                p.getOutputStream().write('\n');
                p.getOutputStream().close();
            }
            for (var e : writers.entrySet()) {
                assertTrue(e.getValue().waitFor(30, TimeUnit.SECONDS), e.getKey() + " did not finish");
                assertEquals(0, e.getValue().exitValue(), e.getKey() + " failed: " + Procs.output(logs, e.getKey()));
            }
            System.out.printf("4 writers x %d lines in %d ms%n", LINES_PER_WRITER,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } finally {
            for (Process p : writers.values()) {
                if (p.isAlive()) {
                    p.destroyForcibly();
                }
            }
        }

        verify(file);
    }

    private static void verify(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\n"), "file ends with a newline");
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        ObjectMapper mapper = new ObjectMapper();
        String pad = "x".repeat(PAD);
        Map<String, Integer> next = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(JVM_WRITERS);
        all.addAll(PYTHON_WRITERS);
        all.forEach(w -> next.put(w, 0));
        int switches = 0;
        String previous = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            JsonNode node = mapper.readTree(line); // throws on a torn line
            String writer = node.path("writer").asText();
            assertTrue(next.containsKey(writer), "line " + (i + 1) + " has an unknown writer: " + line);
            int seq = next.get(writer);
            assertEquals(AppendWorker.line(writer, seq, pad), line, "line " + (i + 1) + " is writer " + writer
                    + "'s line " + seq + ", whole");
            next.put(writer, seq + 1);
            if (previous != null && !previous.equals(writer)) {
                switches++;
            }
            previous = writer;
        }
        for (String w : all) {
            assertEquals(LINES_PER_WRITER, next.get(w), "lines from " + w);
        }
        assertEquals(all.size() * LINES_PER_WRITER, lines.length);
        // More than one block per writer shows the writers really ran at the same time.
        assertTrue(switches > all.size(), "writers interleaved (" + switches + " switches)");
        System.out.printf("%d lines, %d writer switches%n", lines.length, switches);
    }
}
