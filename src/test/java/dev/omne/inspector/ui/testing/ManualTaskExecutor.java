package dev.omne.inspector.ui.testing;

import dev.omne.inspector.ui.common.TaskExecutor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/** Queues everything until the test runs it, so a test can look at the state in between. */
public final class ManualTaskExecutor implements TaskExecutor {
    private final Deque<Runnable> queue = new ArrayDeque<>();

    @Override
    public <T> Task submit(CancellableWork<T> work, Consumer<? super T> onSuccess,
                           Consumer<? super Throwable> onFailure) {
        Task task = Task.flag();
        queue.add(() -> TaskExecutor.runAs(task, work, Runnable::run, onSuccess, onFailure));
        return task;
    }

    @Override
    public void runOnUiThread(Runnable action) {
        queue.add(action);
    }

    /** Queued like the rest: the delay is the test's to decide (it runs when the test runs the queue). */
    @Override
    public Task runOnUiThreadAfter(java.time.Duration delay, Runnable action) {
        Task task = Task.flag();
        queue.add(() -> {
            if (!task.isCancelled()) {
                action.run();
            }
        });
        return task;
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
