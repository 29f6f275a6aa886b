package dev.omne.inspector.ui.session;

import dev.omne.inspector.core.index.IndexSnapshot;

import java.nio.file.Path;

/**
 * New rows of one run, with everything the UI needs already worked out in the background.
 *
 * @param runId       the run
 * @param file        its events file
 * @param snapshot    the run's index as of this change (null while its log does not exist)
 * @param reset       true: the index was rebuilt from byte 0 and all its rows are new; else rows
 *                    {@code [fromRow, toRow)} were appended
 * @param facts       the run's summed-up events
 * @param changedAt   when the log last changed (epoch milliseconds)
 * @param indexing    the snapshot is only the start of a large file whose full index is still being built
 * @param fileBytes   the file's size when known (for progress while indexing), else -1
 * @param logGone     the events file no longer exists
 */
public record RunChange(String runId, Path file, IndexSnapshot snapshot, boolean reset, int fromRow, int toRow,
                        RunFacts facts, long changedAt, boolean indexing, long fileBytes, boolean logGone) {

    /** Rows of the snapshot, 0 when there is none. */
    public int size() {
        return snapshot == null ? 0 : snapshot.size();
    }

    /** This change followed by a later one of the same run, as one change. */
    public RunChange then(RunChange later) {
        if (later.reset || reset) {
            return new RunChange(runId, later.file, later.snapshot, true, 0, later.size(), later.facts,
                    later.changedAt, later.indexing, later.fileBytes, later.logGone);
        }
        return new RunChange(runId, later.file, later.snapshot, false, fromRow, later.toRow, later.facts,
                later.changedAt, later.indexing, later.fileBytes, later.logGone);
    }
}
