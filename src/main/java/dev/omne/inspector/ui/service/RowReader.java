package dev.omne.inspector.ui.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omne.inspector.core.event.EventCodec;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.log.Diagnostic;
import dev.omne.inspector.ui.model.DetailContent;
import dev.omne.inspector.ui.model.DetailContents;
import dev.omne.inspector.ui.model.EventSummary;
import dev.omne.inspector.ui.model.RowText;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads rows' lines back from the events file by their byte offsets in the index: only the lines someone is
 * looking at, and always on a background thread. A row's line ends where the next row starts (or where the
 * snapshot's complete lines end), so no scanning for newlines is needed.
 */
public final class RowReader {
    /** Bytes of a line read for a table summary. */
    public static final int SUMMARY_CAP = 64 * 1024;
    /** Bytes of a line shown in the detail pane. */
    public static final int DETAIL_CAP = 1 << 20;
    /** Bytes of a line put on the clipboard. */
    public static final int COPY_CAP = 16 << 20;

    private RowReader() {
    }

    /** Summaries of the rows: events parsed, malformed lines as the start of their raw text. */
    public static Map<Integer, RowText> texts(IndexSnapshot snapshot, int[] rows) throws IOException {
        Map<Integer, RowText> out = new HashMap<>();
        int[] sorted = rows.clone();
        Arrays.sort(sorted);
        try (FileChannel channel = FileChannel.open(snapshot.file(), StandardOpenOption.READ)) {
            for (int row : sorted) {
                if (row < 0 || row >= snapshot.size() || out.containsKey(row)) {
                    continue;
                }
                if (snapshot.isError(row)) {
                    out.put(row, new RowText(malformedSummary(snapshot.diagnostic(row))));
                    continue;
                }
                Line line = read(channel, snapshot, row, SUMMARY_CAP);
                out.put(row, new RowText(summary(line)));
            }
        }
        return out;
    }

    /** What the detail pane shows for a row. */
    public static DetailContent detail(IndexSnapshot snapshot, int row) throws IOException {
        try (FileChannel channel = FileChannel.open(snapshot.file(), StandardOpenOption.READ)) {
            Line line = read(channel, snapshot, row, DETAIL_CAP);
            Diagnostic diagnostic = snapshot.diagnostic(row);
            if (snapshot.isError(row)) {
                return DetailContents.malformed(snapshot.line(row), snapshot.offset(row), line.bytes, line.truncated,
                        diagnostic);
            }
            return DetailContents.event(snapshot.line(row), snapshot.offset(row), snapshot.type(row), line.bytes,
                    line.truncated, diagnostic);
        }
    }

    /** The rows' lines as they are in the file, one per element, for copying. */
    public static List<String> lines(IndexSnapshot snapshot, int[] rows) throws IOException {
        List<String> out = new ArrayList<>(rows.length);
        try (FileChannel channel = FileChannel.open(snapshot.file(), StandardOpenOption.READ)) {
            for (int row : rows) {
                Line line = read(channel, snapshot, row, COPY_CAP);
                out.add(new String(line.bytes, StandardCharsets.UTF_8).strip());
            }
        }
        return out;
    }

    private record Line(byte[] bytes, boolean truncated) {
    }

    private static Line read(FileChannel channel, IndexSnapshot snapshot, int row, int cap) throws IOException {
        long start = snapshot.offset(row);
        long end = row + 1 < snapshot.size() ? snapshot.offset(row + 1) : Math.max(snapshot.bytes(), start);
        end = Math.min(end, channel.size());
        long length = Math.max(0, end - start);
        boolean truncated = length > cap;
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, cap));
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, start + buffer.position());
            if (n < 0) {
                break;
            }
        }
        byte[] bytes = Arrays.copyOf(buffer.array(), buffer.position());
        int len = bytes.length;
        while (len > 0 && isSpace(bytes[len - 1])) {
            len--;
        }
        // The bytes up to the next row may hold blank lines too; the row's line ends at its first newline.
        for (int i = 0; i < len; i++) {
            if (bytes[i] == '\n') {
                len = i;
                break;
            }
        }
        while (len > 0 && isSpace(bytes[len - 1])) {
            len--;
        }
        return new Line(len == bytes.length ? bytes : Arrays.copyOf(bytes, len), truncated);
    }

    private static boolean isSpace(byte b) {
        return b == '\n' || b == '\r' || b == ' ' || b == '\t';
    }

    private static String summary(Line line) {
        if (line.truncated) {
            return "(a long line: " + line.bytes.length / 1024 + "+ KiB; select it to see the start)";
        }
        try {
            JsonNode tree = EventCodec.mapper().readTree(line.bytes);
            if (tree instanceof ObjectNode object) {
                return EventSummary.of(object);
            }
        } catch (IOException e) {
            return "(changed on disk since it was indexed)";
        }
        return "";
    }

    /** A malformed row in the table: the parser's message, then the start of the raw text. */
    public static String malformedSummary(Diagnostic diagnostic) {
        if (diagnostic == null) {
            return "";
        }
        String raw = diagnostic.rawLine() == null ? "" : diagnostic.rawLine();
        if (raw.length() > 120) {
            raw = raw.substring(0, 120) + "…";
        }
        return diagnostic.message() + (raw.isEmpty() ? "" : "   ⟨" + raw + "⟩");
    }
}
