package dev.omne.inspector.bench;

import dev.omne.inspector.core.history.HistoryGrid;
import dev.omne.inspector.core.history.HistoryLoader;
import dev.omne.inspector.core.history.HistorySnapshot;
import dev.omne.inspector.core.history.NodeStatistics;
import dev.omne.inspector.core.history.NodeStats;
import dev.omne.inspector.core.history.RunSummary;
import dev.omne.inspector.core.history.VolumeHistory;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;
import dev.omne.inspector.core.volume.Volume;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A volume's history in one JVM: {@code src/bench/run.sh HistoryBench DIR [ROUNDS] [LIVE_RUNS]} reads every run's log cold into summaries
 * (all cores) and computes the node statistics and the grid, ROUNDS times (default 6); then measures the heap the
 * history keeps (after full GCs), and for LIVE_RUNS runs (default 50) the cost of a run growing by its last
 * lines: the new rows summed up into the live history and a new snapshot published. The first round includes
 * the JIT's warm-up (as a fresh window or command would); the median of the others is the steady state.
 */
public final class HistoryBench {
    private HistoryBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: HistoryBench DIR [ROUNDS] [LIVE_RUNS]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int liveRuns = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        List<HistoryLoader.RunLog> logs = HistoryLoader.logs(Volume.open(dir));
        long bytes = 0;
        for (HistoryLoader.RunLog log : logs) {
            bytes += Files.size(log.file());
        }
        System.out.printf(Locale.ROOT, "volume: %s, %d runs, %.1f MB; %d cores; load average %s%n", dir, logs.size(),
                bytes / 1e6, Runtime.getRuntime().availableProcessors(), loadAverage());
        long heapBefore = heapAfterGc();

        double[] loads = new double[rounds];
        double[] computes = new double[rounds];
        double[] firstScreens = new double[rounds];
        HistorySnapshot kept = null;
        for (int r = 0; r < rounds; r++) {
            kept = null;
            long t0 = System.nanoTime();
            FirstRuns first = new FirstRuns(logs, FIRST_SCREEN, t0);
            HistoryLoader.Result result = HistoryLoader.load(logs, Runtime.getRuntime().availableProcessors(), first,
                    () -> false);
            long t1 = System.nanoTime();
            firstScreens[r] = first.seconds;
            List<RunSummary> runs = result.history().runs();
            List<NodeStats> stats = NodeStatistics.of(runs, NodeStatistics.Order.FLAKIEST);
            HistoryGrid grid = HistoryGrid.of(runs);
            long t2 = System.nanoTime();
            loads[r] = (t1 - t0) / 1e9;
            computes[r] = (t2 - t1) / 1e9;
            long events = runs.stream().mapToLong(RunSummary::events).sum();
            long malformed = runs.stream().mapToLong(RunSummary::malformed).sum();
            System.out.printf(Locale.ROOT, "round %d: newest %d runs read %.3f s; all read %.3f s (%.0f MB/s, %.0f runs/s),"
                            + " statistics + grid %.3f s; %d events, %d malformed lines skipped, %d nodes, %d columns,"
                            + " %d unreadable%n", r + 1, FIRST_SCREEN, firstScreens[r], loads[r], bytes / 1e6 / loads[r],
                    runs.size() / loads[r], computes[r], events, malformed, stats.size(), grid.columns().size(),
                    result.unreadable().size());
            kept = result.history();
        }
        long heapWith = heapAfterGc();
        List<RunSummary> runs = kept.runs();
        long nodeRuns = runs.stream().mapToLong(r -> r.nodes().size()).sum();
        long executions = runs.stream().flatMap(r -> r.nodes().stream()).mapToLong(n -> n.executions().size()).sum();
        long events = runs.stream().mapToLong(RunSummary::events).sum();
        long retained = heapWith - heapBefore;
        System.out.printf(Locale.ROOT, "retained: %.1f MiB for %d runs, %d node runs, %d executions (%.0f bytes a run,"
                        + " %.0f an execution, %.2f an event)%n", retained / 1048576.0, runs.size(), nodeRuns, executions,
                (double) retained / runs.size(), (double) retained / executions, (double) retained / events);

