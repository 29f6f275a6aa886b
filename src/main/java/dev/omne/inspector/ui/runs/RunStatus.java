package dev.omne.inspector.ui.runs;

/** What a run's events say about it. */
public enum RunStatus {
    /** Events but no end yet, and the log changed recently. */
    RUNNING("running"),
    /** A {@code run.completed} event. */
    COMPLETED("completed"),
    /** A {@code run.failed} event, or no run end and a {@code node.failed} last. */
    FAILED("failed"),
    /** No events, or no end and the log has been quiet for a while. */
    UNKNOWN("unknown");

    private final String label;

    RunStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
