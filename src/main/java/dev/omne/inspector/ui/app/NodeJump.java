package dev.omne.inspector.ui.app;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.ui.events.EventTableViewModel;

import java.util.function.Consumer;

/**
 * A run opened from the history at a line: once the event table shows that run with the line's row (its rows may
 * come later, from a log still being indexed, or from the filter), the row is selected and brought into view and
 * the node's events marked. Another run shown first cancels it.
 */
final class NodeJump {
    private record Target(String runId, String nodeId, long line) {
    }

    private final EventTableViewModel table;
    private final Consumer<String> messages;
    private Target pending;

    NodeJump(EventTableViewModel table, Consumer<String> messages) {
        this.table = table;
        this.messages = messages;
        table.rowsProperty().addListener((obs, old, rows) -> tryJump());
        table.snapshotProperty().addListener((obs, old, s) -> tryJump());
        table.runIdProperty().addListener((obs, old, id) -> {
            if (pending != null && id != null && !id.equals(pending.runId())) {
                pending = null;
            }
        });
    }

    /** Goes to {@code line} of {@code runId} (marking {@code nodeId}'s events, when not null) as soon as it can. */
    void await(String runId, String nodeId, long line) {
        pending = new Target(runId, nodeId, line);
        tryJump();
    }

    private void tryJump() {
        Target t = pending;
        IndexSnapshot s = table.snapshot();
        if (t == null || !t.runId().equals(table.runId()) || s == null || s.size() == 0) {
            return;
        }
        int row = rowAtOrAfter(s, t.line());
        if (row < 0 || table.isFiltered() && table.rowCount() == 0) {
            return; // the line is not indexed yet, or the filter's rows are still to come
        }
        pending = null;
        if (t.nodeId() == null) {
            table.jumps().goToRow(row);
        } else {
            table.chosenNode().choose(t.nodeId(), row);
        }
        if (s.line(row) != t.line()) {
            messages.accept("Line " + t.line() + " is not an event of this log; showing line " + s.line(row));
        }
    }

    /** The first row at or after a line, or -1 when the index does not reach it yet. */
    private static int rowAtOrAfter(IndexSnapshot s, long line) {
        int lo = 0;
        int hi = s.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s.line(mid) < line) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < s.size() ? lo : -1;
    }
}
