package dev.omne.inspector.tail;

import dev.omne.inspector.core.index.IndexCache;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link VolumeWatcher} follows a volume.
 *
 * @param pollInterval  how often the cheap size/identity poll backs up the WatchService (zero or negative: never;
 *                      then only the WatchService wakes the watcher)
 * @param batchInterval at least this long between two batches to the listener, so a fast writer cannot flood it
 * @param onlyRun       follow this one run (it may not exist yet), or null for every run of the volume
 * @param history       what each run keeps of what was read (see {@link History})
 * @param indexCache    where a log's index is looked for before it is read whole, and kept (by default nowhere)
 */
public record FollowOptions(Duration pollInterval, Duration batchInterval, String onlyRun, History history,
        IndexCache indexCache) {
    public static final FollowOptions DEFAULT = new FollowOptions(Duration.ofMillis(250), Duration.ofMillis(16), null,
            History.KEEP, IndexCache.OFF);

    /** How long a run that does not change may go between two polls: its interval doubles up to this. */
    public static final Duration LONGEST_POLL = Duration.ofSeconds(4);

    /**
     * How often a run whose folder is watched (its change events arrive) is polled anyway, at first: a safety net,
     * which also finds a run whose events do not come (a network file system written from another machine, a log that
     * is a link to a file elsewhere); such a run is then polled as if unwatched. It doubles while the run does not
     * change, up to {@link #LONGEST_WATCHED_POLL}.
     */
    public static final Duration WATCHED_POLL = Duration.ofSeconds(30);

    /** The longest a watched run goes between two safety polls. */
    public static final Duration LONGEST_WATCHED_POLL = Duration.ofMinutes(5);

    /** What a followed run keeps of what was read. */
    public enum History {
        /** Its index keeps every row (the window shows and filters them). */
        KEEP,
        /** Rows are handed on once and dropped: memory grows with the number of runs, not of events. */
        STREAM,
        /**
         * As {@link #STREAM}, and what a log holds when following starts is not read as rows, only counted (its
         * lines) and fingerprinted: {@code follow} without {@code --from-start}.
         */
        STREAM_NEW
    }

    public FollowOptions {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(batchInterval, "batchInterval");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(indexCache, "indexCache");
        if (batchInterval.isNegative()) {
            throw new IllegalArgumentException("batchInterval must not be negative");
        }
    }

    public FollowOptions withPollInterval(Duration interval) {
        return new FollowOptions(interval, batchInterval, onlyRun, history, indexCache);
    }

    public FollowOptions withBatchInterval(Duration interval) {
        return new FollowOptions(pollInterval, interval, onlyRun, history, indexCache);
    }

    public FollowOptions withOnlyRun(String runId) {
        return new FollowOptions(pollInterval, batchInterval, runId, history, indexCache);
    }

    public FollowOptions withHistory(History kept) {
        return new FollowOptions(pollInterval, batchInterval, onlyRun, kept, indexCache);
    }

    public FollowOptions withIndexCache(IndexCache cache) {
        return new FollowOptions(pollInterval, batchInterval, onlyRun, history, cache);
    }

    boolean polls() {
        return !pollInterval.isZero() && !pollInterval.isNegative();
    }
}
