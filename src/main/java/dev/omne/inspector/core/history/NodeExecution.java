package dev.omne.inspector.core.history;

import dev.omne.inspector.core.event.Timestamps;

/**
 * One execution of a node in a run: from a {@code node.started} to the {@code node.completed} or
 * {@code node.failed} that ends it. A loop's body or a retry is several executions of one node.
 *
 * @param startMicros    its {@code node.started} time, or {@link Timestamps#NONE} when only its end was seen
 *                       (its start line was malformed, say) or the start had no time
 * @param endMicros      when it ended (never before its start), or {@link Timestamps#NONE} while running or
 *                       when no time of the run is known
 * @param outcome        how it ended
 * @param durationMicros end minus start; while running, the run's latest time minus start; -1 when unknown
 * @param errorKind      for a failure, the error's kind ({@code crash}, {@code gate_failed}, ...), else null
 * @param errorMessage   for a failure, the error's message (at most {@link #MESSAGE_CHARS} characters), else null
 * @param startLine      the line of its {@code node.started}, or -1
 * @param endLine        the line that ended it (for an interrupted one, the next start's), or -1 while running
 */
public record NodeExecution(long startMicros, long endMicros, ExecutionOutcome outcome, long durationMicros,
                            String errorKind, String errorMessage, long startLine, long endLine) {
    /** Longer error messages are cut: a summary is kept for every run of a volume. */
    public static final int MESSAGE_CHARS = 1000;

    public boolean hasDuration() {
        return durationMicros >= 0;
    }

    public boolean isFinished() {
        return outcome != ExecutionOutcome.RUNNING;
    }
}
