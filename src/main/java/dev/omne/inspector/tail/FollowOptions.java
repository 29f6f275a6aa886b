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
 * @param indexCache    where a log's index is looked for before it is read whole, and kept (by default nowhere)
 */
public record FollowOptions(Duration pollInterval, Duration batchInterval, String onlyRun, IndexCache indexCache) {
    public static final FollowOptions DEFAULT = new FollowOptions(Duration.ofMillis(250), Duration.ofMillis(16), null);

    public FollowOptions {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(batchInterval, "batchInterval");
        Objects.requireNonNull(indexCache, "indexCache");
        if (batchInterval.isNegative()) {
            throw new IllegalArgumentException("batchInterval must not be negative");
        }
    }

    /** Without an index cache. */
    public FollowOptions(Duration pollInterval, Duration batchInterval, String onlyRun) {
        this(pollInterval, batchInterval, onlyRun, IndexCache.OFF);
    }

    public FollowOptions withPollInterval(Duration interval) {
        return new FollowOptions(interval, batchInterval, onlyRun, indexCache);
    }

    public FollowOptions withBatchInterval(Duration interval) {
        return new FollowOptions(pollInterval, interval, onlyRun, indexCache);
    }

    public FollowOptions withOnlyRun(String runId) {
        return new FollowOptions(pollInterval, batchInterval, runId, indexCache);
    }

    public FollowOptions withIndexCache(IndexCache cache) {
        return new FollowOptions(pollInterval, batchInterval, onlyRun, cache);
    }

    boolean polls() {
        return !pollInterval.isZero() && !pollInterval.isNegative();
    }
}
