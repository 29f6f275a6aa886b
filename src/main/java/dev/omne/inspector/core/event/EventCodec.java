package dev.omne.inspector.core.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Canonical JSON for events: one line, {@code type} first, then {@code id}, {@code ts}, {@code run_id},
 * then the other fields in their own order. Reading is strict JSON (Jackson's lenient features are all off);
 * which lines are valid events is decided by {@link dev.omne.inspector.core.log.LineJudge}, the one authority
 * every reading path shares.
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
     * Builds the event of a line that {@link dev.omne.inspector.core.log.LineJudge} accepted.
     * Throws {@link IOException} only if the line is not valid after all.
     */
    public static Event decodeScanned(byte[] buf, int off, int len) throws IOException {
        try (JsonParser parser = StrictJson.factory().createParser(buf, off, len)) {
            return eventOf(parser);
        }
    }

    /** The same, from a stream holding one accepted line (a line too long to keep in memory as bytes). */
    public static Event decodeScanned(java.io.InputStream line) throws IOException {
        try (JsonParser parser = StrictJson.factory().createParser(line)) {
            return eventOf(parser);
        }
    }

    /**
     * Reads JSON someone is about to append (one object) into a tree that writes back exactly the values given: numbers
     * keep their text (so {@code 1.00000000000000000001} is not rounded, nor {@code -0} turned into {@code 0}), and a key
     * given twice anywhere is refused rather than one of its values silently dropped. The text must already have been
     * judged ({@link dev.omne.inspector.core.log.LineJudge#jsonProblem}).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static ObjectNode readExactObject(String text) {
        try (JsonParser parser = StrictJson.factory().createParser(text)) {
            JsonNode node = readExact(parser, parser.nextToken());
            if (!(node instanceof ObjectNode object)) {
                throw new IllegalArgumentException("expected one JSON object");
            }
            return object;
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage());
        }
    }

    /** One JSON value read the same way (the value of a {@code --field KEY:=JSON}). */
    public static JsonNode readExactValue(String text) {
        try (JsonParser parser = StrictJson.factory().createParser(text)) {
            return readExact(parser, parser.nextToken());
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage());
        }
    }

    private static JsonNode readExact(JsonParser parser, JsonToken token) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (token == null) {
            throw new IllegalArgumentException("no JSON value");
        }
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                    String name = parser.currentName();
                    if (object.has(name)) {
                        throw new IllegalArgumentException("\"" + name + "\" is given twice");
                    }
                    object.set(name, readExact(parser, parser.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(readExact(parser, t));
                }
                yield array;
            }
            case VALUE_STRING -> nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> nodes.rawValueNode(new RawValue(parser.getText()));
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> throw new IllegalArgumentException("unexpected " + token);
        };
    }

    private static Event eventOf(JsonParser parser) throws IOException {
        JsonNode node = MAPPER.readTree(parser);
        if (!(node instanceof ObjectNode object)) {
            throw new IOException("expected a JSON object");
        }
        return Event.of(object);
    }
}
