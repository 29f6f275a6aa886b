package dev.omne.inspector.core.history;

import dev.omne.inspector.core.index.IndexSnapshot;

import java.util.HashMap;
import java.util.Map;

/**
 * A volume's run history kept live: fed each run's new index rows as the run grows (or whole summaries made
 * elsewhere, from a cold read or a cache), it holds one {@link RunSummary} per run and never an index, and
 * publishes immutable {@link HistorySnapshot}s. Written by one thread; the snapshots may go to any.
 */
public final class VolumeHistory {
    private final Map<String, RunSummary> runs = new HashMap<>();
    private HistorySnapshot published = HistorySnapshot.EMPTY;
    private boolean changed;

    /**
     * Takes in a run's new rows: {@code reset} when its index was rebuilt from byte 0. Rows already summed
     * up are skipped and rows missed are read, so the summary always continues from its own
     * {@link RunSummary#rows()}; an index that shrank without a reset is summed up again whole.
     */
    public RunSummary update(String runId, IndexSnapshot snapshot, boolean reset, int fromRow, int toRow) {
        RunSummary known = reset ? null : runs.get(runId);
        RunSummary summary;
        if (known == null || known.rows() > toRow || !known.file().equals(snapshot.file())) {
            summary = new RunSummaryBuilder(runId, snapshot.file()).add(snapshot, 0, toRow);
        } else if (known.rows() == toRow && known.bytes() == snapshot.bytes()) {
            return known;
        } else {
            summary = RunSummaryBuilder.resume(known).add(snapshot, known.rows(), toRow);
        }
        put(summary);
        return summary;
    }

    /**
     * Whether the run's summary is of the first rows of {@code snapshot}: the same file, and it ends where one of the
     * snapshot's rows ends. A summary read moments ago (kept from an earlier start, checked against the log) is then
     * continued from its rows rather than summed up again from the index's first row.
     */
    public boolean coversStartOf(String runId, IndexSnapshot snapshot) {
        RunSummary known = runs.get(runId);
        if (known == null || known.rows() == 0 || known.rows() > snapshot.size()
                || !known.file().equals(snapshot.file())) {
            return false;
        }
        long end = known.rows() == snapshot.size() ? snapshot.bytes() : snapshot.offset(known.rows());
        return end == known.bytes();
    }

    /** Sets a run's summary (one read cold, or kept from an earlier start); it grows from its rows on. */
    public void put(RunSummary summary) {
        runs.put(summary.runId(), summary);
        changed = true;
    }

    public void remove(String runId) {
        changed |= runs.remove(runId) != null;
    }

    /** The run's summary, or null. */
    public RunSummary get(String runId) {
        return runs.get(runId);
    }

    public int size() {
        return runs.size();
    }

    /** The history now, newest first: the same object until something changes. */
    public HistorySnapshot snapshot() {
        if (changed) {
            published = HistorySnapshot.of(runs.values());
            changed = false;
        }
        return published;
    }
}
