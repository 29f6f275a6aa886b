package dev.omne.inspector.core.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omne.inspector.core.event.EventCodec;
import dev.omne.inspector.core.event.NodeFailed;
import dev.omne.inspector.core.event.StrictJson;
import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.index.IndexSnapshot;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code trace}: Chrome Trace Event Format JSON (the object form), which Perfetto, {@code chrome://tracing}
 * and Chrome DevTools open:
 * <pre>{"traceEvents":[...],"displayTimeUnit":"ms","metadata":{...}}</pre>
 * <ul>
 *   <li>One process ({@code pid} 1) named by the run id; lane ({@code tid}) 1 is the run itself, then one
 *       lane per node, named by its node id ({@code ph:"M"} {@code thread_name}), ordered as the nodes first
 *       appear.</li>
 *   <li>Each execution of a node is a complete event ({@code ph:"X"}, named by the node id) from its
 *       {@code node.started} to the {@code node.completed} or {@code node.failed} that ends it; a node that
 *       starts again (a retry, a loop's body) gets one slice per start. {@code args} holds the start event's
 *       fields ({@code kind}, {@code name}, ...), the {@code outcome}, the error's kind and message, and the
 *       start and end line numbers. The run is such a slice on lane 1, from {@code run.started} to
 *       {@code run.completed} or {@code run.failed}. A node or run still running ends at the last time in
 *       the log, with outcome {@code running}.</li>
 *   <li>Every other event is an instant ({@code ph:"i"}, thread scope) on its node's lane, or the run's lane
 *       when it names no node: gates, loop iterations, output, retries, anything unknown. {@code args} holds
 *       its type, its fields and its line number ({@code log_line}).</li>
 *   <li>Times are microseconds since the earliest time in the log (the run's start, given in the metadata
 *       as {@code run_start}). Events without a valid {@code ts} cannot be placed and are left out (counted in
 *       the metadata); so are lines that are not events.</li>
 * </ul>
 * Only the rows passed contribute: with a filter, a slice needs both its start and its end selected (a lone
 * end becomes an instant; a lone start runs to the end of the log).
 */
public final class TraceExporter implements Exporter {
    public static final int PID = 1;
    public static final int RUN_TID = 1;

    private static final Set<String> HEADER = Set.of("type", "id", "ts", "run_id", "node_id");
    private static final Set<String> ENDINGS = Set.of("completed", "failed", "cancelled", "canceled", "aborted");
    /** Args the exporter adds itself; an event field of the same name is kept as {@code event.NAME}. */
    private static final Set<String> SLICE_ARGS = Set.of("outcome", "error_kind", "error_message", "started_line",
            "ended_line");
    private static final Set<String> INSTANT_ARGS = Set.of("type", "log_line");
    /** The field whose value an instant's name shows after its type: the gate's name, the iteration. */
    private static final Map<String, String> DETAIL = Map.of("gate.passed", "gate", "gate.failed", "gate",
            "loop.iteration", "iteration");

    @Override
    public ExportFormat format() {
        return ExportFormat.TRACE;
    }

    @Override
    public void export(IndexSnapshot snapshot, int[] rows, ExportOptions options, OutputStream out) throws IOException {
        int[] ordered = Rows.inFileOrder(snapshot, rows);
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int row = 0; row < snapshot.size(); row++) {
            long ts = snapshot.tsMicros(row);
            if (ts != Timestamps.NONE) {
                first = Math.min(first, ts);
                last = Math.max(last, ts);
            }
        }
        long base = first == Long.MAX_VALUE ? 0 : first;
        String runId = options.runId() != null ? options.runId() : folderName(snapshot);

        try (JsonGenerator g = EventCodec.mapper().createGenerator(out, JsonEncoding.UTF8);
             LineReader reader = new LineReader(snapshot)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(new OneEventPerLine());
            Writer w = new Writer(g, base);
            g.writeStartObject();
            g.writeArrayFieldStart("traceEvents");
            w.metadata("process_name", 0, "name", runId);
            Lane runLane = new Lane(RUN_TID, runId);
            w.metadata("thread_name", RUN_TID, "name", "run");
            w.metadata("thread_sort_index", RUN_TID, "sort_index", RUN_TID);
            Map<String, Lane> lanes = new HashMap<>();
            List<Lane> laneOrder = new ArrayList<>();
            laneOrder.add(runLane);

            for (int i = 0; i < ordered.length; i++) {
                Rows.poll(i, options.cancelled());
                int row = ordered[i];
                if (snapshot.isError(row)) {
                    w.malformed++;
                    continue;
                }
                long ts = snapshot.tsMicros(row);
                if (ts == Timestamps.NONE) {
                    w.untimed++;
                    continue;
                }
                reader.line(snapshot.offset(row));
                byte[] buf = reader.buffer();
                int off = reader.lineOffset();
                int len = reader.lineLength();
                String type = snapshot.type(row);
                String node = snapshot.node(row);
                Lane lane = runLane;
                if (node != null) {
                    lane = lanes.get(node);
                    if (lane == null) {
                        lane = new Lane(RUN_TID + 1 + lanes.size(), node);
                        lanes.put(node, lane);
                        laneOrder.add(lane);
                        w.metadata("thread_name", lane.tid, "name", node);
                        w.metadata("thread_sort_index", lane.tid, "sort_index", lane.tid);
                    }
                }
                String scope = node != null ? "node" : "run";
                long line = snapshot.line(row);
                w.events++;
                if (type.equals(scope + ".started")) {
                    lane.open.push(new Open(ts, line, CsvExporter.parse(buf, off, len, snapshot, row)));
                } else if (isEnding(type, scope) && !lane.open.isEmpty()) {
                    w.slice(lane, scope, lane.open.pop(), ts, line, CsvExporter.parse(buf, off, len, snapshot, row),
                            type.substring(scope.length() + 1));
                } else {
                    // Most events are instants (output above all): their fields are copied as they stream by.
                    w.instant(lane, type, ts, line, buf, off, len);
                }
            }
            for (Lane lane : laneOrder) {
                while (!lane.open.isEmpty()) {
                    w.slice(lane, lane.tid == RUN_TID ? "run" : "node", lane.open.pop(), Math.max(last, base), -1,
                            null, "running");
                }
            }
            g.writeEndArray();
            g.writeStringField("displayTimeUnit", "ms");
            g.writeObjectFieldStart("metadata");
            g.writeStringField("run_id", runId);
            g.writeStringField("source", snapshot.file().toAbsolutePath().toString());
            if (first != Long.MAX_VALUE) {
                g.writeStringField("run_start", DateTimeFormatter.ISO_INSTANT.format(Timestamps.ofMicros(base)));
                g.writeStringField("run_end", DateTimeFormatter.ISO_INSTANT.format(Timestamps.ofMicros(last)));
            }
            g.writeStringField("time_origin", "ts are microseconds since run_start");
            g.writeStringField("filter", options.filterText() == null ? "" : options.filterText());
            g.writeNumberField("events", w.events);
            g.writeNumberField("events_without_time", w.untimed);
            g.writeNumberField("malformed_lines_left_out", w.malformed);
            g.writeNumberField("nodes", laneOrder.size() - 1);
            g.writeNumberField("slices", w.slices);
            g.writeNumberField("running", w.running);
            g.writeNumberField("instants", w.instants);
            g.writeStringField("exported_by", "omne-inspector");
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
            g.flush();
        }
    }

    private static boolean isEnding(String type, String scope) {
        return type.length() > scope.length() + 1 && type.startsWith(scope) && type.charAt(scope.length()) == '.'
                && ENDINGS.contains(type.substring(scope.length() + 1));
    }

    private static String folderName(IndexSnapshot snapshot) {
        java.nio.file.Path parent = snapshot.file().toAbsolutePath().getParent();
        return parent == null || parent.getFileName() == null ? "run" : parent.getFileName().toString();
    }

    /** A lane: the run's, or one node's, with its executions not yet ended (innermost first). */
    private static final class Lane {
        final int tid;
        final String name;
        final ArrayDeque<Open> open = new ArrayDeque<>();

        Lane(int tid, String name) {
            this.tid = tid;
            this.name = name;
        }
    }

    private record Open(long tsMicros, long line, ObjectNode started) {
    }

    private static final class Writer {
        private final JsonGenerator g;
        private final long base;
        long events;
        long untimed;
        long malformed;
        long slices;
        long running;
        long instants;

        Writer(JsonGenerator g, long base) {
            this.g = g;
            this.base = base;
        }

        void metadata(String name, int tid, String key, Object value) throws IOException {
            g.writeStartObject();
            g.writeStringField("name", name);
            g.writeStringField("ph", "M");
            g.writeNumberField("pid", PID);
            g.writeNumberField("tid", tid);
            g.writeObjectFieldStart("args");
            if (value instanceof Number n) {
                g.writeNumberField(key, n.longValue());
            } else {
                g.writeStringField(key, String.valueOf(value));
            }
            g.writeEndObject();
            g.writeEndObject();
        }

        void slice(Lane lane, String scope, Open open, long endMicros, long endLine, ObjectNode ended, String outcome)
                throws IOException {
            slices++;
            if (ended == null) {
                running++;
            }
            g.writeStartObject();
            g.writeStringField("name", lane.name);
            g.writeStringField("cat", scope);
            g.writeStringField("ph", "X");
            g.writeNumberField("ts", open.tsMicros - base);
            g.writeNumberField("dur", Math.max(0, endMicros - open.tsMicros));
            g.writeNumberField("pid", PID);
            g.writeNumberField("tid", lane.tid);
            g.writeObjectFieldStart("args");
            fields(open.started, SLICE_ARGS);
            g.writeStringField("outcome", outcome);
            if (ended != null) {
                // node.failed's accessors read every error shape the log may use; run.failed has the same.
                NodeFailed failure = new NodeFailed(ended);
                String errorKind = failure.errorKind();
                String errorMessage = failure.errorMessage();
                if (errorKind != null) {
                    g.writeStringField("error_kind", errorKind);
                }
                if (errorMessage != null) {
                    g.writeStringField("error_message", errorMessage);
                }
            }
            g.writeNumberField("started_line", open.line);
            if (endLine > 0) {
                g.writeNumberField("ended_line", endLine);
            }
            g.writeEndObject();
            g.writeEndObject();
        }

        void instant(Lane lane, String type, long tsMicros, long line, byte[] buf, int off, int len) throws IOException {
            instants++;
            g.writeStartObject();
            int dot = type.indexOf('.');
            g.writeStringField("cat", dot > 0 ? type.substring(0, dot) : type);
            g.writeStringField("ph", "i");
            g.writeStringField("s", "t");
            g.writeNumberField("ts", tsMicros - base);
            g.writeNumberField("pid", PID);
            g.writeNumberField("tid", lane.tid);
            g.writeObjectFieldStart("args");
            g.writeStringField("type", type);
            String detail = null;
            String detailField = DETAIL.get(type);
            try (JsonParser p = StrictJson.factory().createParser(buf, off, len)) {
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (HEADER.contains(name) || value == JsonToken.VALUE_NULL) {
                        p.skipChildren();
                        continue;
                    }
                    if (name.equals(detailField) && (value == JsonToken.VALUE_STRING || value.isNumeric())) {
                        detail = p.getText();
                    }
                    g.writeFieldName(INSTANT_ARGS.contains(name) ? "event." + name : name);
                    g.copyCurrentStructure(p);
                }
            }
            g.writeNumberField("log_line", line);
            g.writeEndObject();
            g.writeStringField("name", detail == null ? type : type + " " + detail);
            g.writeEndObject();
        }

        /** An event's own fields, less the header and null ones; one named like an arg of ours gets "event.". */
        private void fields(ObjectNode json, Set<String> ours) throws IOException {
            for (Map.Entry<String, JsonNode> field : json.properties()) {
                if (!HEADER.contains(field.getKey()) && !field.getValue().isNull()) {
                    g.writeFieldName(ours.contains(field.getKey()) ? "event." + field.getKey() : field.getKey());
                    g.writeTree(field.getValue());
                }
            }
        }
    }

    /** Compact JSON, but each element of {@code traceEvents} on its own line, for people and line tools. */
    private static final class OneEventPerLine extends MinimalPrettyPrinter {
        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (isTraceEvents(g)) {
                g.writeRaw('\n');
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(isTraceEvents(g) ? ",\n" : ",");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            g.writeRaw(isTraceEvents(g) && nrOfValues > 0 ? "\n]" : "]");
        }

        private static boolean isTraceEvents(JsonGenerator g) {
            JsonStreamContext array = g.getOutputContext();
            JsonStreamContext object = array == null ? null : array.getParent();
            return array != null && array.inArray() && object != null && object.getParent() != null
                    && object.getParent().inRoot();
        }
    }
}
