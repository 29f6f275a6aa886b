package dev.omne.inspector.ui.filter;

import dev.omne.inspector.core.index.IndexSnapshot;

/**
 * What a filter left of a run: the matching rows among the snapshot's first {@code upTo} rows, and per event
 * type how many rows would match without the filter's own {@code type:} terms (the facets' counts).
 *
 * @param rows       matching rows in order, or null when the filter is empty (every row)
 * @param typeCounts by type id of {@code snapshot}
 * @param complete   false while a long filter still works through the run (a prefix of the final rows)
 * @param extension  these rows continue the previous result of the same filter (appended rows or the next part)
 */
public record FilterResult(IndexSnapshot snapshot, String text, int[] rows, int upTo, int[] typeCounts,
                           boolean complete, boolean extension) {

    public boolean isAll() {
        return rows == null;
    }

    /** Rows shown. */
    public int size() {
        return rows == null ? upTo : rows.length;
    }

    /** Rows counted for the facets (matching everything but the type terms). */
    public int countOfType(int typeId) {
        return typeId >= 0 && typeId < typeCounts.length ? typeCounts[typeId] : 0;
    }
}
