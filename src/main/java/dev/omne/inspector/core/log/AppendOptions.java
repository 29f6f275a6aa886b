package dev.omne.inspector.core.log;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an append may wait for the cross-process lock, and how often it retries meanwhile.
 *
 * @param lockBudget total time an append may wait for the lock (zero means: try once)
 * @param lockPoll   pause between two attempts to take the lock
 */
public record AppendOptions(Duration lockBudget, Duration lockPoll) {

    /** The omne runner's own values: poll every 25 ms within a 5 s budget. */
    public static final AppendOptions DEFAULT = new AppendOptions(Duration.ofSeconds(5), Duration.ofMillis(25));

    public AppendOptions {
        Objects.requireNonNull(lockBudget, "lockBudget");
        Objects.requireNonNull(lockPoll, "lockPoll");
        if (lockBudget.isNegative()) {
            throw new IllegalArgumentException("lockBudget must not be negative: " + lockBudget);
        }
        if (lockPoll.isNegative() || lockPoll.isZero()) {
            throw new IllegalArgumentException("lockPoll must be positive: " + lockPoll);
        }
    }
}
