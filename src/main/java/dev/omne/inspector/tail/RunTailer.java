package dev.omne.inspector.tail;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;
import dev.omne.inspector.core.log.Diagnostic;
import dev.omne.inspector.core.log.LogPieces;
import dev.omne.inspector.core.volume.FileKinds;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;

/**
 * Follows one {@code events.jsonl}: remembers the file's identity (its {@code fileKey()}, or its creation time
 * where there is none) and its first bytes, and the offset just after what it has read. Each {@link #poll}
 * reads from there to the end, hands the bytes to the run index's {@link RunIndex#extend} (which holds back the
 * bytes after the last {@code \n} until the newline arrives), and says what is new.
 *
 * <p>The hard cases become {@link TailNotice}s: a file that shrank or whose first bytes changed, or that was
 * replaced by another, is read again from byte 0 ({@code reset}); a deleted file keeps what was read, is
 * marked gone, and is read again from 0 if it comes back; a refused read (on Windows, a writer's mandatory lock) is reported once and retried, never given up;
 * a log that cannot be read at all (a folder, a FIFO, a link that leads nowhere, no permission) is reported once
 * per cause and looked at again on the next poll. Only regular files are ever opened: opening a FIFO for reading
 * would wait for a writer. (Between the check and the open is a window of microseconds in which a FIFO swapped in
 * by rename would still be opened; nothing this side of an O_NONBLOCK open can close it.)
 *
 * <p>One thread polls (it is the index's single writer); {@link #snapshot()} may be read from any thread.
 * A tailer holds no open file between polls, so it never stands in a writer's way.
 */
public final class RunTailer implements AutoCloseable {
    /** How many first bytes of the file are remembered to notice a rewrite. */
    static final int HEAD_BYTES = 64;
    private static final int READ_CHUNK = 1 << 20;

    /** Opens the file for reading; a test replaces it to refuse reads as a Windows lock does. */
    @FunctionalInterface
    interface Opener {
        FileChannel open(Path file) throws IOException;
    }

    static final Opener DEFAULT_OPENER = file -> FileChannel.open(file, StandardOpenOption.READ);

    private final String runId;
    private final Path file;
    private final ExecutorService executor;
    private final Opener opener;

    private RunIndex index;
    private volatile IndexSnapshot snapshot;
    private volatile boolean gone;
    private volatile boolean refused;
    private boolean refusalReported;
    /** Why the log cannot be read, as last reported; null while it can be. */
    private String unreadableWhy;
    private boolean closed;
    private Object identity;
    private byte[] head = new byte[0];
    /** Bytes handed to the index: its committed lines plus the partial line it holds back. */
    private long position;
    private long seenSize = -1;
    private FileTime seenModified;
    /** What the last update said: rows below are reported; a pending reset voids them. */
    private int reportedRows;
    private boolean resetPending;
    private final List<Diagnostic> unreported = new ArrayList<>();
    private volatile long heldBackPolls;

    /** A tailer for {@code file} (which need not exist yet), rebuilding on the common pool. */
    public RunTailer(String runId, Path file) {
        this(runId, file, ForkJoinPool.commonPool(), DEFAULT_OPENER);
    }

    RunTailer(String runId, Path file, ExecutorService executor, Opener opener) {
        this.runId = Objects.requireNonNull(runId, "runId");
        this.file = Objects.requireNonNull(file, "file");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.snapshot = RunIndex.empty(file).snapshot();
    }

    public String runId() {
        return runId;
    }

    public Path file() {
        return file;
    }

    /** The index as of the last poll (empty before the file was first read). */
    public IndexSnapshot snapshot() {
        return snapshot;
    }

    /** Whether the file was deleted after it had been read. */
    public boolean logGone() {
        return gone;
    }

    /** Whether the last read was refused; poll again shortly. */
    public boolean retrying() {
        return refused;
    }

    /** Bytes read so far: the committed lines plus a held-back partial line. */
    public long position() {
        return position;
    }

