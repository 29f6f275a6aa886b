package dev.omne.inspector.core.event;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;

/** Shared pieces of the event records. */
public final class Events {
    /** The fields every event carries, in canonical order; they may not be redefined by extra fields. */
    public static final List<String> HEADER_FIELDS = List.of("type", "id", "ts", "run_id");

    private Events() {
    }

    static ObjectNode header(String type, String id, Instant ts, String runId) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("type", type);
        json.put("id", id);
        json.put("ts", ts == null ? null : Timestamps.format(ts));
        json.put("run_id", runId);
        return json;
    }

    /** Whether a type is lowercase dotted words, e.g. {@code node.started} or {@code run.signal_received}. */
    public static boolean isValidType(String type) {
        return type != null && type.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
    }
}
