package dev.omne.inspector.ui.session;

import dev.omne.inspector.ui.common.DaemonThreads;
import dev.omne.inspector.core.Messages;
import dev.omne.inspector.core.index.IndexCache;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.tail.FollowOptions;
import dev.omne.inspector.tail.RunUpdate;
import dev.omne.inspector.tail.TailNotice;
import dev.omne.inspector.tail.VolumeUpdate;
import dev.omne.inspector.tail.VolumeWatcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The one place the window talks to live following ({@link VolumeWatcher}): it sums up each run's new rows on
 * background threads and hands the UI thread finished {@link SessionBatch}es, coalesced so that there is at
 * most one pending hand-over at a time (never one per event).
 *
 * <p>The watcher indexes every log before its first update, which takes seconds for a large one. So the session
 * first lists the runs and reads the start of each log (newest first, within a budget): the window shows the
 * runs and the first rows at once, and the watcher's full index then arrives as rows appended after them.
 */
public final class VolumeSession implements AutoCloseable {
    /** Receives batches on the UI thread. */
    @FunctionalInterface
    public interface Listener {
        void onBatch(SessionBatch batch);
    }

    /** Opens sessions; the window's ViewModel takes one so that its tests can feed batches by hand. */
    @FunctionalInterface
    public interface Factory {
        AutoCloseable start(Volume volume, Listener listener) throws IOException;
    }

    /** Longest wait for the window to take the previews before full indexing starts anyway. */
    static final Duration FIRST_PAINT_WAIT = Duration.ofSeconds(2);
    /** Time the window gets to draw the previews once it has them. */
    static final Duration FIRST_PAINT_GRACE = Duration.ofMillis(150);
    /** Bytes read for previews in all: past it, logs wait for the watcher. */
    static final long PREVIEW_BUDGET = 32L << 20;

    private final Volume volume;
    private final Executor ui;
    private final Listener listener;
    private final Clock clock;
    /** Where each log's index is looked for first, and kept for the next start. */
    private final IndexCache cache;
    private final Object lock = new Object();
    private final Map<String, RunState> states = new HashMap<>();
    /** Runs announced as added and not removed since. */
    private final Set<String> known = new HashSet<>();
    private final ExecutorService previewer;
    private VolumeWatcher watcher; // guarded by lock
    private volatile boolean closed;

    /** The hand-over not taken yet, guarded by lock. */
    private final PendingBatch pending = new PendingBatch();
    private boolean flushScheduled;
    /** Every run present at the start has been announced. */
    private boolean listed;
    private boolean listedDelivered;
    /** Counted down once the previews (or the empty listing) reached the window. */
    private final CountDownLatch previewsDelivered = new CountDownLatch(1);
    private boolean previewsQueued;

    private static final class RunState {
        final RunFactsBuilder facts = new RunFactsBuilder();
        /** Rows handed on so far come from a preview index. */
        IndexSnapshot preview;
        /** The full index has been handed on (a preview arriving later is dropped). */
        boolean full;
        long changedAt;
    }

    private VolumeSession(Volume volume, Executor ui, Listener listener, Clock clock, IndexCache cache) {
        this.volume = volume;
        this.ui = ui;
        this.listener = listener;
        this.clock = clock;
        this.cache = cache;
        this.previewer = Executors.newSingleThreadExecutor(DaemonThreads.named("omne-preview"));
    }

    /** Starts watching; {@code ui} runs the hand-over on the UI thread (e.g. {@code Platform::runLater}). */
    public static VolumeSession start(Volume volume, Executor ui, Listener listener) {
        return start(volume, ui, listener, Clock.systemUTC());
    }

    static VolumeSession start(Volume volume, Executor ui, Listener listener, Clock clock) {
        return start(volume, ui, listener, clock, IndexCache.OFF);
    }

    static VolumeSession start(Volume volume, Executor ui, Listener listener, Clock clock, IndexCache cache) {
        VolumeSession session = new VolumeSession(volume, ui, listener, clock, cache);
        // The quick part first, with the cores to itself: the list of runs and the first rows of large logs.
        // Full indexing starts once those are on their way to the window.
        session.previewer.execute(() -> {
            session.listAndPreview();
            session.awaitFirstPaint();
            session.startFeed();
        });
        return session;
    }

