package dev.omne.inspector.ui.testing;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Waiting on the JavaFX thread's state from a test: conditions with a deadline, never a sleep. */
public final class FxWait {
    private FxWait() {
    }

    /** Waits up to 10 s until {@code condition}, read on the FX thread, holds; fails naming {@code what}. */
    public static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        waitUntil(what, 10, condition);
    }

    /** Waits up to {@code seconds} (long work: a million rows, a cold start) until {@code condition} holds. */
    public static void waitUntil(String what, int seconds, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting until " + what, e);
        }
    }

    /** Reads something on the FX thread. */
    public static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }
}
