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
    void theFuzzerMakesEveryKindOfTrouble() {
        byte[] content = FuzzLines.generate(11, 6000);
        String text = new String(content, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("\0"), "NUL bytes");
        assertTrue(text.contains("\r{") || text.contains("\r\r"), "CR-only endings");
        assertTrue(text.contains("[[[[[[[[[[[[[[[[[[[[[[[["), "deep nesting");
        assertTrue(content.length > 6000 * 100, "huge values");
    }
}
