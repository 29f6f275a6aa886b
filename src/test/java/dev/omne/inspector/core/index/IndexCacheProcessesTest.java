package dev.omne.inspector.core.index;

import dev.omne.inspector.core.cache.CacheFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two windows on one volume are two processes sharing one cache folder: both read and write the same log's entry
 * while the log grows. Each must always get exactly the index of the bytes it read, never a torn or foreign entry.
 */
class IndexCacheProcessesTest {
    @TempDir
    Path dir;

    @Test
    void twoProcessesOpeningAGrowingLogThroughOneFolderAlwaysGetItsExactIndex() throws Exception {
        byte[] content = HostileLines.generate(21, 24_000, 41);
        int start = content.length / 4;
        while (content[start - 1] != '\n') {
            start++;
        }
        Path log = Files.write(dir.resolve("events.jsonl"), java.util.Arrays.copyOf(content, start));
        Path cacheDir = dir.resolve("cache");
        List<Process> workers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            workers.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), IndexCacheWorker.class.getName(), cacheDir.toString(),
                    log.toString(), "12").redirectErrorStream(true).start());
        }
        // The log grows while they read it: a few lines at a time, cut anywhere (a line may be half written).
        try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.APPEND)) {
            int at = start;
            while (at < content.length && workers.stream().anyMatch(Process::isAlive)) {
                int n = Math.min(content.length - at, 1_000 + (at % 3_000));
                out.write(content, at, n);
                out.flush();
                at += n;
                Thread.sleep(5);
            }
        }
        long fromEntries = 0;
        for (Process worker : workers) {
            assertTrue(worker.waitFor(5, TimeUnit.MINUTES), "a worker did not finish");
            String said = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(0, worker.exitValue(), said);
            String[] words = said.split(" ");
            assertEquals("ok", words[0], said);
            fromEntries += Long.parseLong(words[2]);
        }
        assertTrue(fromEntries > 0, "the processes used the entries in the shared folder");
        // What is left in the folder is a whole entry of the log, read back exactly.
        IndexCache cache = new IndexCache(new CacheFolder(cacheDir, 1L << 30), 0);
        IndexSnapshot last = cache.open(log, java.util.concurrent.ForkJoinPool.commonPool(), 2, true).snapshot();
        assertEquals(1, cache.stats().fromEntries(), "the entry left behind fits the log");
        IndexCacheTest.assertSameIndex(RunIndex.build(log).snapshot(), last, "after both processes");
        try (var entries = Files.list(cacheDir)) {
            assertTrue(entries.noneMatch(p -> p.getFileName().toString().startsWith(".tmp-")), "no temporary file left");
        }
    }
}
