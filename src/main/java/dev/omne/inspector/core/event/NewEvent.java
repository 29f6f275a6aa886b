package dev.omne.inspector.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An event someone is about to append by hand (the {@code inject} command, the Inject dialog): the rules it
 * must meet and the header fields filled in for it. Both callers share this, so they accept the same events.
 */
public final class NewEvent {
    private NewEvent() {
    }

    /**
     * What is wrong with {@code json} as an event for {@code runId}, worded for a person; empty when valid.
     * Missing {@code id}, {@code ts} and {@code run_id} are fine: {@link #complete} fills them.
     */
    public static List<String> problems(ObjectNode json, String runId) {
        List<String> problems = new ArrayList<>();
        JsonNode type = json.get("type");
        if (type == null || !type.isTextual()) {
            problems.add("\"type\" is required and must be a string");
        } else if (!Events.isValidType(type.textValue())) {
            problems.add("type \"" + type.textValue() + "\" must be lowercase dotted words, e.g. node.started");
        } else if (EventTypes.namesNode(type.textValue()) && !json.path("node_id").isTextual()) {
            problems.add("a " + type.textValue() + " event needs a node id");
        }
        JsonNode id = json.get("id");
        if (id != null && (!id.isTextual() || id.textValue().isBlank())) {
            problems.add("\"id\" must be a non-empty string");
        }
        JsonNode ts = json.get("ts");
        if (ts != null && (!ts.isTextual() || Timestamps.parseMicros(ts.textValue()) == Timestamps.NONE)) {
            problems.add("\"ts\" must be an RFC 3339 timestamp such as 2026-04-15T00:00:00Z");
        }
        JsonNode run = json.get("run_id");
        if (run != null && !(run.isTextual() && run.textValue().equals(runId))) {
            problems.add("\"run_id\" " + run + " does not match the run \"" + runId + "\"");
        }
        JsonNode node = json.get("node_id");
        if (node != null && !(node.isTextual() && !node.textValue().isBlank())) {
            problems.add("\"node_id\" must be a non-empty string");
        }
        return problems;
    }

    /** A canonical copy with {@code id} ({@code ev-} + ULID), {@code ts} (now, ms) and {@code run_id} filled when absent. */
    public static ObjectNode complete(ObjectNode json, String runId, Instant now) {
        ObjectNode filled = json.deepCopy();
        if (!filled.has("id")) {
            filled.put("id", "ev-" + Ulid.of(now.toEpochMilli(), new java.security.SecureRandom()));
        }
        if (!filled.has("ts")) {
            filled.put("ts", Timestamps.format(now));
        }
        if (!filled.has("run_id")) {
            filled.put("run_id", runId);
        }
        return EventCodec.canonical(filled);
    }
}