    /** Reads whatever is new. Empty when there is nothing to say. Never throws for I/O: that is a notice. */
    public Optional<RunUpdate> poll() {
        return Optional.ofNullable(poll(true));
    }

    /**
     * @param force read even when the file's size and modification time look unchanged (a change event came)
     * @return the update, or null when there is nothing to say
     */
    RunUpdate poll(boolean force) {
        if (closed) {
            return null;
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            // A link that leads nowhere is not "no log yet": somebody made it, and it will never fill up.
            return Files.isSymbolicLink(file) ? unreadable(FileKinds.describe(file), true) : missing();
        } catch (AccessDeniedException e) {
            return unreadable("permission denied", false);
        } catch (IOException e) {
            return Files.isSymbolicLink(file) ? unreadable(FileKinds.describe(file), true) : refused(e);
        }
        if (!attrs.isRegularFile()) {
            // Never opened: opening a FIFO for reading waits for a writer, which would stall the whole watcher.
            return unreadable(FileKinds.describe(file) + ", not a regular file", true);
        }
        Object id = identity(attrs);
        List<TailNotice> notices = new ArrayList<>(1);
        boolean reset = false;
        if (index == null) {
            reset = true;
        } else if (gone) {
            reset = true;
            notices.add(notice(TailNotice.Kind.RECREATED, "the log is back: reading it again from the start"));
        } else if (!Objects.equals(id, identity)) {
            reset = true;
            notices.add(notice(TailNotice.Kind.REPLACED,
                    "another file now has this name (replaced): reading it again from the start"));
        } else if (!force && !refused && unreadableWhy == null && attrs.size() == seenSize
                && attrs.lastModifiedTime().equals(seenModified)) {
            return null;
        }
        try (FileChannel channel = opener.open(file)) {
            long size = channel.size();
            if (!reset && size < position) {
                reset = true;
                notices.add(notice(TailNotice.Kind.TRUNCATED, "the file shrank from " + position + " to " + size
                        + " bytes (truncated): reading it again from the start"));
            } else if (!reset && !Arrays.equals(head, readHead(channel, head.length))) {
                reset = true;
                notices.add(notice(TailNotice.Kind.TRUNCATED,
                        "its first bytes changed (rewritten): reading it again from the start"));
            }
            if (reset) {
                rebuild(channel);
            } else {
                readAppended(channel, size);
            }
            identity = id;
            seenSize = size;
            seenModified = attrs.lastModifiedTime();
            refused = false;
            refusalReported = false;
            unreadableWhy = null;
            if (index.pendingBytes() > 0) {
                heldBackPolls++;
            }
            return collect(notices);
        } catch (NoSuchFileException e) {
            return missing();
        } catch (AccessDeniedException e) {
            return unreadable("permission denied", false);
        } catch (IOException e) {
            return refused(e);
        }
    }

    /** The first update of a tailer: always a reset, carrying the whole index (maybe empty). */
    RunUpdate initial() {
        RunUpdate first = poll(true);
        if (first != null && first.reset()) {
            return first;
        }
        IndexSnapshot s = snapshot;
        return new RunUpdate(runId, file, s, true, 0, s.size(), s.diagnostics(),
                first == null ? List.of() : first.notices(), gone);
    }

    /** Polls that ended holding back a partial last line (for tests: proof the hard path ran). */
    long heldBackPolls() {
        return heldBackPolls;
    }

    private void rebuild(FileChannel channel) throws IOException {
        long size = channel.size();
        RunIndex built = RunIndex.build(file, executor, LogPieces.piecesFor(size), false);
        index = built;
        position = built.committedOffset() + built.pendingBytes();
        head = readHead(channel, (int) Math.min(HEAD_BYTES, position));
        gone = false;
        resetPending = true;
        reportedRows = 0;
        unreported.clear();
    }

