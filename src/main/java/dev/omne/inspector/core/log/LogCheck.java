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
 * order, read in parallel pieces and keeping nothing else (no index: a check is one pass and done).
 */
public final class LogCheck {
    /** What a check of one log found; diagnostics in file order. */
    public record Result(long lines, long events, long errors, long warnings, long bytes, List<Diagnostic> diagnostics) {
    }

    private LogCheck() {
    }

    public static Result check(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            List<Counter> pieces = LogPieces.read(channel, length, LogPieces.piecesFor(length),
                    ForkJoinPool.commonPool(), true, Diagnostic.RAW_BYTES, k -> new Counter(file));
            long lines = 0;
            long events = 0;
            long errors = 0;
            long warnings = 0;
            List<Diagnostic> diagnostics = new ArrayList<>();
            for (Counter piece : pieces) {
                for (Diagnostic d : piece.diagnostics) {
                    diagnostics.add(d.shifted(lines));
                }
                lines += piece.lines;
                events += piece.events;
                errors += piece.errors;
                warnings += piece.warnings;
            }
            return new Result(lines, events, errors, warnings, length, diagnostics);
        }
    }

    /** Counts one piece's lines and keeps its diagnostics (lines numbered within the piece). */
    private static final class Counter implements LogPieces.PieceReader<Counter> {
        private final Path file;
        private final List<Diagnostic> diagnostics = new ArrayList<>();
        private long lines;
        private long events;
        private long errors;
        private long warnings;

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
            lines = splitter.nextLineNumber() - 1;
            return this;
        }
    }
}
