package dev.omne.inspector.core.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCodecTest {
    private static final Instant T0 = Instant.parse("2026-04-15T00:00:00Z");

    static Event decode(String line) throws Exception {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return EventCodec.decodeScanned(bytes, 0, bytes.length);
    }

    @Test
    void nodeStartedIsWrittenExactlyAsTheReferenceWritesIt() throws Exception {
        NodeStarted event = NodeStarted.of("ev-0001", T0, "pipe-01", "n1", "bash", null, null);
        String line = EventCodec.encode(event);
        assertEquals("{\"type\":\"node.started\",\"id\":\"ev-0001\",\"ts\":\"2026-04-15T00:00:00.000Z\","
                + "\"run_id\":\"pipe-01\",\"node_id\":\"n1\",\"kind\":\"bash\",\"name\":null,\"model\":null}", line);
        NodeStarted back = assertInstanceOf(NodeStarted.class, decode(line));
        assertEquals(event, back);
        assertEquals("bash", back.kind());
        assertNull(back.name());
        assertEquals(T0, back.ts());
        assertEquals("n1", back.nodeId());
        assertEquals("pipe-01", back.runId());
        assertEquals("ev-0001", back.id());
    }

    @Test
    void referenceLineDecodesToNodeStarted() throws Exception {
        String reference = "{\"type\":\"node.started\",\"id\":\"ev-0001\",\"ts\":\"2026-04-15T00:00:00Z\","
                + "\"run_id\":\"pipe-01\",\"node_id\":\"n1\",\"kind\":\"bash\",\"name\":null,\"model\":null}";
        NodeStarted event = assertInstanceOf(NodeStarted.class, decode(reference));
        assertEquals(reference, EventCodec.encode(event), "a canonical line re-encodes to itself");
    }

    @Test
    void everyKnownTypeRoundTrips() throws Exception {
        Event[] events = {
                NodeStarted.of("ev-1", T0, "r", "plan", "prompt", "Plan it", "claude"),
                NodeCompleted.of("ev-2", T0, "r", "plan"),
                NodeFailed.of("ev-3", T0, "r", "build", "gate_failed", "tests failed"),
                GatePassed.of("ev-4", T0, "r", "build", "lint"),
        };
        for (Event event : events) {
            String line = EventCodec.encode(event);
            Event back = decode(line);
            assertEquals(event.getClass(), back.getClass(), line);
            assertEquals(event, back, line);
            assertEquals(line, EventCodec.encode(back));
        }
        NodeFailed failed = (NodeFailed) decode(EventCodec.encode(events[2]));
        assertEquals("gate_failed", failed.errorKind());
        assertEquals("tests failed", failed.errorMessage());
        assertEquals("lint", ((GatePassed) decode(EventCodec.encode(events[3]))).gate());
    }

    @Test
    void unknownTypesAndExtraFieldsSurviveARoundTrip() throws Exception {
        String line = "{\"type\":\"run.signal_received\",\"id\":\"ev-9\",\"ts\":\"2026-04-15T00:00:00.5Z\","
                + "\"run_id\":\"r\",\"signal\":\"pause\",\"nested\":{\"a\":[1,2.5,\"x\",null,true]},\"n\":-3}";
        Event event = decode(line);
        GenericEvent generic = assertInstanceOf(GenericEvent.class, event);
        assertEquals("run.signal_received", generic.type());
        assertEquals("pause", generic.text("signal"));
        assertEquals(line, EventCodec.encode(generic));

        String known = "{\"type\":\"node.completed\",\"id\":\"e\",\"ts\":\"2026-04-15T00:00:00Z\",\"run_id\":\"r\","
                + "\"node_id\":\"n\",\"duration_ms\":1200,\"outputs\":{\"k\":\"v\"}}";
        assertEquals(known, EventCodec.encode(decode(known)));
    }

    @Test
    void canonicalOrderPutsTheHeaderFirstAndKeepsTheRest() {
        ObjectNode json = EventCodec.mapper().createObjectNode();
        json.put("z", 1);
        json.put("run_id", "r");
        json.put("a", 2);
        json.put("ts", "2026-04-15T00:00:00Z");
        json.put("type", "x.y");
        json.put("id", "e");
        assertEquals("{\"type\":\"x.y\",\"id\":\"e\",\"ts\":\"2026-04-15T00:00:00Z\",\"run_id\":\"r\",\"z\":1,\"a\":2}",
                EventCodec.encode(json));
        assertTrue(!EventCodec.encode(json).contains("\n"));
    }

    @Test
    void nodeFailedAcceptsOtherErrorShapes() throws Exception {
        NodeFailed plain = (NodeFailed) decode("{\"type\":\"node.failed\",\"node_id\":\"n\",\"error\":\"boom\"}");
        assertEquals("boom", plain.errorMessage());
        assertNull(plain.errorKind());
        NodeFailed flat = (NodeFailed) decode("{\"type\":\"node.failed\",\"node_id\":\"n\",\"error_kind\":\"crash\"}");
        assertEquals("crash", flat.errorKind());
    }

    @Test
    void eventOfRefusesAnObjectWithoutAStringType() {
        ObjectNode json = EventCodec.mapper().createObjectNode();
        json.put("type", 3);
        assertThrows(IllegalArgumentException.class, () -> Event.of(json));
    }

    @Test
    void validTypesAreLowercaseDottedWords() {
        assertTrue(Events.isValidType("node.started"));
        assertTrue(Events.isValidType("run.signal_received"));
        assertTrue(!Events.isValidType("node"));
        assertTrue(!Events.isValidType("Node.Started"));
        assertTrue(!Events.isValidType("node..x"));
        assertTrue(!Events.isValidType("node.x "));
    }
}
