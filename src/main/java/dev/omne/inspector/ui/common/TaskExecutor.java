package dev.omne.inspector.ui.common;

import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Where ViewModels run work: slow work on a background thread, its result back on the UI thread. The JavaFX
 * implementation is {@link FxTaskExecutor}; {@link SameThreadTaskExecutor} runs everything at once, so ViewModel
 * tests need no toolkit. A failure of any kind ({@link Error}s included) reaches {@code onFailure}, so that nothing
 * waits for a result forever. The application creates its executors and closes them; ViewModels only submit.
 */
public interface TaskExecutor {
    /** Work that checks, as it goes, whether its result is still wanted, and stops early when it is not. */
    @FunctionalInterface
    interface CancellableWork<T> {
        /**
         * @param cancelled turns true once the task is cancelled; long work polls it and then stops by throwing
         *                  (its failure is not handed over either)
         */
        T call(BooleanSupplier cancelled) throws Exception;
    }

    /**
     * Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the UI thread, unless the
     * returned task was cancelled first (then neither runs, and work not yet started never starts).
     */
    <T> Task submit(CancellableWork<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** {@link #submit(CancellableWork, Consumer, Consumer)} for work that runs to its end once started. */
    default <T> Task submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        return submit(cancelled -> work.call(), onSuccess, onFailure);
    }

    /**
     * What every executor does once it is the work's turn: runs {@code work} as {@code task}, unless the task was
     * cancelled before it started, and passes the callback for its result or its failure (of any kind) to
     * {@code handOver}, which runs it on the UI thread.
     */
    static <T> void runAs(Task task, CancellableWork<T> work, Consumer<Runnable> handOver,
                          Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        if (task.isCancelled()) {
            return;
        }
        T result;
        try {
            result = work.call(task::isCancelled);
        } catch (Throwable e) {
            // Errors too (out of memory, a stack overflow on a hostile line): whoever waits must hear of it.
            handOver.accept(() -> onFailure.accept(e));
            return;
        }
        handOver.accept(() -> onSuccess.accept(result));
    }

    /** Runs an action on the UI thread, later (or now, for the same-thread implementation). */
    void runOnUiThread(Runnable action);

    /**
     * Runs an action on the UI thread once {@code delay} has passed (the same-thread implementation runs it now),
     * unless the returned task was cancelled first: for pacing work that would otherwise repeat on every change.
     */
    Task runOnUiThreadAfter(java.time.Duration delay, Runnable action);

    /** Stops the background threads: work not started never runs, and no result is handed over after this. */
    void shutdown();

    /** Submitted work, as its submitter and the work itself see it. */
    interface Task {
        /** A task that is already over: cancelling it does nothing. */
        Task DONE = new Task() {
            @Override
            public void cancel() {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };

        /** Its result is no longer wanted: it is never handed over, and the work is skipped if it has not started. */
        void cancel();

        /** Whether {@link #cancel()} was called; what running work polls. */
        boolean isCancelled();

        /** A task cancelled by a flag, for executors. */
        static Task flag() {
            return new Task() {
                private volatile boolean cancelled;

                @Override
                public void cancel() {
                    cancelled = true;
                }

                @Override
                public boolean isCancelled() {
                    return cancelled;
                }
            };
        }
    }
}
