package dev.omne.inspector.core.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Canonical JSON for events: one line, {@code type} first, then {@code id}, {@code ts}, {@code run_id},
 * then the other fields in their own order. Reading is strict JSON (Jackson's lenient features are all off,
 * duplicate keys are refused); which lines are valid events is decided by
 * {@link dev.omne.inspector.core.log.LineScanner}, the one authority every reading path shares.
 */
public final class EventCodec {
    private static final ObjectMapper MAPPER = JsonMapper.builder(StrictJson.factory())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private EventCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The canonical line of an event, without a newline. */
    public static String encode(Event event) {
        return encode(event.json());
    }

    /** The canonical line of a JSON object, without a newline. */
    public static String encode(ObjectNode json) {
        try {
            return MAPPER.writeValueAsString(canonical(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy with the header fields first (those present), then the rest in their order. */
    public static ObjectNode canonical(ObjectNode json) {
        ObjectNode ordered = JsonNodeFactory.instance.objectNode();
        for (String field : Events.HEADER_FIELDS) {
            JsonNode value = json.get(field);
            if (value != null) {
                ordered.set(field, value);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!Events.HEADER_FIELDS.contains(field.getKey())) {
                ordered.set(field.getKey(), field.getValue());
            }
        }
        return ordered;
    }

    /**
     * Builds the event of a line that {@link dev.omne.inspector.core.log.LineScanner} accepted.
     * Throws {@link IOException} only if the line is not valid after all.
     */
    public static Event decodeScanned(byte[] buf, int off, int len) throws IOException {
        try (JsonParser parser = StrictJson.factory().createParser(buf, off, len)) {
            JsonNode node = MAPPER.readTree(parser);
            if (!(node instanceof ObjectNode object)) {
                throw new IOException("expected a JSON object");
            }
            return Event.of(object);
        }
    }
}
