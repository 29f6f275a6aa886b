package dev.omne.inspector.tail;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.volume.FileKinds;
import dev.omne.inspector.core.volume.RunIds;
import dev.omne.inspector.core.volume.Volume;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Follows every run of a volume (or one run, or one file) live. A {@link WatchService} watches the runs folder
 * (runs appearing and disappearing) and each run folder (its {@code events.jsonl} created, modified, deleted);
 * {@code OVERFLOW} means rescan everything; a key that goes invalid (its folder deleted) is registered again
 * when the folder comes back; a runs folder that does not exist yet is waited for by watching its nearest
 * existing ancestor. Because the JDK's WatchService polls every 2 s on macOS and may stay silent on network
 * file systems, a cheap size/identity poll ({@link FollowOptions#pollInterval()}) backs it up.
 *
 * <p>Everything happens on one named daemon thread: it is the single writer of every run index, and it calls
 * the listener, at most once per {@link FollowOptions#batchInterval()}, with everything new since the last
 * batch. {@link #close()} stops the thread and closes the WatchService (and with it the JDK's own watch thread).
 */
public final class VolumeWatcher implements AutoCloseable {
    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();
    /** How soon a refused read is tried again. */
    private static final long RETRY_NANOS = Duration.ofMillis(20).toNanos();
    private static final long JOIN_MILLIS = 5_000;
    private static final long LONGEST_POLL_NANOS = FollowOptions.LONGEST_POLL.toNanos();
    /** How often a run (and the runs folder) whose change events arrive is looked at anyway: a safety net only. */
    private static final long WATCHED_POLL_NANOS = FollowOptions.WATCHED_POLL.toNanos();
    private static final long LONGEST_WATCHED_POLL_NANOS = FollowOptions.LONGEST_WATCHED_POLL.toNanos();
    /** How long a change found by a poll may wait for its change event before the run counts as sending none. */
    private static final long EVENT_GRACE_NANOS = Duration.ofSeconds(1).toNanos();
    /** Watches registered per round after the start (the rounds between go to events and batches). */
    private static final int WATCHES_PER_ROUND = 2_000;
    private static final WatchEvent.Kind<?>[] FOLDER_EVENTS = {
            StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE};
    private static final WatchEvent.Kind<?>[] RUN_EVENTS = {
            StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
            StandardWatchEventKinds.ENTRY_MODIFY};

    /** One followed run: its folder, the name of its log in it, its tailer and the key watching the folder. */
    private static final class Run {
        final String id;
        final Path dir;
        final String fileName;
        final RunTailer tailer;
        WatchKey key;
        /** This run's own poll interval: doubles while nothing changes, back to the shortest on any change. */
        long pollEvery;
        /** Which entry of the poll queue is this run's (older ones are skipped). */
        int pollGeneration;
        /** A change event came for this run's folder since its last poll. */
        boolean announced;
        /** A poll found a change no event announced (events do not reach this run): it is polled as if unwatched. */
        boolean eventsMissing;
        /** When a poll found a change of this watched run that no event has announced yet; 0: none. */
        long unannouncedSince;

        Run(String id, Path dir, String fileName, RunTailer tailer) {
            this.id = id;
            this.dir = dir;
            this.fileName = fileName;
            this.tailer = tailer;
        }
    }

    /** A run's turn to be polled, in nanoseconds since the watcher's {@code origin}. */
    private record Due(long at, Run run, int generation) implements Comparable<Due> {
        @Override
        public int compareTo(Due other) {
            return Long.compare(at, other.at);
        }
    }

    /** The runs folder, or null when following a single file. */
    private final Path runsDir;
    private final Path singleFile;
    private final String onlyRun;
    private final FollowOptions options;
    private final VolumeListener listener;
    /** Made on another thread while start() lists the runs (linking inotify's calls takes a moment); then set. */
    private final java.util.concurrent.CompletableFuture<WatchService> comingWatchService;
    private volatile WatchService watchService;
    private final ExecutorService builder = ForkJoinPool.commonPool();
    private final Thread thread;
    private final long pollNanos;
    private final long batchNanos;
    /** False only in tests of the poll alone (as on a network file system that sends no events). */
    private final boolean watching;
    private final RunTailer.Opener opener;

    // Owned by the watcher thread (and by start() before that thread starts).
    private final Map<String, Run> runs = new TreeMap<>();
    private final Map<WatchKey, Run> runKeys = new HashMap<>();
    private WatchKey runsKey;
    private WatchKey ancestorKey;
    private Path ancestorDir;
    private final Set<String> known = new HashSet<>();
    /** Entries of the runs folder reported as not being runs, until they go. */
    private final Set<String> oddEntries = new HashSet<>();
    private final Set<String> pendingAdded = new TreeSet<>();
    private final Set<String> pendingRemoved = new TreeSet<>();
    private final Map<String, RunUpdate> pendingRuns = new TreeMap<>();
    private final List<TailNotice> pendingNotices = new ArrayList<>();
    private final Set<Run> dirty = new LinkedHashSet<>();
    /** Signalled keys of run folders, handled when the next batch may go out. */
    private final Set<WatchKey> deferred = new LinkedHashSet<>();
    private final Set<Run> retrying = new LinkedHashSet<>();
    /** Runs found at the start whose folders are not watched yet. */
    private final java.util.ArrayDeque<Run> unwatched = new java.util.ArrayDeque<>();
    private boolean needAttach;
    private boolean needRescan;
    private long lastDelivery;
    private long nextScan;
    /** The runs folder's scan interval while it is not watched: doubles while no run comes or goes. */
    private long scanEvery;
    /** When each run is next looked at, soonest first; a run's older entries are skipped (see Run#pollGeneration). */
    private final java.util.PriorityQueue<Due> pollQueue = new java.util.PriorityQueue<>();
    /** Watched runs a poll found changed, waiting for the event that should announce it. */
    private final Set<Run> unannounced = new LinkedHashSet<>();
    /** Spreads the safety polls of runs found together over time. */
    private final java.util.SplittableRandom jitter = new java.util.SplittableRandom();
    private final long origin = System.nanoTime();
    private long nextRetry;

    // Read from any thread.
    private volatile List<String> runIds = List.of();
    private boolean runIdsStale;
    private final ConcurrentHashMap<String, RunTailer> tailers = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private VolumeWatcher(Path runsDir, Path singleFile, FollowOptions options, VolumeListener listener,
                          Path watched, String name, boolean watching, RunTailer.Opener opener) {
        if (!watching && !options.polls()) {
            throw new IllegalArgumentException("with no change events, the poll interval must be positive");
        }
        this.watching = watching;
        this.opener = opener;
        this.runsDir = runsDir;
        this.singleFile = singleFile;
        this.options = options;
        this.onlyRun = options.onlyRun();
        this.listener = listener;
        this.comingWatchService = new java.util.concurrent.CompletableFuture<>();
        Thread.ofPlatform().daemon().name("omne-setup-watch").start(() -> {
            try {
                comingWatchService.complete(newWatchService(watched));
            } catch (IOException | RuntimeException e) {
                comingWatchService.completeExceptionally(e);
            }
        });
        this.pollNanos = options.polls() ? options.pollInterval().toNanos() : Long.MAX_VALUE;
        this.batchNanos = options.batchInterval().toNanos();
        this.thread = Thread.ofPlatform().name("omne-watch-" + name + "-" + THREAD_NUMBERS.incrementAndGet())
                .daemon(true).unstarted(this::loop);
    }

    /**
     * Starts following {@code volume}: registers the watches and indexes every existing run (on this thread),
     * then the watcher thread delivers a first update listing every run as added, each with a
     * {@link RunUpdate} ({@code reset == true}) carrying its full index (a partial last line held back).
     */
    public static VolumeWatcher start(Volume volume, FollowOptions options, VolumeListener listener)
            throws IOException {
        return start(volume, options, listener, true);
    }

    /** {@code watching == false}: no WatchService registrations, only the poll (tests of the fallback). */
    static VolumeWatcher start(Volume volume, FollowOptions options, VolumeListener listener, boolean watching)
            throws IOException {
        return start(volume, options, listener, watching, RunTailer.DEFAULT_OPENER);
    }

    /** With the logs opened by {@code opener} (tests: reads refused as a Windows lock refuses them). */
    static VolumeWatcher start(Volume volume, FollowOptions options, VolumeListener listener, boolean watching,
                               RunTailer.Opener opener) throws IOException {
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        if (options.onlyRun() != null) {
            RunIds.validate(options.onlyRun());
        }
        Path runsDir = volume.runsDir();
        String name = volume.root().getFileName() == null ? "volume" : volume.root().getFileName().toString();
        return started(new VolumeWatcher(runsDir, null, options, listener, runsDir, name, watching,
                Objects.requireNonNull(opener)));
    }

    /**
     * Follows one events file anywhere, as a volume of one run named after the file's folder. The file and its
     * folder need not exist yet. {@link FollowOptions#onlyRun()} is ignored.
     */
    public static VolumeWatcher startFile(Path eventsFile, FollowOptions options, VolumeListener listener)
            throws IOException {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        Path file = eventsFile.toAbsolutePath().normalize();
        if (file.getParent() == null || file.getFileName() == null) {
            throw new IOException(eventsFile + ": not a file");
        }
        return started(new VolumeWatcher(null, file, options.withOnlyRun(null), listener,
                file, file.getParent().getFileName() == null ? "file"
                : file.getParent().getFileName().toString(), true, RunTailer.DEFAULT_OPENER));
    }

    /** inotify itself on Linux (registrations cost one system call each), the JDK's WatchService elsewhere. */
    private static WatchService newWatchService(Path where) throws IOException {
        if (where.getFileSystem() == java.nio.file.FileSystems.getDefault()) {
            WatchService inotify = InotifyWatchService.openOrNull();
            if (inotify != null) {
                return inotify;
            }
        }
        return where.getFileSystem().newWatchService();
    }

    private WatchKey watch(Path dir, WatchEvent.Kind<?>[] kinds) throws IOException {
        return watchService instanceof InotifyWatchService inotify ? inotify.register(dir, kinds)
                : dir.register(watchService, kinds);
    }

    /**
     * Lists the runs and looks at each log while the watch service is being made; nothing is watched yet. The watcher
     * thread registers the watches after its first batch, then looks at every folder and log again: whatever came in
     * between is seen, and a volume of thousands of runs is followed at once.
     */
    private static VolumeWatcher started(VolumeWatcher watcher) throws IOException {
        try {
            watcher.attach();
            watcher.publishRunIds();
            watcher.watchService = watcher.awaitWatchService();
            watcher.needAttach = true;
        } catch (IOException | RuntimeException | Error e) {
            watcher.comingWatchService.thenAccept(VolumeWatcher::closeQuietly);
            throw e;
        }
        watcher.thread.start();
        return watcher;
    }

    private WatchService awaitWatchService() throws IOException {
        try {
            return comingWatchService.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static void closeQuietly(WatchService service) {
        try {
            service.close();
        } catch (IOException e) {
            log().log(System.Logger.Level.DEBUG, "closing the watch service", e);
        }
    }

    /** Looked up when first needed: a follower that logs nothing never starts the logging system. */
    private static System.Logger log() {
        return System.getLogger(VolumeWatcher.class.getName());
    }

    /** The ids of the runs followed now, sorted. */
    public List<String> runs() {
        return runIds;
    }

    /** The latest index of a run (possibly newer than the last batch delivered), if the run is followed. */
    public Optional<IndexSnapshot> snapshot(String runId) {
        RunTailer tailer = tailers.get(runId);
        return tailer == null ? Optional.empty() : Optional.of(tailer.snapshot());
    }

    /** Polls of a run's tailer that ended holding back a partial line (tests: proof the hard path ran). */
    long heldBackPolls(String runId) {
        RunTailer tailer = tailers.get(runId);
        return tailer == null ? 0 : tailer.heldBackPolls();
    }

    /** Whether a followed run's log was deleted after it had been read. */
    public boolean logGone(String runId) {
        RunTailer tailer = tailers.get(runId);
        return tailer != null && tailer.logGone();
    }

    /** The name of the watcher thread (for diagnostics and tests). */
    public String threadName() {
        return thread.getName();
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Stops the watcher thread and closes the WatchService. Idempotent; no batch is delivered after it returns. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            awaitThread();
            return;
        }
        comingWatchService.thenAccept(VolumeWatcher::closeQuietly);
        awaitThread();
        tailers.clear();
        runIds = List.of();
    }

    private void awaitThread() {
        if (Thread.currentThread() == thread || !thread.isAlive()) {
            return;
        }
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- the watcher thread

    private void loop() {
        try {
            deliver(); // the first batch: every run as added, with its full index
            scanEvery = pollNanos;
            nextScan = deadline(System.nanoTime(), pollNanos);
            while (!closed.get()) {
                WatchKey key = next();
                boolean gateOpen = System.nanoTime() - lastDelivery >= batchNanos;
                while (key != null) {
                    Run signalled = runKeys.get(key);
                    if (signalled != null) {
                        signalled.announced = true;
                        if (signalled.unannouncedSince != 0) {
                            signalled.unannouncedSince = 0;
                            unannounced.remove(signalled);
                        }
                    }
                    if (!gateOpen && runKeys.containsKey(key)) {
                        // Nothing of this run can be delivered before the gate opens: read it then, once. The
                        // key stays signalled meanwhile, so further writes add no wake-ups, only a count.
                        deferred.add(key);
                    } else {
                        handle(key);
                    }
                    key = watchService.poll();
                }
                if (gateOpen && !deferred.isEmpty()) {
                    for (WatchKey k : List.copyOf(deferred)) {
                        handle(k);
                    }
                    deferred.clear();
                }
                if (needAttach) {
                    needAttach = false;
                    attachQuietly();
                }
                if (needRescan) {
                    needRescan = false;
                    rescan();
                }
                if (!unwatched.isEmpty()) {
                    watchSome();
                }
                for (Run run : List.copyOf(dirty)) {
                    tail(run, true);
                }
                dirty.clear();
                long now = System.nanoTime();
                if (pollNanos != Long.MAX_VALUE) {
                    pollDue(now);
                }
                if (!unannounced.isEmpty()) {
                    checkUnannounced(now);
                }
                if (!retrying.isEmpty() && now - nextRetry >= 0) {
                    nextRetry = now + RETRY_NANOS;
                    for (Run run : List.copyOf(retrying)) {
                        tail(run, true);
                    }
                }
                publishRunIds();
                if (hasPending() && System.nanoTime() - lastDelivery >= batchNanos) {
                    deliver();
                }
            }
        } catch (ClosedWatchServiceException e) {
            // close() was called
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            log().log(System.Logger.Level.ERROR, "the watcher of " + (runsDir != null ? runsDir : singleFile)
                    + " stopped", e);
        }
    }

    /** Waits for the next change event, or until a poll, a retry or a held-back batch is due. */
    private WatchKey next() throws InterruptedException {
        long now = System.nanoTime();
        long wait = Long.MAX_VALUE;
        if (pollNanos != Long.MAX_VALUE) {
            wait = Math.min(wait, nextScan - now);
            Due due = pollQueue.peek();
            if (due != null) {
                wait = Math.min(wait, origin + due.at() - now);
            }
        }
        if (!unannounced.isEmpty()) {
            wait = Math.min(wait, unannounced.iterator().next().unannouncedSince + EVENT_GRACE_NANOS - now);
        }
        if (hasPending() || !deferred.isEmpty()) {
            wait = Math.min(wait, lastDelivery + batchNanos - now);
        }
        if (!retrying.isEmpty()) {
            wait = Math.min(wait, nextRetry - now);
        }
        if (!dirty.isEmpty()) {
            wait = Math.min(wait, lastDelivery + batchNanos - now); // a streaming run has more to read
        }
        if (!unwatched.isEmpty() || needAttach || needRescan) {
            wait = 0;
        }
        if (wait == Long.MAX_VALUE) {
            return watchService.take();
        }
        return wait <= 0 ? watchService.poll() : watchService.poll(wait, TimeUnit.NANOSECONDS);
    }

    private static long deadline(long now, long nanos) {
        return nanos == Long.MAX_VALUE ? Long.MAX_VALUE : now + nanos;
    }

    private void handle(WatchKey key) {
        List<WatchEvent<?>> events = key.pollEvents();
        boolean valid = key.reset();
        if (key == runsKey) {
            for (WatchEvent<?> event : events) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                    needRescan = true;
                } else if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                    addIfRun(String.valueOf(event.context()));
                } else if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE) {
                    removeIfGone(String.valueOf(event.context()));
                }
            }
            if (!valid) {
                runsKey = null;
                needAttach = true;
            }
        } else if (key == ancestorKey) {
            needAttach = true;
            if (!valid) {
                ancestorKey = null;
                ancestorDir = null;
            }
        } else {
            Run run = runKeys.get(key);
            if (run == null) {
                key.cancel();
                return;
            }
            for (WatchEvent<?> event : events) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                    needRescan = true;
                } else if (run.fileName.equals(String.valueOf(event.context()))) {
                    dirty.add(run);
                }
            }
            if (!valid) {
                runKeys.remove(key);
                run.key = null;
                if (runsDir != null && !Files.isDirectory(run.dir)) {
                    removeRun(run);
                } else {
                    register(run);
                    dirty.add(run);
                }
            }
        }
    }

    /** Reads a run's log and queues what is new; true when there was something. */
    private boolean tail(Run run, boolean force) {
        if (runs.get(run.id) != run) {
            return false;
        }
        RunUpdate update = run.tailer.poll(force);
        queue(update);
        pollIfLinked(run);
        noteRetry(run);
        boolean changed = update != null || run.tailer.behind();
        if (changed && watched(run)) {
            run.pollEvery = WATCHED_POLL_NANOS; // its next safety poll stays where it is; the one after comes sooner
        } else if (changed) {
            run.pollEvery = pollNanos;
            schedule(run, System.nanoTime() + pollNanos);
        }
        return changed;
    }

    private void noteRetry(Run run) {
        if (!run.tailer.retrying()) {
            retrying.remove(run);
        } else if (retrying.add(run) && retrying.size() == 1) {
            nextRetry = System.nanoTime() + RETRY_NANOS;
        }
    }

    /**
     * The cheap poll, of the runs whose turn it is: the log's size and identity unchanged? A run whose change events
     * arrive is looked at once per {@link FollowOptions#WATCHED_POLL}, a safety net only, half as often each time it did
     * not change, down to once per {@link FollowOptions#LONGEST_WATCHED_POLL}; any other run (no watch:
     * none left, or the platform's are slow; or events found missing) half as often each time it did not change,
     * down to once per {@link FollowOptions#LONGEST_POLL}, and back to the shortest interval on a change. So a volume
     * of many finished runs costs little while it sits there. The runs folder is listed likewise: rarely while its
     * events arrive, else more often the more runs come and go.
     */
    private void pollDue(long now) {
        if (runsDir != null && now - nextScan >= 0) {
            int before = runs.size();
            boolean watchedBefore = runsKey != null && runsKey.isValid();
            if (!watchedBefore || !Files.isDirectory(runsDir)) {
                attachQuietly();
            } else {
                scanQuietly();
            }
            boolean same = runs.size() == before;
            if (runsKey != null && runsKey.isValid()) {
                scanEvery = same && watchedBefore ? Math.min(scanEvery * 2, LONGEST_WATCHED_POLL_NANOS)
                        : WATCHED_POLL_NANOS;
            } else {
                scanEvery = same ? Math.min(scanEvery * 2, longestPoll()) : pollNanos;
            }
            nextScan = deadline(now, scanEvery);
        }
        for (Due due = pollQueue.peek(); due != null && now - (origin + due.at()) >= 0; due = pollQueue.peek()) {
            pollQueue.poll();
            Run run = due.run();
            if (run.pollGeneration != due.generation() || runs.get(run.id) != run) {
                continue; // rescheduled since, or gone
            }
            if (runsDir == null && run.key == null && Files.isDirectory(run.dir)) {
                register(run);
            }
            boolean watchedBefore = watched(run);
            run.announced = false;
            if (tail(run, false)) {
                if (watchedBefore && !run.announced && run.unannouncedSince == 0) {
                    // Found by the poll, not by an event: unless the event is merely late, this run sends none.
                    run.unannouncedSince = now;
                    unannounced.add(run);
                }
                if (watched(run)) {
                    scheduleSafetyPoll(run, now);
                }
            } else if (watched(run)) {
                run.pollEvery = Math.min(run.pollEvery * 2, LONGEST_WATCHED_POLL_NANOS);
                scheduleSafetyPoll(run, now);
            } else {
                run.pollEvery = Math.min(run.pollEvery * 2, longestPoll());
                schedule(run, now + run.pollEvery);
            }
        }
    }

    /** Runs whose change a poll found and no event announced within the grace: polled as if unwatched from now on. */
    private void checkUnannounced(long now) {
        for (java.util.Iterator<Run> i = unannounced.iterator(); i.hasNext(); ) {
            Run run = i.next();
            if (now - run.unannouncedSince < EVENT_GRACE_NANOS) {
                break; // in the order found: the rest are younger
            }
            i.remove();
            run.unannouncedSince = 0;
            if (runs.get(run.id) == run && !run.eventsMissing) {
                log().log(System.Logger.Level.DEBUG, () -> "no change events for " + run.dir + ": polling it");
                run.eventsMissing = true;
                run.pollEvery = pollNanos;
                schedule(run, now + pollNanos);
            }
        }
    }

    /** Whether a run's changes are announced by events, so that polls are only a safety net. */
    private boolean watched(Run run) {
        return run.key != null && run.key.isValid() && !run.eventsMissing && !run.tailer.viaLink();
    }

    /** A log that is a link to a file elsewhere: writes there send no events for the run's folder. Polled. */
    private void pollIfLinked(Run run) {
        if (run.tailer.viaLink() && run.key != null && !run.eventsMissing) {
            run.eventsMissing = true;
            run.pollEvery = pollNanos;
            schedule(run, System.nanoTime() + pollNanos);
        }
    }

    private long longestPoll() {
        return Math.max(pollNanos, LONGEST_POLL_NANOS);
    }

    /**
     * A watched run's next safety poll: somewhere in the second half of its interval (runs found together are not
     * polled together), on a whole second, so that the thread wakes once a second for all that are due rather than
     * once for each of thousands of runs.
     */
    private void scheduleSafetyPoll(Run run, long now) {
        long interval = Math.max(run.pollEvery, WATCHED_POLL_NANOS);
        long at = now - origin + interval / 2 + jitter.nextLong(interval / 2 + 1);
        long tick = TimeUnit.SECONDS.toNanos(1);
        schedule(run, origin + (at + tick - 1) / tick * tick);
    }

    /** Puts the run's next poll at {@code at} (nanoTime); its earlier turn, if any, is dropped. */
    private void schedule(Run run, long at) {
        if (pollNanos == Long.MAX_VALUE) {
            return;
        }
        run.pollGeneration++;
        pollQueue.add(new Due(at - origin, run, run.pollGeneration));
    }

    /** After lost events: every folder and every log is looked at again. */
    private void rescan() {
        pendingNotices.add(new TailNotice(TailNotice.Kind.RESCAN, null, runsDir != null ? runsDir : singleFile,
                "change events were lost (the watch queue overflowed): every run was checked again"));
        attachQuietly();
        for (Run run : List.copyOf(runs.values())) {
            if (run.key == null || !run.key.isValid()) {
                register(run);
            }
            tail(run, true);
        }
    }

    // ---------------------------------------------------------------- folders and runs

    private void attachQuietly() {
        try {
            attach();
        } catch (ClosedWatchServiceException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            log().log(System.Logger.Level.DEBUG, "watching " + runsDir, e);
        }
    }

    private void scanQuietly() {
        try {
            scanRuns();
        } catch (IOException e) {
            log().log(System.Logger.Level.DEBUG, "listing " + runsDir, e);
        }
    }

    /**
     * Watches the runs folder and scans it, or, while it does not exist, watches its nearest existing ancestor
     * so its creation is seen. For a single file: watches its folder and follows it as the one run.
     */
    private void attach() throws IOException {
        if (runsDir == null) {
            if (runs.isEmpty()) {
                Path dir = singleFile.getParent();
                String id = dir.getFileName() == null ? singleFile.getFileName().toString() : dir.getFileName().toString();
                addRun(new Run(id, dir, singleFile.getFileName().toString(),
                        new RunTailer(id, singleFile, builder, opener, history(), options.indexCache())));
            }
            Run run = runs.values().iterator().next();
            if (run.key == null && watchService != null && Files.isDirectory(run.dir)) {
                register(run);
                dirty.add(run); // read again once watched: what came before the watch is seen
            }
            return;
        }
        for (int attempts = 0; attempts < 64; attempts++) {
            if (Files.isDirectory(runsDir)) {
                if (watching && watchService != null && (runsKey == null || !runsKey.isValid())) {
                    runsKey = watch(runsDir, FOLDER_EVENTS);
                }
                cancelAncestor();
                scanRuns();
                return;
            }
            if (runsKey != null) {
                runsKey.cancel();
                runsKey = null;
            }
            for (Run run : List.copyOf(runs.values())) {
                removeRun(run);
            }
            oddEntries.clear();
            Path ancestor = nearestExisting(runsDir.getParent());
            if (ancestor == null || !watching || watchService == null) {
                cancelAncestor();
                return;
            }
            if (!ancestor.equals(ancestorDir) || ancestorKey == null || !ancestorKey.isValid()) {
                cancelAncestor();
                try {
                    ancestorKey = watch(ancestor, FOLDER_EVENTS);
                    ancestorDir = ancestor;
                } catch (NoSuchFileException | NotDirectoryException e) {
                    continue; // gone meanwhile: look again
                }
            }
            // A deeper folder may have been made before the watch was in place: look again.
            if (ancestor.equals(nearestExisting(runsDir))) {
                return;
            }
        }
    }

    private static Path nearestExisting(Path dir) {
        Path p = dir;
        while (p != null && !Files.isDirectory(p)) {
            p = p.getParent();
        }
        return p;
    }

    private void cancelAncestor() {
        if (ancestorKey != null) {
            ancestorKey.cancel();
            ancestorKey = null;
            ancestorDir = null;
        }
    }

    /** Adds the runs that appeared and removes those that went, by listing the runs folder. */
    private void scanRuns() throws IOException {
        Set<String> present = new TreeSet<>();
        Map<String, Path> odd = new TreeMap<>();
        if (onlyRun != null) {
            Path entry = runsDir.resolve(onlyRun);
            if (Files.isDirectory(entry)) {
                present.add(onlyRun);
            } else if (FileKinds.exists(entry)) {
                odd.put(onlyRun, entry);
            }
        } else {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(runsDir)) {
                for (Path entry : entries) {
                    String id = String.valueOf(entry.getFileName());
                    if (Volume.isHidden(id)) {
                        continue;
                    }
                    // A folder once seen is not checked again on every poll: its removal shows in the listing.
                    if (runs.containsKey(id) || (RunIds.isValid(id) && Files.isDirectory(entry))) {
                        present.add(id);
                    } else if (!oddEntries.contains(id)) {
                        odd.put(id, entry);
                    } else {
                        odd.put(id, null); // reported already
                    }
                }
            } catch (NoSuchFileException | NotDirectoryException e) {
                needAttach = true;
                return;
            }
        }
        oddEntries.retainAll(odd.keySet());
        for (Map.Entry<String, Path> e : odd.entrySet()) {
            if (e.getValue() != null) {
                reportOdd(e.getKey(), e.getValue());
            }
        }
        for (Run run : List.copyOf(runs.values())) {
            if (!present.contains(run.id)) {
                removeRun(run);
            }
        }
        for (String id : present) {
            if (!runs.containsKey(id)) {
                addRun(id);
            }
        }
    }

    private void addIfRun(String id) {
        if (Volume.isHidden(id) || (onlyRun != null && !onlyRun.equals(id)) || runs.containsKey(id)) {
            return;
        }
        Path entry = runsDir.resolve(id);
        if (RunIds.isValid(id) && Files.isDirectory(entry)) {
            oddEntries.remove(id);
            addRun(id);
        } else if (FileKinds.exists(entry)) {
            reportOdd(id, entry);
        }
    }

    private void removeIfGone(String id) {
        Run run = runs.get(id);
        if (run != null && !Files.isDirectory(run.dir)) {
            removeRun(run);
        }
        if (oddEntries.contains(id) && !FileKinds.exists(runsDir.resolve(id))) {
            oddEntries.remove(id);
        }
    }

    /** An entry of the runs folder that is not a run: one notice while it stays. */
    private void reportOdd(String name, Path entry) {
        if (!oddEntries.add(name)) {
            return;
        }
        String what = RunIds.isValid(name) ? FileKinds.describe(entry)
                : "a name that cannot be a run id (" + describeInvalid(name) + ")";
        pendingNotices.add(new TailNotice(TailNotice.Kind.NOT_A_RUN, null, entry,
                name + " in the runs folder is " + what + ", not a run folder: ignored"));
    }

    private static String describeInvalid(String name) {
        try {
            RunIds.validate(name);
            return name;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    private void addRun(String id) {
        Path dir = runsDir.resolve(id);
        Run run = new Run(id, dir, Volume.EVENTS_FILE,
                new RunTailer(id, dir.resolve(Volume.EVENTS_FILE), builder, opener, history(), options.indexCache()));
        if (thread.isAlive()) {
            // Watch first, then read: whatever is written after the read shows up as an event.
            register(run);
            addRun(run);
        } else {
            // At the start, thousands of watches (with the JDK's service, each a round trip to its thread) would hold
            // up the first batch: the watcher thread registers them right after it and then reads each log once, so
            // nothing written meanwhile is missed. Until then the poll leaves them be, unless there is no watching.
            unwatched.add(run);
            addRun(run);
            if (watching) {
                schedule(run, System.nanoTime() + longestPoll());
            }
        }
    }

    /** Registers some of the runs found at the start, then reads each once: what came before its watch is seen. */
    private void watchSome() {
        for (int i = 0; i < WATCHES_PER_ROUND && !unwatched.isEmpty(); i++) {
            Run run = unwatched.removeFirst();
            if (runs.get(run.id) == run && run.key == null) {
                register(run);
                dirty.add(run);
            }
        }
    }

    /** What a run added now keeps: once following has begun, a new run's log is new from its first byte. */
    private FollowOptions.History history() {
        return options.history() == FollowOptions.History.STREAM_NEW && thread.isAlive()
                ? FollowOptions.History.STREAM : options.history();
    }

    private void addRun(Run run) {
        if (run.key == null) {
            run.pollEvery = pollNanos;
            schedule(run, System.nanoTime() + pollNanos);
        }
        runs.put(run.id, run);
        tailers.put(run.id, run.tailer);
        runIdsStale = true; // published once per round: copying per run would be quadratic
        pendingAdded.add(run.id);
        RunUpdate first = run.tailer.initial();
        pollIfLinked(run);
        pendingRuns.merge(run.id, first, RunUpdate::merge);
        noteRetry(run);
    }

    private void removeRun(Run run) {
        if (runs.get(run.id) != run) {
            return;
        }
        runs.remove(run.id);
        tailers.remove(run.id);
        runIdsStale = true; // published once per round: copying per run would be quadratic
        if (run.key != null) {
            runKeys.remove(run.key);
            deferred.remove(run.key);
            run.key.cancel();
            run.key = null;
        }
        run.tailer.close();
        unwatched.remove(run);
        dirty.remove(run);
        retrying.remove(run);
        unannounced.remove(run);
        run.pollGeneration++; // its turn in the poll queue is void
        pendingAdded.remove(run.id);
        pendingRuns.remove(run.id);
        if (known.contains(run.id)) {
            pendingRemoved.add(run.id);
        }
    }

    private void register(Run run) {
        if (!watching || watchService == null) {
            return;
        }
        try {
            WatchKey key = watch(run.dir, RUN_EVENTS);
            run.key = key;
            runKeys.put(key, run);
            if (!run.eventsMissing) {
                // Its events will say when it changes: looked at only now and then from here on.
                run.pollEvery = WATCHED_POLL_NANOS;
                scheduleSafetyPoll(run, System.nanoTime());
            }
        } catch (ClosedWatchServiceException e) {
            throw e;
        } catch (IOException e) {
            // Gone already, or out of watches (inotify's limit): the poll follows the run.
            log().log(System.Logger.Level.DEBUG, "cannot watch " + run.dir, e);
            run.pollEvery = pollNanos;
            schedule(run, System.nanoTime() + pollNanos);
        }
    }

    // ---------------------------------------------------------------- batches

    private void queue(RunUpdate update) {
        if (update != null && !update.isEmpty()) {
            pendingRuns.merge(update.runId(), update, RunUpdate::merge);
        }
    }

    private boolean hasPending() {
        return !pendingAdded.isEmpty() || !pendingRemoved.isEmpty() || !pendingRuns.isEmpty()
                || !pendingNotices.isEmpty();
    }

    private void publishRunIds() {
        if (runIdsStale) {
            runIdsStale = false;
            runIds = List.copyOf(runs.keySet());
        }
    }

    private void deliver() {
        publishRunIds();
        VolumeUpdate update = new VolumeUpdate(List.copyOf(pendingAdded), List.copyOf(pendingRemoved),
                List.copyOf(pendingRuns.values()), List.copyOf(pendingNotices));
        known.removeAll(pendingRemoved);
        known.addAll(pendingAdded);
        pendingAdded.clear();
        pendingRemoved.clear();
        pendingRuns.clear();
        pendingNotices.clear();
        lastDelivery = System.nanoTime();
        if (closed.get()) {
            return;
        }
        try {
            listener.onUpdate(update);
        } catch (RuntimeException e) {
            log().log(System.Logger.Level.WARNING, "a volume listener failed", e);
        }
        if (options.history() != FollowOptions.History.KEEP) {
            // The listener has what it needs: streaming tailers drop the rows, and go on where they stopped.
            for (RunUpdate delivered : update.runs()) {
                Run run = runs.get(delivered.runId());
                if (run != null) {
                    run.tailer.release();
                    if (run.tailer.behind()) {
                        dirty.add(run);
                    }
                }
            }
        }
    }
}
