package dev.omne.inspector.core.history;

import dev.omne.inspector.core.event.Timestamps;

import java.util.List;

/**
 * A node in one run: every execution of it, in the order they started. A node that only shows up in
 * other events (its start line was malformed, say) has none.
 *
 * @param nodeId     its {@code node_id}
 * @param kind       {@code bash}, {@code command}, {@code prompt}, {@code loop}... from its {@code node.started}, or null
 * @param name       the {@code name} of its first {@code node.started}, or null
 * @param firstLine  the line of the run's first event about this node (where a view of the run opens at it)
 * @param executions its executions, oldest first
 */
public record NodeRun(String nodeId, String kind, String name, long firstLine, List<NodeExecution> executions) {
    public NodeRun {
        executions = List.copyOf(executions);
    }

    /** How the node ended in this run: the outcome of its last execution, or null when it has none. */
    public ExecutionOutcome outcome() {
        return executions.isEmpty() ? null : executions.getLast().outcome();
    }

    /** Executions that failed (a retried failure counts, even when a later attempt completed). */
    public int failures() {
        int n = 0;
        for (NodeExecution e : executions) {
            if (e.outcome() == ExecutionOutcome.FAILED) {
                n++;
            }
        }
        return n;
    }

    /** The last execution that failed, or null. */
    public NodeExecution lastFailure() {
        for (int i = executions.size() - 1; i >= 0; i--) {
            if (executions.get(i).outcome() == ExecutionOutcome.FAILED) {
                return executions.get(i);
            }
        }
        return null;
    }

    /**
     * Time spent in the node in this run: the sum of its executions' durations (a running one counts so far),
     * or -1 when none is known. Retry delays and loop iterations between executions are not counted.
     */
    public long durationMicros() {
        long sum = 0;
        boolean any = false;
        for (NodeExecution e : executions) {
            if (e.hasDuration()) {
                sum += e.durationMicros();
                any = true;
            }
        }
        return any ? sum : -1;
    }

    /** Whether {@link #durationMicros()} is final: every execution has ended and has a known duration. */
    public boolean isTimed() {
        if (executions.isEmpty()) {
            return false;
        }
        for (NodeExecution e : executions) {
            if (!e.isFinished() || !e.hasDuration()) {
                return false;
            }
        }
        return true;
    }

    /** When its first execution started, or {@link Timestamps#NONE}. */
    public long startMicros() {
        for (NodeExecution e : executions) {
            if (e.startMicros() != Timestamps.NONE) {
                return e.startMicros();
            }
        }
        return Timestamps.NONE;
    }
}
