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
 * It also prints the process's CPU time per round and MB per CPU second: on a shared machine the wall time
 * says more about the load than about the code, and MB per CPU second times the cores is what an idle
 * machine would do. The load average is printed before each round.
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
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            for (int i = 1; i <= rounds; i++) {
                double load = os.getSystemLoadAverage();
                long cpu = os.getProcessCpuTime();
                long t = System.nanoTime();
                IndexSnapshot s = RunIndex.build(file, pool, pieces, true).snapshot();
                double seconds = (System.nanoTime() - t) / 1e9;
                double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
                System.out.printf("round %d: %d pieces, %.3f s, %.0f MB/s, CPU %.3f s (%.0f MB per CPU second),"
                                + " %d rows, %.1f index bytes/event, load %.1f%n", i, pieces, seconds, bytes / 1e6 / seconds,
                        cpuSeconds, bytes / 1e6 / cpuSeconds, s.size(), (double) s.columnBytes() / s.size(), load);
            }
        } finally {
            pool.shutdown();
        }
    }
}
