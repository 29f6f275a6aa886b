package dev.omne.inspector.core.index;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.log.Diagnostic;
import dev.omne.inspector.core.log.LineScanner;
import dev.omne.inspector.core.log.LineSplitter;
import dev.omne.inspector.core.log.RegionScanner;
import dev.omne.inspector.core.log.ScannedLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * The compact index of one run's events file: per line, its offset, number, timestamp, interned type and
 * node, and whether it carries a diagnostic, in primitive columns. Built from a whole file (in parallel
 * pieces cut at newlines) or grown by {@link #extend} with bytes appended since, parsing only those.
 * Full events are read again from the file by offset, only for what someone looks at.
 *
 * <p>One thread writes (builds, extends); any thread may read {@link #snapshot()}.
 */
public final class RunIndex {
    private static final int READ_CHUNK = 1 << 20;
    /** Below this a file is indexed on one thread: splitting would cost more than it saves. */
    private static final long PARALLEL_THRESHOLD = 8L << 20;

    private final Path file;
    private final IndexColumns columns;
    private final LineSplitter splitter;
    private final PieceSink sink;
    private volatile IndexSnapshot snapshot;

    private RunIndex(Path file, IndexColumns columns, long committedOffset, long nextLine) {
        this(file, columns, new LineSplitter(committedOffset, nextLine, LineScanner.MAX_LINE_BYTES), nextLine == 1);
    }

    private RunIndex(Path file, IndexColumns columns, LineSplitter splitter, boolean startsAtLineOne) {
        this.file = file;
        this.columns = columns;
        this.splitter = splitter;
        this.sink = new PieceSink(file, columns, startsAtLineOne, splitter);
        publish();
    }

    /**
     * An empty index that {@link #extend} grows from {@code offset}, which must be the start of line
     * {@code nextLine}: a follower that was not asked for what the file held already starts there.
     */
    public static RunIndex startingAt(Path file, long offset, long nextLine) {
        return new RunIndex(file, new IndexColumns(16), offset, nextLine);
    }

    /**
     * A new index that goes on where this one stands, its held-back partial line included, with none of its rows:
     * a follower that has handed its rows on keeps memory for the lines to come only. This index must not be
     * extended afterwards.
     */
    public RunIndex continuation() {
        return new RunIndex(file, new IndexColumns(16), splitter, sink.startsAtLineOne);
    }

    /** The columns behind every {@link #emptySnapshot}: never extended, so they can be shared. */
    private static final IndexColumns NO_ROWS = new IndexColumns(0);

    /** A snapshot of no rows of {@code file}, costing a few bytes (a follower keeps one per quiet run). */
    public static IndexSnapshot emptySnapshot(Path file) {
        return new IndexSnapshot(file, NO_ROWS, 0);
    }

    /** An empty index that {@link #extend} grows from the file's first byte. */
    public static RunIndex empty(Path file) {
        return new RunIndex(file, new IndexColumns(16), 0, 1);
    }

    /** Indexes a finished file whole (its final line is judged even without {@code \n}), on all cores. */
    public static RunIndex build(Path file) throws IOException {
        long length = java.nio.file.Files.size(file);
        int pieces = length < PARALLEL_THRESHOLD ? 1 : Runtime.getRuntime().availableProcessors();
        return build(file, ForkJoinPool.commonPool(), pieces, true);
    }

    /**
     * Indexes a file in {@code pieces} parts on {@code executor}. With {@code finished} false, a last line
     * without {@code \n} is held back for {@link #extend}, as a file still being written needs.
     */
    public static RunIndex build(Path file, ExecutorService executor, int pieces, boolean finished) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            List<Long> cuts = cuts(channel, length, Math.max(1, pieces));
            int count = cuts.size() - 1;
            if (count == 1) {
                return sequential(file, channel, length, finished);
            }
            // The calling thread indexes the first piece itself, so a pool of one (the common pool on two
            // cores) still gives two workers, and a busy pool cannot leave the caller idle.
            List<Future<Piece>> futures = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                long from = cuts.get(i);
                long to = cuts.get(i + 1);
                boolean last = i == count - 1;
                futures.add(executor.submit(() -> indexPiece(file, channel, from, to, false, last && finished,
                        estimateRows(to - from))));
            }
            List<Piece> done = new ArrayList<>();
            done.add(indexPiece(file, channel, cuts.get(0), cuts.get(1), true, false, estimateRows(cuts.get(1))));
            int rows = done.getFirst().columns.size;
            for (Future<Piece> f : futures) {
                Piece piece = join(f);
                done.add(piece);
                rows += piece.columns.size;
            }
            IndexColumns all = new IndexColumns(rows);
            long lineBase = 0;
            for (Piece piece : done) {
                all.appendPiece(piece.columns, lineBase);
                lineBase += piece.lines;
            }
            all.trim();
            Piece last = done.getLast();
            return new RunIndex(file, all, last.committedOffset, lineBase + 1);
        }
    }

    private static RunIndex sequential(Path file, FileChannel channel, long length, boolean finished) throws IOException {
        RunIndex index = new RunIndex(file, new IndexColumns(estimateRows(length)), 0, 1);
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(READ_CHUNK, Math.max(length, 1)));
        long position = 0;
        while (position < length) {
            buffer.clear();
            int n = channel.read(buffer, position);
            if (n <= 0) {
                break;
            }
            index.splitter.feed(buffer.array(), 0, n, index.sink);
            index.sink.regions.close();
            position += n;
        }
        if (finished) {
            index.splitter.finish(index.sink);
            index.sink.regions.close();
        }
        index.columns.trim();
        index.publish();
        return index;
    }

    private record Piece(IndexColumns columns, long lines, long committedOffset) {
    }

    private static Piece indexPiece(Path file, FileChannel channel, long from, long to, boolean first,
                                    boolean finish, int estimate) throws IOException {
        IndexColumns columns = new IndexColumns(estimate);
        LineSplitter splitter = new LineSplitter(from, 1, LineScanner.MAX_LINE_BYTES);
        PieceSink sink = new PieceSink(file, columns, first, splitter);
        ByteBuffer buffer = ByteBuffer.allocate(READ_CHUNK);
        long position = from;
        while (position < to) {
            buffer.clear();
            buffer.limit((int) Math.min(READ_CHUNK, to - position));
            int n = channel.read(buffer, position);
            if (n <= 0) {
                break;
            }
            splitter.feed(buffer.array(), 0, n, sink);
            sink.regions.close();
            position += n;
        }
        if (finish) {
            splitter.finish(sink);
            sink.regions.close();
        }
        return new Piece(columns, splitter.nextLineNumber() - 1, splitter.committedOffset());
    }

    /** Piece boundaries: {@code 0}, then offsets just after a {@code \n}, then the length. */
    private static List<Long> cuts(FileChannel channel, long length, int pieces) throws IOException {
        List<Long> cuts = new ArrayList<>();
        cuts.add(0L);
        ByteBuffer probe = ByteBuffer.allocate(64 * 1024);
        for (int i = 1; i < pieces; i++) {
            long at = Math.max(length * i / pieces, cuts.getLast());
            long cut = -1;
            while (cut < 0 && at < length) {
                probe.clear();
                int n = channel.read(probe, at);
                if (n <= 0) {
                    break;
                }
                for (int k = 0; k < n; k++) {
                    if (probe.get(k) == '\n') {
                        cut = at + k + 1;
                        break;
                    }
                }
                at += n;
            }
            if (cut < 0 || cut >= length) {
                break;
            }
            if (cut > cuts.getLast()) {
                cuts.add(cut);
            }
        }
        cuts.add(length);
        return cuts;
    }

    private static int estimateRows(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(16, bytes / 200));
    }

    private static Piece join(Future<Piece> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("indexing interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException(e.getCause());
        }
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
        sink.regions.close(); // the caller may reuse its buffer
        return published(from, diagnosticsBefore);
    }

    /** The file is complete: judge a held-back final line without {@code \n}. */
    public Extension finish() {
        int from = columns.size;
        int diagnosticsBefore = columns.diagnosticCount;
        splitter.finish(sink);
        sink.regions.close();
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
        snapshot = new IndexSnapshot(file, columns, splitter.committedOffset());
    }

    /** Turns each line into a row of the columns, exactly as the reader judges it. */
    private static final class PieceSink implements LineSplitter.Sink {
        private final Path file;
        private final IndexColumns columns;
        private final boolean startsAtLineOne;
        private final LineSplitter splitter;
        private final ScannedLine scan = new ScannedLine();
        final RegionScanner regions = new RegionScanner();

        PieceSink(Path file, IndexColumns columns, boolean startsAtLineOne, LineSplitter splitter) {
            this.file = file;
            this.columns = columns;
            this.startsAtLineOne = startsAtLineOne;
            this.splitter = splitter;
        }

        @Override
        public void line(byte[] buf, int off, int len, long lineNumber, long offset) {
            regions.scan(buf, off, len, splitter.regionEnd(), startsAtLineOne && lineNumber == 1, scan);
            switch (scan.outcome()) {
                case BLANK -> {
                }
                case EVENT -> columns.addEvent(offset, lineNumber, scan,
                        scan.hasDiagnostic() ? Diagnostic.of(file, lineNumber, offset, scan, buf, off, len) : null);
                case ERROR -> columns.addError(offset, lineNumber, Timestamps.NONE,
                        Diagnostic.of(file, lineNumber, offset, scan, buf, off, len));
            }
        }

        @Override
        public void overlong(long lineNumber, long offset, long length) {
            columns.addError(offset, lineNumber, Timestamps.NONE, Diagnostic.overlong(file, lineNumber, offset, length));
        }
    }
}
