package dev.omne.inspector.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omne.inspector.core.event.EventCodec;
import dev.omne.inspector.core.event.EventSummary;
import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.log.Diagnostic;
import dev.omne.inspector.core.log.LineSplitter;
import dev.omne.inspector.tail.RunUpdate;
import dev.omne.inspector.tail.TailNotice;
import dev.omne.inspector.tail.VolumeUpdate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Prints the batches of a volume watcher for {@code follow}, one line per event, diagnostic or notice. */
final class FollowPrinter {

    private final PrintWriter out;
    private final boolean printExisting;
    private String header;
    private boolean first = true;

    FollowPrinter(PrintWriter out, boolean printExisting) {
        this.out = out;
        this.printExisting = printExisting;
    }

    /** The line printed before the first batch. */
    void header(String text) {
        header = text;
    }

    /** Prints one batch; false when stdout is closed (nobody is reading any more). */
    boolean print(VolumeUpdate update) {
        boolean existing = first;
        first = false;
        if (existing && header != null) {
            out.println(header + " (" + update.runsAdded().size() + (update.runsAdded().size() == 1 ? " run" : " runs")
                    + (printExisting ? ")" : "; only new events are printed, --from-start prints the rest)"));
        }
        for (String run : update.runsRemoved()) {
            out.println("# run removed " + run);
        }
        if (!existing) {
            for (String run : update.runsAdded()) {
                out.println("# run added " + run);
            }
        }
        for (TailNotice notice : update.notices()) {
            out.println("# notice " + notice.format());
        }
        for (RunUpdate run : update.runs()) {
            for (TailNotice notice : run.notices()) {
                // A log that cannot be read is news even at the start: its run would otherwise just look empty.
                if (!existing || printExisting || notice.kind() == TailNotice.Kind.READ_RETRY
                        || notice.kind() == TailNotice.Kind.UNREADABLE) {
                    out.println("# notice " + notice.format());
                }
            }
            if (!existing || printExisting) {
                printRows(run);
            }
        }
        out.flush();
        return !out.checkError();
    }

    private void printRows(RunUpdate run) {
        if (run.fromRow() == run.toRow()) {
            return;
        }
        IndexSnapshot s = run.snapshot();
        try (LineReader lines = new LineReader(run.file())) {
            for (int row = run.fromRow(); row < run.toRow(); row++) {
                Diagnostic diagnostic = s.isError(row) || s.hasWarning(row) ? s.diagnostic(row) : null;
                if (!s.isError(row)) {
                    out.println(eventLine(run.runId(), s, row, lines));
                }
                if (diagnostic != null) {
                    out.println(diagnostic.format());
                }
            }
        }
    }

    static String eventLine(String runId, IndexSnapshot s, int row, LineReader lines) {
        long ts = s.tsMicros(row);
        String node = s.node(row);
        byte[] line = lines.line(s.offset(row));
        String summary = lines.cut() ? longLine(line) : summary(line, s.type(row));
        StringBuilder b = new StringBuilder(120);
        b.append(runId).append(' ').append(s.line(row)).append(' ')
                .append(ts == Timestamps.NONE ? "-" : Timestamps.format(Timestamps.ofMicros(ts))).append(' ')
                .append(s.type(row)).append(' ').append(node == null ? "-" : node);
        if (!summary.isEmpty()) {
            b.append(' ').append(summary);
        }
        return b.toString();
    }

    /** A line too long to keep: its start, and that it is long. */
    static String longLine(byte[] start) {
        String text = new String(start, 0, Math.min(start.length, 400), java.nio.charset.StandardCharsets.UTF_8);
        text = text.length() > 100 ? text.substring(0, 100) : text;
        return "(a long line, over " + LineSplitter.DISPLAY_BYTES / (1024 * 1024) + " MiB; it starts " + text + "…)";
    }

    /** The event's other fields on one line ({@link EventSummary}), or empty when the line cannot be read. */
    static String summary(byte[] line, String expectedType) {
        if (line == null) {
            return "";
        }
        JsonNode node;
        try {
            node = EventCodec.mapper().readTree(line);
        } catch (IOException e) {
            return "";
        }
        if (!(node instanceof ObjectNode object) || !expectedType.equals(object.path("type").asText(null))) {
            return ""; // the file changed since it was indexed
        }
        return EventSummary.of(object);
    }

    /** Reads lines back from an events file by offset, through a window that serves consecutive rows. */
    static final class LineReader implements AutoCloseable {
        private static final int WINDOW = 64 * 1024;
        private final Path file;
        private FileChannel channel;
        private boolean failed;
        private byte[] window = new byte[WINDOW];
        private long windowStart;
        private int windowLength;
        private boolean cut;

        LineReader(Path file) {
            this.file = file;
        }

        /**
         * The line's bytes without its newline, or null when it cannot be read; only its first
         * {@link LineSplitter#DISPLAY_BYTES} when it is longer ({@link #cut()} then says so).
         */
        byte[] line(long offset) {
            cut = false;
            try {
                int at = find(offset, 0);
                if (at < 0) {
                    return null;
                }
                return Arrays.copyOfRange(window, (int) (offset - windowStart), at);
            } catch (IOException e) {
                failed = true;
                return null;
            }
        }

        /** Index in the window of the newline ending the line at {@code offset}, or -1. */
        private int find(long offset, int attempt) throws IOException {
            if (offset >= windowStart && offset < windowStart + windowLength) {
                for (int i = (int) (offset - windowStart); i < windowLength; i++) {
                    if (window[i] == '\n') {
                        return i;
                    }
                }
            }
            if (attempt > 0 && windowLength < window.length) {
                return -1; // the end of the file came first
            }
            if (attempt > 0) {
                if (window.length >= LineSplitter.DISPLAY_BYTES) {
                    cut = true;
                    return windowLength; // the whole window is the line's start
                }
                window = new byte[window.length * 2];
            }
            fill(offset);
            return find(offset, attempt + 1);
        }

        /** Whether the last line read was longer than is kept, so only its start was read. */
        boolean cut() {
            return cut;
        }

        private void fill(long offset) throws IOException {
            if (failed) {
                throw new IOException("unreadable");
            }
            if (channel == null) {
                channel = FileChannel.open(file, StandardOpenOption.READ);
            }
            ByteBuffer buffer = ByteBuffer.wrap(window);
            long at = offset;
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, at);
                if (n <= 0) {
                    break;
                }
                at += n;
            }
            windowStart = offset;
            windowLength = buffer.position();
        }

        @Override
        public void close() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // read-only: nothing was written
                }
            }
        }
    }
}
