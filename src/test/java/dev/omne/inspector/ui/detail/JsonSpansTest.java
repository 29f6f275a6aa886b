package dev.omne.inspector.ui.detail;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonSpansTest {
    private static String kinds(String text) {
        StringBuilder out = new StringBuilder();
        for (JsonSpans.Span span : JsonSpans.of(text)) {
            if (span.kind() != JsonSpans.Kind.PLAIN) {
                out.append(span.kind().name().charAt(0)).append(':').append(text, span.start(), span.end()).append(' ');
            }
        }
        return out.toString().trim();
    }

    @Test
    void coloursKeysStringsNumbersAndLiterals() {
        assertEquals("P:{ K:\"a\" P:: S:\"x\" P:, K:\"b\" P:: N:-1.5e3 P:, K:\"c\" P:: L:null P:}",
                kinds("{\"a\": \"x\", \"b\": -1.5e3, \"c\": null}"));
    }

    @Test
    void escapedQuotesStayInTheString() {
        assertEquals("P:{ K:\"k\" P:: S:\"say \\\"hi\\\"\" P:}", kinds("{\"k\":\"say \\\"hi\\\"\"}"));
    }

    @Test
    void spansCoverTheWholeTextEvenWhenItIsNotJson() {
        String text = "{'type': oops, \"unterminated";
        List<JsonSpans.Span> spans = JsonSpans.of(text);
        int at = 0;
        for (JsonSpans.Span span : spans) {
            assertEquals(at, span.start());
            at = span.end();
        }
        assertEquals(text.length(), at);
    }
}
