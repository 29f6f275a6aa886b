package dev.omne.inspector.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * One slot of background work where only the latest submission counts: a newer submission makes the one before it
 * stale, so a result that arrives after a newer request (another run selected, another line clicked, another
 * folder opened) is never applied. Replaces counting requests by hand. Used on the UI thread only.
 */
public final class LatestResult {
    private final TaskExecutor tasks;
    private TaskExecutor.Task current = TaskExecutor.Task.DONE;
    private Object latest = new Object();

    public LatestResult(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    /** Submits {@code work} (see {@link TaskExecutor#submit}); the work before it is cancelled. */
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        submit(cancelled -> work.call(), onSuccess, onFailure);
    }

    /**
     * Submits work that polls whether it is still wanted: a newer submission, or {@link #cancel()}, stops it where
     * it polls, besides dropping its result.
     */
    public <T> void submit(TaskExecutor.CancellableWork<T> work, Consumer<? super T> onSuccess,
                           Consumer<? super Throwable> onFailure) {
        current.cancel();
        Object mine = newest();
        current = tasks.submit(work, result -> {
            if (mine == latest) {
                onSuccess.accept(result);
            }
        }, e -> {
            if (mine == latest) {
                onFailure.accept(e);
            }
        });
    }

    /**
     * Submits work whose result holds something to release (a session, a demo volume): a result that turns out
     * stale goes to {@code onStale} instead of being dropped (such work, once submitted, always runs to its end).
     */
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure,
                           Consumer<? super T> onStale) {
        current.cancel();
        Object mine = newest();
        // Not kept as current: cancelling it could drop a result that must still be released.
        current = TaskExecutor.Task.DONE;
        tasks.submit(work, result -> {
            if (mine == latest) {
                onSuccess.accept(result);
            } else {
                onStale.accept(result);
            }
        }, e -> {
            if (mine == latest) {
                onFailure.accept(e);
            }
        });
    }

    /** Whatever was submitted last is stale now. */
    public void cancel() {
        current.cancel();
        current = TaskExecutor.Task.DONE;
        newest();
    }

    private Object newest() {
        latest = new Object();
        return latest;
    }
}
