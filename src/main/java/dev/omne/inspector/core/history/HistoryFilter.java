package dev.omne.inspector.core.history;

import dev.omne.inspector.core.event.Timestamps;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which runs of a history to show: by pipe, by outcome, by start time, then the newest {@code last} of those.
 *
 * @param pipes      pipes to keep (the run id's part before its ULID); empty keeps every pipe
 * @param outcomes   run outcomes to keep; empty keeps every outcome
 * @param fromMicros keep runs that started at or after this, or {@link Timestamps#NONE}
 * @param toMicros   keep runs that started before this, or {@link Timestamps#NONE}
 * @param last       keep only the newest this many of the runs left; 0 keeps them all
 */
public record HistoryFilter(Set<String> pipes, Set<RunOutcome> outcomes, long fromMicros, long toMicros, int last) {
    public static final HistoryFilter ALL = new HistoryFilter(Set.of(), Set.of(), Timestamps.NONE, Timestamps.NONE, 0);

    public HistoryFilter {
        pipes = Set.copyOf(pipes);
        outcomes = outcomes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(outcomes));
        if (last < 0) {
            throw new IllegalArgumentException("the number of runs to keep may not be negative: " + last);
        }
        if (fromMicros != Timestamps.NONE && toMicros != Timestamps.NONE && toMicros < fromMicros) {
            throw new IllegalArgumentException("the time range ends before it starts");
        }
    }

    public HistoryFilter withPipes(Set<String> p) {
        return new HistoryFilter(p, outcomes, fromMicros, toMicros, last);
    }

    public HistoryFilter withOutcomes(Set<RunOutcome> o) {
        return new HistoryFilter(pipes, o, fromMicros, toMicros, last);
    }

    /** Runs that started in {@code [from, to)}; either may be {@link Timestamps#NONE} for no bound. */
    public HistoryFilter between(long from, long to) {
        return new HistoryFilter(pipes, outcomes, from, to, last);
    }

    public HistoryFilter withLast(int n) {
        return new HistoryFilter(pipes, outcomes, fromMicros, toMicros, n);
    }

    /** Whether a run passes the pipe, outcome and time conditions ({@code last} aside). */
    public boolean matches(RunSummary run) {
        if (!pipes.isEmpty() && !pipes.contains(run.pipe())) {
            return false;
        }
        if (!outcomes.isEmpty() && !outcomes.contains(run.outcome())) {
            return false;
        }
        if (fromMicros == Timestamps.NONE && toMicros == Timestamps.NONE) {
            return true;
        }
        long at = run.sortMicros();
        return at != Timestamps.NONE && (fromMicros == Timestamps.NONE || at >= fromMicros)
                && (toMicros == Timestamps.NONE || at < toMicros);
    }

    /** The runs to show, newest first. */
    public List<RunSummary> apply(HistorySnapshot history) {
        List<RunSummary> kept = new ArrayList<>();
        for (RunSummary run : history.runs()) {
            if (matches(run)) {
                kept.add(run);
                if (kept.size() == last) {
                    break;
                }
            }
        }
        return List.copyOf(kept);
    }
}
