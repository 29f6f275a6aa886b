package dev.omne.inspector.ui.inject;

import dev.omne.inspector.core.log.AppendOptions;
import dev.omne.inspector.core.log.EventLog;
import dev.omne.inspector.core.log.LockTimeoutException;
import dev.omne.inspector.core.volume.Volume;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Appends an event line to a run for the Inject dialog, through {@link EventLog#append} (the locked path the
 * {@code inject} command and the omne runner use), and says why a run cannot be written. Blocking file work:
 * callers run it on a background thread.
 */
public interface EventAppender {
    /** How long after the start an append reports that it is waiting for another writer's lock. */
    Duration WAITING_AFTER = Duration.ofMillis(200);

    /** Why the run cannot be appended to (missing, a link, read-only, not a regular file…), or empty. */
    Optional<String> whyNotWritable(Volume volume, String runId);

    /**
     * Appends {@code line} to the run's {@code events.jsonl}; calls {@code waiting} (from this thread) once the
     * lock has been busy for {@link #WAITING_AFTER}.
     *
     * @throws LockTimeoutException when another writer held the lock for the whole budget: nothing was written
     */
    void append(Volume volume, String runId, String line, Runnable waiting) throws IOException;

    /** How often a wait for the lock looks whether it was stopped. */
    Duration STOP_CHECK = Duration.ofMillis(100);

    /**
     * {@link #append(Volume, String, String, Runnable)} that stops waiting for the lock once {@code stopped} says so,
     * with a {@link java.util.concurrent.CancellationException}: nothing was written.
     */
    default void append(Volume volume, String runId, String line, Runnable waiting, BooleanSupplier stopped)
            throws IOException {
        append(volume, runId, line, waiting);
    }

    /** The longest wait for another writer's lock. */
    Duration lockBudget();

    /** The real appender, waiting at most {@code options.lockBudget()} for the lock. */
    static EventAppender locked(AppendOptions options) {
        return new EventAppender() {
            @Override
            public Optional<String> whyNotWritable(Volume volume, String runId) {
                return volume.whyNotWritable(runId);
            }

            @Override
            public void append(Volume volume, String runId, String line, Runnable waiting) throws IOException {
                append(volume, runId, line, waiting, () -> false);
            }

            @Override
            public void append(Volume volume, String runId, String line, Runnable waiting, BooleanSupplier stopped)
                    throws IOException {
                Optional<String> refusal = volume.whyNotWritable(runId);
                if (refusal.isPresent()) {
                    throw new IOException(refusal.get());
                }
                Duration budget = options.lockBudget();
                Duration first = budget.compareTo(WAITING_AFTER) < 0 ? budget : WAITING_AFTER;
                try {
                    // A first attempt within a short budget: a lock timeout writes nothing, so trying again is safe.
                    EventLog.append(volume.runLog(runId), line, new AppendOptions(first, options.lockPoll()));
                    return;
                } catch (LockTimeoutException busy) {
                    if (first.equals(budget)) {
                        throw new LockTimeoutException(busy.file(), budget, "another process is writing");
                    }
                }
                waiting.run();
                // The rest of the budget in short attempts, so that a stop is heard between two of them.
                Duration left = budget.minus(first);
                LockTimeoutException last = null;
                while (left.isPositive()) {
                    if (stopped.getAsBoolean()) {
                        throw new java.util.concurrent.CancellationException("stopped waiting for the lock: nothing was written");
                    }
                    Duration slice = left.compareTo(STOP_CHECK) < 0 ? left : STOP_CHECK;
                    try {
                        EventLog.append(volume.runLog(runId), line, new AppendOptions(slice, options.lockPoll()));
                        return;
                    } catch (LockTimeoutException busy) {
                        last = busy;
                        left = left.minus(slice);
                    }
                }
                throw new LockTimeoutException(last == null ? volume.eventsFile(runId) : last.file(), budget,
                        "another process is writing");
            }

            @Override
            public Duration lockBudget() {
                return options.lockBudget();
            }
        };
    }
}
