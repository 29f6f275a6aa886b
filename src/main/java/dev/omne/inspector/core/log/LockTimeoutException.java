package dev.omne.inspector.core.log;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;

/** An append gave up waiting for the lock on an events file; nothing was written. */
public final class LockTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;

    // Path is not Serializable; the message keeps the file name anyway.
    private final transient Path file;
    private final Duration budget;

    public LockTimeoutException(Path file, Duration budget, String holder) {
        super("timed out after " + describe(budget) + " waiting for the lock on " + file
                + " (" + holder + "); nothing was written");
        this.file = file;
        this.budget = budget;
    }

    /** The events file that could not be locked (null after deserialization). */
    public Path file() {
        return file;
    }

    /** The lock budget that ran out. */
    public Duration budget() {
        return budget;
    }

    /** "5s", "300ms", "1.5s": short enough for a status line. */
    static String describe(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        if (ms < 1000) {
            return ms + "ms";
        }
        return BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString() + "s";
    }
}
