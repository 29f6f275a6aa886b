package dev.omne.inspector.tail;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something a person following a log should know that is not an event or a diagnostic: the file was cut
 * back, replaced, deleted or recreated, a line was too long to read, a read was refused and is being
 * retried, or the folder had to be rescanned.
 *
 * @param kind    what happened
 * @param runId   the run it concerns, or null for the whole volume ({@link Kind#RESCAN})
 * @param file    the events file (or, for {@link Kind#RESCAN}, the runs folder)
 * @param message one line for a person
 */
public record TailNotice(Kind kind, String runId, Path file, String message) {
    public enum Kind {
        /** The file shrank below what was read, or its first bytes changed: read again from byte 0. */
        TRUNCATED,
        /** Another file now has the name (written elsewhere and renamed over): read again from byte 0. */
        REPLACED,
        /** The file was deleted: what was read is kept, and the file is picked up again if it comes back. */
        DELETED,
        /** A deleted file is back: read again from byte 0. */
        RECREATED,
        /** A line over the 16 MiB limit was skipped to its newline; an error diagnostic names it. */
        LINE_TOO_LONG,
        /** A read was refused (on Windows: a writer's mandatory lock); it is retried shortly, without end. */
        READ_RETRY,
        /** Change events were lost (the watch queue overflowed): every run was checked again. */
        RESCAN
    }

    public TailNotice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** {@code KIND RUN: message}, for a log line. */
    public String format() {
        return kind + (runId == null ? "" : " " + runId) + ": " + message;
    }
}
