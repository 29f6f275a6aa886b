package dev.omne.inspector.core.index;

import dev.omne.inspector.core.cache.CacheFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * A second window in its own process, for {@link IndexCacheProcessesTest}: opens a growing log through a shared cache
 * folder again and again, each time checking the index it got against a whole read of the same bytes. Prints
 * {@code ok ROUNDS FROM_ENTRIES WRITTEN} and exits 0, or prints what differed and exits 1.
 *
 * <p>Arguments: CACHE_DIR LOG ROUNDS
 */
public final class IndexCacheWorker {
    private IndexCacheWorker() {
    }

    public static void main(String[] args) throws Exception {
        Path cacheDir = Path.of(args[0]);
        Path log = Path.of(args[1]);
        int rounds = Integer.parseInt(args[2]);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        IndexCache cache = new IndexCache(new CacheFolder(cacheDir, 1L << 30), 0);
        Path copy = Files.createTempFile("omne-worker", ".jsonl");
        try {
            for (int round = 0; round < rounds; round++) {
                IndexSnapshot opened = cache.open(log, pool, 2, false).snapshot();
                // The log only grows, so its first bytes are still the ones indexed: read them whole and compare.
                byte[] prefix = Arrays.copyOf(Files.readAllBytes(log), (int) opened.bytes());
                Files.write(copy, prefix);
                IndexSnapshot whole = RunIndex.build(copy, pool, 2, false).snapshot();
                String problem = difference(whole, opened);
                if (problem != null) {
                    System.out.println("round " + round + ": " + problem);
                    System.exit(1);
                }
            }
            IndexCache.Stats stats = cache.stats();
            System.out.println("ok " + rounds + " " + stats.fromEntries() + " " + stats.written());
        } finally {
            Files.deleteIfExists(copy);
            pool.shutdownNow();
        }
        System.exit(0);
    }

    static String difference(IndexSnapshot expected, IndexSnapshot actual) {
        if (expected.size() != actual.size() || expected.bytes() != actual.bytes()
                || expected.nextLine() != actual.nextLine() || expected.errorCount() != actual.errorCount()
                || expected.warningCount() != actual.warningCount()) {
            return "rows " + expected.size() + "/" + actual.size() + ", bytes " + expected.bytes() + "/" + actual.bytes();
        }
        for (int row = 0; row < expected.size(); row++) {
            if (expected.offset(row) != actual.offset(row) || expected.line(row) != actual.line(row)
                    || expected.tsMicros(row) != actual.tsMicros(row) || expected.isError(row) != actual.isError(row)
                    || expected.hasWarning(row) != actual.hasWarning(row)
                    || !java.util.Objects.equals(expected.type(row), actual.type(row))
                    || !java.util.Objects.equals(expected.node(row), actual.node(row))) {
                return "row " + row + " differs";
            }
        }
        for (int i = 0; i < expected.diagnosticCount(); i++) {
            if (expected.diagnosticRow(i) != actual.diagnosticRow(i)
                    || !expected.diagnostics().get(i).message().equals(actual.diagnostics().get(i).message())
                    || expected.diagnostics().get(i).line() != actual.diagnostics().get(i).line()) {
                return "diagnostic " + i + " differs";
            }
        }
        return null;
    }
}
