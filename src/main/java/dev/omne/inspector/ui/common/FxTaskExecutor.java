package dev.omne.inspector.ui.common;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** Background work on a few named daemon threads; results handed to the JavaFX thread. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {
    private final ExecutorService pool;
    private volatile boolean shutDown;

    public FxTaskExecutor(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("omne-ui-worker"));
    }

    @Override
    public <T> Task submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        try {
            pool.execute(() -> {
                if (cancelled.get()) {
                    return;
                }
                T result;
                try {
                    result = work.call();
                } catch (Throwable e) {
                    // Errors too (out of memory, a stack overflow on a hostile line): whoever waits must hear of it.
                    handOver(cancelled, () -> onFailure.accept(e));
                    return;
                }
                handOver(cancelled, () -> onSuccess.accept(result));
            });
        } catch (RejectedExecutionException e) {
            // shut down: the window is closing, nothing is waiting for the result
            return Task.DONE;
        }
        return () -> cancelled.set(true);
    }

    private void handOver(AtomicBoolean cancelled, Runnable callback) {
        Platform.runLater(() -> {
            if (!cancelled.get() && !shutDown) {
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
        AtomicBoolean cancelled = new AtomicBoolean();
        Platform.runLater(() -> {
            // An animation of the UI thread's own clock: no thread waits for the delay to pass.
            javafx.animation.PauseTransition pause = new javafx.animation.PauseTransition(
                    javafx.util.Duration.millis(Math.max(1, delay.toMillis())));
            pause.setOnFinished(e -> {
                if (!cancelled.get() && !shutDown) {
                    action.run();
                }
            });
            pause.play();
        });
        return () -> cancelled.set(true);
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
