package dev.omne.inspector.core.index;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.log.Diagnostic;
import dev.omne.inspector.core.log.LineSplitter;
import dev.omne.inspector.core.log.LogPieces;
import dev.omne.inspector.core.log.ScannedLine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;

/**
 * The compact index of one run's events file: per line, its offset, number, timestamp, interned type and
 * node, and whether it carries a diagnostic, in primitive columns. Built from a whole file (in parallel
 * pieces cut at newlines) or grown by {@link #extend} with bytes appended since, parsing only those.
 * Full events are read again from the file by offset, only for what someone looks at.
 *
 * <p>One thread writes (builds, extends); any thread may read {@link #snapshot()}.
 */
public final class RunIndex {
    /** Of each line the index keeps only what a diagnostic shows of a bad one. */
    private static final int KEEP_BYTES = Diagnostic.RAW_BYTES;

    private final Path file;
    private IndexColumns columns;
    private LineSplitter splitter;
    private PieceSink sink;
    private volatile IndexSnapshot snapshot;

    private RunIndex(Path file, IndexColumns columns, LineSplitter splitter, PieceSink sink) {
        this.file = file;
        this.columns = columns;
        this.splitter = splitter;
        this.sink = sink;
        publish();
    }

    /** An empty index that {@link #extend} grows from the file's first byte. */
    public static RunIndex empty(Path file) {
        return empty(file, 16);
    }

    /**
     * An empty index that {@link #extend} grows from {@code offset}, which must be the start of line
     * {@code nextLine}: a follower that was not asked for what the file held already starts there.
     */
    public static RunIndex startingAt(Path file, long offset, long nextLine) {
        IndexColumns columns = new IndexColumns(16);
        return new RunIndex(file, columns, new LineSplitter(offset, nextLine, KEEP_BYTES), new PieceSink(file, columns));
    }

    /**
     * A new index that goes on where this one stands, its held-back partial line included, with none of its rows:
     * a follower that has handed its rows on keeps memory for the lines to come only. This index must not be
     * extended afterwards.
     */
    public RunIndex continuation() {
        IndexColumns columns = new IndexColumns(16);
        return new RunIndex(file, columns, splitter, new PieceSink(file, columns));
    }

    /** The columns behind every {@link #emptySnapshot}: never extended, so they can be shared. */
    private static final IndexColumns NO_ROWS = new IndexColumns(0);

    /** A snapshot of no rows of {@code file}, costing a few bytes (a follower keeps one per quiet run). */
    public static IndexSnapshot emptySnapshot(Path file) {
        return new IndexSnapshot(file, NO_ROWS, 0, 1);
    }

    /** Indexes a finished file whole (its final line is judged even without {@code \n}), on all cores. */
    public static RunIndex build(Path file) throws IOException {
        long length = java.nio.file.Files.size(file);
        return build(file, ForkJoinPool.commonPool(), LogPieces.piecesFor(length), true);
    }

