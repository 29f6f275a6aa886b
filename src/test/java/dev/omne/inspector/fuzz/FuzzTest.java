package dev.omne.inspector.fuzz;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fuzz harness with a fixed seed and a modest size; the benchmark harness's FuzzBench runs it with millions of lines. */
class FuzzTest {
    static ExecutorService pool;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        pool = Executors.newFixedThreadPool(3);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    @Test
    void readerIndexAndTailerAgreeOnHostileInput() throws Exception {
        for (long seed = 11; seed <= 12; seed++) {
            byte[] content = FuzzLines.generate(seed, 4000);
            Path file = Files.write(dir.resolve("events-" + seed + ".jsonl"), content);
            assertNull(FuzzAgreement.check(file, content, pool, seed), "seed " + seed);
        }
    }

    @Test
    void readerIndexAndTailerAgreeOnALineLongerThanIsKept() throws Exception {
        for (long seed = 21; seed <= 23; seed++) {
            byte[] content = FuzzAgreement.withLongLine(FuzzLines.generate(seed, 300), new java.util.SplittableRandom(seed));
            Path file = Files.write(dir.resolve("long-" + seed + ".jsonl"), content);
            assertNull(FuzzAgreement.check(file, content, pool, seed), "seed " + seed);
        }
    }

    @Test
    void theFuzzerMakesEveryKindOfTrouble() {
        byte[] content = FuzzLines.generate(11, 6000);
        String text = new String(content, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("\0"), "NUL bytes");
        assertTrue(text.contains("\r{") || text.contains("\r\r"), "CR-only endings");
        assertTrue(text.contains("[[[[[[[[[[[[[[[[[[[[[[[["), "deep nesting");
        assertTrue(content.length > 6000 * 100, "huge values");
        assertTrue(text.contains("1.7976931348623159e308") || text.contains("e309"), "numbers at the f64 edge");
        assertTrue(text.contains("\\uD800"), "surrogate escapes");
        assertTrue(text.contains("\u00c2\u00a0") || text.contains("\u00e2\u0080\u00a8"), "Unicode whitespace");
        assertTrue(text.contains("\"kind\":{\"bash\":null}"), "node.started shapes");
    }
}
