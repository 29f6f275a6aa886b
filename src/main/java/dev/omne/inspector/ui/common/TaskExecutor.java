package dev.omne.inspector.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where ViewModels run work: slow work on a background thread, its result back on the UI thread. The JavaFX
 * implementation is {@link FxTaskExecutor}; {@link SameThreadTaskExecutor} runs everything at once, so ViewModel
 * tests need no toolkit. A failure of any kind ({@link Error}s included) reaches {@code onFailure}, so that nothing
 * waits for a result forever. The application creates its executors and closes them; ViewModels only submit.
 */
public interface TaskExecutor {
    /**
     * Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the UI thread, unless the
     * returned task was cancelled first (then neither runs, and work not yet started never starts).
     */
    <T> Task submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Runs an action on the UI thread, later (or now, for the same-thread implementation). */
    void runOnUiThread(Runnable action);

    /**
     * Runs an action on the UI thread once {@code delay} has passed (the same-thread implementation runs it now),
     * unless the returned task was cancelled first: for pacing work that would otherwise repeat on every change.
     */
    Task runOnUiThreadAfter(java.time.Duration delay, Runnable action);

    /** Stops the background threads: work not started never runs, and no result is handed over after this. */
    void shutdown();

    /** Submitted work, as its submitter sees it. */
    interface Task {
        /** A task that is already over. */
        Task DONE = () -> { };

        /** Its result is no longer wanted: it is never handed over, and the work is skipped if it has not started. */
        void cancel();
    }
}
