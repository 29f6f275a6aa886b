package dev.omne.inspector.core.history;

/** How one execution of a node ended, as its run's log tells it. */
public enum ExecutionOutcome {
    /** A {@code node.completed} ended it. */
    COMPLETED("completed"),
    /** A {@code node.failed} ended it. */
    FAILED("failed"),
    /** No end yet. */
    RUNNING("running"),
    /** The node started again before this execution wrote an end (a loop or retry that wrote none). */
    INTERRUPTED("interrupted");

    private final String label;

    ExecutionOutcome(String label) {
        this.label = label;
    }

    /** The lowercase word the command line and exports use. */
    public String label() {
        return label;
    }
}
