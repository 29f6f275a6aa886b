package dev.omne.inspector.ui.filter;

import dev.omne.inspector.core.filter.EventFilter;
import dev.omne.inspector.core.filter.RowFilter;
import dev.omne.inspector.core.index.IndexSnapshot;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs a filter over a snapshot, off the UI thread. A filter that reads the lines' text goes through the run in
 * parts and hands over each longer prefix as it goes, so the first matches show within a frame or two even on
 * a million rows; one on the index columns alone is fast enough to finish in one go. Facet counts are made in
 * the same pass.
 */
public final class FilterComputation {
    /** Rows per part of a text filter. */
    static final int PART = 1 << 15;
    /** When a text filter hands over its first rows at the latest, if the first part had none. */
    static final long FIRST_PARTIAL_NANOS = 80_000_000L;
    /** How often at most it hands over a longer prefix after that: each one redraws the table and timeline. */
    static final long PARTIAL_NANOS = 250_000_000L;

    private FilterComputation() {
    }

    /**
     * The filter over rows {@code [from, s.size())}, continuing {@code previous} when it is the same filter's
     * result over the same run's first {@code from} rows (null to start over at row 0).
     *
     * @param partial receives incomplete results; the returned one is complete
     * @throws RowFilter.Cancelled when {@code cancelled} turned true
     */
    public static FilterResult run(IndexSnapshot s, String text, EventFilter filter, FilterResult previous,
                                   BooleanSupplier cancelled, Consumer<FilterResult> partial) throws IOException {
        int from = previous == null ? 0 : previous.upTo();
        int to = s.size();
        int[] counts = previous == null ? new int[s.types().size()]
                : Arrays.copyOf(previous.typeCounts(), Math.max(previous.typeCounts().length, s.types().size()));
        boolean extension = previous != null;
        if (filter.isAll()) {
            for (int row = from; row < to; row++) {
                int t = s.typeId(row);
                if (t >= 0) {
                    counts[t]++;
                }
            }
            return new FilterResult(s, text, null, to, counts, true, extension);
        }
        EventFilter base = filter.withoutTypes();
        boolean typed = filter.hasTypeTerms();
        java.util.function.IntPredicate columns = filter.columnsOf(s);
        int[] rows = previous == null || previous.rows() == null ? new int[0] : previous.rows();
        int count = rows.length;
        int step = filter.needsText() ? PART : Math.max(to - from, 1);
        long lastHandOver = System.nanoTime();
        int partials = 0;
        for (int start = from; start < to; start += step) {
            int end = Math.min(to, start + step);
            int[] matched = RowFilter.apply(s, base, start, end, cancelled);
            for (int row : matched) {
                int t = s.typeId(row);
                if (t >= 0) {
                    counts[t]++;
                }
                if (!typed || columns.test(row)) {
                    if (count == rows.length) {
                        rows = Arrays.copyOf(rows, Math.max(64, count + (count >> 1)));
                    }
                    rows[count++] = row;
                }
            }
            long now = System.nanoTime();
            // The first matches go at once; after that, a longer prefix now and then.
            boolean due = partials == 0 ? count > 0 || now - lastHandOver >= FIRST_PARTIAL_NANOS
                    : now - lastHandOver >= PARTIAL_NANOS;
            if (end < to && due) {
                partials++;
                lastHandOver = now;
                partial.accept(new FilterResult(s, text, Arrays.copyOf(rows, count), end, counts.clone(), false,
                        extension));
                extension = true;
            }
        }
        return new FilterResult(s, text, Arrays.copyOf(rows, count), to, counts, true, extension);
    }
}
