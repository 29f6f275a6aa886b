package dev.omne.inspector.core.history;

import dev.omne.inspector.core.event.EventTypes;
import dev.omne.inspector.core.event.NodeFailed;

import java.util.Locale;

/**
 * What a run's events say about how it ended. The window adds what only the file can tell (whether a run
 * without an end is still being written); the events alone cannot.
 */
public enum RunOutcome {
    /** Its last run end is {@code run.completed}. */
    COMPLETED("completed"),
    /** Its last run end is {@code run.failed}, or it has no run end and its last event is {@code node.failed}. */
    FAILED("failed"),
    /** No run end (yet): still running, or stopped without writing one. */
    UNFINISHED("unfinished");

    private final String label;

    RunOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * @param endType  the last {@code run.completed} or {@code run.failed} not followed by a {@code run.started}, or null
     * @param lastType the type of the run's last event, or null
     */
    public static RunOutcome of(String endType, String lastType) {
        if (EventTypes.RUN_COMPLETED.equals(endType)) {
            return COMPLETED;
        }
        if (EventTypes.RUN_FAILED.equals(endType) || (endType == null && NodeFailed.TYPE.equals(lastType))) {
            return FAILED;
        }
        return UNFINISHED;
    }

    /** The outcome a word names ({@code completed}, {@code failed}, {@code unfinished}), ignoring case. */
    public static RunOutcome parse(String word) {
        for (RunOutcome outcome : values()) {
            if (outcome.label.equals(word.strip().toLowerCase(Locale.ROOT))) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("unknown run outcome \"" + word + "\" (completed, failed or unfinished)");
    }
}
