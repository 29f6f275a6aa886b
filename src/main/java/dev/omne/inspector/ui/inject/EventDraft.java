package dev.omne.inspector.ui.inject;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omne.inspector.core.event.EventCodec;
import dev.omne.inspector.core.event.EventTypes;
import dev.omne.inspector.core.event.Events;
import dev.omne.inspector.core.event.GatePassed;
import dev.omne.inspector.core.event.NewEvent;
import dev.omne.inspector.core.event.NodeFailed;
import dev.omne.inspector.core.event.NodeStarted;
import dev.omne.inspector.core.log.LineJudge;
import dev.omne.inspector.core.log.ScannedLine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The event the Inject dialog's form describes, checked by the same rules as the {@code inject} command
 * ({@link NewEvent}): each problem worded for the field it belongs to, and when there is none, exactly the line
 * that Append writes. Plain logic, no toolkit: the dialog's ViewModel builds one on every edit.
 *
 * @param typeProblem  what is wrong with the type, or null
 * @param nodeProblem  what is wrong with the node id, or null
 * @param extraProblem what is wrong with the extra fields, or null
 * @param otherProblem problems that belong to no single field, or null
 * @param line         the line to append (without its newline), or null while there is a problem
 */
record EventDraft(String typeProblem, String nodeProblem, String extraProblem, String otherProblem, String line) {
    static final String TYPE_PROMPT = "Choose or type an event type";
    private static final Set<String> NODE_STARTED_FIELDS = Set.of("kind", "name", "model");

    /**
     * What the form holds (every text stripped, empty when not given).
     *
     * @param run the run's id, or null while none is chosen
     */
    record Form(String type, String id, String ts, String run, String nodeId, String kind, String name, String model,
                String errorKind, String errorMessage, String gate, String extraFields) {
    }

    /** Checks the form's event; {@code now} fills what the event lacks, as {@link NewEvent#complete} does. */
    static EventDraft of(Form form, Instant now) {
        String t = form.type();
        ObjectNode json = EventCodec.mapper().createObjectNode();
        json.put("type", t);
        json.put("id", form.id());
        json.put("ts", form.ts());
        if (form.run() != null) {
            json.put("run_id", form.run());
        }
        String node = form.nodeId();
        if (!node.isEmpty()) {
            json.put("node_id", node);
        }
        List<String> formFields = new ArrayList<>(List.of("node_id"));
        if (NodeStarted.TYPE.equals(t)) {
            putIfSet(json, "kind", form.kind());
            putIfSet(json, "name", form.name());
            putIfSet(json, "model", form.model());
            formFields.addAll(NODE_STARTED_FIELDS);
        } else if (NodeFailed.TYPE.equals(t)) {
            if (!form.errorKind().isEmpty() || !form.errorMessage().isEmpty()) {
                ObjectNode error = json.putObject("error");
                putIfSet(error, "kind", form.errorKind());
                putIfSet(error, "message", form.errorMessage());
            }
            formFields.add("error");
        } else if (GatePassed.TYPE.equals(t)) {
            putIfSet(json, "gate", form.gate());
            formFields.add("gate");
        }

        String typeProblem = null;
        if (t.isEmpty()) {
            typeProblem = TYPE_PROMPT;
        } else if (!Events.isValidType(t)) {
            typeProblem = "Must be lowercase dotted words, e.g. node.started or run.signal_received";
        }
        String nodeProblem = null;
        if (EventTypes.namesNode(t) && node.isEmpty()) {
            nodeProblem = "A " + t + " event needs a node id";
        } else if (node.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            // Ids are single words: omne never writes one with a space, and a query by node would never find it.
            nodeProblem = "A node id has no spaces or control characters";
        }
        String extraProblem = null;
        try {
            ObjectNode extras = parseExtras(form.extraFields());
            for (var it = extras.fields(); it.hasNext(); ) {
                var field = it.next();
                String key = field.getKey();
                if (Events.HEADER_FIELDS.contains(key)) {
                    extraProblem = "\"" + key + "\" may not be set here: "
                            + (key.equals("type") ? "use the Type field" : key.equals("run_id") ? "choose the run above"
                            : "it is filled automatically");
                    break;
                }
                if (formFields.contains(key)) {
                    extraProblem = "\"" + key + "\" is set by the form above; leave it out here";
                    break;
                }
                json.set(key, field.getValue());
            }
        } catch (IllegalArgumentException e) {
            extraProblem = e.getMessage();
        }

        String other = null;
        if (typeProblem == null && nodeProblem == null && extraProblem == null && form.run() != null) {
            List<String> problems = NewEvent.problems(json, form.run());
            if (!problems.isEmpty()) {
                other = String.join("; ", problems);
            }
        }
        String line = null;
        if (typeProblem == null && nodeProblem == null && extraProblem == null && other == null && form.run() != null) {
            line = EventCodec.encode(NewEvent.complete(json, form.run(), now));
            // The very line to be written, judged as the runner will read it: refused rather than changed to fit.
            ScannedLine verdict = LineJudge.judgeToWrite(line);
            if (verdict.outcome() != ScannedLine.Outcome.EVENT) {
                other = "The omne runner could not read this line: " + verdict.describe();
                line = null;
            }
        }
        return new EventDraft(typeProblem, nodeProblem, extraProblem, other, line);
    }

    private static void putIfSet(ObjectNode json, String key, String value) {
        if (!value.isEmpty()) {
            json.put(key, value);
        }
    }

    private static final java.util.regex.Pattern COLUMN = java.util.regex.Pattern.compile("column (\\d+)");

    /**
     * The extra fields: blank for none, else one JSON object the omne runner can read (no key given twice, nothing
     * after it), its values kept exactly as written.
     */
    static ObjectNode parseExtras(String text) {
        if (text.isBlank()) {
            return EventCodec.mapper().createObjectNode();
        }
        if (!text.strip().startsWith("{")) {
            throw new IllegalArgumentException("Extra fields must be one JSON object, e.g. {\"signal\": \"SIGTERM\"}");
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String problem = new LineJudge().jsonProblem(bytes, 0, bytes.length);
        if (problem != null) {
            throw new IllegalArgumentException("Not JSON the omne runner can read: " + lineAndColumn(problem, bytes));
        }
        try {
            return EventCodec.readExactObject(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not valid: " + e.getMessage());
        }
    }

    /** The judge counts columns in bytes from the start; the field may hold several lines. */
    private static String lineAndColumn(String problem, byte[] text) {
        return COLUMN.matcher(problem).replaceAll(m -> {
            long column = Long.parseLong(m.group(1));
            int line = 1;
            int start = 0;
            for (int i = 0; i < column - 1 && i < text.length; i++) {
                if (text[i] == '\n') {
                    line++;
                    start = i + 1;
                }
            }
            return "line " + line + ", column " + (column - start);
        });
    }
}
