package dev.omne.inspector.core.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Per node statistics over a list of runs: counts, failure rate, duration percentiles, trend, last failure. */
public final class NodeStatistics {
    /** How to sort nodes. */
    public enum Order {
        /** As the pipeline runs them ({@link NodeOrder}). */
        PIPELINE,
        /** Longest median time first, then longest p95, then longest max; nodes never timed last. */
        SLOWEST,
        /** Highest failure rate first, then most failures. */
        FLAKIEST;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The order a word names ({@code pipeline}, {@code slowest}, {@code flakiest}), ignoring case. */
        public static Order parse(String word) {
            for (Order order : values()) {
                if (order.label().equals(word.strip().toLowerCase(Locale.ROOT))) {
                    return order;
                }
            }
            throw new IllegalArgumentException("unknown order \"" + word + "\" (pipeline, slowest or flakiest)");
        }
    }

    private NodeStatistics() {
    }

    /** Statistics of every node of runs given newest first, sorted as asked (ties keep pipeline order). */
    public static List<NodeStats> of(List<RunSummary> runsNewestFirst, Order order) {
        List<NodeOrder.Column> columns = NodeOrder.of(runsNewestFirst);
        List<NodeStats> stats = new ArrayList<>(columns.size());
        for (NodeOrder.Column column : columns) {
            stats.add(of(column, runsNewestFirst));
        }
        return sorted(stats, order);
    }

    /** Statistics given in pipeline order, sorted as asked (ties keep pipeline order). */
    public static List<NodeStats> sorted(List<NodeStats> pipelineOrder, Order order) {
        Comparator<NodeStats> comparator = switch (order) {
            case PIPELINE -> null;
            case SLOWEST -> Comparator.comparingLong(NodeStats::p50Micros)
                    .thenComparingLong(NodeStats::p95Micros)
                    .thenComparingLong(NodeStats::maxMicros).reversed();
            case FLAKIEST -> Comparator.comparingDouble(NodeStats::failureRate)
                    .thenComparingInt(NodeStats::failures).reversed();
        };
        List<NodeStats> stats = new ArrayList<>(pipelineOrder);
        if (comparator != null) {
            stats.sort(comparator); // stable: equal nodes stay in pipeline order
        }
        return List.copyOf(stats);
    }

    private static NodeStats of(NodeOrder.Column column, List<RunSummary> runsNewestFirst) {
        NodeKey key = column.key();
        int runs = 0;
        int executions = 0;
        int failures = 0;
        int failedExecutions = 0;
        long[] durations = new long[runsNewestFirst.size()];
        int timed = 0;
        List<NodeStats.TrendPoint> trend = new ArrayList<>();
        NodeStats.LastFailure lastFailure = null;
        for (int r = runsNewestFirst.size() - 1; r >= 0; r--) { // oldest first, for the trend
            RunSummary run = runsNewestFirst.get(r);
            if (!run.pipe().equals(key.pipe())) {
                continue;
            }
            NodeRun node = run.node(key.nodeId());
            if (node == null) {
                continue;
            }
            runs++;
            executions += node.executions().size();
            int failed = node.failures();
            failedExecutions += failed;
            if (failed > 0) {
                failures++;
                NodeExecution e = node.lastFailure();
                lastFailure = new NodeStats.LastFailure(run.runId(), e.endMicros(), e.errorKind(), e.errorMessage(),
                        e.endLine());
            }
            long duration = node.isTimed() ? node.durationMicros() : -1;
            if (duration >= 0) {
                durations[timed++] = duration;
            }
            trend.add(new NodeStats.TrendPoint(run.runId(), run.sortMicros(), duration, node.outcome()));
        }
        long[] sorted = Arrays.copyOf(durations, timed);
        Arrays.sort(sorted);
        return new NodeStats(key, column.kind(), column.name(), runs, executions, failures, failedExecutions, timed,
                percentile(sorted, 50), percentile(sorted, 95), timed == 0 ? -1 : sorted[timed - 1], trend,
                lastFailure);
    }

    /** The nearest-rank percentile of sorted values: the smallest value with at least p% of values at or below it. */
    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) (((long) p * sorted.length + 99) / 100); // ceil(p% of n), in integers
        return sorted[Math.max(1, rank) - 1];
    }
}
