package dev.omne.inspector.core.export;

import dev.omne.inspector.core.event.EventSummary;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omne.inspector.core.event.EventCodec;
import dev.omne.inspector.core.event.StrictJson;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.log.Diagnostic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code csv}: a header row of column names, then one row per event, RFC 4180: records end in CRLF, a field
 * holding a comma, a quote, CR or LF is quoted, quotes inside doubled. UTF-8, no byte order mark.
 *
 * <p>Columns: {@code line} (1-based line number), {@code ts} (the event's {@code ts} as written),
 * {@code type}, {@code node} (its {@code node_id}), {@code kind} (its own {@code kind}, else its node's kind
 * from the node's {@code node.started}), {@code summary} ({@link EventSummary}); any other name is that
 * top-level field of the event, or, when there is none and the name has dots, the nested field it names
 * ({@code error.kind}). A name starting with a dot is always a field, for fields named like a built-in
 * column: {@code .line} is the event's own {@code line} field. A string field is its text; numbers, booleans, objects and arrays are their compact
 * JSON; an absent or null field is empty. A line that is not an event (with
 * {@link ExportOptions#includeMalformed()}) has its line number, {@code malformed: PROBLEM} as summary and
 * nothing else.
 */
public final class CsvExporter implements Exporter {
    public static final List<String> DEFAULT_COLUMNS = List.of("line", "ts", "type", "node", "kind", "summary");
    /** Column names with a meaning of their own; any other name is a field of the event. */
    public static final List<String> BUILT_IN_COLUMNS = DEFAULT_COLUMNS;

    @Override
    public ExportFormat format() {
        return ExportFormat.CSV;
    }

    /** The columns an export with these options writes, after checking them. */
    public static List<String> columns(ExportOptions options) {
        List<String> columns = options.columns().isEmpty() ? DEFAULT_COLUMNS : options.columns();
        for (String column : columns) {
            if (column == null || column.isBlank()) {
                throw new IllegalArgumentException("a csv column name may not be empty");
            }
        }
        return columns;
    }

    @Override
    public void export(IndexSnapshot snapshot, int[] rows, ExportOptions options, OutputStream out) throws IOException {
        List<String> columns = columns(options);
        String[] names = columns.toArray(String[]::new);
        boolean needsJson = false;
        for (String name : names) {
            needsJson |= !name.equals("line") && !name.equals("type") && !name.equals("node");
        }
        int[] ordered = Rows.inFileOrder(snapshot, rows);
        Writer buffered = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        CsvWriter w = new CsvWriter(buffered);
        for (int c = 0; c < names.length; c++) {
            w.field(c, names.length == 1, names[c]);
        }
        w.endRecord();
        try (LineReader reader = needsJson ? new LineReader(snapshot) : null) {
            for (int i = 0; i < ordered.length; i++) {
                Rows.poll(i, options.cancelled());
                int row = ordered[i];
                boolean error = snapshot.isError(row);
                if (error && !options.includeMalformed()) {
                    continue;
                }
                ObjectNode json = null;
                if (needsJson && !error) {
                    reader.line(snapshot.offset(row));
                    json = parse(reader.buffer(), reader.lineOffset(), reader.lineLength(), snapshot, row);
                }
                for (int c = 0; c < names.length; c++) {
                    w.field(c, names.length == 1, error ? malformedValue(snapshot, row, names[c]) : value(snapshot, row, json, names[c]));
                }
                w.endRecord();
            }
        }
        w.flush();
    }

    static ObjectNode parse(byte[] buf, int off, int len, IndexSnapshot snapshot, int row) throws IOException {
        try (JsonParser parser = StrictJson.factory().createParser(buf, off, len)) {
            JsonNode node = EventCodec.mapper().readTree(parser);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            // fall through: the index said this line is an event
        }
        throw new IOException(snapshot.file() + ":" + snapshot.line(row)
                + ": the line is no longer the event that was indexed: the log was changed or replaced");
    }

    private static String malformedValue(IndexSnapshot snapshot, int row, String column) {
        return switch (column) {
            case "line" -> Long.toString(snapshot.line(row));
            case "summary" -> {
                Diagnostic d = snapshot.diagnostic(row);
                yield EventSummary.ofMalformed(d == null ? "not an event" : d.message());
            }
            default -> "";
        };
    }

    private static String value(IndexSnapshot snapshot, int row, ObjectNode json, String column) {
        return switch (column) {
            case "line" -> Long.toString(snapshot.line(row));
            case "type" -> orEmpty(snapshot.type(row));
            case "node" -> orEmpty(snapshot.node(row));
            case "kind" -> {
                JsonNode own = json.get("kind");
                yield own != null && own.isTextual() ? own.textValue() : orEmpty(snapshot.nodeKind(snapshot.nodeId(row)));
            }
            case "summary" -> EventSummary.of(json);
            default -> fieldText(json, column);
        };
    }

    /** A top-level field (or a dotted path into nested objects) as text: strings bare, the rest as JSON. */
    static String fieldText(ObjectNode json, String column) {
        String name = column.length() > 1 && column.charAt(0) == '.' ? column.substring(1) : column;
        JsonNode value = json.get(name);
        if (value == null && name.indexOf('.') > 0) {
            JsonNode at = json;
            for (String part : name.split("\\.", -1)) {
                at = at == null ? null : at.get(part);
            }
            value = at;
        }
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
