package dev.omne.inspector.ui.common;

import javafx.application.Platform;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Background work on a few named daemon threads; results handed to the JavaFX thread. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {
    private final ExecutorService pool;
    private volatile boolean shutDown;

    public FxTaskExecutor(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("omne-ui-worker"));
    }

    @Override
    public <T> Task submit(CancellableWork<T> work, Consumer<? super T> onSuccess,
                           Consumer<? super Throwable> onFailure) {
        Task task = Task.flag();
        try {
            pool.execute(() -> TaskExecutor.runAs(task, work, callback -> handOver(task, callback), onSuccess, onFailure));
        } catch (RejectedExecutionException e) {
            // shut down: the window is closing, nothing is waiting for the result
            return Task.DONE;
        }
        return task;
    }

    private void handOver(Task task, Runnable callback) {
        Platform.runLater(() -> {
            if (!task.isCancelled() && !shutDown) {
                callback.run();
            }
        });
    }

    @Override
    public void runOnUiThread(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public Task runOnUiThreadAfter(java.time.Duration delay, Runnable action) {
        Task task = Task.flag();
        Platform.runLater(() -> {
            // An animation of the UI thread's own clock: no thread waits for the delay to pass.
            javafx.animation.PauseTransition pause = new javafx.animation.PauseTransition(
                    javafx.util.Duration.millis(Math.max(1, delay.toMillis())));
            pause.setOnFinished(e -> {
                if (!task.isCancelled() && !shutDown) {
                    action.run();
                }
            });
            pause.play();
        });
        return task;
    }

    @Override
    public void shutdown() {
        shutDown = true;
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        shutdown();
    }
}
