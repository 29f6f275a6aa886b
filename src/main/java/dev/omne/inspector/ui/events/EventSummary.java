package dev.omne.inspector.ui.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * One line that says what an event carries beyond the columns the table already shows (type, id, time, run,
 * node, kind): {@code gate=lint exit_code=0 error.kind=crash error.message="disk full"}. Nulls are left out.
 */
public final class EventSummary {
    /** Longest summary kept; the detail pane shows everything. */
    public static final int MAX_CHARS = 400;
    private static final Set<String> SHOWN_ELSEWHERE = Set.of("type", "id", "ts", "run_id", "node_id", "kind");

    private EventSummary() {
    }

    public static String of(ObjectNode event) {
        StringBuilder out = new StringBuilder();
        append(out, "", event, true);
        return out.length() > MAX_CHARS ? out.substring(0, MAX_CHARS - 1) + "…" : out.toString();
    }

    private static void append(StringBuilder out, String prefix, JsonNode object, boolean top) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
            if (out.length() > MAX_CHARS) {
                return;
            }
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (top && SHOWN_ELSEWHERE.contains(name) || value.isNull()) {
                continue;
            }
            if (value.isObject() && !value.isEmpty() && prefix.isEmpty()) {
                append(out, name + ".", value, false);
                continue;
            }
            if (!out.isEmpty()) {
                out.append("  ");
            }
            out.append(prefix).append(name).append('=').append(text(value));
        }
    }

    private static String text(JsonNode value) {
        if (value.isTextual()) {
            String s = value.textValue().replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
            return s.isEmpty() || s.indexOf(' ') >= 0 || s.indexOf('=') >= 0 ? "\"" + s + "\"" : s;
        }
        return value.toString();
    }
}
