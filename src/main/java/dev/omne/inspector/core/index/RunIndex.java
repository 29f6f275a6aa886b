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
    private final IndexColumns columns;
    private final LineSplitter splitter;
    private final PieceSink sink;
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
        IndexColumns columns = new IndexColumns(16);
        return new RunIndex(file, columns, new LineSplitter(0, 1, KEEP_BYTES), new PieceSink(file, columns));
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
            int estimate = estimateRows(length / Math.max(1, pieces));
            List<Piece> done = LogPieces.read(channel, length, pieces, executor, finished, KEEP_BYTES,
                    k -> new PieceSink(file, new IndexColumns(estimate)));
            if (done.size() == 1) {
                Piece only = done.getFirst();
                only.sink.columns.trim();
                return new RunIndex(file, only.sink.columns, only.splitter, only.sink);
            }
            int rows = 0;
            for (Piece piece : done) {
                rows += piece.sink.columns.size;
            }
            IndexColumns all = new IndexColumns(rows);
            long lineBase = 0;
            for (Piece piece : done) {
                all.appendPiece(piece.sink.columns, lineBase);
                lineBase += piece.splitter.nextLineNumber() - 1;
            }
            all.trim();
            // A line the last piece held back is read again by the next extend, from the committed offset.
            LineSplitter splitter = new LineSplitter(done.getLast().splitter.committedOffset(), lineBase + 1, KEEP_BYTES);
            return new RunIndex(file, all, splitter, new PieceSink(file, all));
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
        snapshot = new IndexSnapshot(file, columns, splitter.committedOffset());
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
