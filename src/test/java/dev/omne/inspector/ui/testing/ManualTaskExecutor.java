package dev.omne.inspector.ui.testing;

import dev.omne.inspector.ui.common.TaskExecutor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Queues everything until the test runs it, so a test can look at the state in between. */
public final class ManualTaskExecutor implements TaskExecutor {
    private final Deque<Runnable> queue = new ArrayDeque<>();

    @Override
    public <T> Task submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        boolean[] cancelled = new boolean[1];
        queue.add(() -> {
            if (cancelled[0]) {
                return;
            }
            T result;
            try {
                result = work.call();
            } catch (Throwable e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        });
        return () -> cancelled[0] = true;
    }

    @Override
    public void runOnUiThread(Runnable action) {
        queue.add(action);
    }

    /** Queued like the rest: the delay is the test's to decide (it runs when the test runs the queue). */
    @Override
    public Task runOnUiThreadAfter(java.time.Duration delay, Runnable action) {
        boolean[] cancelled = new boolean[1];
        queue.add(() -> {
            if (!cancelled[0]) {
                action.run();
            }
        });
        return () -> cancelled[0] = true;
    }

    @Override
    public void shutdown() {
    }

    /** Runs what is queued, and what that queues, until nothing is left. */
    public int runAll() {
        int n = 0;
        while (!queue.isEmpty()) {
            queue.poll().run();
            n++;
        }
        return n;
    }

    public int pending() {
        return queue.size();
    }
}
