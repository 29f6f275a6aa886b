package dev.omne.inspector.core.event;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** {@code node.started}: a node of kind bash, command, prompt or loop began. */
public record NodeStarted(ObjectNode json) implements Event {
    public static final String TYPE = "node.started";

    public String kind() {
        return text("kind");
    }

    public String name() {
        return text("name");
    }

    public String model() {
        return text("model");
    }

    /** Builds the event exactly as the runner writes it: name and model are written as null when absent. */
    public static NodeStarted of(String id, Instant ts, String runId, String nodeId, String kind, String name, String model) {
        ObjectNode json = Events.header(TYPE, id, ts, runId);
        json.put("node_id", nodeId);
        json.put("kind", kind);
        json.put("name", name);
        json.put("model", model);
        return new NodeStarted(json);
    }
}
