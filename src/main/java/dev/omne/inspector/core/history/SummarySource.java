package dev.omne.inspector.core.history;

import java.io.IOException;

/**
 * Where the {@link HistoryLoader} gets a run's summary. Reading the run's log ({@link #LOGS}) is the source of
 * truth; a faster source (summaries a live history already holds, or a summary kept on disk from an earlier start)
 * goes in front of it with {@link #orElse}, and answers null for a run it does not have (or no longer has up to
 * date), so that the run's log is read instead.
 */
@FunctionalInterface
public interface SummarySource {
    /** Reads the run's log whole (a log that does not exist yet is a run with no events). */
    SummarySource LOGS = log -> RunSummaryBuilder.read(log.runId(), log.file());

    /**
     * The run's summary, or null when this source has none for it.
     *
     * @throws IOException the run's log cannot be read
     */
    RunSummary summary(HistoryLoader.RunLog log) throws IOException;

    /** This source, and {@code other} for the runs it has no summary of. */
    default SummarySource orElse(SummarySource other) {
        return log -> {
            RunSummary known = summary(log);
            return known != null ? known : other.summary(log);
        };
    }
}
