package dev.omne.inspector.tail;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.log.Diagnostic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * New rows of one run. {@code reset == true}: the index was rebuilt from byte 0, all rows
 * {@code [0, snapshot.size())} are new and earlier rows are void. Otherwise rows {@code [fromRow, toRow)}
 * of {@code snapshot} are new.
 *
 * @param diagnostics the diagnostics of the new rows, in file order (with {@code reset}: all of the snapshot's)
 * @param notices     what happened to the file since the last update of this run
 * @param logGone     the events file was deleted after it had been read; the snapshot keeps what was read
 */
public record RunUpdate(String runId, Path file, IndexSnapshot snapshot, boolean reset, int fromRow, int toRow,
                        List<Diagnostic> diagnostics, List<TailNotice> notices, boolean logGone) {
    public RunUpdate {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(snapshot, "snapshot");
        diagnostics = List.copyOf(diagnostics);
        notices = List.copyOf(notices);
        if (reset && (fromRow != 0 || toRow != snapshot.size())) {
            throw new IllegalArgumentException("a reset covers every row of its snapshot");
        }
        if (fromRow < 0 || fromRow > toRow || toRow > snapshot.size()) {
            throw new IllegalArgumentException("rows [" + fromRow + ", " + toRow + ") of " + snapshot.size());
        }
    }

    /** Number of new rows. */
    public int newRows() {
        return toRow - fromRow;
    }

    /** Whether this update carries nothing at all. */
    boolean isEmpty() {
        return !reset && fromRow == toRow && diagnostics.isEmpty() && notices.isEmpty();
    }

    /** One update saying what {@code earlier} then {@code later} said, as a listener that missed both needs it. */
    static RunUpdate merge(RunUpdate earlier, RunUpdate later) {
        if (earlier == null) {
            return later;
        }
        List<TailNotice> notices = concat(earlier.notices, later.notices);
        if (later.reset) {
            return new RunUpdate(later.runId, later.file, later.snapshot, true, 0, later.toRow, later.diagnostics,
                    notices, later.logGone);
        }
        List<Diagnostic> diagnostics = concat(earlier.diagnostics, later.diagnostics);
        if (earlier.reset) {
            return new RunUpdate(later.runId, later.file, later.snapshot, true, 0, later.snapshot.size(),
                    diagnostics, notices, later.logGone);
        }
        return new RunUpdate(later.runId, later.file, later.snapshot, false, Math.min(earlier.fromRow, later.fromRow),
                Math.max(earlier.toRow, later.toRow), diagnostics, notices, later.logGone);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        List<T> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}
