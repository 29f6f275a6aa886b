package dev.omne.inspector.ui.runs;

import dev.omne.inspector.core.event.EventTypes;
import dev.omne.inspector.core.history.RunOutcome;
import dev.omne.inspector.ui.session.RunFacts;

import java.time.Duration;

/**
 * Derives a run's status from its events ({@link RunOutcome}: {@code run.completed} means completed;
 * {@code run.failed}, or no run end and a {@code node.failed} last, means failed) and from its file: events but
 * no end mean running while the log keeps changing (or is being followed) and unknown once it has been quiet for
 * {@link #QUIET_AFTER}; no events at all mean unknown.
 */
public final class RunStatusRule {
    /** A log with no end event that has not changed for this long is no longer called running. */
    public static final Duration QUIET_AFTER = Duration.ofMinutes(10);

    private RunStatusRule() {
    }

    /**
     * @param facts         the run's summed-up events
     * @param quietForMillis how long ago the log last changed, in milliseconds
     */
    public static RunStatus derive(RunFacts facts, long quietForMillis) {
        if (facts.events() == 0) {
            return RunStatus.UNKNOWN;
        }
        return switch (RunOutcome.of(facts.endType(), facts.lastType())) {
            case COMPLETED -> RunStatus.COMPLETED;
            case FAILED -> RunStatus.FAILED;
            case UNFINISHED -> quietForMillis < QUIET_AFTER.toMillis() ? RunStatus.RUNNING : RunStatus.UNKNOWN;
        };
    }

    /** A sentence for the status's tooltip. */
    public static String explain(RunStatus status, RunFacts facts) {
        return switch (status) {
            case COMPLETED -> "Completed: the run wrote run.completed";
            case FAILED -> EventTypes.RUN_FAILED.equals(facts.endType()) ? "Failed: the run wrote run.failed"
                    : "Failed: its last event is node.failed and it has no run end";
            case RUNNING -> "Running: no run end yet and the log is still changing";
            case UNKNOWN -> facts.events() == 0 ? "Unknown: the log has no events yet"
                    : "Unknown: no run end, and the log has not changed for "
                    + QUIET_AFTER.toMinutes() + " minutes";
        };
    }
}
