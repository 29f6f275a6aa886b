package dev.omne.inspector.bench;

import dev.omne.inspector.core.filter.EventFilter;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;
import dev.omne.inspector.ui.filter.FilterComputation;
import dev.omne.inspector.ui.filter.FilterResult;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Text filters over a whole run in a warm JVM, as the window runs them once a run is open:
 * {@code src/bench/run.sh FilterBench FILE [ROUNDS] [FILTER...]} indexes FILE, then for each filter (by default three
 * regular expressions: one with a rare literal, one whose literal is on every line, one with hardly any literal) runs
 * the window's filter computation over every row, three warm-up rounds and ROUNDS measured ones (default 7), and prints
 * each round (wall and process CPU time), the medians, the matches and the load average:
 * {@code FILTER median_ms=... median_cpu_ms=... matches=... load=...}.
 */
public final class FilterBench {
    static final List<String> DEFAULT_FILTERS = List.of(
            "/Skipped: [1-9]/",
            "/\"node_id\":\"(reproduce|commit)\"/",
            "/\\d\\.\\d{3} s/");

    private FilterBench() {
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: FilterBench FILE [ROUNDS] [FILTER...]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        List<String> filters = args.length > 2 ? Arrays.asList(args).subList(2, args.length) : DEFAULT_FILTERS;
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        IndexSnapshot s = RunIndex.build(file, pool, Runtime.getRuntime().availableProcessors(), true).snapshot();
        pool.shutdown();
        System.out.printf(Locale.ROOT, "indexed %,d rows of %s%n", s.size(), file);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (String text : filters) {
            EventFilter filter = EventFilter.parse(text);
            List<Double> times = new ArrayList<>();
            List<Double> cpus = new ArrayList<>();
            List<Double> loads = new ArrayList<>();
            int matches = 0;
            for (int round = -3; round < rounds; round++) {
                loads.add(os.getSystemLoadAverage());
                long cpuStart = os.getProcessCpuTime();
                long start = System.nanoTime();
                FilterResult result = FilterComputation.run(s, text, filter, null, () -> false, partial -> { });
                double ms = (System.nanoTime() - start) / 1e6;
                double cpuMs = (os.getProcessCpuTime() - cpuStart) / 1e6;
                matches = result.size();
                System.out.printf(Locale.ROOT, "  %s round %d: %.1f ms, CPU %.1f ms, %d matches%n", text, round, ms,
                        cpuMs, matches);
                if (round >= 0) {
                    times.add(ms);
                    cpus.add(cpuMs);
                }
            }
            loads.sort(null);
            System.out.printf(Locale.ROOT, "FILTER %s median_ms=%.1f min_ms=%.1f max_ms=%.1f median_cpu_ms=%.1f"
                            + " matches=%d load=%.1f-%.1f%n", text, median(times), times.stream().min(Double::compare)
                            .orElseThrow(), times.stream().max(Double::compare).orElseThrow(), median(cpus), matches,
                    loads.getFirst(), loads.getLast());
        }
    }
}
