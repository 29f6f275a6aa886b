package dev.omne.inspector.core.event;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** {@code gate.passed}: a gate hook on a node exited 0. */
public record GatePassed(ObjectNode json) implements Event {
    public static final String TYPE = "gate.passed";

    public String gate() {
        return text("gate");
    }

    public static GatePassed of(String id, Instant ts, String runId, String nodeId, String gate) {
        ObjectNode json = Events.header(TYPE, id, ts, runId);
        json.put("node_id", nodeId);
        json.put("gate", gate);
        return new GatePassed(json);
    }
}
