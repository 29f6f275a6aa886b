package dev.omne.inspector.core.history;

import dev.omne.inspector.core.Messages;
import dev.omne.inspector.core.volume.RunIds;
import dev.omne.inspector.core.volume.Volume;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Reads a volume's history cold: every run's log through the run index's line judge, a run per task on a
 * few threads, keeping only each run's summary (the index of a run is dropped as soon as it is summed up); or, with a
 * {@link SummaryCache#source}, from the summaries kept at an earlier start, reading only what the logs gained since.
 * Runs are read newest first (by the time in their ids), and each is handed to a listener as soon as it is
 * read, so that a view can show the runs on top long before a large volume is read to its end.
 */
public final class HistoryLoader {
    /** A run and where its log is (the log need not exist yet). */
    public record RunLog(String runId, Path file) {
    }

    /** A log that could not be read: the rest of the history is read all the same. */
    public record Unreadable(String runId, Path file, String message) {
    }

    /** What a load found. */
    public record Result(HistorySnapshot history, List<Unreadable> unreadable) {
        public Result {
            unreadable = List.copyOf(unreadable);
        }
    }

    /** Told of each run as soon as it is read: on the loader's threads, several at once. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (run, done, total) -> {
        };

        /**
         * @param run   the run's summary, or null when its log could not be read (or the source had none)
         * @param done  runs read so far, this one included
         * @param total runs to read
         */
        void runRead(RunSummary run, int done, int total);
    }

    /** Newest first: by the time in the run ids' ULIDs (ids without one last), then by id, descending. */
    public static final Comparator<RunLog> NEWEST_FIRST = Comparator
            .comparingLong((RunLog log) -> RunIds.startMillis(log.runId()))
            .thenComparing(RunLog::runId).reversed();

    private HistoryLoader() {
    }

    /** Every run of a volume with its log. */
    public static List<RunLog> logs(Volume volume) throws IOException {
        List<RunLog> logs = new ArrayList<>();
        for (String runId : volume.listRuns()) {
            logs.add(new RunLog(runId, volume.eventsFile(runId)));
        }
        return logs;
    }

    /** Reads every log on as many threads as there are processors. */
    public static Result load(List<RunLog> logs) {
        return load(logs, Runtime.getRuntime().availableProcessors(), Listener.NONE, () -> false);
    }

    /**
     * Reads every log, newest first, {@code threads} at a time (the calling thread is one of them).
     *
     * @throws CancellationException when {@code cancelled} turned true before the end
     */
    public static Result load(List<RunLog> given, int threads, Listener listener, BooleanSupplier cancelled) {
        return load(given, threads, listener, cancelled, SummarySource.LOGS);
    }

    /**
     * Takes every run's summary from {@code source} (which ends in reading the logs, e.g.
     * {@code cache.orElse(SummarySource.LOGS)}), newest first, {@code threads} at a time (the calling thread is one
     * of them). A run the source answers null for is left out.
     *
     * @throws CancellationException when {@code cancelled} turned true before the end
     */
    public static Result load(List<RunLog> given, int threads, Listener listener, BooleanSupplier cancelled,
                              SummarySource source) {
        List<RunLog> logs = new ArrayList<>(given);
        logs.sort(NEWEST_FIRST);
        int n = logs.size();
        RunSummary[] summaries = new RunSummary[n];
        Unreadable[] problems = new Unreadable[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < n && !cancelled.getAsBoolean(); i = next.getAndIncrement()) {
                RunLog log = logs.get(i);
                try {
                    summaries[i] = source.summary(log);
                } catch (IOException | RuntimeException e) {
                    problems[i] = new Unreadable(log.runId(), log.file(), message(e));
                }
                listener.runRead(summaries[i], done.incrementAndGet(), n);
            }
        };
        List<Thread> others = new ArrayList<>();
        for (int t = 1; t < Math.min(threads, n); t++) {
            others.add(Thread.ofPlatform().daemon().name("history-loader-" + t).start(worker));
        }
        worker.run();
        for (Thread other : others) {
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while reading the history");
            }
        }
        if (cancelled.getAsBoolean() && done.get() < n) {
            throw new CancellationException("reading the history was cancelled");
        }
        List<RunSummary> read = new ArrayList<>(n);
        List<Unreadable> unreadable = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (summaries[i] != null) {
                read.add(summaries[i]);
            } else if (problems[i] != null) {
                unreadable.add(problems[i]);
            }
        }
        return new Result(HistorySnapshot.of(read), unreadable);
    }

    /** The reason alone: the file is named beside it. */
    private static String message(Exception e) {
        return Messages.reason(e);
    }
}
