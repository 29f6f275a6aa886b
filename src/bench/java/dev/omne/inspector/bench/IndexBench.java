package dev.omne.inspector.bench;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Indexing speed in a warm JVM, as in a window that has already opened a run: {@code java -cp
 * 'target/omne-inspector.jar:target/lib/*' dev.omne.inspector.bench.IndexBench FILE [PIECES] [ROUNDS]}
 * builds the index of FILE ROUNDS times (default 6) in PIECES parallel pieces (default: the cores) and prints
 * each time, MB/s and bytes per event; the first rounds include JIT warm-up, the last show the steady state.
 */
public final class IndexBench {
    private IndexBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: IndexBench FILE [PIECES] [ROUNDS]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int pieces = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        long bytes = Files.size(file);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, pieces - 1));
        try {
            for (int i = 1; i <= rounds; i++) {
                long t = System.nanoTime();
                IndexSnapshot s = RunIndex.build(file, pool, pieces, true).snapshot();
                double seconds = (System.nanoTime() - t) / 1e9;
                System.out.printf("round %d: %d pieces, %.3f s, %.0f MB/s, %d rows, %.1f index bytes/event%n", i,
                        pieces, seconds, bytes / 1e6 / seconds, s.size(), (double) s.columnBytes() / s.size());
            }
        } finally {
            pool.shutdown();
        }
    }
}
