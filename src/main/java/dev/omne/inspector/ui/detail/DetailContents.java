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
        List<JsonSpans.Span> spans = JsonSpans.of(text);
        return new DetailContent(line, offset, null, text, spans, true, error.message(), column, markStart, markEnd,
                truncated, text);
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
