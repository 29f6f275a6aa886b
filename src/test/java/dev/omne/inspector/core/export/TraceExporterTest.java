package dev.omne.inspector.core.export;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.omne.inspector.generate.VolumeGenerator;
import dev.omne.inspector.core.event.Event;
import dev.omne.inspector.core.event.EventCodec;
import dev.omne.inspector.core.filter.EventFilter;
import dev.omne.inspector.core.filter.RowFilter;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.log.EventLine;
import dev.omne.inspector.core.log.EventReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static dev.omne.inspector.core.export.ExportFixtures.export;
import static dev.omne.inspector.core.export.ExportFixtures.index;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceExporterTest {
    @TempDir
    Path dir;

    final TraceExporter trace = new TraceExporter();

    /** A slice as the test works it out from the events themselves. */
    record Slice(String node, long ts, long dur, String outcome) {
    }

    static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    /** Pairs each node.started with the next end of the same node (innermost first), from the events alone. */
    static List<Slice> expectedSlices(List<EventLine> events) {
        long base = events.stream().map(e -> e.event().ts()).filter(t -> t != null).mapToLong(TraceExporterTest::micros).min().orElseThrow();
        long last = events.stream().map(e -> e.event().ts()).filter(t -> t != null).mapToLong(TraceExporterTest::micros).max().orElseThrow();
        Map<String, Deque<Long>> open = new HashMap<>();
        List<Slice> slices = new ArrayList<>();
        for (EventLine line : events) {
            Event e = line.event();
            String lane = e.nodeId() != null ? e.nodeId() : "(run)";
            String scope = e.nodeId() != null ? "node" : "run";
            long ts = micros(e.ts()) - base;
            if (e.type().equals(scope + ".started")) {
                open.computeIfAbsent(lane, k -> new ArrayDeque<>()).push(ts);
            } else if ((e.type().equals(scope + ".completed") || e.type().equals(scope + ".failed"))
                    && open.containsKey(lane) && !open.get(lane).isEmpty()) {
                long start = open.get(lane).pop();
                slices.add(new Slice(lane, start, ts - start, e.type().substring(scope.length() + 1)));
            }
        }
        open.forEach((lane, starts) -> starts.forEach(start -> slices.add(new Slice(lane, start, last - base - start, "running"))));
        slices.sort(Comparator.comparing(Slice::node).thenComparingLong(Slice::ts).thenComparingLong(Slice::dur));
        return slices;
    }

    /** The X events of a trace as slices, lanes named through the thread_name metadata. */
    static List<Slice> actualSlices(JsonNode trace) {
        Map<Integer, String> lanes = laneNames(trace);
        List<Slice> slices = new ArrayList<>();
        for (JsonNode e : trace.get("traceEvents")) {
            if (e.get("ph").asText().equals("X")) {
                int tid = e.get("tid").asInt();
                String lane = tid == TraceExporter.RUN_TID ? "(run)" : lanes.get(tid);
                assertEquals(tid == TraceExporter.RUN_TID ? trace.at("/metadata/run_id").asText() : lane,
                        e.get("name").asText(), "a slice is named by its node (or run) id");
                slices.add(new Slice(lane, e.get("ts").asLong(), e.get("dur").asLong(), e.at("/args/outcome").asText()));
            }
        }
        slices.sort(Comparator.comparing(Slice::node).thenComparingLong(Slice::ts).thenComparingLong(Slice::dur));
        return slices;
    }

    static Map<Integer, String> laneNames(JsonNode trace) {
        Map<Integer, String> lanes = new TreeMap<>();
        for (JsonNode e : trace.get("traceEvents")) {
            if (e.get("ph").asText().equals("M") && e.get("name").asText().equals("thread_name")) {
                assertEquals(null, lanes.put(e.get("tid").asInt(), e.at("/args/name").asText()), "one name per lane");
            }
        }
        return lanes;
    }

    JsonNode exportTrace(IndexSnapshot s, int[] rows, ExportOptions options) throws IOException {
        return EventCodec.mapper().readTree(export(trace, s, rows, options));
    }

    @Test
    void theTraceHasTheChromeTraceEventStructure() throws IOException {
        VolumeGenerator.RunFile run = ExportFixtures.run(dir, 3_000, 50, 4);
        IndexSnapshot s = index(run.file());
        byte[] bytes = export(trace, s, Exports.allRows(s), ExportOptions.DEFAULT.withRunId(run.runId()));
        // Strict JSON: no trailing commas, no NaN, and no key twice in an object.
        JsonNode t = EventCodec.mapper().copy().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(bytes);
        assertEquals(Set.of("traceEvents", "displayTimeUnit", "metadata"), fieldNames(t));
        assertEquals("ms", t.get("displayTimeUnit").asText());
        assertEquals(run.runId(), t.at("/metadata/run_id").asText());
        assertEquals("2026-04-15T00:00:00Z", t.at("/metadata/run_start").asText().substring(0, 17) + "00Z");
        assertEquals(run.malformed(), t.at("/metadata/malformed_lines_left_out").asInt());
        assertTrue(t.get("traceEvents").isArray());
        int processNames = 0;
        for (JsonNode e : t.get("traceEvents")) {
            String ph = e.get("ph").asText();
            assertEquals(TraceExporter.PID, e.get("pid").asInt(), e.toString());
            assertTrue(e.get("tid").canConvertToInt(), e.toString());
            assertTrue(e.get("name").isTextual(), e.toString());
            assertTrue(e.get("args").isObject(), e.toString());
            switch (ph) {
                case "M" -> {
                    if (e.get("name").asText().equals("process_name")) {
                        processNames++;
                        assertEquals(run.runId(), e.at("/args/name").asText());
                    }
                }
                case "X" -> {
                    assertTrue(e.get("ts").isIntegralNumber() && e.get("ts").asLong() >= 0, e.toString());
                    assertTrue(e.get("dur").isIntegralNumber() && e.get("dur").asLong() >= 0, e.toString());
                    assertTrue(e.at("/args/outcome").isTextual(), e.toString());
                }
                case "i" -> {
                    assertEquals("t", e.get("s").asText());
                    assertTrue(e.get("ts").isIntegralNumber() && e.get("ts").asLong() >= 0, e.toString());
                    assertTrue(e.at("/args/log_line").canConvertToLong(), e.toString());
                }
                default -> throw new AssertionError("unexpected phase " + e);
            }
        }
        assertEquals(1, processNames);
        // An event's own fields are all there, even one named like an arg of the exporter's ("line" of output).
        JsonNode output = null;
        for (JsonNode e : t.get("traceEvents")) {
            if (e.at("/args/type").asText().equals("node.output") && e.at("/args/stream").isTextual()) {
                output = e;
                break;
            }
        }
        assertNotNull(output);
        assertTrue(output.at("/args/line").isTextual(), output.toString());
        assertTrue(output.at("/args/log_line").isIntegralNumber(), output.toString());
        // One event per line, for people and line tools.
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(t.get("traceEvents").size() + 2, text.lines().count());
    }

    @Test
    void nodeDurationsAreTheTimestampsDifferencesAndEveryNodeAppears() throws IOException {
        VolumeGenerator.RunFile run = ExportFixtures.run(dir, 20_000, 0, 8);
        IndexSnapshot s = index(run.file());
        JsonNode t = exportTrace(s, Exports.allRows(s), ExportOptions.DEFAULT.withRunId(run.runId()));
        List<EventLine> events = EventReader.read(run.file()).events();

        List<Slice> expected = expectedSlices(events);
        List<Slice> actual = actualSlices(t);
        assertEquals(expected, actual);
        assertTrue(actual.stream().anyMatch(x -> x.outcome().equals("failed")), "the run has failures to show");
        assertTrue(actual.stream().noneMatch(x -> x.outcome().equals("running")), "a finished run has nothing running");
        long starts = events.stream().filter(e -> e.event().type().equals("node.started")).count();
        assertEquals(starts + 1, actual.size(), "one slice per node execution, plus the run");

        Set<String> nodes = new LinkedHashSet<>();
        events.stream().map(e -> e.event().nodeId()).filter(n -> n != null).forEach(nodes::add);
        Map<Integer, String> lanes = laneNames(t);
        assertEquals("run", lanes.get(TraceExporter.RUN_TID));
        assertEquals(List.copyOf(nodes), List.copyOf(lanes.values()).subList(1, lanes.size()),
                "a lane per node, named by its id, in order of appearance");

        // Gates and loop iterations are instants on their node's lane.
        Map<String, Integer> tids = new HashMap<>();
        lanes.forEach((tid, name) -> tids.put(name, tid));
        long gates = 0;
        long iterations = 0;
        for (JsonNode e : t.get("traceEvents")) {
            if (e.get("ph").asText().equals("i") && e.at("/args/type").asText().equals("gate.passed")) {
                gates++;
                assertEquals(tids.get(nodeAtLine(events, e.at("/args/log_line").asLong())), e.get("tid").asInt());
                assertEquals("gate.passed " + e.at("/args/gate").asText(), e.get("name").asText());
            }
            if (e.get("ph").asText().equals("i") && e.at("/args/type").asText().equals("loop.iteration")) {
                iterations++;
            }
        }
        assertEquals(events.stream().filter(e -> e.event().type().equals("gate.passed")).count(), gates);
        assertEquals(events.stream().filter(e -> e.event().type().equals("loop.iteration")).count(), iterations);
        assertTrue(gates > 0 && iterations > 0);
        assertEquals(events.size(), t.at("/metadata/events").asLong());
    }

    @Test
    void nodesStillRunningEndAtTheLastEvent() throws IOException {
        VolumeGenerator.RunFile run = ExportFixtures.run(dir, 2_000, 0, 8);
        List<String> lines = Files.readAllLines(run.file());
        // Cut the run where a loop body node is open inside its loop: two nodes and the run are running.
        int cut = -1;
        for (int n = 10; n < lines.size() && cut < 0; n++) {
            Path part = Files.write(dir.resolve("part.jsonl"), lines.subList(0, n));
            List<Slice> slices = expectedSlices(EventReader.read(part).events());
            if (slices.stream().filter(x -> x.outcome().equals("running")).count() >= 3) {
                cut = n;
            }
        }
        assertTrue(cut > 0);
        Path part = Files.write(dir.resolve("part.jsonl"), lines.subList(0, cut));
        IndexSnapshot s = index(part);
        JsonNode t = exportTrace(s, Exports.allRows(s), ExportOptions.DEFAULT);
        List<EventLine> events = EventReader.read(part).events();
        assertEquals(expectedSlices(events), actualSlices(t));
        long base = micros(events.getFirst().event().ts());
        long end = micros(events.getLast().event().ts()) - base;
        int running = 0;
        for (JsonNode e : t.get("traceEvents")) {
            if (e.get("ph").asText().equals("X") && e.at("/args/outcome").asText().equals("running")) {
                running++;
                assertEquals(end, e.get("ts").asLong() + e.get("dur").asLong(), e.toString());
                assertTrue(e.at("/args/ended_line").isMissingNode());
            }
        }
        assertEquals(running, t.at("/metadata/running").asInt());
        assertTrue(running >= 3);
    }

    @Test
    void aFilterChoosesWhichEventsContribute() throws IOException {
        VolumeGenerator.RunFile run = ExportFixtures.run(dir, 5_000, 0, 8);
        IndexSnapshot s = index(run.file());
        List<EventLine> events = EventReader.read(run.file()).events();
        String node = events.stream().map(e -> e.event().nodeId()).filter(n -> n != null).findFirst().orElseThrow();

        int[] rows = RowFilter.apply(s, EventFilter.parse("node:" + node), () -> false);
        JsonNode t = exportTrace(s, rows, ExportOptions.DEFAULT.withFilterText("node:" + node));
        assertEquals(List.of("run", node), List.copyOf(laneNames(t).values()));
        List<Slice> all = expectedSlices(events);
        assertEquals(all.stream().filter(x -> x.node().equals(node)).toList(), actualSlices(t),
                "the node's slices, at the same times as in the whole trace");
        assertEquals("node:" + node, t.at("/metadata/filter").asText());
        assertEquals(rows.length, t.at("/metadata/events").asInt());

        int[] quiet = RowFilter.apply(s, EventFilter.parse("-type:node.output"), () -> false);
        JsonNode q = exportTrace(s, quiet, ExportOptions.DEFAULT);
        assertEquals(all, actualSlices(q));
        for (JsonNode e : q.get("traceEvents")) {
            assertTrue(!e.at("/args/type").asText().equals("node.output"), e.toString());
        }

        // Ends without their starts cannot be slices: they show as instants.
        int[] failures = RowFilter.apply(s, EventFilter.parse("type:node.failed"), () -> false);
        JsonNode f = exportTrace(s, failures, ExportOptions.DEFAULT);
        assertEquals(List.of(), actualSlices(f));
        assertEquals(failures.length, f.at("/metadata/instants").asInt());
    }

    @Test
    void eventsWithoutTimeAndMalformedLinesAreLeftOutAndCounted() throws IOException {
        Path file = Files.writeString(dir.resolve("events.jsonl"), String.join("\n",
                "{\"type\":\"run.started\",\"ts\":\"2026-04-15T00:00:01Z\",\"run_id\":\"r-1\"}",
                "{\"type\":\"node.started\",\"id\":\"s\",\"run_id\":\"r\",\"ts\":\"2026-04-15T00:00:02.250Z\",\"node_id\":\"a\",\"kind\":\"bash\"}",
                "{\"type\":\"note.added\",\"node_id\":\"a\"}",
                "{oops",
                "{\"type\":\"node.failed\",\"ts\":\"2026-04-15T00:00:03.000001Z\",\"node_id\":\"a\",\"error\":{\"kind\":\"crash\",\"message\":\"boom\"}}",
                "{\"type\":\"run.failed\",\"ts\":\"2026-04-15T00:00:04Z\",\"error\":{\"kind\":\"blocked\",\"message\":\"a failed\"}}") + "\n");
        IndexSnapshot s = index(file);
        JsonNode t = exportTrace(s, Exports.allRows(s), ExportOptions.DEFAULT.withRunId("r-1"));
        assertEquals(1, t.at("/metadata/events_without_time").asInt());
        assertEquals(1, t.at("/metadata/malformed_lines_left_out").asInt());
        JsonNode node = null;
        JsonNode run = null;
        for (JsonNode e : t.get("traceEvents")) {
            if (e.get("ph").asText().equals("X")) {
                if (e.get("name").asText().equals("a")) {
                    node = e;
                } else {
                    run = e;
                }
            }
        }
        assertNotNull(node);
        assertEquals(1_250_000, node.get("ts").asLong());
        assertEquals(750_001, node.get("dur").asLong());
        assertEquals("failed", node.at("/args/outcome").asText());
        assertEquals("crash", node.at("/args/error_kind").asText());
        assertEquals("boom", node.at("/args/error_message").asText());
        assertEquals("bash", node.at("/args/kind").asText());
        assertEquals(2, node.at("/args/started_line").asInt());
        assertEquals(5, node.at("/args/ended_line").asInt());
        assertNotNull(run);
        assertEquals("r-1", run.get("name").asText());
        assertEquals(0, run.get("ts").asLong());
        assertEquals(3_000_000, run.get("dur").asLong());
        assertEquals("blocked", run.at("/args/error_kind").asText());
    }

    private static String nodeAtLine(List<EventLine> events, long line) {
        return events.stream().filter(e -> e.line() == line).findFirst().orElseThrow().event().nodeId();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
