package dev.omne.inspector.ui.events;

import dev.omne.inspector.ui.common.Formats;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omne.inspector.core.event.EventCodec;
import dev.omne.inspector.core.event.EventSummary;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.log.Diagnostic;
import dev.omne.inspector.ui.common.RowLines;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The table's text of rows that the index does not hold: each line read back from the file and summed up. */
public final class RowTexts {
    /** Bytes of a line read for a table summary. */
    public static final int SUMMARY_CAP = 64 * 1024;
    /** The table has a column for the node's kind, and room for more than a line of {@code follow}; the detail pane shows everything. */
    static final EventSummary.Options SUMMARY = new EventSummary.Options(400, Set.of("kind"));

    private RowTexts() {
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
                RowLines.Line line = RowLines.read(channel, snapshot, row, SUMMARY_CAP);
                out.put(row, new RowText(summary(line)));
            }
        }
        return out;
    }

    private static String summary(RowLines.Line line) {
        if (line.truncated()) {
            return "(a long line: " + line.bytes().length / 1024 + "+ KiB; select it to see the start)";
        }
        try {
            ObjectNode object = EventCodec.fieldsOf(EventCodec.mapper().readTree(line.bytes()));
            if (object != null) {
                return EventSummary.of(object, SUMMARY);
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
        return Formats.oneLine(diagnostic.message() + (raw.isEmpty() ? "" : "   ⟨" + raw + "⟩"));
    }
}
