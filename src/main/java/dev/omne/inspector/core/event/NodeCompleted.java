package dev.omne.inspector.core.event;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** {@code node.completed}: a node finished successfully. */
public record NodeCompleted(ObjectNode json) implements Event {
    public static final String TYPE = "node.completed";

    public static NodeCompleted of(String id, Instant ts, String runId, String nodeId) {
        ObjectNode json = Events.header(TYPE, id, ts, runId);
        json.put("node_id", nodeId);
        return new NodeCompleted(json);
    }
}
