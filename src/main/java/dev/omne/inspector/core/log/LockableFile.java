package dev.omne.inspector.core.log;

import java.io.Closeable;
import java.io.IOException;

/**
 * An events file opened for appending (the kernel puts every write at end-of-file),
 * whose advisory exclusive lock can be tried. Used by one thread at a time.
 */
interface LockableFile extends Closeable {

    /**
     * Tries once to take the exclusive lock without blocking.
     *
     * @return false if another holder has it
     * @throws IOException if locking failed for another reason, e.g. the file system has no locks
     */
    boolean tryLock() throws IOException;

    /** Current length of the file in bytes. */
    long size() throws IOException;

    /** One raw write call; returns how many bytes the kernel took (possibly fewer than {@code length}). */
    int write(byte[] bytes, int offset, int length) throws IOException;

    /** Cuts the file back to {@code length} bytes. */
    void truncate(long length) throws IOException;

    /** Whether this open created the file (it did not exist before). */
    default boolean created() {
        return false;
    }

    /**
     * Removes the file if this open created it, it is still empty and its name still leads to it: a failed first
     * append leaves nothing behind. Call it while holding the lock.
     */
    default void removeCreated() throws IOException {
    }

    /** Releases the lock taken by {@link #tryLock()}. */
    void unlock() throws IOException;

    /** Closes the file; this also drops the lock if it is still held. */
    @Override
    void close() throws IOException;
}
