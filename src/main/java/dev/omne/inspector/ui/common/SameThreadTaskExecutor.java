package dev.omne.inspector.ui.common;

import java.util.function.Consumer;

/** Runs work and its continuation at once, on the calling thread: for ViewModel tests without a toolkit. */
public final class SameThreadTaskExecutor implements TaskExecutor {
    @Override
    public <T> Task submit(CancellableWork<T> work, Consumer<? super T> onSuccess,
                           Consumer<? super Throwable> onFailure) {
        Task task = Task.flag();
        TaskExecutor.runAs(task, work, Runnable::run, onSuccess, onFailure);
        return task;
    }

    @Override
    public void runOnUiThread(Runnable action) {
        action.run();
    }

    @Override
    public Task runOnUiThreadAfter(java.time.Duration delay, Runnable action) {
        action.run();
        return Task.DONE;
    }

    @Override
    public void shutdown() {
    }
}
