package dev.omne.inspector.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * {@code node.failed}: a node failed. The error's shape is inferred ({@code "error":{"kind":..,"message":..}}),
 * so the accessors also accept a plain string {@code error} or flat {@code error_kind}/{@code message} fields.
 */
public record NodeFailed(ObjectNode json) implements Event {
    public static final String TYPE = "node.failed";

    /** Error kinds the omne docs name; others are accepted too. */
    public static final java.util.List<String> KNOWN_ERROR_KINDS = java.util.List.of(
            "crash", "max_iterations_exceeded", "blocked", "gate_failed", "gate_timeout", "host_missing");

    public String errorKind() {
        JsonNode error = json.get("error");
        if (error != null && error.isObject() && error.path("kind").isTextual()) {
            return error.get("kind").textValue();
        }
        return text("error_kind");
    }

    public String errorMessage() {
        JsonNode error = json.get("error");
        if (error != null && error.isObject() && error.path("message").isTextual()) {
            return error.get("message").textValue();
        }
        if (error != null && error.isTextual()) {
            return error.textValue();
        }
        return text("message");
    }

    public static NodeFailed of(String id, Instant ts, String runId, String nodeId, String errorKind, String message) {
        ObjectNode json = Events.header(TYPE, id, ts, runId);
        json.put("node_id", nodeId);
        ObjectNode error = json.putObject("error");
        error.put("kind", errorKind);
        error.put("message", message);
        return new NodeFailed(json);
    }
}
