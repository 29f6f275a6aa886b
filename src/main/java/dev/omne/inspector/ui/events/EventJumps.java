package dev.omne.inspector.ui.events;

import dev.omne.inspector.core.index.IndexSnapshot;

import java.util.List;
import java.util.function.Consumer;

/**
 * Going somewhere in the events table: a run's row (a diagnostic of the status bar's list, a line opened from the
 * history, an appended line), a line number (Ctrl+L), the next or previous malformed line (F8, Shift+F8). Each
 * finds a table position among the rows the filter shows, goes there through the table's ViewModel and says in
 * the status bar what it did; it also lists the run's diagnostics for the status bar. The menus, the header's
 * buttons and the status bar call it directly: the table's ViewModel keeps the rows shown, the selection and
 * following.
 */
public final class EventJumps {
    private final EventTableViewModel table;
    private final Consumer<String> messages;

    EventJumps(EventTableViewModel table, Consumer<String> messages) {
        this.table = table;
        this.messages = messages;
    }

    /** Selects a run's row and brings it into view; a row the filter hides is not gone to, with a message. */
    public void goToRow(int row) {
        IndexSnapshot s = table.snapshot();
        if (s == null || row < 0 || row >= s.size()) {
            return;
        }
        int position = table.positionOf(row);
        if (position < 0 || position >= table.rowCount()) {
            messages.accept("Line " + s.line(row) + " is hidden by the filter (Esc clears it)");
            return;
        }
        table.goToPosition(position);
    }

    /** Ctrl+L: selects the row of a line number (or the next row after it when that line is blank). */
    public boolean goToLine(String text) {
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

    /** F8: the next malformed line after the selection, wrapping around at the end. */
    public void nextMalformed() {
        toMalformed(true);
    }

    /** Shift+F8: the previous malformed line before the selection, wrapping around at the start. */
    public void previousMalformed() {
        toMalformed(false);
    }

    /** The run's diagnostics (malformed lines, then warnings in file order), for the status bar's list. */
    public List<DiagnosticRow> diagnostics() {
        return MalformedLines.diagnostics(table.snapshot());
    }

    /** The next (or previous) malformed line from the selection, wrapping around at the end (or start). */
    private void toMalformed(boolean forward) {
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
        goToRow(found);
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
}
