package dev.omne.inspector.ui.history;

import dev.omne.inspector.core.history.HistoryFilter;
import dev.omne.inspector.core.history.HistoryGrid;
import dev.omne.inspector.core.history.HistoryLoader;
import dev.omne.inspector.core.history.HistorySnapshot;
import dev.omne.inspector.core.history.NodeStats;
import dev.omne.inspector.core.history.RunComparison;
import dev.omne.inspector.core.history.RunSummary;

import java.util.List;

/**
 * What the history views show at one moment, worked out in the background and handed to the UI thread whole:
 * immutable, its size runs times nodes.
 *
 * @param history    every run of the volume known so far, newest first
 * @param filter     the filter that chose {@code runs}
 * @param runs       the runs the filter keeps, newest first
 * @param grid       those runs by their nodes
 * @param stats      each node across those runs, in pipeline order
 * @param comparison the two runs chosen for comparison, or null (none chosen, or one of them is gone)
 * @param unreadable logs that could not be read
 */
public record HistoryPage(HistorySnapshot history, HistoryFilter filter, List<RunSummary> runs, HistoryGrid grid,
                          List<NodeStats> stats, RunComparison comparison, List<HistoryLoader.Unreadable> unreadable) {
    public static final HistoryPage EMPTY = new HistoryPage(HistorySnapshot.EMPTY, HistoryFilter.ALL, List.of(),
            HistoryGrid.of(List.of()), List.of(), null, List.of());

    public HistoryPage {
        runs = List.copyOf(runs);
        stats = List.copyOf(stats);
        unreadable = List.copyOf(unreadable);
    }

    /** The same page with another comparison. */
    HistoryPage withComparison(RunComparison other) {
        return new HistoryPage(history, filter, runs, grid, stats, other, unreadable);
    }
}
