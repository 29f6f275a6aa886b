package dev.omne.inspector.ui.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omne.inspector.core.event.EventCodec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventSummaryTest {
    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) EventCodec.mapper().readTree(text);
    }

    @Test
    void leavesOutTheColumnsAndNullsAndFlattensOneLevel() throws Exception {
        assertEquals("gate=lint  exit_code=0  error.kind=crash  error.message=\"disk full\"",
                EventSummary.of(json("{\"type\":\"x.y\",\"id\":\"e\",\"ts\":\"t\",\"run_id\":\"r\",\"node_id\":\"n\","
                        + "\"kind\":\"bash\",\"name\":null,\"gate\":\"lint\",\"exit_code\":0,"
                        + "\"error\":{\"kind\":\"crash\",\"message\":\"disk full\"}}")));
    }

    @Test
    void deeperValuesAreShownAsJsonAndLongSummariesAreCut() throws Exception {
        assertEquals("a.b={\"c\":[1,2]}", EventSummary.of(json("{\"type\":\"x.y\",\"a\":{\"b\":{\"c\":[1,2]}}}")));
        String summary = EventSummary.of(json("{\"type\":\"x.y\",\"text\":\"" + "w ".repeat(500) + "\"}"));
        assertTrue(summary.length() <= EventSummary.MAX_CHARS);
        assertTrue(summary.endsWith("…"));
    }
}
