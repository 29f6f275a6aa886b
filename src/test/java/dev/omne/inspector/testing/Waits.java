package dev.omne.inspector.testing;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Waiting in tests for what another thread or process brings about: a condition checked until it holds or a
 * deadline passes (Awaitility polls it), never a sleep standing in for it. Conditions on the JavaFX thread's state
 * wait through {@code FxWait} instead.
 */
public final class Waits {
    /** How often a condition on files or other processes is looked at. */
    private static final Duration POLL = Duration.ofMillis(5);

    private Waits() {
    }

    /** Waits until {@code condition} holds; fails naming {@code what}, with {@code seen} telling what was there. */
    public static void until(String what, Duration timeout, Callable<Boolean> condition, Supplier<String> seen) {
        try {
            Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(POLL).until(condition);
        } catch (ConditionTimeoutException e) {
            fail("timed out after " + timeout + " waiting for " + what + "; seen: " + seen.get());
        }
    }

    public static void until(String what, Duration timeout, Callable<Boolean> condition) {
        until(what, timeout, condition, () -> "(nothing more to say)");
    }

    /** Waits until {@code marker} exists; fails at once if {@code owner} exits without making it. */
    public static void forFile(Path marker, Process owner, Duration timeout) {
        until(marker + " from " + owner.info().command().orElse("its process"), timeout, () -> {
            if (Files.exists(marker)) {
                return true;
            }
            if (!owner.isAlive()) {
                fail("the process exited (code " + owner.exitValue() + ") before making " + marker);
            }
            return false;
        });
    }

    /** Waits until {@code file} holds {@code text}; fails at once, with what it holds, if {@code owner} exits. */
    public static void forText(Path file, Process owner, String text, Duration timeout) {
        until("'" + text + "' in " + file, timeout, () -> {
            if (read(file).contains(text)) {
                return true;
            }
            if (!owner.isAlive()) {
                fail("the process exited (" + owner.exitValue() + "): " + read(file));
            }
            return false;
        }, () -> read(file));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "(no " + file + ")";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
