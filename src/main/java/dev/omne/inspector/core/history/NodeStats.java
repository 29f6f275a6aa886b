package dev.omne.inspector.core.history;

import java.util.List;

/**
 * One node across the runs shown.
 *
 * @param node             the node (pipe and node id)
 * @param kind             its kind in the newest run that has it, or null
 * @param name             its name in the newest run that has it, or null
 * @param runs             runs in which it appears
 * @param executions       its executions in those runs (retries and loop iterations each count)
 * @param failures         runs in which it failed at least once (a failure retried into a success counts:
 *                         that is what makes a node flaky)
 * @param failedExecutions executions that failed
 * @param timedRuns        runs whose time in the node is final ({@link NodeRun#isTimed()}): the durations below
 * @param p50Micros        median time in the node per run (nearest rank), or -1 without timed runs
 * @param p95Micros        95th percentile (nearest rank), or -1
 * @param maxMicros        longest, or -1
 * @param trend            one point per run in which it appears, oldest first: the series for a sparkline
 * @param lastFailure      its failure in the newest run in which it failed, or null
 */
public record NodeStats(NodeKey node, String kind, String name, int runs, int executions, int failures,
                        int failedExecutions, int timedRuns, long p50Micros, long p95Micros, long maxMicros,
                        List<TrendPoint> trend, LastFailure lastFailure) {
    public NodeStats {
        trend = List.copyOf(trend);
    }

    /** Runs in which it failed, as a share of the runs in which it appears (0 to 1). */
    public double failureRate() {
        return runs == 0 ? 0 : (double) failures / runs;
    }

    /**
     * One run's point of the trend.
     *
     * @param runId          the run
     * @param runMicros      when the run started ({@link RunSummary#sortMicros()})
     * @param durationMicros the node's time in the run when final, else -1
     * @param outcome        how the node ended in the run, or null when it has no execution
     */
    public record TrendPoint(String runId, long runMicros, long durationMicros, ExecutionOutcome outcome) {
    }

    /**
     * A failure of the node.
     *
     * @param runId        the run
     * @param atMicros     when it failed, or {@code Timestamps.NONE}
     * @param errorKind    the error's kind, or null
     * @param errorMessage the error's message, or null
     * @param line         the line of its {@code node.failed}
     */
    public record LastFailure(String runId, long atMicros, String errorKind, String errorMessage, long line) {
    }
}
