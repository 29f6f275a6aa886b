package dev.omne.inspector.bench;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Indexing speed in a warm JVM, as in a window that has already opened a run, measured by JMH:
 * {@code src/bench/run.sh IndexBench FILE [PIECES] [ROUNDS]} builds the index of FILE in PIECES parallel pieces
 * (default: the cores) in a JVM of its own, first warming it up (3 iterations of at least 2 s), then measuring
 * ROUNDS iterations (default 5); prints JMH's figures and the steady state in MB/s. The warm-up iterations show
 * what a cold start costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class IndexBench {
    /** The events file to index. */
    @Param("")
    public String file;
    /** Parallel pieces; 0 for one per core. */
    @Param("0")
    public int pieces;

    private Path path;
    private int parts;
    private ExecutorService pool;
    private IndexSnapshot last;

    @Setup(Level.Trial)
    public void open() {
        path = Path.of(file);
        parts = pieces > 0 ? pieces : Runtime.getRuntime().availableProcessors();
        pool = Executors.newFixedThreadPool(Math.max(1, parts - 1));
    }

    @Benchmark
    public IndexSnapshot build() throws IOException {
        last = RunIndex.build(path, pool, parts, true).snapshot();
        return last;
    }

    @TearDown(Level.Trial)
    public void close() {
        pool.shutdown();
        if (last != null) {
            System.out.printf(Locale.ROOT, "%nindex of %s: %d rows, %.1f index bytes/event, %d pieces%n", path,
                    last.size(), (double) last.columnBytes() / last.size(), parts);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: IndexBench FILE [PIECES] [ROUNDS]");
            System.exit(2);
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        String pieces = args.length > 1 ? args[1] : "0";
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Options options = new OptionsBuilder().include(IndexBench.class.getName() + ".build")
                .param("file", file.toString()).param("pieces", pieces)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(rounds).measurementTime(TimeValue.seconds(2))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double bytes = Files.size(file);
        for (RunResult r : results) {
            double millis = r.getPrimaryResult().getScore();
            double error = r.getPrimaryResult().getScoreError();
            System.out.printf(Locale.ROOT, "RESULT index build: %.0f ms%s, %.0f MB/s; load average %s%n", millis,
                    Double.isNaN(error) ? "" : String.format(Locale.ROOT, " (± %.0f, 99.9%%)", error),
                    bytes / 1e6 / (millis / 1000), loadAverage());
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
            return String.join(" ", java.util.Arrays.copyOf(fields, Math.min(3, fields.length)));
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
