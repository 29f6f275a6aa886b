package dev.omne.inspector.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where ViewModels run work: slow work on a background thread, its result back on the UI thread. The
 * JavaFX implementation is {@link FxTaskExecutor}; {@link SameThreadTaskExecutor} runs everything at once,
 * so ViewModel tests need no toolkit.
 */
public interface TaskExecutor {
    /** Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the UI thread. */
    <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /** Runs an action on the UI thread, later (or now, for the same-thread implementation). */
    void runOnUiThread(Runnable action);

    /** Stops the background threads. */
    void shutdown();
}
