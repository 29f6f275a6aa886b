package dev.omne.inspector.tail;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link VolumeWatcher} follows a volume.
 *
 * @param pollInterval  how often the cheap size/identity poll backs up the WatchService (zero or negative: never;
 *                      then only the WatchService wakes the watcher)
 * @param batchInterval at least this long between two batches to the listener, so a fast writer cannot flood it
 * @param onlyRun       follow this one run (it may not exist yet), or null for every run of the volume
 */
public record FollowOptions(Duration pollInterval, Duration batchInterval, String onlyRun) {
    public static final FollowOptions DEFAULT = new FollowOptions(Duration.ofMillis(250), Duration.ofMillis(16), null);

    public FollowOptions {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(batchInterval, "batchInterval");
        if (batchInterval.isNegative()) {
            throw new IllegalArgumentException("batchInterval must not be negative");
        }
    }

    public FollowOptions withPollInterval(Duration interval) {
        return new FollowOptions(interval, batchInterval, onlyRun);
    }

    public FollowOptions withBatchInterval(Duration interval) {
        return new FollowOptions(pollInterval, interval, onlyRun);
    }

    public FollowOptions withOnlyRun(String runId) {
        return new FollowOptions(pollInterval, batchInterval, runId);
    }

    boolean polls() {
        return !pollInterval.isZero() && !pollInterval.isNegative();
    }
}
