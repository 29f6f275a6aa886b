package dev.omne.inspector.ui.detail;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.omne.inspector.core.event.EventCodec;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.log.Diagnostic;
import dev.omne.inspector.ui.common.RowLines;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Builds {@link DetailContent} from a line's bytes: plain work, done on a background thread. */
public final class DetailContents {
    /** Bytes of a line shown in the detail pane. */
    public static final int DETAIL_CAP = 1 << 20;

    private static final ObjectWriter PRETTY = EventCodec.mapper().writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n")));

    private DetailContents() {
    }

    /**
     * @param bytes     the line's bytes (without its newline), perhaps cut short
     * @param truncated whether {@code bytes} is only the start of the line
     * @param warning   an event's warning, or null
     */
    public static DetailContent event(long line, long offset, String type, byte[] bytes, boolean truncated,
                                      Diagnostic warning) {
        String raw = new String(bytes, StandardCharsets.UTF_8).strip();
        String text = raw;
        if (!truncated) {
            try {
                JsonNode tree = EventCodec.mapper().readTree(raw);
                text = PRETTY.writeValueAsString(tree);
            } catch (IOException e) {
                text = raw;
            }
        }
        return new DetailContent(line, offset, type, text, JsonSpans.of(text), false,
                warning == null ? null : warning.message(), warning == null ? 0 : warning.column(), -1, -1,
                truncated, raw);
    }

    /** A line that is not an event: its raw text with the error column marked. */
    public static DetailContent malformed(long line, long offset, byte[] bytes, boolean truncated, Diagnostic error) {
        int len = bytes.length;
        while (len > 0 && (bytes[len - 1] == '\n' || bytes[len - 1] == '\r')) {
            len--;
        }
        String text = new String(bytes, 0, len, StandardCharsets.UTF_8);
        if (text.isEmpty() && error.rawLine() != null) {
            text = error.rawLine();
        }
        int column = error.column();
        int markStart = -1;
        int markEnd = -1;
        if (column > 0) {
            int byteIndex = Math.min(column - 1, len);
            markStart = new String(bytes, 0, byteIndex, StandardCharsets.UTF_8).length();
            if (markStart < text.length()) {
                markEnd = text.offsetByCodePoints(markStart, 1);
            } else {
                markStart = text.length();
                markEnd = markStart;
            }
        }
        String raw = text;
        if (isBinary(bytes, len)) {
            // Garbage that is not text (control bytes, invalid UTF-8) is only readable as bytes: they follow in hex.
            text = text + "\n\n" + hexDump(bytes, len);
        }
        List<JsonSpans.Span> spans = JsonSpans.of(text);
        return new DetailContent(line, offset, null, text, spans, true, error.message(), column, markStart, markEnd,
                truncated, raw);
    }

    /** Bytes of a malformed line shown in hex. */
    static final int HEX_CAP = 4096;

    private static boolean isBinary(byte[] bytes, int len) {
        for (int i = 0; i < len; i++) {
            int b = bytes[i] & 0xff;
            if ((b < 0x20 && b != '\t') || b == 0x7f) {
                return true;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes, 0, len));
            return false;
        } catch (java.nio.charset.CharacterCodingException e) {
            return true;
        }
    }

    /** {@code 00000000  7b 22 74 0d 00 ...  |{"t..|}, 16 bytes a line, the first {@link #HEX_CAP} bytes. */
    static String hexDump(byte[] bytes, int len) {
        int shown = Math.min(len, HEX_CAP);
        StringBuilder out = new StringBuilder("Bytes (hex)" + (shown < len ? ", the first " + shown + " of " + len : "")
                + ":\n");
        for (int at = 0; at < shown; at += 16) {
            out.append(String.format(java.util.Locale.ROOT, "%08x ", at));
            StringBuilder chars = new StringBuilder();
            for (int i = at; i < at + 16; i++) {
                if (i < shown) {
                    int b = bytes[i] & 0xff;
                    out.append(String.format(java.util.Locale.ROOT, " %02x", b));
                    chars.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
                } else {
                    out.append("   ");
                }
            }
            out.append("  |").append(chars).append("|\n");
        }
        return out.toString().stripTrailing();
    }

    /** What the detail pane shows for a row. */
    public static DetailContent read(IndexSnapshot snapshot, int row) throws IOException {
        try (FileChannel channel = FileChannel.open(snapshot.file(), StandardOpenOption.READ)) {
            RowLines.Line line = RowLines.read(channel, snapshot, row, DETAIL_CAP);
            Diagnostic diagnostic = snapshot.diagnostic(row);
            if (snapshot.isError(row)) {
                return DetailContents.malformed(snapshot.line(row), snapshot.offset(row), line.bytes(), line.truncated(),
                        diagnostic);
            }
            return DetailContents.event(snapshot.line(row), snapshot.offset(row), snapshot.type(row), line.bytes(),
                    line.truncated(), diagnostic);
        }
    }
}