    private void readAppended(FileChannel channel, long end) throws IOException {
        if (end > position) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(READ_CHUNK, end - position));
            while (position < end) {
                buffer.clear();
                buffer.limit((int) Math.min(buffer.capacity(), end - position));
                int n = channel.read(buffer, position);
                if (n <= 0) {
                    break;
                }
                RunIndex.Extension added = index.extend(buffer.array(), 0, n);
                position += n;
                unreported.addAll(added.diagnostics());
            }
        }
        if (head.length < HEAD_BYTES && position > head.length) {
            head = readHead(channel, (int) Math.min(HEAD_BYTES, position));
        }
    }

    /** What is new since the last update, with {@code notices}; null when there is nothing to say. */
    private RunUpdate collect(List<TailNotice> notices) {
        IndexSnapshot s = index == null ? snapshot : index.snapshot();
        snapshot = s;
        boolean reset = resetPending;
        int from = reset ? 0 : reportedRows;
        int to = s.size();
        List<Diagnostic> diagnostics = reset ? s.diagnostics() : List.copyOf(unreported);
        resetPending = false;
        reportedRows = to;
        unreported.clear();
        if (!reset && from == to && diagnostics.isEmpty() && notices.isEmpty()) {
            return null;
        }
        return new RunUpdate(runId, file, s, reset, from, to, diagnostics, notices, gone);
    }

    private RunUpdate missing() {
        refused = false;
        refusalReported = false;
        unreadableWhy = null;
        seenSize = -1;
        seenModified = null;
        if (index == null || gone) {
            return null;
        }
        gone = true;
        return collect(List.of(notice(TailNotice.Kind.DELETED,
                "the log was deleted: keeping what was read, and watching for it to come back")));
    }

    /**
     * The log is there but cannot be read, and retrying at once will not help. Reported once per cause; the next
     * poll or change event looks again.
     *
     * @param lost whether the file that was read is gone for good (replaced by a folder, a FIFO, a broken link): then
     *             a readable log that comes back is read from byte 0
     */
    private RunUpdate unreadable(String why, boolean lost) {
        refused = false;
        refusalReported = false;
        seenSize = -1;
        seenModified = null;
        if (lost && index != null) {
            gone = true;
        }
        if (why.equals(unreadableWhy)) {
            return index == null ? null : collect(List.of());
        }
        unreadableWhy = why;
        TailNotice notice = notice(TailNotice.Kind.UNREADABLE, file.getFileName() + " cannot be read: " + why
                + (snapshot.size() > 0 ? "; keeping what was read" : "")
                + "; looking again on every change");
        if (index == null) {
            IndexSnapshot s = snapshot;
            return new RunUpdate(runId, file, s, false, s.size(), s.size(), List.of(), List.of(notice), gone);
        }
        return collect(List.of(notice));
    }

    private RunUpdate refused(IOException e) {
        refused = true;
        if (refusalReported) {
            return index == null ? null : collect(List.of());
        }
        refusalReported = true;
        TailNotice notice = notice(TailNotice.Kind.READ_RETRY, "read refused (" + describe(e) + "): retrying");
        if (index == null) {
            IndexSnapshot s = snapshot;
            return new RunUpdate(runId, file, s, false, s.size(), s.size(), List.of(), List.of(notice), gone);
        }
        return collect(List.of(notice));
    }

    private TailNotice notice(TailNotice.Kind kind, String message) {
        return new TailNotice(kind, runId, file, message);
    }

    private static Object identity(BasicFileAttributes attrs) {
        Object key = attrs.fileKey();
        return key != null ? key : attrs.creationTime();
    }

    private static byte[] readHead(FileChannel channel, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        long at = 0;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n <= 0) {
                break;
            }
            at += n;
        }
        return buffer.position() == length ? buffer.array() : Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
    }

    /** Stops polling; a tailer holds no open file, so there is nothing else to release. */
    @Override
    public void close() {
        closed = true;
    }
}
