package dev.omne.inspector.ui.events;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.ui.common.Formats;

import java.util.function.Consumer;

/**
 * Going somewhere in the events table: a line number (Ctrl+L), the next or previous malformed line (F8,
 * Shift+F8), a node's events (chosen on the timeline). Each finds a table position among the rows the filter
 * shows, goes there through the table's ViewModel and says in the status bar what it did.
 */
final class EventJumps {
    private final EventTableViewModel table;
    private final Consumer<String> messages;

    EventJumps(EventTableViewModel table, Consumer<String> messages) {
        this.table = table;
        this.messages = messages;
    }

    /** Selects the row of a line number (or the next row after it when that line is blank). */
    boolean toLine(String text) {
        IndexSnapshot s = table.snapshot();
        long line;
        try {
            line = Long.parseLong(text.strip().replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            messages.accept("Not a line number: " + text.strip());
            return false;
        }
        if (s == null || s.size() == 0) {
            messages.accept("No lines to go to");
            return false;
        }
        int lo = Bisect.firstNot(s.size(), row -> s.line(row) < line);
        if (lo >= s.size()) {
            messages.accept("The log has " + s.line(s.size() - 1) + " lines; showing the last");
            lo = s.size() - 1;
        } else if (s.line(lo) != line) {
            messages.accept("Line " + line + " is blank; showing line " + s.line(lo));
        }
        int position = table.positionAtOrAfter(lo);
        if (position < 0 || position >= table.rowCount()) {
            position = table.rowCount() - 1;
        }
        if (position < 0) {
            messages.accept("No rows match the filter");
            return false;
        }
        if (table.rowAt(position) != lo) {
            messages.accept("Line " + s.line(lo) + " is hidden by the filter; showing line "
                    + s.line(table.rowAt(position)) + " (Esc clears the filter)");
        }
        table.goToPosition(position);
        return true;
    }

    /** The next (or previous) malformed line from the selection, wrapping around at the end (or start). */
    void toMalformed(boolean forward) {
        IndexSnapshot s = table.snapshot();
        if (s == null || s.errorCount() == 0) {
            messages.accept("No malformed lines in this run");
            return;
        }
        int from = table.selectedRow();
        int found = shown(s, forward ? MalformedLines.next(s, from) : MalformedLines.previous(s, from), forward);
        boolean wrapped = false;
        if (found < 0) {
            found = shown(s, forward ? MalformedLines.next(s, -1) : MalformedLines.previous(s, s.size()), forward);
            wrapped = true;
        }
        if (found < 0) {
            messages.accept(table.isFiltered() ? "No malformed lines among the rows the filter shows"
                    : "No malformed lines in this run");
            return;
        }
        table.goToRow(found);
        int index = MalformedLines.countBefore(s, found);
        messages.accept("Malformed line " + (index + 1) + " of " + s.errorCount()
                + (wrapped ? (forward ? " (wrapped to the first)" : " (wrapped to the last)") : ""));
    }

    /** {@code found} or the next error row in that direction that the filter shows, or -1. */
    private int shown(IndexSnapshot s, int found, boolean forward) {
        while (found >= 0 && (table.positionOf(found) < 0 || table.positionOf(found) >= table.rowCount())) {
            found = forward ? MalformedLines.next(s, found) : MalformedLines.previous(s, found);
        }
        return found;
    }

    /** Selects the node's first shown event at or after {@code fromRow} (-1: its first). */
    void toNode(String node, int fromRow) {
        IndexSnapshot s = table.snapshot();
        int nodeId = s.nodes().indexOf(node);
        int count = table.rowCount();
        int first = -1;
        int firstAfter = -1;
        int total = 0;
        for (int pos = 0; pos < count && nodeId >= 0; pos++) {
            int row = table.rowAt(pos);
            if (s.nodeId(row) == nodeId) {
                total++;
                if (first < 0) {
                    first = pos;
                }
                if (firstAfter < 0 && row >= fromRow) {
                    firstAfter = pos;
                }
            }
        }
        int target = firstAfter >= 0 ? firstAfter : first;
        boolean filtered = table.isFiltered();
        if (target < 0) {
            messages.accept("Node " + node + " has no events " + (filtered ? "that match the filter" : "in this run"));
            return;
        }
        table.goToPosition(target);
        messages.accept("Node " + node + ": " + Formats.count(total) + (total == 1 ? " event" : " events")
                + " marked" + (filtered ? " (of the rows the filter shows)" : ""));
    }
}
