package dev.omne.inspector.ui.history;

import dev.omne.inspector.core.Messages;
import dev.omne.inspector.core.history.HistoryLoader;
import dev.omne.inspector.core.history.HistorySnapshot;
import dev.omne.inspector.core.history.RunOutcome;
import dev.omne.inspector.core.history.RunSummary;
import dev.omne.inspector.core.history.SummarySource;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.ui.common.TaskExecutor;
import dev.omne.inspector.ui.session.RunChange;
import dev.omne.inspector.ui.session.SessionBatch;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A volume's history for the window. The session's batches feed it each run's new index rows, summed up into the
 * run's summary; once the history is shown, a cold read of the logs fills in, newest first, the runs the session
 * has not indexed yet (through a {@link SummarySource} that takes what is already known, so a log the session
 * has indexed is never read again, then what a store of summaries kept from an earlier start has, then the log).
 *
 * <p>All of it happens in drains on the background executor, one at a time, each taking every input queued since
 * the one before into the {@link HistoryState} (what a drain does; this class only schedules drains): so the history
 * has one writer at a time, and however fast runs grow, the UI thread
 * gets at most one {@link HistoryPage} per {@link #PAGE_INTERVAL} (a change of the filter is not held back). While
 * the history is hidden, drains only sum up rows; pages are made only for a history on screen.
 */
final class HistoryFeed implements AutoCloseable {
    /** The least time between two pages while runs keep changing. */
    static final Duration PAGE_INTERVAL = Duration.ofMillis(250);

    /** What the views ask for: which runs (pipes, outcomes, time range) and which two to compare. */
    record Request(Set<String> pipes, Set<RunOutcome> outcomes, TimeRange range, String compareA, String compareB) {
        static final Request ALL = new Request(Set.of(), Set.of(), TimeRange.ALL, null, null);

        Request {
            pipes = Set.copyOf(pipes);
            outcomes = Set.copyOf(outcomes);
            Objects.requireNonNull(range, "range");
        }

        boolean sameRuns(Request other) {
            return other != null && pipes.equals(other.pipes) && outcomes.equals(other.outcomes)
                    && range == other.range;
        }

        boolean samePair(Request other) {
            return other != null && Objects.equals(compareA, other.compareA) && Objects.equals(compareB, other.compareB);
        }
    }

    /**
     * How far the cold read of the logs is.
     *
     * @param done  runs read (or found already known)
     * @param total runs to read; 0 before the runs are listed
     * @param over  the read is over (or was never needed)
     */
    record Progress(int done, int total, boolean over) {
        static final Progress NONE = new Progress(0, 0, true);
    }

    /** Told on the UI thread. */
    interface Listener {
        void page(HistoryPage page);

        void progress(Progress progress);

        /** The runs could not be listed or read: a sentence for the user. */
        void failed(String message);
    }

    private final TaskExecutor tasks;
    private final Volume volume;
    private final LongSupplier nowMicros;
    private final int loaderThreads;
    private final SummarySource stored;
    private final Listener listener;
    private final Queue<Consumer<HistoryState>> inputs = new ConcurrentLinkedQueue<>();
    /** Written only inside a drain, and drains run one at a time. */
    private final HistoryState state = new HistoryState();
    /** The history as of the last drain: the cold read asks it which runs it need not read. */
    private volatile HistorySnapshot latest = HistorySnapshot.EMPTY;
    private volatile boolean closed;
    private final AtomicBoolean signalled = new AtomicBoolean();
    private final AtomicLong loadDone = new AtomicLong();
    private final AtomicLong loadTotal = new AtomicLong();

    // UI thread only
    private boolean draining;
    private boolean again;
    private boolean active;
    private boolean urgent = true;
    private Request request = Request.ALL;
    private long lastPageNanos;
    private boolean paged;
    private boolean pacingDue;
    private TaskExecutor.Task pacing = TaskExecutor.Task.DONE;
    private TaskExecutor.Task loading = TaskExecutor.Task.DONE;
    private boolean loadStarted;
    private boolean loadOver;
    private HistoryPage delivered;

    /**
     * @param stored summaries kept from an earlier start (a cache that answers null for a run it has none of, or none
     *               up to date), asked after the live history and before the run's log is read
     */
    HistoryFeed(TaskExecutor tasks, Volume volume, LongSupplier nowMicros, int loaderThreads, SummarySource stored,
                Listener listener) {
        this.tasks = tasks;
        this.volume = volume;
        this.nowMicros = nowMicros;
        this.loaderThreads = loaderThreads;
        this.stored = stored;
        this.listener = listener;
    }

    // Inputs (UI thread)

    /** A batch of the session: runs appeared, grew, were read again or went away. */
    void apply(SessionBatch batch) {
        if (closed || batch.runs().isEmpty() && batch.runsAdded().isEmpty() && batch.runsRemoved().isEmpty()) {
            return;
        }
        List<String> added = batch.runsAdded();
        List<String> removed = batch.runsRemoved();
        List<RunChange> changes = batch.runs();
        inputs.add(s -> s.session(added, removed, changes));
        requestDrain();
    }

    /** Whether the history is on screen: pages are made only then, and the first time the cold read starts. */
    void setActive(boolean shown) {
        active = shown;
        if (shown) {
            startLoading();
            urgent = true;
            requestDrain();
        }
    }

    /** A new filter or pair to compare: the next page answers it at once. */
    void setRequest(Request next) {
        if (next.equals(request)) {
            return;
        }
        request = next;
        urgent = true;
        requestDrain();
    }

    Request request() {
        return request;
    }

    /** Stops the cold read and drops every result not yet handed over. */
    @Override
    public void close() {
        closed = true;
        loading.cancel();
        pacing.cancel();
        inputs.clear();
    }

    // The cold read

    private void startLoading() {
        if (loadStarted || closed) {
            return;
        }
        loadStarted = true;
        // A run the session only announced (nothing summed up yet) is not known: its log is read, or its kept summary.
        SummarySource known = log -> {
            RunSummary run = latest.run(log.runId());
            return run == null || run.rows() == 0 ? null : run;
        };
        loading = tasks.submit(() -> {
            List<HistoryLoader.RunLog> logs = HistoryLoader.logs(volume);
            loadTotal.set(logs.size());
            signal();
            return HistoryLoader.load(logs, loaderThreads, (run, done, total) -> {
                if (run != null) {
                    inputs.add(s -> s.loaded(run));
                }
                loadDone.set(done);
                signal();
            }, () -> closed, known.orElse(stored).orElse(SummarySource.LOGS));
        }, result -> {
            List<HistoryLoader.Unreadable> unreadable = result.unreadable();
            inputs.add(s -> s.unreadable(unreadable));
            loadOver = true;
            listener.progress(progress());
            requestDrain();
        }, e -> {
            loadOver = true;
            if (!closed) {
                listener.progress(progress());
                if (!(e instanceof CancellationException)) {
                    listener.failed("Cannot read the history of " + volume.root() + ": " + Messages.describe(e));
                }
            }
        });
    }

    private Progress progress() {
        if (!loadStarted) {
            return Progress.NONE;
        }
        return new Progress((int) loadDone.get(), (int) loadTotal.get(), loadOver);
    }

    /** From the loader's threads: at most one hand-over to the UI thread waits at a time, never one per run. */
    private void signal() {
        if (signalled.compareAndSet(false, true)) {
            tasks.runOnUiThread(() -> {
                signalled.set(false);
                if (!closed) {
                    listener.progress(progress());
                    requestDrain();
                }
            });
        }
    }

    // Drains (scheduled on the UI thread, run in the background)

    private void requestDrain() {
        if (closed) {
            return;
        }
        if (draining) {
            again = true;
            return;
        }
        if (pacingDue) {
            return;
        }
        if (active && paged && !urgent) {
            long wait = lastPageNanos + PAGE_INTERVAL.toNanos() - System.nanoTime();
            if (wait > 0) {
                pacingDue = true;
                TaskExecutor.Task t = tasks.runOnUiThreadAfter(Duration.ofNanos(wait), () -> {
                    pacingDue = false;
                    pacing = TaskExecutor.Task.DONE;
                    drainNow();
                });
                if (pacingDue) {
                    pacing = t;
                }
                return;
            }
        }
        drainNow();
    }

    /** Starts a drain (none is running, and the pace allows it). */
    private void drainNow() {
        if (closed) {
            return;
        }
        if (draining) {
            again = true;
            return;
        }
        boolean page = active;
        urgent = false;
        draining = true;
        Request asked = request;
        long now = nowMicros.getAsLong();
        if (page) {
            lastPageNanos = System.nanoTime();
            paged = true;
        }
        tasks.submit(() -> drain(asked, page, now), result -> {
            draining = false;
            if (closed) {
                return;
            }
            if (result != null && result != delivered) {
                delivered = result;
                listener.page(result);
            }
            if (again || !inputs.isEmpty() || page != active || !asked.equals(request)) {
                again = false;
                requestDrain();
            }
        }, e -> {
            draining = false;
            if (!closed) {
                listener.failed("The history could not be updated: " + Messages.describe(e));
            }
        });
    }

    /** In the background: takes in every queued input, then makes the page asked for (when one is wanted). */
    private HistoryPage drain(Request asked, boolean page, long now) {
        for (Consumer<HistoryState> input = inputs.poll(); input != null; input = inputs.poll()) {
            input.accept(state);
        }
        HistorySnapshot snapshot = state.snapshot();
        latest = snapshot;
        return page ? state.page(snapshot, asked, now) : null;
    }
}
