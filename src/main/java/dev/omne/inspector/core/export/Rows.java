package dev.omne.inspector.core.export;

import dev.omne.inspector.core.filter.RowFilter;
import dev.omne.inspector.core.index.IndexSnapshot;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/** Row lists as exporters want them: in file order, each once, inside the snapshot. */
final class Rows {
    private Rows() {
    }

    /** {@code rows} itself when ascending without repeats, else a sorted copy without repeats. */
    static int[] inFileOrder(IndexSnapshot snapshot, int[] rows) {
        boolean ordered = true;
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] < 0 || rows[i] >= snapshot.size()) {
                throw new IndexOutOfBoundsException("row " + rows[i] + " of " + snapshot.size());
            }
            if (i > 0 && rows[i] <= rows[i - 1]) {
                ordered = false;
            }
        }
        if (ordered) {
            return rows;
        }
        int[] sorted = rows.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, n);
    }

    /** Polls the cancel check now and then: every 4096 rows. */
    static void poll(int i, BooleanSupplier cancelled) {
        if ((i & 0xFFF) == 0 && cancelled.getAsBoolean()) {
            throw new RowFilter.Cancelled();
        }
    }
}
