package dev.omne.inspector.tail;

import dev.omne.inspector.core.index.IndexCache;
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
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.zip.CRC32C;

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
    /** How long a file shorter than what was read may take to be written back before it counts as truncated. */
    private static final long SHRINK_GRACE_NANOS = Duration.ofMillis(100).toNanos();
    /** The most a streaming tailer reads in one poll: what it holds at once stays small whatever a writer does. */
    private static final long STREAM_STEP = 4L << 20;
    private static final boolean POSIX = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()
            .contains("posix");

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
    private final IndexCache cache;

    private final FollowOptions.History history;
    private final IndexSnapshot empty;
    /** Null before the first read, and while a streaming tailer has handed on every row and holds no partial line. */
    private RunIndex index;
    /** Whether the file has been read (or, for {@link FollowOptions.History#STREAM_NEW}, its end noted) once. */
    private boolean started;
    /**
     * {@link FollowOptions.History#STREAM_NEW}: the bytes before {@link #position} were there at the start and have not
     * been read. Only the file's size was noted at the start (a volume of thousands of runs starts at once); its lines
     * are counted, for the numbers of the lines that follow, when it first changes.
     */
    private boolean uncounted;
    private boolean viaLink;
    /** Only what the log holds at the very first look is skipped; a log that appears later is new throughout. */
    private boolean firstPoll = true;
    /** A streaming tailer with no index: where the next line starts, and its number. */
    private long streamOffset;
    private long streamNextLine = 1;
    /**
     * Fingerprint of the bytes read, {@code [0, position)}: the CRC-32C of {@code [0, printed)} as the index cache's
     * entry knew it ({@code printed} 0 when the index was not taken from an entry), the CRC-32C of
     * {@code [printed, position)}, and the last bytes. Reopening a log from its entry thus reads only what was appended
     * since, and a replaced or rewritten log is still told from one written on.
     */
    private final CRC32C crc = new CRC32C();
    private long printed;
    private int printedCrc;
    private byte[] tail = new byte[0];
    /** When the file was first seen shorter than what was read (0: it was not); a rewrite may bring it back. */
    private long shrunkSince;
    /** A streaming poll stopped at its byte limit: more is there to read. */
    private boolean behind;
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
        this(runId, file, ForkJoinPool.commonPool(), DEFAULT_OPENER, FollowOptions.History.KEEP, IndexCache.OFF);
    }

    RunTailer(String runId, Path file, ExecutorService executor, Opener opener) {
        this(runId, file, executor, opener, FollowOptions.History.KEEP, IndexCache.OFF);
    }

    /**
     * Keeping {@code history} of what is read; a tailer that keeps every row takes the log's index from {@code cache}
     * where it fits, and keeps it there as the log grows.
     */
    RunTailer(String runId, Path file, ExecutorService executor, Opener opener, FollowOptions.History history,
            IndexCache cache) {
        this.runId = Objects.requireNonNull(runId, "runId");
        this.file = Objects.requireNonNull(file, "file");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.history = Objects.requireNonNull(history, "history");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.empty = RunIndex.emptySnapshot(file);
        this.snapshot = empty;
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
        return refused || shrunkSince != 0;
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
        boolean first = firstPoll;
        firstPoll = false;
        BasicFileAttributes attrs;
        try {
            attrs = attributes();
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
        if (first && history == FollowOptions.History.STREAM_NEW) {
            if (attrs instanceof PosixFileAttributes posix
                    && !posix.permissions().contains(PosixFilePermission.OTHERS_READ) && !Files.isReadable(file)) {
                // Not opened yet, so ask: a log that cannot be read is news even at the start.
                return unreadable("permission denied", false);
            }
            return noteEnd(attrs, id);
        }
        List<TailNotice> notices = new ArrayList<>(1);
        boolean reset = false;
        boolean replaced = false;
        if (!started) {
            reset = true;
        } else if (gone) {
            reset = true;
            notices.add(notice(TailNotice.Kind.RECREATED, "the log is back: reading it again from the start"));
        } else if (!Objects.equals(id, identity)) {
            replaced = true;
        } else if ((!force || uncounted) && !refused && unreadableWhy == null && shrunkSince == 0 && !behind
                && attrs.size() == seenSize && attrs.lastModifiedTime().equals(seenModified)) {
            return null; // (a log not read yet is only read once it changed: an event for its folder is not enough)
        }
        try (FileChannel channel = opener.open(file)) {
            long size = channel.size();
            if (replaced && uncounted) {
                // Nothing of the old file was read, so nothing can tell whether this one continues it.
                reset = true;
                notices.add(notice(TailNotice.Kind.REPLACED, "another file now has this name (replaced) before the"
                        + " log was first read: reading it from the start"));
            } else if (replaced) {
                // Renamed over by a file that begins with everything read so far: the same log, written on.
                if (size < position || !sameAsRead(channel)) {
                    reset = true;
                    notices.add(notice(TailNotice.Kind.REPLACED, "another file now has this name (replaced) and it"
                            + " does not begin with what was read: reading it from the start"));
                }
            } else if (!reset && size < position) {
                // Shorter than what was read: truncated, or cut back mid-line and being written again. Look again
                // shortly; only if it stays short, or comes back different, is it read again from the start.
                long now = System.nanoTime();
                if (shrunkSince == 0) {
                    shrunkSince = now;
                }
                if (now - shrunkSince < SHRINK_GRACE_NANOS) {
                    return null;
                }
                reset = true;
                notices.add(notice(TailNotice.Kind.TRUNCATED, "the file shrank from " + position + " to " + size
                        + " bytes (truncated): reading it again from the start"));
            } else if (!reset && uncounted) {
                countExisting(channel, position); // it grew (or was touched): the old lines are counted once, now
            } else if (!reset && !matchesEnds(channel)) {
                reset = true;
                notices.add(notice(TailNotice.Kind.TRUNCATED,
                        "bytes already read changed (rewritten): reading it again from the start"));
            } else if (!reset && (shrunkSince != 0 || (size == seenSize
                    && !attrs.lastModifiedTime().equals(seenModified))) && !sameAsRead(channel)) {
                // Written again in place (same length, or cut back and rewritten): its ends may match, so compare all.
                reset = true;
                notices.add(notice(TailNotice.Kind.TRUNCATED,
                        "the file was rewritten in place: reading it again from the start"));
            }
            shrunkSince = 0;
            if (reset) {
                rebuild(channel, size);
            } else {
                readAppended(channel, size);
            }
            started = true;
            identity = id;
            seenSize = size;
            seenModified = attrs.lastModifiedTime();
            refused = false;
            refusalReported = false;
            unreadableWhy = null;
            if (index != null && index.pendingBytes() > 0) {
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

    /** Reads the whole file again from byte 0. */
    private void rebuild(FileChannel channel, long size) throws IOException {
        gone = false;
        uncounted = false;
        resetPending = true;
        reportedRows = 0;
        unreported.clear();
        if (history != FollowOptions.History.KEEP) {
            // Streaming: from byte 0 in steps, each handed on before the next is read.
            index = RunIndex.startingAt(file, 0, 1);
            position = 0;
            printed = 0;
            crc.reset();
            tail = new byte[0];
            readAppended(channel, size);
            head = readHead(channel, (int) Math.min(HEAD_BYTES, position));
            return;
        }
        IndexCache.Opened opened = cache.openKnown(file, executor, LogPieces.piecesFor(size), false);
        RunIndex built = opened.index();
        index = built;
        position = built.committedOffset() + built.pendingBytes();
        head = readHead(channel, (int) Math.min(HEAD_BYTES, position));
        boolean known = opened.printedBytes() <= position;
        fingerprint(channel, known ? opened.printedBytes() : 0, known ? opened.printedCrc() : 0);
    }

    /**
     * Follows from the end ({@link FollowOptions.History#STREAM_NEW}, the first look): the file is not opened, only
     * where it ends now is noted. Its lines are counted when it first changes ({@link #countExisting}).
     */
    private RunUpdate noteEnd(BasicFileAttributes attrs, Object id) {
        position = attrs.size();
        uncounted = true;
        started = true;
        identity = id;
        seenSize = attrs.size();
        seenModified = attrs.lastModifiedTime();
        gone = false;
        resetPending = true;
        reportedRows = 0;
        unreported.clear();
        return collect(List.of());
    }

    /**
     * Counts the lines of {@code [0, end)}, bytes that were there at the start and are never shown, so that the lines
     * after them get their numbers, and fingerprints them; a last line still being written is held back as usual.
     */
    private void countExisting(FileChannel channel, long end) throws IOException {
        crc.reset();
        printed = 0;
        long lines = 0;
        long lineStart = 0;
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(READ_CHUNK, Math.max(end, 1)));
        long at = 0;
        while (at < end) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), end - at));
            int n = channel.read(buffer, at);
            if (n <= 0) {
                break;
            }
            byte[] bytes = buffer.array();
            crc.update(bytes, 0, n);
            for (int i = 0; i < n; i++) {
                if (bytes[i] == '\n') {
                    lines++;
                    lineStart = at + i + 1;
                }
            }
            at += n;
        }
        uncounted = false;
        position = at;
        streamOffset = lineStart;
        streamNextLine = lines + 1;
        index = null;
        if (position > lineStart) {
            // The partial last line: held back by an index that starts where it starts.
            index = RunIndex.startingAt(file, lineStart, lines + 1);
            byte[] partial = new byte[(int) (position - lineStart)];
            readFully(channel, ByteBuffer.wrap(partial), lineStart);
            index.extend(partial, 0, partial.length);
        }
        head = readHead(channel, (int) Math.min(HEAD_BYTES, position));
        tail = readTail(channel);
    }

    private void readAppended(FileChannel channel, long end) throws IOException {
        long limit = history == FollowOptions.History.KEEP ? end : Math.min(end, position + STREAM_STEP);
        behind = limit < end;
        if (limit > position) {
            if (index == null) {
                index = RunIndex.startingAt(file, streamOffset, streamNextLine);
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(READ_CHUNK, limit - position));
            while (position < limit) {
                buffer.clear();
                buffer.limit((int) Math.min(buffer.capacity(), limit - position));
                int n = channel.read(buffer, position);
                if (n <= 0) {
                    break;
                }
                crc.update(buffer.array(), 0, n);
                RunIndex.Extension added = index.extend(buffer.array(), 0, n);
                position += n;
                unreported.addAll(added.diagnostics());
            }
            tail = readTail(channel);
            if (history == FollowOptions.History.KEEP) {
                cache.keep(index.snapshot(), executor);
            }
        }
        if (head.length < HEAD_BYTES && position > head.length) {
            head = readHead(channel, (int) Math.min(HEAD_BYTES, position));
        }
    }

    /**
     * The fingerprint of {@code [0, position)}, of which the first {@code known} bytes have the CRC-32C
     * {@code knownCrc} (the cache's entry checked that they are the bytes it was made from): only the rest is read.
     */
    private void fingerprint(FileChannel channel, long known, int knownCrc) throws IOException {
        printed = known;
        printedCrc = knownCrc;
        crc.reset();
        feed(crc, channel, known, position);
        tail = readTail(channel);
    }

    /** Whether the first and last bytes read are still there as they were: a cheap look on every growth. */
    private boolean matchesEnds(FileChannel channel) throws IOException {
        return Arrays.equals(head, readHead(channel, head.length)) && Arrays.equals(tail, readTail(channel));
    }

    /** Whether the file begins with exactly the bytes read so far (their CRC-32C): the full comparison. */
    private boolean sameAsRead(FileChannel channel) throws IOException {
        if (channel.size() < position || !matchesEnds(channel)) {
            return false;
        }
        CRC32C before = new CRC32C();
        if (feed(before, channel, 0, printed) != printed || (int) before.getValue() != printedCrc) {
            return false;
        }
        CRC32C after = new CRC32C();
        return feed(after, channel, printed, position) == position - printed && after.getValue() == crc.getValue();
    }

    /** Adds the file's bytes {@code [from, to)} to {@code sum}; returns how many there were. */
    private static long feed(CRC32C sum, FileChannel channel, long from, long to) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(READ_CHUNK, Math.max(to - from, 1)));
        long at = from;
        while (at < to) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), to - at));
            int n = channel.read(buffer, at);
            if (n <= 0) {
                break;
            }
            sum.update(buffer.array(), 0, n);
            at += n;
        }
        return at - from;
    }

    private byte[] readTail(FileChannel channel) throws IOException {
        int length = (int) Math.min(HEAD_BYTES, position);
        byte[] bytes = new byte[length];
        int got = readFully(channel, ByteBuffer.wrap(bytes), position - length);
        return got == length ? bytes : Arrays.copyOf(bytes, got);
    }

    private static int readFully(FileChannel channel, ByteBuffer buffer, long from) throws IOException {
        long at = from;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n <= 0) {
                break;
            }
            at += n;
        }
        return buffer.position();
    }

    /**
     * A streaming tailer after its rows were handed on: drops them, keeping only where it stands (and a partial
     * line held back). The index of a tailer that keeps its history is left alone.
     */
    void release() {
        if (history == FollowOptions.History.KEEP || index == null || reportedRows < index.snapshot().size()) {
            return;
        }
        if (index.pendingBytes() == 0) {
            streamOffset = index.committedOffset();
            streamNextLine = index.nextLineNumber();
            index = null;
        } else {
            index = index.continuation();
        }
        reportedRows = 0;
        snapshot = empty;
    }

    /** A streaming poll stopped at its step: poll again after the next hand-over. */
    boolean behind() {
        return behind;
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
        if (!started || gone) {
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
        if (lost && started) {
            gone = true;
        }
        if (why.equals(unreadableWhy)) {
            return !started ? null : collect(List.of());
        }
        unreadableWhy = why;
        TailNotice notice = notice(TailNotice.Kind.UNREADABLE, file.getFileName() + " cannot be read: " + why
                + (snapshot.size() > 0 ? "; keeping what was read" : "")
                + "; looking again on every change");
        if (!started) {
            IndexSnapshot s = snapshot;
            return new RunUpdate(runId, file, s, false, s.size(), s.size(), List.of(), List.of(notice), gone);
        }
        return collect(List.of(notice));
    }

    private RunUpdate refused(IOException e) {
        refused = true;
        if (refusalReported) {
            return !started ? null : collect(List.of());
        }
        refusalReported = true;
        TailNotice notice = notice(TailNotice.Kind.READ_RETRY, "read refused (" + describe(e) + "): retrying");
        if (!started) {
            IndexSnapshot s = snapshot;
            return new RunUpdate(runId, file, s, false, s.size(), s.size(), List.of(), List.of(notice), gone);
        }
        return collect(List.of(notice));
    }

    private TailNotice notice(TailNotice.Kind kind, String message) {
        return new TailNotice(kind, runId, file, message);
    }

    /**
     * The log's attributes, through a link if it is one ({@link #viaLink()} says so): one system call for a plain
     * file. POSIX attributes where there are such, at no extra cost (they come from the same call).
     */
    private BasicFileAttributes attributes() throws IOException {
        boolean posix = file.getFileSystem() == java.nio.file.FileSystems.getDefault() ? POSIX
                : file.getFileSystem().supportedFileAttributeViews().contains("posix");
        Class<? extends BasicFileAttributes> kind = posix ? PosixFileAttributes.class : BasicFileAttributes.class;
        BasicFileAttributes own = Files.readAttributes(file, kind, LinkOption.NOFOLLOW_LINKS);
        viaLink = own.isSymbolicLink();
        return viaLink ? Files.readAttributes(file, kind) : own;
    }

    /** Whether the log, when last looked at, was a link to a file (whose writes send no events for this folder). */
    boolean viaLink() {
        return viaLink;
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