        live(kept, logs, liveRuns);

        double[] warmLoads = Arrays.copyOfRange(loads, 1, rounds);
        double[] warmComputes = Arrays.copyOfRange(computes, 1, rounds);
        System.out.printf(Locale.ROOT, "first round (fresh JVM): newest %d runs %.3f s; all: read %.3f s + statistics"
                + " %.3f s = %.3f s%n", FIRST_SCREEN, firstScreens[0], loads[0], computes[0], loads[0] + computes[0]);
        if (rounds > 1) {
            System.out.printf(Locale.ROOT, "median of rounds 2-%d: newest %d runs %.3f s; all: read %.3f s + statistics"
                            + " %.3f s = %.3f s%n", rounds, FIRST_SCREEN,
                    median(Arrays.copyOfRange(firstScreens, 1, rounds)), median(warmLoads), median(warmComputes),
                    median(warmLoads) + median(warmComputes));
        }
        System.out.println("load average at the end: " + loadAverage());
    }

    /** Runs a history grid shows at once, and then some: the newest are read first. */
    private static final int FIRST_SCREEN = 100;

    /** Notes when the newest {@code count} runs have all been read (the loader reads newest first, in parallel). */
    private static final class FirstRuns implements HistoryLoader.Listener {
        private final java.util.Set<String> waiting = new java.util.HashSet<>();
        private final long start;
        double seconds = Double.NaN;

        FirstRuns(List<HistoryLoader.RunLog> logs, int count, long start) {
            List<HistoryLoader.RunLog> sorted = new ArrayList<>(logs);
            sorted.sort(HistoryLoader.NEWEST_FIRST);
            sorted.subList(0, Math.min(count, sorted.size())).forEach(log -> waiting.add(log.runId()));
            this.start = start;
        }

        @Override
        public synchronized void runRead(RunSummary run, int done, int total) {
            if (run != null && waiting.remove(run.runId()) && waiting.isEmpty()) {
                seconds = (System.nanoTime() - start) / 1e9;
            }
        }
    }

    /** A run growing by its last lines, as the window's watcher hands them over: summed up, then published. */
    private static void live(HistorySnapshot history, List<HistoryLoader.RunLog> logs, int count) throws IOException {
        VolumeHistory live = new VolumeHistory();
        history.runs().forEach(live::put);
        live.snapshot();
        List<Double> updates = new ArrayList<>();
        List<Double> publishes = new ArrayList<>();
        int rows = 0;
        for (int i = 0; i < Math.min(count, logs.size()); i++) {
            HistoryLoader.RunLog log = logs.get(i * logs.size() / Math.min(count, logs.size()));
            byte[] bytes = Files.readAllBytes(log.file());
            int cut = bytes.length * 19 / 20;
            while (cut > 0 && bytes[cut - 1] != '\n') {
                cut--;
            }
            RunIndex index = RunIndex.empty(log.file());
            RunIndex.Extension before = index.extend(bytes, 0, cut);
            live.update(log.runId(), index.snapshot(), true, before.fromRow(), before.toRow());
            live.snapshot();
            long t0 = System.nanoTime();
            RunIndex.Extension grown = index.extend(bytes, cut, bytes.length - cut);
            IndexSnapshot snapshot = index.snapshot();
            live.update(log.runId(), snapshot, false, grown.fromRow(), grown.toRow());
            long t1 = System.nanoTime();
            live.snapshot();
            long t2 = System.nanoTime();
            updates.add((t1 - t0) / 1e6);
            publishes.add((t2 - t1) / 1e6);
            rows += grown.toRow() - grown.fromRow();
        }
        System.out.printf(Locale.ROOT, "live: a run growing by its last 5%% (%d rows on average): index + summary"
                        + " update %.2f ms, new snapshot of %d runs %.2f ms (medians of %d)%n", rows / updates.size(),
                median(updates.stream().mapToDouble(Double::doubleValue).toArray()), history.runs().size(),
                median(publishes.stream().mapToDouble(Double::doubleValue).toArray()), updates.size());
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "n/a";
        }
    }
}
