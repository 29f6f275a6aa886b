package dev.omne.inspector.core.log;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends events to a run's {@code events.jsonl} the way the omne runner does: append + create,
 * serialized within this process, under an advisory exclusive lock on the file itself, one line
 * per write call. See "Appending (the locked path)" in the event log format.
 */
public final class EventLog {

    /** The raw write, replaceable so a test can make it fail halfway. */
    @FunctionalInterface
    interface RawWriter {
        int write(LockableFile file, byte[] bytes, int offset, int length) throws IOException;
    }

    /** Work done while this process holds the lock on an events file. */
    @FunctionalInterface
    interface LockedAction {
        void run(LockableFile file) throws IOException;
    }

    static final RawWriter DIRECT = LockableFile::write;

    private static final FileLocker LOCKER = FileLocker.forThisOs();

    // One mutex per real path, kept for the life of the JVM: a process appends to few files.
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private EventLog() {
    }

    /** Appends one JSON line with {@link AppendOptions#DEFAULT}. */
    public static void append(Path eventsFile, String line) throws IOException {
        append(eventsFile, line, AppendOptions.DEFAULT);
    }

    /**
     * Appends {@code line} plus a newline to {@code eventsFile}, creating the file and its parent
     * folders if needed. Either the whole line is written or the file is left as it was.
     *
     * @param line one JSON object, without the trailing newline
     * @throws IllegalArgumentException if {@code line} contains a line break
     * @throws LockTimeoutException     if the lock stayed busy for the whole budget; nothing was written
     * @throws IOException              if the file cannot be opened, locked or written
     */
    public static void append(Path eventsFile, String line, AppendOptions options) throws IOException {
        append(eventsFile, line, options, LOCKER, DIRECT);
    }

    static void append(Path eventsFile, String line, AppendOptions options, FileLocker locker, RawWriter writer)
            throws IOException {
        Objects.requireNonNull(eventsFile, "eventsFile");
        byte[] bytes = lineBytes(line, options);
        createParents(eventsFile);
        withLock(eventsFile, options, () -> locker.open(eventsFile), file -> writeWhole(eventsFile, file, bytes, writer));
    }

    /**
     * Appends {@code line} plus a newline to a run's log, opened so that the write cannot leave the runs folder
     * (see {@link RunLogPath}): the run folder must exist, the log is created if absent. Either the whole line is
     * written or the file is left as it was; a log this append created is removed again if the write fails.
     *
     * @throws LockTimeoutException if the lock stayed busy for the whole budget; nothing was written
     * @throws IOException          if the log is reached through a link, is no regular file with one link on the
     *                              runs folder's device, or cannot be opened, locked or written
     */
    public static void append(RunLogPath log, String line, AppendOptions options) throws IOException {
        append(log, line, options, LOCKER, DIRECT);
    }

    static void append(RunLogPath log, String line, AppendOptions options, FileLocker locker, RawWriter writer)
            throws IOException {
        Objects.requireNonNull(log, "log");
        byte[] bytes = lineBytes(line, options);
        Path eventsFile = log.file();
        withLock(eventsFile, options, () -> locker.open(log), file -> {
            try {
                writeWhole(eventsFile, file, bytes, writer);
            } catch (Throwable failure) {
                if (file.created()) {
                    try {
                        file.removeCreated();
                    } catch (IOException e) {
                        failure.addSuppressed(e);
                    }
                }
                throw failure;
            }
        });
    }

    private static byte[] lineBytes(String line, AppendOptions options) {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(options, "options");
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an event line must not contain a line break (\\n or \\r)");
        }
        return (line + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Opens the file to lock. */
    @FunctionalInterface
    private interface Opener {
        LockableFile open() throws IOException;
    }

    /** Runs {@code action} while holding both this process's mutex and the OS lock on the file. */
    static void withLock(Path eventsFile, AppendOptions options, LockedAction action) throws IOException {
        withLock(eventsFile, options, LOCKER, action);
    }

    static void withLock(Path eventsFile, AppendOptions options, FileLocker locker, LockedAction action)
            throws IOException {
        createParents(eventsFile);
        withLock(eventsFile, options, () -> locker.open(eventsFile), action);
    }

    private static void withLock(Path eventsFile, AppendOptions options, Opener opener, LockedAction action)
            throws IOException {
        long start = System.nanoTime();
        long budget = nanos(options.lockBudget());
        try (LockableFile file = opener.open()) {
            // The file exists now, so its real path names it whatever way it was reached.
            ReentrantLock mutex = IN_PROCESS.computeIfAbsent(realPath(eventsFile), p -> new ReentrantLock());
            // flock belongs to the open file description: this process's own appends queue here first.
            if (!acquire(eventsFile, mutex, budget - (System.nanoTime() - start))) {
                throw new LockTimeoutException(eventsFile, options.lockBudget(),
                        "another writer in this process is holding it");
            }
            try {
                takeOsLock(eventsFile, file, options, start, budget);
                runThenUnlock(file, action);
            } finally {
                mutex.unlock();
            }
        }
    }

    private static void takeOsLock(Path eventsFile, LockableFile file, AppendOptions options, long start,
            long budget) throws IOException {
        long poll = nanos(options.lockPoll());
        while (!file.tryLock()) {
            long left = budget - (System.nanoTime() - start);
            if (left <= 0) {
                throw new LockTimeoutException(eventsFile, options.lockBudget(), "another process is writing");
            }
            try {
                Thread.sleep(Duration.ofNanos(Math.min(poll, left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(eventsFile);
            }
        }
    }

    private static void runThenUnlock(LockableFile file, LockedAction action) throws IOException {
        try {
            action.run(file);
        } catch (Throwable failure) {
            try {
                file.unlock();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
            throw failure;
        }
        try {
            file.unlock();
        } catch (IOException e) {
            // The line is written; closing the file (next) drops the lock anyway,
            // and reporting a failure here would invite a duplicate append.
        }
    }

    private static void writeWhole(Path eventsFile, LockableFile file, byte[] bytes, RawWriter writer)
            throws IOException {
        long before = file.size();
        try {
            int offset = 0;
            while (offset < bytes.length) {
                int n = writer.write(file, bytes, offset, bytes.length - offset);
                if (n <= 0) {
                    throw new IOException("cannot append to " + eventsFile + ": the write made no progress");
                }
                offset += n;
            }
        } catch (Throwable failure) {
            // Still under the lock: cut back any partial line so no reader sees half an event.
            try {
                file.truncate(before);
            } catch (IOException e) {
                IOException torn = new IOException("cannot append to " + eventsFile + " (" + failure.getMessage()
                        + ") and the partly written line could not be removed (" + e.getMessage()
                        + "): the log may now end with a torn line", failure);
                torn.addSuppressed(e);
                throw torn;
            }
            throw failure;
        }
    }

    private static boolean acquire(Path eventsFile, ReentrantLock mutex, long nanos) throws IOException {
        try {
            return mutex.tryLock(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(eventsFile);
        }
    }

    private static InterruptedIOException interrupted(Path eventsFile) {
        return new InterruptedIOException("interrupted while waiting for the lock on " + eventsFile
                + "; nothing was written");
    }

    private static void createParents(Path eventsFile) throws IOException {
        Path parent = eventsFile.toAbsolutePath().getParent();
        if (parent == null) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot create the folder for " + eventsFile + ": " + e.getFile()
                    + " exists and is not a folder", e);
        } catch (IOException e) {
            throw new IOException("cannot create the folder for " + eventsFile + ": " + e.getMessage(), e);
        }
    }

    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize(); // removed meanwhile: the lock on the open file still counts
        }
    }

    private static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
