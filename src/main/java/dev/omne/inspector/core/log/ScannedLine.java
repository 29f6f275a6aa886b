package dev.omne.inspector.core.log;

import dev.omne.inspector.core.event.Timestamps;

/**
 * What {@link LineJudge} decided about one line: a reusable holder, reset for every line, so indexing a
 * million lines allocates no result objects.
 */
public final class ScannedLine {
    public enum Outcome { BLANK, EVENT, ERROR }

    Outcome outcome;
    String type;
    String nodeId;
    String kind;
    long tsMicros;
    /** For an event: a warning about it, or null. For an error: what is wrong. */
    String message;
    /** 1-based byte column of the problem, or 0 when it is about the whole line. */
    long column;

    void reset() {
        outcome = Outcome.BLANK;
        type = null;
        nodeId = null;
        kind = null;
        tsMicros = Timestamps.NONE;
        message = null;
        column = 0;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String type() {
        return type;
    }

    /** {@code node_id} when it is a string, else null. */
    public String nodeId() {
        return nodeId;
    }

    /** {@code kind} when it is a string (a node's kind on {@code node.started}), else null. */
    public String kind() {
        return kind;
    }

    /** Epoch microseconds of {@code ts}, or {@link Timestamps#NONE}. */
    public long tsMicros() {
        return tsMicros;
    }

    /** The error message, the warning of an event, or null. */
    public String message() {
        return message;
    }

    public long column() {
        return column;
    }

    /** The message with its column, for places that show no {@code FILE:LINE:COL} prefix. */
    public String describe() {
        return column > 0 && !message.contains("at column ") ? message + " (column " + column + ")" : message;
    }

    public boolean hasDiagnostic() {
        return message != null;
    }
}
