package dev.omne.inspector.core.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * Checks a finished log the way {@code check} needs: every line judged, the counts and the diagnostics in file
 * order, read in parallel pieces and keeping nothing else (no index: a check is one pass and done). A check can also
 * start where an earlier one stopped ({@link #scan}), and tells its complete lines apart from a last line without a
 * newline, so that what it found of the complete lines can be kept and continued later.
 */
public final class LogCheck {
    /** What a check of (part of) a log found; diagnostics in file order, numbered by line in the whole file. */
    public record Result(long lines, long events, long errors, long warnings, long bytes, List<Diagnostic> diagnostics) {
        public static final Result NONE = new Result(0, 0, 0, 0, 0, List.of());

        public Result {
            diagnostics = List.copyOf(diagnostics);
        }

        /** This part, then {@code next}, the part of the log after it. */
        public Result plus(Result next) {
            if (next.lines == 0 && next.bytes == 0) {
                return this;
            }
            List<Diagnostic> all = new ArrayList<>(diagnostics.size() + next.diagnostics.size());
            all.addAll(diagnostics);
            all.addAll(next.diagnostics);
            return new Result(lines + next.lines, events + next.events, errors + next.errors, warnings + next.warnings,
                    bytes + next.bytes, all);
        }
    }

    /**
     * A check of {@code [from, to)}: its complete lines (through {@code committedOffset}) and, apart, a last line
     * without {@code \n} ({@link Result#NONE} when there is none).
     */
    public record Scan(Result complete, long committedOffset, Result last) {
        public Result total() {
            return complete.plus(last);
        }
    }

    private LogCheck() {
    }

    public static Result check(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return scan(file, channel, 0, 1, channel.size()).total();
        }
    }

    /**
     * Checks {@code [from, to)} of an open log, {@code from} being the start of line {@code firstLine}, in parallel
     * pieces when it is large. The last line is judged even without {@code \n}, apart from the complete ones.
     */
    public static Scan scan(Path file, FileChannel channel, long from, long firstLine, long to) throws IOException {
        List<Counter> pieces = LogPieces.read(channel, from, to, LogPieces.piecesFor(to - from),
                ForkJoinPool.commonPool(), false, Diagnostic.RAW_BYTES, k -> new Counter(file));
        long lineBase = firstLine - 1;
        Result complete = Result.NONE;
        for (Counter piece : pieces) {
            complete = complete.plus(piece.result(lineBase));
            lineBase += piece.lines;
        }
        Counter lastPiece = pieces.getLast();
        long committed = lastPiece.splitter.committedOffset();
        Result last = Result.NONE;
        if (lastPiece.splitter.pendingBytes() > 0) {
            Counter tail = new Counter(file);
            long before = lastPiece.splitter.nextLineNumber();
            lastPiece.splitter.finish(tail);
            tail.lines = lastPiece.splitter.nextLineNumber() - before;
            last = tail.result(lineBase - (before - 1));
        }
        return new Scan(new Result(complete.lines(), complete.events(), complete.errors(), complete.warnings(),
                committed - from, complete.diagnostics()), committed, withBytes(last, to - committed));
    }

    private static Result withBytes(Result r, long bytes) {
        return r.lines() == 0 ? Result.NONE : new Result(r.lines(), r.events(), r.errors(), r.warnings(), bytes,
                r.diagnostics());
    }

    /** Counts one piece's lines and keeps its diagnostics (lines numbered within the piece). */
    private static final class Counter implements LogPieces.PieceReader<Counter> {
        private final Path file;
        private final List<Diagnostic> diagnostics = new ArrayList<>();
        private long lines;
        private long events;
        private long errors;
        private long warnings;
        private LineSplitter splitter;

        Counter(Path file) {
            this.file = file;
        }

        @Override
        public void line(long lineNumber, long offset, long length, ScannedLine judged, byte[] text, int off, int len) {
            switch (judged.outcome()) {
                case BLANK -> {
                }
                case EVENT -> {
                    events++;
                    if (judged.hasDiagnostic()) {
                        warnings++;
                        diagnostics.add(Diagnostic.of(file, lineNumber, offset, judged, text, off, len));
                    }
                }
                case ERROR -> {
                    errors++;
                    diagnostics.add(Diagnostic.of(file, lineNumber, offset, judged, text, off, len));
                }
            }
        }

        @Override
        public Counter done(LineSplitter splitter) {
            this.splitter = splitter;
            lines = splitter.nextLineNumber() - 1;
            return this;
        }

        /** What this piece found, its lines numbered {@code lineBase} further on. */
        Result result(long lineBase) {
            List<Diagnostic> shifted = new ArrayList<>(diagnostics.size());
            for (Diagnostic d : diagnostics) {
                shifted.add(d.shifted(lineBase));
            }
            return new Result(lines, events, errors, warnings, 0, shifted);
        }
    }
}
