package dev.omne.inspector.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compact one-line rendering of what an event says beyond its header: {@code kind=bash name=build
 * error=crash: exit 1}. The header fields ({@code type}, {@code id}, {@code ts}, {@code run_id}) and
 * {@code node_id} are left out (they have columns of their own), so are null fields. {@code kind},
 * {@code name} and {@code error} come first; an {@code error} object {kind, message} reads {@code kind: message}.
 * Plain strings are shown bare; strings with spaces, quotes, {@code =} or control characters are quoted as
 * JSON; numbers and booleans as they are; objects and arrays as compact JSON. Capped at
 * {@link Options#maxLength()} characters, ending in {@code …} when cut. Never contains a line break.
 * The same event reads the same wherever it is summed up ({@code follow}, CSV, the window's table); only
 * what {@link Options} say differs.
 */
public final class EventSummary {
    public static final int MAX_LENGTH = 200;

    private static final Set<String> HEADER = Set.of("type", "id", "ts", "run_id", "node_id");
    private static final List<String> FIRST = List.of("kind", "name", "error");

    /**
     * How a summary is made for one place.
     *
     * @param maxLength      the longest summary, in characters (at least 1)
     * @param shownElsewhere fields left out besides the header and {@code node_id}, since that place shows them
     */
    public record Options(int maxLength, Set<String> shownElsewhere) {
        /** A line of {@code follow} or a CSV cell. */
        public static final Options DEFAULT = new Options(MAX_LENGTH, Set.of());

        public Options {
            if (maxLength < 1) {
                throw new IllegalArgumentException("maxLength " + maxLength);
            }
            shownElsewhere = Set.copyOf(shownElsewhere);
        }

        boolean leavesOut(String field) {
            return HEADER.contains(field) || shownElsewhere.contains(field);
        }
    }

    private EventSummary() {
    }

    public static String of(Event event) {
        return of(event.json(), Options.DEFAULT);
    }

    public static String of(ObjectNode json) {
        return of(json, Options.DEFAULT);
    }

    public static String of(ObjectNode json, Options options) {
        int max = options.maxLength();
        StringBuilder out = new StringBuilder(Math.min(max + 16, 256));
        for (String name : FIRST) {
            JsonNode value = json.get(name);
            if (value != null && !options.leavesOut(name) && !append(out, name, value, max)) {
                return cut(out, max);
            }
        }
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            if (options.leavesOut(field.getKey()) || FIRST.contains(field.getKey())) {
                continue;
            }
            if (!append(out, field.getKey(), field.getValue(), max)) {
                return cut(out, max);
            }
        }
        return out.length() > max ? cut(out, max) : out.toString();
    }

    /** The summary of a line that is not an event: its problem. */
    public static String ofMalformed(String problem) {
        StringBuilder out = new StringBuilder("malformed: ");
        appendSingleLine(out, problem == null ? "" : problem);
        return out.length() > MAX_LENGTH ? cut(out, MAX_LENGTH) : out.toString();
    }

    /** Appends {@code name=value}; false once the text is past {@code max} (no need to go on). */
    private static boolean append(StringBuilder out, String name, JsonNode value, int max) {
        if (value.isNull() || value.isMissingNode()) {
            return true;
        }
        if (!out.isEmpty()) {
            out.append(' ');
        }
        out.append(name).append('=');
        if (name.equals("error") && value.isObject() && (value.path("kind").isTextual() || value.path("message").isTextual())) {
            String kind = value.path("kind").isTextual() ? value.get("kind").textValue() : null;
            String message = value.path("message").isTextual() ? value.get("message").textValue() : null;
            if (kind != null) {
                appendSingleLine(out, kind);
            }
            if (kind != null && message != null) {
                out.append(": ");
            }
            if (message != null) {
                appendSingleLine(out, message);
            }
        } else if (value.isTextual()) {
            String text = value.textValue();
            if (isBare(text)) {
                out.append(text);
            } else {
                quote(out, text);
            }
        } else if (value.isValueNode()) {
            out.append(value.asText());
        } else {
            out.append(value); // compact JSON, line breaks inside strings escaped
        }
        return out.length() <= max;
    }

    private static boolean isBare(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c == 0x7F || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    /** Text with its line breaks and other control characters shown as JSON escapes, so it stays one line. */
    private static void appendSingleLine(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' || c == 0x7F || c == '\u2028' || c == '\u2029') {
                escape(out, c);
            } else {
                out.append(c);
            }
        }
    }

    private static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < ' ' || c == 0x7F || c == '\u2028' || c == '\u2029') {
                escape(out, c);
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static void escape(StringBuilder out, char c) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> out.append(String.format("\\u%04x", (int) c));
        }
    }

    /** The first {@code max - 1} characters and {@code …}, never splitting a surrogate pair. */
    private static String cut(StringBuilder out, int max) {
        if (out.length() <= max) {
            return out.toString();
        }
        int end = Math.max(0, max - 1);
        if (end > 0 && Character.isHighSurrogate(out.charAt(end - 1))) {
            end--;
        }
        return out.substring(0, end) + "…";
    }
}