    /**
     * Indexes a file in {@code pieces} parts on {@code executor}. With {@code finished} false, a last line
     * without {@code \n} is held back for {@link #extend}, as a file still being written needs.
     */
    public static RunIndex build(Path file, ExecutorService executor, int pieces, boolean finished) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            RunIndex index = empty(file);
            index.readOn(channel, length, executor, pieces);
            if (finished) {
                index.finishFrom(channel, length);
            }
            return index;
        }
    }

    private static RunIndex empty(Path file, int capacity) {
        IndexColumns columns = new IndexColumns(capacity);
        return new RunIndex(file, columns, new LineSplitter(0, 1, KEEP_BYTES), new PieceSink(file, columns));
    }

    /** An index of a file's first bytes through {@code committedOffset}, restored from columns kept earlier. */
    static RunIndex restored(Path file, IndexColumns columns, long committedOffset, long nextLine) {
        return new RunIndex(file, columns, new LineSplitter(committedOffset, nextLine, KEEP_BYTES),
                new PieceSink(file, columns));
    }

    /**
     * Indexes {@code [committedOffset(), to)} of the open file, in up to {@code pieces} parts on {@code executor} (the
     * calling thread is one), and appends its lines. A last line without {@code \n} is held back, as {@link #extend}
     * holds it, until its newline arrives or {@link #finish}. Only while nothing is held back.
     */
    public void readOn(FileChannel channel, long to, ExecutorService executor, int pieces) throws IOException {
        long from = splitter.committedOffset();
        if (splitter.pendingBytes() > 0) {
            throw new IllegalStateException("a partial line is held back");
        }
        if (to <= from) {
            return;
        }
        int estimate = estimateRows((to - from) / Math.max(1, pieces));
        List<Piece> done = LogPieces.read(channel, from, to, pieces, executor, false, KEEP_BYTES,
                k -> new PieceSink(file, new IndexColumns(estimate)));
        long lineBase = splitter.nextLineNumber() - 1;
        if (done.size() == 1 && columns.size == 0 && lineBase == 0) {
            // The whole file in one piece: its columns and splitter are the index's, with nothing to renumber.
            Piece only = done.getFirst();
            sink = only.sink;
            columns = sink.columns;
            splitter = only.splitter;
            columns.trim();
            publish();
            return;
        }
        int rows = 0;
        for (Piece piece : done) {
            rows += piece.sink.columns.size;
        }
        columns.reserve(rows);
        for (Piece piece : done) {
            columns.appendPiece(piece.sink.columns, lineBase);
            lineBase += piece.splitter.nextLineNumber() - 1;
        }
        splitter = new LineSplitter(done.getLast().splitter.committedOffset(), lineBase + 1, KEEP_BYTES);
        readTail(channel, to); // the last piece's held-back line, held back here instead
        publish();
    }

    /** Reads the file on from what is held, through {@code length}, and judges its last line even without {@code \n}. */
    public void finishFrom(FileChannel channel, long length) throws IOException {
        readTail(channel, length);
        finish();
    }

    /** Feeds the splitter the file's bytes from where it stands through {@code to}. */
    private void readTail(FileChannel channel, long to) throws IOException {
        long at = splitter.committedOffset() + splitter.pendingBytes();
        if (at >= to) {
            return;
        }
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) Math.min(LogPieces.READ_CHUNK, to - at));
        while (at < to) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), to - at));
            int n = channel.read(buffer, at);
            if (n <= 0) {
                break;
            }
            splitter.feed(buffer.array(), 0, n, sink);
            at += n;
        }
    }

    private record Piece(PieceSink sink, LineSplitter splitter) {
    }

    private static int estimateRows(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(16, bytes / 200));
    }

    /** What one {@link #extend} call added: rows {@code [fromRow, toRow)} and their diagnostics. */
    public record Extension(int fromRow, int toRow, List<Diagnostic> diagnostics) {
        public boolean isEmpty() {
            return fromRow == toRow;
        }
    }

    /**
     * Indexes bytes appended after {@link #committedOffset()} (plus any held-back partial line): only those
     * bytes are parsed. A trailing partial line is held until its newline arrives.
     */
    public Extension extend(byte[] chunk, int off, int len) {
        int from = columns.size;
        int diagnosticsBefore = columns.diagnosticCount;
        splitter.feed(chunk, off, len, sink);
        return published(from, diagnosticsBefore);
    }

    /** The file is complete: judge a held-back final line without {@code \n}. */
    public Extension finish() {
        int from = columns.size;
        int diagnosticsBefore = columns.diagnosticCount;
        splitter.finish(sink);
        return published(from, diagnosticsBefore);
    }

    private Extension published(int from, int diagnosticsBefore) {
        publish();
        List<Diagnostic> added = columns.diagnosticCount == diagnosticsBefore ? List.of()
                : List.of(java.util.Arrays.copyOfRange(columns.diagnostics, diagnosticsBefore, columns.diagnosticCount));
        return new Extension(from, columns.size, added);
    }

    /** Offset just after the last complete line: where the next read of appended bytes starts. */
    public long committedOffset() {
        return splitter.committedOffset();
    }

    /** The number the next complete line will get. */
    public long nextLineNumber() {
        return splitter.nextLineNumber();
    }

        /** Bytes held back after the last newline. */
    public long pendingBytes() {
        return splitter.pendingBytes();
    }

    public Path file() {
        return file;
    }

    public IndexSnapshot snapshot() {
        return snapshot;
    }

    private void publish() {
        snapshot = new IndexSnapshot(file, columns, splitter.committedOffset(), splitter.nextLineNumber());
    }

    /** Turns each judged line into a row of the columns, exactly as the reader takes it. */
    private static final class PieceSink implements LogPieces.PieceReader<Piece> {
        private final Path file;
        final IndexColumns columns;

        PieceSink(Path file, IndexColumns columns) {
            this.file = file;
            this.columns = columns;
        }

        @Override
        public void line(long lineNumber, long offset, long length, ScannedLine judged, byte[] text, int off, int len) {
            switch (judged.outcome()) {
                case BLANK -> {
                }
                case EVENT -> columns.addEvent(offset, lineNumber, judged,
                        judged.hasDiagnostic() ? Diagnostic.of(file, lineNumber, offset, judged, text, off, len) : null);
                case ERROR -> columns.addError(offset, lineNumber, Timestamps.NONE,
                        Diagnostic.of(file, lineNumber, offset, judged, text, off, len));
            }
        }

        @Override
        public Piece done(LineSplitter splitter) {
            return new Piece(this, splitter);
        }
    }
}
