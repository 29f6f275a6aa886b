package dev.omne.inspector.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * One event of a run's log. Every event keeps its whole JSON object, so fields this code does not know
 * are shown and survive a round trip; the typed records add accessors for the fields they know.
 */
public sealed interface Event permits NodeStarted, NodeCompleted, NodeFailed, GatePassed, GenericEvent {

    /** The event's JSON object. Treat it as read-only: events are values. */
    ObjectNode json();

    default String type() {
        return text("type");
    }

    default String id() {
        return text("id");
    }

    /** The timestamp, or null when {@code ts} is missing or not RFC 3339. */
    default Instant ts() {
        String ts = text("ts");
        return ts == null ? null : Timestamps.parseInstant(ts);
    }

    default String runId() {
        return text("run_id");
    }

    /** The node the event is about, or null for run-level events. */
    default String nodeId() {
        return text("node_id");
    }

    /** A top-level string field, or null when absent or not a string. */
    default String text(String field) {
        JsonNode value = json().get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** Wraps a JSON object with a string {@code type} in the record for its type. */
    static Event of(ObjectNode json) {
        JsonNode type = json.get("type");
        if (type == null || !type.isTextual()) {
            throw new IllegalArgumentException("an event needs a string \"type\" field");
        }
        return switch (type.textValue()) {
            case NodeStarted.TYPE -> new NodeStarted(json);
            case NodeCompleted.TYPE -> new NodeCompleted(json);
            case NodeFailed.TYPE -> new NodeFailed(json);
            case GatePassed.TYPE -> new GatePassed(json);
            default -> new GenericEvent(json);
        };
    }
}
