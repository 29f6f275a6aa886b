package dev.omne.inspector.ui.service;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.ui.model.RunFacts;
import dev.omne.inspector.ui.model.RunFactsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one place the window talks to live following: it watches a volume on background threads, sums up each
 * run's new rows there, and hands the UI thread finished {@link SessionBatch}es, coalesced so that there is
 * at most one pending hand-over at a time (never one per event).
 *
 * <p>Large logs get a quick preview of their first megabyte while their full index is built, so the first rows
 * show at once; the full index then arrives as rows appended after the preview's.
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

    /** Logs at least this large are previewed while they are indexed. */
    static final long PREVIEW_THRESHOLD = 4L << 20;
    static final int PREVIEW_BYTES = 256 << 10;
    static final Duration POLL = Duration.ofMillis(200);

    private final Volume volume;
    private final Executor ui;
    private final Listener listener;
    private final Clock clock;
    private final Object lock = new Object();
    private final Map<String, RunState> states = new HashMap<>();
    /** Runs announced as added and not removed since. */
    private final Set<String> known = new HashSet<>();
    private final ExecutorService previewer;
    private StandInFeed feed; // guarded by lock
    private volatile boolean closed;

    // Pending hand-over, guarded by lock.
    private final Set<String> added = new LinkedHashSet<>();
    private final Set<String> removed = new LinkedHashSet<>();
    private final Map<String, RunChange> changes = new LinkedHashMap<>();
    private final List<String> notices = new ArrayList<>();
    private boolean flushScheduled;
    /** Every run present at the start has been announced. */
    private boolean listed;
    private boolean listedDelivered;

    private static final class RunState {
        final RunFactsBuilder facts = new RunFactsBuilder();
        /** Rows handed on so far come from a preview index. */
        IndexSnapshot preview;
        /** The full index has been handed on (a preview arriving later is dropped). */
        boolean full;
        long changedAt;
    }

    private VolumeSession(Volume volume, Executor ui, Listener listener, Clock clock) {
        this.volume = volume;
        this.ui = ui;
        this.listener = listener;
        this.clock = clock;
        this.previewer = Executors.newSingleThreadExecutor(DaemonThreads.named("omne-preview"));
    }

    /** Starts watching; {@code ui} runs the hand-over on the UI thread (e.g. {@code Platform::runLater}). */
    public static VolumeSession start(Volume volume, Executor ui, Listener listener) {
        return start(volume, ui, listener, Clock.systemUTC());
    }

    static VolumeSession start(Volume volume, Executor ui, Listener listener, Clock clock) {
        VolumeSession session = new VolumeSession(volume, ui, listener, clock);
        // The quick part first, with the cores to itself: the list of runs and the first rows of large logs.
        // Full indexing starts once those are on their way to the window.
        session.previewer.execute(() -> {
            session.listAndPreview();
            session.startFeed();
        });
        return session;
    }

    private void startFeed() {
        synchronized (lock) {
            if (!closed) {
                feed = new StandInFeed(volume, POLL, this::onFeedUpdate);
            }
        }
    }

    /** A factory handing batches to {@code ui}. */
    public static Factory factory(Executor ui) {
        return (volume, listener) -> start(volume, ui, listener);
    }

    public Volume volume() {
        return volume;
    }

    /**
     * Announces every run at once (so the window can pick the newest before the logs are indexed), then
     * previews the large logs.
     */
    private void listAndPreview() {
        List<String> ids;
        try {
            ids = volume.listRuns();
        } catch (IOException e) {
            ids = List.of();
            synchronized (lock) {
                notices.add("Cannot list the runs of " + volume.root() + ": " + Messages.describe(e));
            }
        }
        synchronized (lock) {
            ids.forEach(this::added);
            listed = true;
            scheduleFlush();
        }
        for (String id : ids) {
            if (closed) {
                return;
            }
            Path file = volume.eventsFile(id);
            try {
                long size = Files.exists(file) ? Files.size(file) : 0;
                if (size < PREVIEW_THRESHOLD) {
                    continue;
                }
                byte[] head;
                try (InputStream in = Files.newInputStream(file)) {
                    head = in.readNBytes(PREVIEW_BYTES);
                }
                RunIndex index = RunIndex.empty(file);
                index.extend(head, 0, head.length);
                IndexSnapshot snapshot = index.snapshot();
                long changedAt = Files.getLastModifiedTime(file).toMillis();
                synchronized (lock) {
                    RunState state = states.computeIfAbsent(id, k -> new RunState());
                    if (state.full || closed) {
                        continue;
                    }
                    state.preview = snapshot;
                    state.changedAt = changedAt;
                    state.facts.reset();
                    RunFacts facts = state.facts.add(snapshot, 0, snapshot.size());
                    added(id);
                    change(new RunChange(id, file, snapshot, true, 0, snapshot.size(), facts, changedAt, true, size,
                            false));
                }
            } catch (IOException | RuntimeException e) {
                // the full index reports what is wrong with this log
            }
        }
    }

    private void onFeedUpdate(StandInFeed.FeedUpdate update) {
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
            for (StandInFeed.FeedRunUpdate run : update.runs()) {
                onRunUpdate(run);
            }
            notices.addAll(update.notices());
            scheduleFlush();
        }
    }

    private void onRunUpdate(StandInFeed.FeedRunUpdate run) {
        RunState state = states.computeIfAbsent(run.runId(), k -> new RunState());
        IndexSnapshot snapshot = run.snapshot();
        boolean reset = run.reset();
        int from = run.fromRow();
        int to = run.toRow();
        boolean first = !state.full;
        long now = clock.millis();
        if (reset && state.preview != null && isPrefix(state.preview, snapshot)) {
            reset = false;
            from = state.preview.size();
            to = snapshot.size();
        }
        state.preview = null;
        state.full = true;
        RunFacts facts;
        if (snapshot == null) {
            state.facts.reset();
            facts = state.facts.facts();
        } else if (reset) {
            state.facts.reset();
            facts = state.facts.add(snapshot, 0, snapshot.size());
        } else {
            facts = state.facts.add(snapshot, from, to);
        }
        if (first) {
            state.changedAt = snapshot == null ? now : lastModified(run.file(), now);
        } else if (reset || to > from || run.logGone()) {
            state.changedAt = now;
        }
        change(new RunChange(run.runId(), run.file(), snapshot, reset, from, to, facts, state.changedAt, false,
                snapshot == null ? -1 : snapshot.bytes(), run.logGone()));
    }

    private static long lastModified(Path file, long fallback) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return fallback;
        }
    }

    /** Whether {@code full} starts with exactly the rows of {@code preview}. */
    static boolean isPrefix(IndexSnapshot preview, IndexSnapshot full) {
        if (full == null || full.size() < preview.size()) {
            return false;
        }
        if (preview.size() == 0) {
            return true;
        }
        int last = preview.size() - 1;
        return full.offset(last) == preview.offset(last) && full.line(last) == preview.line(last)
                && full.offset(0) == preview.offset(0);
    }

    private void added(String id) {
        if (known.add(id)) {
            removed.remove(id);
            added.add(id);
        }
    }

    private void removed(String id) {
        known.remove(id);
        changes.remove(id);
        if (!added.remove(id)) {
            removed.add(id);
        }
    }

    private void change(RunChange change) {
        changes.merge(change.runId(), change, RunChange::then);
        scheduleFlush();
    }

    private void scheduleFlush() {
        if (!flushScheduled && (!added.isEmpty() || !removed.isEmpty() || !changes.isEmpty() || !notices.isEmpty()
                || listed && !listedDelivered)) {
            flushScheduled = true;
            ui.execute(this::flush);
        }
    }

    private void flush() {
        SessionBatch batch;
        boolean firstListed;
        synchronized (lock) {
            flushScheduled = false;
            batch = new SessionBatch(List.copyOf(added), List.copyOf(removed), List.copyOf(changes.values()),
                    List.copyOf(notices), listed);
            firstListed = listed && !listedDelivered;
            listedDelivered = listed;
            added.clear();
            removed.clear();
            changes.clear();
            notices.clear();
        }
        if (!closed && (!batch.isEmpty() || firstListed)) {
            listener.onBatch(batch);
        }
    }

    @Override
    public void close() {
        StandInFeed running;
        synchronized (lock) {
            closed = true;
            running = feed;
        }
        if (running != null) {
            running.close();
        }
        previewer.shutdownNow();
    }

}
