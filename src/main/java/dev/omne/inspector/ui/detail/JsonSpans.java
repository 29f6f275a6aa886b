package dev.omne.inspector.ui.detail;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits JSON text into coloured spans for the detail pane. A small hand-written lexer: it never fails, so
 * a line that is not valid JSON is still coloured as far as it goes.
 */
public final class JsonSpans {
    /** What a span of JSON text is. */
    public enum Kind { KEY, STRING, NUMBER, LITERAL, PUNCTUATION, PLAIN }

    /** Characters {@code [start, end)} of the text, of one kind. */
    public record Span(int start, int end, Kind kind) {
    }

    private JsonSpans() {
    }

    public static List<Span> of(String text) {
        List<Span> spans = new ArrayList<>();
        int n = text.length();
        int i = 0;
        int plainStart = 0;
        while (i < n) {
            char c = text.charAt(i);
            Kind kind = null;
            int end = i + 1;
            if (c == '"') {
                end = stringEnd(text, i);
                kind = isKey(text, end) ? Kind.KEY : Kind.STRING;
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                while (end < n && "0123456789+-.eE".indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                kind = Kind.NUMBER;
            } else if (text.startsWith("true", i) || text.startsWith("null", i)) {
                end = i + 4;
                kind = Kind.LITERAL;
            } else if (text.startsWith("false", i)) {
                end = i + 5;
                kind = Kind.LITERAL;
            } else if ("{}[]:,".indexOf(c) >= 0) {
                kind = Kind.PUNCTUATION;
            }
            if (kind != null) {
                if (plainStart < i) {
                    spans.add(new Span(plainStart, i, Kind.PLAIN));
                }
                spans.add(new Span(i, end, kind));
                plainStart = end;
            }
            i = end;
        }
        if (plainStart < n) {
            spans.add(new Span(plainStart, n, Kind.PLAIN));
        }
        return spans;
    }

    private static int stringEnd(String text, int quote) {
        int i = quote + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '"') {
                return i + 1;
            }
            if (c == '\n') {
                return i;
            }
            i++;
        }
        return text.length();
    }

    private static boolean isKey(String text, int afterString) {
        int i = afterString;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i < text.length() && text.charAt(i) == ':';
    }
}
