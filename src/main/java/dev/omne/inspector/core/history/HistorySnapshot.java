package dev.omne.inspector.core.history;

import dev.omne.inspector.core.event.Timestamps;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A volume's runs at one moment, newest first: immutable, so any thread may read it while the history grows. */
public final class HistorySnapshot {
    /** Newest first: by start time (a run without any time last), then by run id, descending. */
    public static final Comparator<RunSummary> NEWEST_FIRST = Comparator
            .comparingLong((RunSummary r) -> r.sortMicros() == Timestamps.NONE ? Long.MIN_VALUE : r.sortMicros())
            .thenComparing(RunSummary::runId).reversed();

    public static final HistorySnapshot EMPTY = new HistorySnapshot(List.of());

    private final List<RunSummary> runs;
    private final Map<String, RunSummary> byId;

    private HistorySnapshot(List<RunSummary> newestFirst) {
        this.runs = newestFirst;
        Map<String, RunSummary> map = new HashMap<>();
        for (RunSummary run : newestFirst) {
            map.put(run.runId(), run);
        }
        this.byId = Map.copyOf(map);
    }

    public static HistorySnapshot of(Collection<RunSummary> runs) {
        List<RunSummary> sorted = new ArrayList<>(runs);
        sorted.sort(NEWEST_FIRST);
        return new HistorySnapshot(List.copyOf(sorted));
    }

    /** Every run, newest first. */
    public List<RunSummary> runs() {
        return runs;
    }

    /** The run with this id, or null. */
    public RunSummary run(String runId) {
        return byId.get(runId);
    }

    /** The pipes of the runs, sorted. */
    public List<String> pipes() {
        TreeSet<String> pipes = new TreeSet<>();
        for (RunSummary run : runs) {
            pipes.add(run.pipe());
        }
        return List.copyOf(pipes);
    }
}
