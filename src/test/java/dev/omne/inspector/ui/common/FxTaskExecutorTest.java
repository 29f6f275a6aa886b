package dev.omne.inspector.ui.common;

import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window's executor: results and failures of any kind reach the FX thread; cancelled work never does. */
class FxTaskExecutorTest {
    private final FxTaskExecutor tasks = new FxTaskExecutor(1);

    @BeforeAll
    static void toolkit() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyStarted) {
            // another test started the toolkit first
        }
    }

    @AfterEach
    void close() {
        tasks.close();
    }

    @Test
    void anErrorInTheWorkReachesOnFailureOnTheFxThread() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        CompletableFuture<Boolean> onFxThread = new CompletableFuture<>();
        tasks.submit(() -> {
            throw new StackOverflowError("a hostile line");
        }, result -> failure.complete(null), e -> {
            onFxThread.complete(Platform.isFxApplicationThread());
            failure.complete(e);
        });
        assertInstanceOf(StackOverflowError.class, failure.get(10, TimeUnit.SECONDS));
        assertTrue(onFxThread.get(10, TimeUnit.SECONDS));
    }

    @Test
    void cancelledWorkIsNeitherRunNorHandedOver() throws Exception {
        CountDownLatch blocker = new CountDownLatch(1);
        CompletableFuture<String> first = new CompletableFuture<>();
        tasks.submit(() -> {
            blocker.await(10, TimeUnit.SECONDS); // the one thread is busy until the second is cancelled
            return "first";
        }, first::complete, first::completeExceptionally);
        boolean[] ran = new boolean[1];
        TaskExecutor.Task second = tasks.submit(() -> {
            ran[0] = true;
            return "second";
        }, r -> first.completeExceptionally(new AssertionError("handed over")), first::completeExceptionally);
        second.cancel();
        blocker.countDown();
        assertEquals("first", first.get(10, TimeUnit.SECONDS));
        // The second ran after the first on the same thread, if at all: a last task on the queue shows when.
        CompletableFuture<String> last = new CompletableFuture<>();
        tasks.submit(() -> "last", last::complete, last::completeExceptionally);
        assertEquals("last", last.get(10, TimeUnit.SECONDS));
        assertFalse(ran[0], "cancelled before it started: never run");
    }

    @Test
    void runningWorkSeesItsTaskCancelledAndStops() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Boolean> sawCancel = new CompletableFuture<>();
        CompletableFuture<String> handedOver = new CompletableFuture<>();
        TaskExecutor.Task task = tasks.submit(cancelled -> {
            started.countDown();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!cancelled.getAsBoolean() && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            sawCancel.complete(cancelled.getAsBoolean());
            throw new IllegalStateException("stopped");
        }, r -> handedOver.complete("result"), e -> handedOver.complete("failure"));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        assertFalse(task.isCancelled());
        task.cancel();
        assertTrue(task.isCancelled());
        assertTrue(sawCancel.get(10, TimeUnit.SECONDS), "the work saw the flag while it ran");
        CompletableFuture<String> last = new CompletableFuture<>();
        tasks.submit(() -> "last", last::complete, last::completeExceptionally);
        assertEquals("last", last.get(10, TimeUnit.SECONDS));
        // The last result went through the FX thread after the stopped work's would have.
        CompletableFuture<Boolean> drained = new CompletableFuture<>();
        Platform.runLater(() -> drained.complete(true));
        drained.get(10, TimeUnit.SECONDS);
        assertFalse(handedOver.isDone(), "neither its result nor its failure is handed over");
    }

    @Test
    void aDelayedActionRunsOnTheFxThreadAfterItsDelayUnlessCancelled() throws Exception {
        CompletableFuture<Long> ranAfter = new CompletableFuture<>();
        boolean[] cancelledRan = new boolean[1];
        long start = System.nanoTime();
        TaskExecutor.Task cancelled = tasks.runOnUiThreadAfter(java.time.Duration.ofMillis(50), () -> cancelledRan[0] = true);
        cancelled.cancel();
        tasks.runOnUiThreadAfter(java.time.Duration.ofMillis(200), () -> ranAfter.complete(
                Platform.isFxApplicationThread() ? System.nanoTime() - start : -1));
        long waited = ranAfter.get(10, TimeUnit.SECONDS);
        assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(190), "ran after " + waited / 1_000_000 + " ms");
        CompletableFuture<Boolean> later = new CompletableFuture<>();
        Platform.runLater(() -> later.complete(cancelledRan[0]));
        assertFalse(later.get(10, TimeUnit.SECONDS), "the cancelled action never ran");
    }
}
