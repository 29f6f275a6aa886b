package dev.omne.inspector.ui.events;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.ui.common.Formats;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.function.Consumer;

/**
 * The node chosen on the timeline (or by a history row): the table marks its events and selects the first of them
 * it shows at or after the row chosen. Apart from the table's ViewModel because it is about whose events, not
 * which rows the table shows: the ViewModel only forgets the choice when it shows another run.
 */
public final class ChosenNode {
    private final EventTableViewModel table;
    private final Consumer<String> messages;
    private final ReadOnlyStringWrapper node = new ReadOnlyStringWrapper(this, "chosenNode");

    ChosenNode(EventTableViewModel table, Consumer<String> messages) {
        this.table = table;
        this.messages = messages;
    }

    /** The node whose events are marked, or null. */
    public ReadOnlyStringProperty nodeProperty() {
        return node.getReadOnlyProperty();
    }

    /**
     * Marks a node's events and selects its first shown event at or after {@code fromRow} (-1: its first); null
     * marks none.
     */
    public void choose(String chosen, int fromRow) {
        node.set(chosen);
        if (chosen != null && table.snapshot() != null) {
            goToFirst(chosen, fromRow);
        }
    }

    /** Whether the row at a table position belongs to the chosen node. */
    public boolean isMarked(int position) {
        String chosen = node.get();
        int row = table.shownRow(position);
        return chosen != null && row >= 0 && chosen.equals(table.snapshot().node(row));
    }

    /** Another run is shown: no node of it is chosen yet. */
    void forget() {
        node.set(null);
    }

    /** Selects the node's first shown event at or after {@code fromRow} (-1: its first). */
    private void goToFirst(String chosen, int fromRow) {
        IndexSnapshot s = table.snapshot();
        int nodeId = s.nodes().indexOf(chosen);
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
            messages.accept("Node " + chosen + " has no events " + (filtered ? "that match the filter" : "in this run"));
            return;
        }
        table.goToPosition(target);
        messages.accept("Node " + chosen + ": " + Formats.count(total) + (total == 1 ? " event" : " events")
                + " marked" + (filtered ? " (of the rows the filter shows)" : ""));
    }
}
