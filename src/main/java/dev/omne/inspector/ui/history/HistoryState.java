package dev.omne.inspector.ui.history;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.history.HistoryFilter;
import dev.omne.inspector.core.history.HistoryGrid;
import dev.omne.inspector.core.history.HistoryLoader;
import dev.omne.inspector.core.history.HistorySnapshot;
import dev.omne.inspector.core.history.NodeStatistics;
import dev.omne.inspector.core.history.RunComparison;
import dev.omne.inspector.core.history.RunSummary;
import dev.omne.inspector.core.history.VolumeHistory;
import dev.omne.inspector.ui.session.RunChange;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link HistoryFeed}'s drains write: the volume's history as the session and the cold read tell it (the rules
 * for which of them a run's summary comes from), and the page last made of it, reused while the runs shown do not
 * change. Split from the feed, which schedules the drains: this is what they do. Touched by one drain at a time.
 */
final class HistoryState {
    private final VolumeHistory history = new VolumeHistory();
    /** Runs whose summary comes from the session's full index: the session is their truth from then on. */
    private final Set<String> live = new HashSet<>();
    /** Runs the session said went away: a cold read of them that finishes later must not bring them back. */
    private final Set<String> gone = new HashSet<>();
    private final Map<String, HistoryLoader.Unreadable> unreadable = new LinkedHashMap<>();
    private HistoryPage page;
    private HistoryFeed.Request pageRequest;

    /** The history now (the same object until something changes). */
    HistorySnapshot snapshot() {
        return history.snapshot();
    }

    void session(List<String> added, List<String> removed, List<RunChange> changes) {
        for (String id : removed) {
            history.remove(id);
            live.remove(id);
            unreadable.remove(id);
            gone.add(id);
        }
        for (String id : added) {
            gone.remove(id);
        }
        for (RunChange change : changes) {
            String id = change.runId();
            gone.remove(id);
            if (change.indexing()) {
                continue; // only the start of a large log: a summary of it would tell a false end
            }
            if (change.snapshot() == null) {
                if (history.get(id) == null) {
                    history.put(RunSummary.empty(id, change.file()));
                }
                continue;
            }
            // The session's first full index of a run read cold (or from a kept summary) just before: the summary
            // continues from its rows instead of summing the whole index up again.
            boolean reset = change.reset()
                    && (live.contains(id) || !history.coversStartOf(id, change.snapshot()));
            history.update(id, change.snapshot(), reset, change.fromRow(), change.toRow());
            live.add(id);
            unreadable.remove(id);
        }
    }

    void loaded(RunSummary run) {
        String id = run.runId();
        if (gone.contains(id) || live.contains(id)) {
            return;
        }
        RunSummary known = history.get(id);
        if (known == null || !known.file().equals(run.file()) || known.rows() < run.rows()) {
            history.put(run);
        }
    }

    void unreadable(List<HistoryLoader.Unreadable> logs) {
        for (HistoryLoader.Unreadable log : logs) {
            if (!live.contains(log.runId()) && !gone.contains(log.runId())) {
                unreadable.put(log.runId(), log);
            }
        }
    }

    HistoryPage page(HistorySnapshot snapshot, HistoryFeed.Request asked, long nowMicros) {
        List<HistoryLoader.Unreadable> bad = List.copyOf(unreadable.values());
        if (page != null && page.history() == snapshot && asked.sameRuns(pageRequest)
                && bad.equals(page.unreadable())) {
            if (!asked.samePair(pageRequest)) {
                page = page.withComparison(compare(snapshot, asked));
                pageRequest = asked;
            }
            return page;
        }
        HistoryFilter filter = new HistoryFilter(asked.pipes(), asked.outcomes(), asked.range().fromMicros(nowMicros),
                Timestamps.NONE, 0);
        List<RunSummary> runs = filter.apply(snapshot);
        if (page != null && asked.sameRuns(pageRequest) && runs.equals(page.runs())) {
            // Another pipe's run changed: the runs shown did not, nor do their grid and statistics.
            page = new HistoryPage(snapshot, filter, page.runs(), page.grid(), page.stats(),
                    compare(snapshot, asked), bad);
        } else {
            page = new HistoryPage(snapshot, filter, runs, HistoryGrid.of(runs),
                    NodeStatistics.of(runs, NodeStatistics.Order.PIPELINE), compare(snapshot, asked), bad);
        }
        pageRequest = asked;
        return page;
    }

    private static RunComparison compare(HistorySnapshot snapshot, HistoryFeed.Request asked) {
        if (asked.compareA() == null || asked.compareB() == null) {
            return null;
        }
        RunSummary a = snapshot.run(asked.compareA());
        RunSummary b = snapshot.run(asked.compareB());
        return a == null || b == null ? null : RunComparison.of(a, b);
    }
}
