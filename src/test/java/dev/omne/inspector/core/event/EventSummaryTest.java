package dev.omne.inspector.core.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omne.inspector.core.event.EventCodec;
import dev.omne.inspector.core.event.NodeFailed;
import dev.omne.inspector.core.event.NodeStarted;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventSummaryTest {
    static final Instant T = Instant.parse("2026-04-15T00:00:00Z");

    static ObjectNode json(String text) throws IOException {
        return (ObjectNode) EventCodec.mapper().readTree(text);
    }

    @Test
    void headerAndNullFieldsAreLeftOutAndKindNameErrorComeFirst() throws IOException {
        assertEquals("kind=bash name=\"Run the tests\"",
                EventSummary.of(NodeStarted.of("ev-1", T, "r", "n1", "bash", "Run the tests", null)));
        assertEquals("error=crash: exit status 2",
                EventSummary.of(NodeFailed.of("ev-1", T, "r", "n1", "crash", "exit status 2")));
        assertEquals("kind=bash error=blocked: waiting duration_ms=12 extra=[1,2] flag=true",
                EventSummary.of(json("{\"type\":\"node.failed\",\"duration_ms\":12,\"extra\":[1,2],\"flag\":true,"
                        + "\"error\":{\"kind\":\"blocked\",\"message\":\"waiting\"},\"kind\":\"bash\",\"nul\":null}")));
        assertEquals("error=\"just a string\"", EventSummary.of(json("{\"type\":\"a.b\",\"error\":\"just a string\"}")));
        assertEquals("", EventSummary.of(json("{\"type\":\"a.b\",\"id\":\"x\",\"ts\":\"t\",\"run_id\":\"r\",\"node_id\":\"n\"}")));
    }

    @Test
    void neverMoreThanOneLineNorLongerThanTheCap() throws IOException {
        String summary = EventSummary.of(json("{\"type\":\"a.b\",\"text\":\"one\\ntwo\\r\\u2028three\","
                + "\"error\":{\"kind\":\"crash\",\"message\":\"a\\nb\"},\"long\":\"" + "\ud83d\ude80".repeat(300) + "\"}"));
        assertFalse(summary.contains("\n") || summary.contains("\r") || summary.contains("\u2028"), summary);
        // The cap, or one less where the cut would have split a surrogate pair.
        assertTrue(summary.length() == EventSummary.MAX_LENGTH || summary.length() == EventSummary.MAX_LENGTH - 1,
                summary.length() + ": " + summary);
        assertTrue(summary.endsWith("…"));
        assertFalse(Character.isHighSurrogate(summary.charAt(summary.length() - 2)), "no half emoji");
        assertTrue(summary.startsWith("error=crash: a\\nb text=\"one\\ntwo\\r\\u2028three\""), summary);
    }

    @Test
    void optionsLeaveOutWhatAPlaceShowsElsewhereAndSetTheCap() throws IOException {
        ObjectNode event = json("{\"type\":\"node.failed\",\"node_id\":\"n\",\"kind\":\"bash\",\"gate\":\"lint\","
                + "\"error\":{\"kind\":\"crash\",\"message\":\"disk full\"},\"text\":\"" + "w".repeat(500) + "\"}");
        EventSummary.Options table = new EventSummary.Options(40, java.util.Set.of("kind"));
        String summary = EventSummary.of(event, table);
        assertEquals("error=crash: disk full gate=lint text=w…", summary);
        assertEquals(40, summary.length());
        assertTrue(EventSummary.of(event).startsWith("kind=bash error=crash: disk full gate=lint text=www"));
        assertEquals(EventSummary.MAX_LENGTH, EventSummary.of(event).length());
    }

    @Test
    void malformedLinesSayWhatIsWrong() {
        assertEquals("malformed: missing \"type\" field", EventSummary.ofMalformed("missing \"type\" field"));
    }
}
