package dev.omne.inspector.ui.events;

import java.util.Arrays;
import java.util.function.IntSupplier;

/**
 * Which of the run's rows the table shows, in order, and so how its two kinds of numbers meet: a <em>row</em>
 * of the run's index (what the rest of the window speaks of) and a <em>position</em> in the table. Without a
 * filter the table shows every row of the index and the two are the same; with one, the rows it left.
 */
final class ShownRows {
    private final IntSupplier indexed;
    /** The rows shown under a filter (null: every row of the index). */
    private int[] rows;
    private boolean filtered;

    /** @param indexed how many rows the index holds */
    ShownRows(IntSupplier indexed) {
        this.indexed = indexed;
    }

    boolean isFiltered() {
        return filtered;
    }

    /** Rows of another index: none under a filter (until its first result), else every row. */
    void reset(boolean underFilter) {
        filtered = underFilter;
        rows = underFilter ? new int[0] : null;
    }

    /** Rows of another index under the same filter (or none). */
    void restart() {
        reset(filtered);
    }

    /** The filter's rows ({@code null}: no filter, every row). */
    void set(int[] matched) {
        filtered = matched != null;
        rows = matched;
    }

    /** Whether {@code matched} continues the rows shown (the same filter over appended rows, or its next part). */
    boolean continuedBy(int[] matched) {
        return filtered && rows != null && matched.length >= rows.length;
    }

    /** How many positions the table has. */
    int count() {
        return rows == null ? indexed.getAsInt() : rows.length;
    }

    /** The run's row at a table position. */
    int rowAt(int position) {
        return rows == null ? position : rows[position];
    }

    /** The table position of a run's row, or -1 when the filter hides it. */
    int positionOf(int row) {
        if (row < 0) {
            return -1;
        }
        if (rows == null) {
            return row < indexed.getAsInt() ? row : -1;
        }
        int at = Arrays.binarySearch(rows, row);
        return at >= 0 ? at : -1;
    }

    /** The first table position showing {@code row} or a later row, or -1. */
    int positionAtOrAfter(int row) {
        if (rows == null) {
            return row < indexed.getAsInt() ? Math.max(row, 0) : -1;
        }
        int at = Arrays.binarySearch(rows, row);
        int pos = at >= 0 ? at : -at - 1;
        return pos < rows.length ? pos : -1;
    }
}
