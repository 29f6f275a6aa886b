package dev.omne.inspector.tail;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something a person following a log should know that is not an event or a diagnostic: the file was cut
 * back, replaced, deleted or recreated, a line was too long to read, a read was refused and is being
 * retried, the log cannot be read at all, the runs folder holds something that is not a run, or the folder had to
 * be rescanned.
 *
 * @param kind    what happened
 * @param runId   the run it concerns, or null for the whole volume ({@link Kind#RESCAN}, {@link Kind#NOT_A_RUN})
 * @param file    the events file (for {@link Kind#RESCAN} the runs folder, for {@link Kind#NOT_A_RUN} the entry)
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
        /** A read was refused (on Windows: a writer's mandatory lock); it is retried shortly, without end. */
        READ_RETRY,
        /**
         * The log cannot be read and waiting a moment will not help: it is a folder, a FIFO or another non-file, a
         * link that leads nowhere or to itself, or permission is denied. Reported once per cause; what was read is
         * kept, and the log is looked at again on every poll and change event.
         */
        UNREADABLE,
        /**
         * An entry of the runs folder that is not a run folder (a file, a FIFO, a link that leads nowhere, a name
         * that cannot be a run id): ignored, reported once while it is there. Hidden (dot) entries are not reported.
         */
        NOT_A_RUN,
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
