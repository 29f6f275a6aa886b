package dev.omne.inspector;

import dev.omne.inspector.cli.Cli;
import javafx.application.Platform;
import javafx.stage.Window;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Ends the JavaFX application a moment after its first window is shown (for {@link StartupTraining}). */
final class WindowCloser {
    private static final long SETTLE_MS = 2_000;
    private static final long GIVE_UP_MS = 120_000;

    private WindowCloser() {
    }

    /** Starts a daemon thread that waits for a showing window, lets it render and load, then exits the toolkit. */
    static void closeSoonAfterShown() {
        Thread.ofPlatform().daemon().name("training-window-closer").start(() -> {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GIVE_UP_MS);
            AtomicBoolean shown = new AtomicBoolean();
            while (!shown.get()) {
                if (System.nanoTime() > deadline) {
                    System.err.println("training: no window was shown within " + GIVE_UP_MS / 1000 + " s");
                    System.exit(Cli.USAGE_OR_IO);
                }
                sleep(50);
                try {
                    Platform.runLater(() -> shown.set(Window.getWindows().stream().anyMatch(Window::isShowing)));
                } catch (IllegalStateException toolkitNotStartedYet) {
                    // Application.launch has not started the toolkit yet
                }
            }
            sleep(SETTLE_MS);
            Platform.exit();
        });
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
