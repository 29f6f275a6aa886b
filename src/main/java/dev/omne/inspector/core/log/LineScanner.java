package dev.omne.inspector.core.log;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.omne.inspector.core.event.StrictJson;
import dev.omne.inspector.core.event.Timestamps;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Judges one line: blank, an event (with the few fields the index keeps), or an error with a column and a
 * message. It walks the line once with Jackson's streaming parser and builds no tree. The reader, the run
 * index and the tailer all judge lines here, which is why they report the very same diagnostics.
 */
public final class LineScanner {
    /** Lines longer than this are reported and skipped, never held in memory whole. */
    public static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private static final Pattern FEATURE_HINT = Pattern.compile(
            ":? ?(enable `[A-Za-z.]+` to allow|\\(?(not recognized as one )?since (Json)?Feature '[A-Z_]+' not enabled for parser\\)?)");
    private static final Pattern SOURCE_LOCATION =
            Pattern.compile("\\[Source: [^\\]]*?; line: \\d+, column: (\\d+)\\]");

    private LineScanner() {
    }

    /**
     * Scans {@code len} bytes of one line (without its {@code \n}; a trailing {@code \r} is allowed).
     *
     * @param firstLine whether this is line 1, where a byte order mark is reported
     */
    public static void scan(byte[] buf, int off, int len, boolean firstLine, ScannedLine out) {
        out.reset();
        if (len > 0 && buf[off + len - 1] == '\r') {
            len--;
        }
        if (isBlank(buf, off, len)) {
            return;
        }
        if (len > MAX_LINE_BYTES) {
            error(out, 0, overlongMessage(len));
            return;
        }
        if (firstLine && len >= 3 && (buf[off] & 0xFF) == 0xEF && (buf[off + 1] & 0xFF) == 0xBB
                && (buf[off + 2] & 0xFF) == 0xBF) {
            error(out, 1, "the file starts with a UTF-8 byte order mark (BOM), which event logs must not have;"
                    + " this line is not read as an event");
            return;
        }
        int bad = Utf8.firstInvalid(buf, off, len);
        if (bad >= 0) {
            error(out, bad + 1, String.format("invalid UTF-8: byte 0x%02X at column %d", buf[off + bad] & 0xFF, bad + 1));
            return;
        }
        try (JsonParser parser = StrictJson.factory().createParser(buf, off, len)) {
            walk(parser, out);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            error(out, at == null ? 0 : Math.max(0, at.getColumnNr()), tidy(e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            // Jackson reports constraint violations and odd input this way; it is still this line's problem.
            error(out, 0, tidy(String.valueOf(e.getMessage())));
        }
    }

    private static void walk(JsonParser parser, ScannedLine out) throws IOException {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            error(out, column(parser), "expected a JSON object, found " + describe(first));
            return;
        }
        String problem = null;
        int problemColumn = 0;
        boolean sawType = false;
        String ts = null;
        boolean sawTs = false;
        JsonToken token;
        String[] names = new String[16];
        int nameCount = 0;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (indexOf(names, nameCount, name) >= 0) {
                error(out, column(parser), "duplicate field \"" + name + "\"");
                return;
            }
            if (nameCount == names.length) {
                names = java.util.Arrays.copyOf(names, nameCount * 2);
            }
            names[nameCount++] = name;
            JsonToken value = parser.nextToken();
            switch (name) {
                case "type" -> {
                    sawType = true;
                    if (value == JsonToken.VALUE_STRING) {
                        out.type = parser.getText();
                    } else if (problem == null) {
                        problem = "\"type\" must be a string, found " + describe(value);
                        problemColumn = column(parser);
                    }
                }
                case "ts" -> {
                    sawTs = true;
                    if (value == JsonToken.VALUE_STRING) {
                        ts = parser.getText();
                    }
                }
                case "node_id" -> {
                    if (value == JsonToken.VALUE_STRING) {
                        out.nodeId = parser.getText();
                    }
                }
                case "kind" -> {
                    if (value == JsonToken.VALUE_STRING) {
                        out.kind = parser.getText();
                    }
                }
                default -> {
                    // not indexed: skipped, but every byte is still tokenized and so validated
                }
            }
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                parser.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT) {
            error(out, column(parser), "expected a field name, found " + describe(token));
            return;
        }
        JsonToken after;
        try {
            after = parser.nextToken();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            error(out, at == null ? 0 : Math.max(0, at.getColumnNr()),
                    "unexpected content after the JSON object (one event per line): " + tidy(e.getOriginalMessage()));
            return;
        }
        if (after != null) {
            error(out, column(parser), "found " + describe(after) + " after the JSON object"
                    + " (one event per line)");
            return;
        }
        if (problem != null) {
            error(out, problemColumn, problem);
            return;
        }
        if (!sawType) {
            error(out, 0, "missing \"type\" field");
            return;
        }
        accept(out, sawTs, ts == null ? Timestamps.NONE : Timestamps.parseMicros(ts));
    }

    static int indexOf(String[] names, int count, String name) {
        for (int i = 0; i < count; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Marks a well-formed line as an event, with a warning when its time or node is missing. */
    static void accept(ScannedLine out, boolean sawTs, long tsMicros) {
        out.outcome = ScannedLine.Outcome.EVENT;
        out.tsMicros = tsMicros;
        if (!sawTs) {
            out.message = "no \"ts\" field: the event has no time";
        } else if (out.tsMicros == Timestamps.NONE) {
            out.message = "\"ts\" is not an RFC 3339 timestamp: the event has no time";
        } else if (out.type.startsWith("node.") && out.nodeId == null) {
            out.message = "a \"" + out.type + "\" event without a string \"node_id\"";
        }
    }

    private static void error(ScannedLine out, int column, String message) {
        out.outcome = ScannedLine.Outcome.ERROR;
        out.type = null;
        out.nodeId = null;
        out.kind = null;
        out.column = column;
        out.message = message;
    }

    static String overlongMessage(long length) {
        return String.format("line is %.1f MiB long, over the %d MiB limit: not read",
                length / (1024.0 * 1024.0), MAX_LINE_BYTES / (1024 * 1024));
    }

    private static int column(JsonParser parser) {
        JsonLocation at = parser.currentTokenLocation();
        return at == null ? 0 : Math.max(0, at.getColumnNr());
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the line";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case END_OBJECT -> "'}'";
            case END_ARRAY -> "']'";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }

    /** Jackson's messages, minus the source description that means nothing to a reader of the log. */
    static String tidy(String message) {
        String oneLine = message.replace('\n', ' ').replace('\r', ' ');
        String located = SOURCE_LOCATION.matcher(oneLine).replaceAll("column $1");
        return FEATURE_HINT.matcher(located).replaceAll("").replace("(non-standard) comment?", "comment? (comments are not JSON)").trim();
    }

    /** Blank as the contract means it: nothing but whitespace. */
    public static boolean isBlank(byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0x0B && b != 0x0C) {
                return false;
            }
        }
        return true;
    }
}