    /**
     * Waits until the window has taken the previews and had a moment to draw them: the watcher's full indexing
     * keeps every core busy for seconds, and the first rows should not have to wait for a core.
     */
    private void awaitFirstPaint() {
        try {
            if (previewsDelivered.await(FIRST_PAINT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                Thread.sleep(FIRST_PAINT_GRACE.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void startFeed() {
        if (closed) {
            return;
        }
        try {
            // Indexes every log before it returns: this thread's work, not the window's.
            VolumeWatcher started = VolumeWatcher.start(volume, FollowOptions.DEFAULT.withIndexCache(cache),
                    this::onVolumeUpdate);
            boolean keep;
            synchronized (lock) {
                keep = !closed;
                if (keep) {
                    watcher = started;
                }
            }
            if (!keep) {
                started.close();
            }
        } catch (IOException | RuntimeException e) {
            synchronized (lock) {
                pending.notice("Cannot follow " + volume.root() + ": " + Messages.describe(e));
                scheduleFlush();
            }
        }
    }

    /** A factory handing batches to {@code ui}. */
    public static Factory factory(Executor ui) {
        return (volume, listener) -> start(volume, ui, listener);
    }

    /** The same, each session taking its logs' indexes from the cache {@code cache} gives when it starts. */
    public static Factory factory(Executor ui, java.util.function.Supplier<IndexCache> cache) {
        return (volume, listener) -> start(volume, ui, listener, Clock.systemUTC(), cache.get());
    }

    public Volume volume() {
        return volume;
    }

    /**
     * Announces every run at once (so the window can pick the newest before the logs are indexed), then
     * reads the start of each log, newest run first, until the budget is spent.
     */
    private void listAndPreview() {
        List<String> ids;
        try {
            ids = volume.listRuns();
        } catch (IOException e) {
            ids = List.of();
            synchronized (lock) {
                pending.notice("Cannot list the runs of " + volume.root() + ": " + Messages.describe(e));
            }
        }
        synchronized (lock) {
            ids.forEach(this::added);
            listed = true;
            scheduleFlush();
        }
        try {
            preview(ids, PREVIEW_BUDGET);
        } finally {
            synchronized (lock) {
                previewsQueued = true;
                if (!flushScheduled) {
                    previewsDelivered.countDown();
                }
            }
        }
    }

    private void preview(List<String> ids, long budgetBytes) {
        long budget = budgetBytes;
        for (String id : ids.reversed()) {
            if (closed || budget <= 0) {
                return;
            }
            Path file = volume.eventsFile(id);
            try {
                LogPreview head = LogPreview.read(file);
                if (head == null) {
                    continue;
                }
                budget -= head.read();
                IndexSnapshot snapshot = head.snapshot();
                synchronized (lock) {
                    RunState state = states.computeIfAbsent(id, k -> new RunState());
                    if (state.full || closed) {
                        continue;
                    }
                    state.preview = snapshot;
                    state.changedAt = head.changedAt();
                    state.facts.reset();
                    RunFacts facts = state.facts.add(snapshot, 0, snapshot.size());
                    change(new RunChange(id, file, snapshot, true, 0, snapshot.size(), facts, head.changedAt(),
                            head.partial(), head.size(), false));
                }
            } catch (IOException | RuntimeException e) {
                // the watcher reports what is wrong with this log
            }
        }
    }

    private void onVolumeUpdate(VolumeUpdate update) {
        if (closed) {
            return;
        }
        synchronized (lock) {
            for (String id : update.runsRemoved()) {
                states.remove(id);
                removed(id);
            }
            for (String id : update.runsAdded()) {
                added(id);
            }
            for (RunUpdate run : update.runs()) {
                onRunUpdate(run);
            }
            for (TailNotice notice : update.allNotices()) {
                pending.notice(notice, describe(notice));
            }
            scheduleFlush();
        }
    }

    private static String describe(TailNotice notice) {
        String message = notice.message();
        return notice.runId() == null ? message : "Run " + notice.runId() + ": " + message;
    }

    private void onRunUpdate(RunUpdate run) {
        RunState state = states.computeIfAbsent(run.runId(), k -> new RunState());
        IndexSnapshot snapshot = run.snapshot();
        boolean reset = run.reset();
        int from = run.fromRow();
        int to = run.toRow();
        boolean first = !state.full;
        long now = clock.millis();
        if (reset && state.preview != null && LogPreview.isPrefix(state.preview, snapshot)) {
            reset = false;
            from = state.preview.size();
            to = snapshot.size();
        }
        state.preview = null;
        state.full = true;
        RunFacts facts;
        if (reset) {
            state.facts.reset();
            facts = state.facts.add(snapshot, 0, snapshot.size());
        } else {
            facts = state.facts.add(snapshot, from, to);
        }
        if (first) {
            state.changedAt = lastModified(run.file(), now);
        } else if (reset || to > from || run.logGone()) {
            state.changedAt = now;
        }
        change(new RunChange(run.runId(), run.file(), snapshot, reset, from, to, facts, state.changedAt, false,
                snapshot.bytes(), run.logGone()));
    }

    private static long lastModified(Path file, long fallback) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return fallback;
        }
    }

    private void added(String id) {
        if (known.add(id)) {
            pending.added(id, linkTarget(id));
        }
    }

    /** Where a run's folder or log leads when that is outside the volume, else null. */
    private Path linkTarget(String id) {
        try {
            if (!volume.isLinkedOutside(id)) {
                return null;
            }
            Path log = volume.eventsFile(id);
            return Files.isSymbolicLink(log) ? log.toRealPath() : volume.runDir(id).toRealPath();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void removed(String id) {
        known.remove(id);
        pending.removed(id);
    }

    private void change(RunChange change) {
        pending.change(change);
        scheduleFlush();
    }

    private void scheduleFlush() {
        if (!flushScheduled && (!pending.isEmpty() || listed && !listedDelivered)) {
            flushScheduled = true;
            ui.execute(this::flush);
        }
    }

    private void flush() {
        SessionBatch batch;
        boolean firstListed;
        synchronized (lock) {
            flushScheduled = false;
            batch = pending.take(listed);
            firstListed = listed && !listedDelivered;
            listedDelivered = listed;
        }
        if (!closed && (!batch.isEmpty() || firstListed)) {
            listener.onBatch(batch);
        }
        synchronized (lock) {
            if (previewsQueued) {
                previewsDelivered.countDown();
            }
        }
    }

    /** A run's change that waits for the window to take it, or null (for tests: what the watcher has delivered). */
    RunChange pendingChange(String runId) {
        synchronized (lock) {
            return pending.change(runId);
        }
    }

    @Override
    public void close() {
        VolumeWatcher running;
        synchronized (lock) {
            closed = true;
            running = watcher;
        }
        if (running != null) {
            running.close();
        }
        previewer.shutdownNow();
    }
}
