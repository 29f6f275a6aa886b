package dev.omne.inspector.core.log;

/** How bad a diagnostic is: an error line is not an event; a warning line still is. */
public enum Severity {
    ERROR, WARNING;

    /** The word used in {@code FILE:LINE:COL: error: MESSAGE}. */
    public String label() {
        return this == ERROR ? "error" : "warning";
    }
}
