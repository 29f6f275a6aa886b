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

import java.io.IOException;
import java.lang.management.ManagementFactory;
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
 * (default: the cores), once per round, ROUNDS rounds (default 6) after two warm-up rounds, in a JVM of its own.
 * Each round prints its time, the process's CPU time and MB per CPU second (on a shared machine the wall time says
 * more about the load than about the code; MB per CPU second times the cores is what an idle machine would do),
 * the index's bytes per event and the load average; at the end JMH's figures and the mean in MB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
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
    private long bytes;
    private int parts;
    private ExecutorService pool;
    private IndexSnapshot last;
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private double load;
    private long cpuBefore;
    private int round;

    @Setup(Level.Trial)
    public void open() throws IOException {
        path = Path.of(file);
        bytes = Files.size(path);
        parts = pieces > 0 ? pieces : Runtime.getRuntime().availableProcessors();
        pool = Executors.newFixedThreadPool(Math.max(1, parts - 1));
    }

    @Setup(Level.Iteration)
    public void startRound() {
        load = os.getSystemLoadAverage();
        cpuBefore = os.getProcessCpuTime();
    }

    @Benchmark
    public IndexSnapshot build() throws IOException {
        last = RunIndex.build(path, pool, parts, true).snapshot();
        return last;
    }

    @TearDown(Level.Iteration)
    public void endRound() {
        double cpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        System.out.printf(Locale.ROOT, " (round %d: CPU %.3f s, %.0f MB per CPU second, %d rows, %.1f index bytes/event,"
                        + " %d pieces, load %.1f) ", ++round, cpuSeconds, bytes / 1e6 / cpuSeconds, last.size(),
                (double) last.columnBytes() / last.size(), parts, load);
    }

    @TearDown(Level.Trial)
    public void close() {
        pool.shutdown();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: IndexBench FILE [PIECES] [ROUNDS]");
            System.exit(2);
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        String pieces = args.length > 1 ? args[1] : "0";
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        Options options = new OptionsBuilder().include(IndexBench.class.getName() + ".build")
                .param("file", file.toString()).param("pieces", pieces)
                .warmupIterations(2).measurementIterations(rounds)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double bytes = Files.size(file);
        for (RunResult r : results) {
            double millis = r.getPrimaryResult().getScore();
            double error = r.getPrimaryResult().getScoreError();
            System.out.printf(Locale.ROOT, "RESULT index build: mean %.0f ms%s over %d rounds, %.0f MB/s%n", millis,
                    Double.isNaN(error) ? "" : String.format(Locale.ROOT, " (± %.0f, 99.9%%)", error), rounds,
                    bytes / 1e6 / (millis / 1000));
        }
    }
}
