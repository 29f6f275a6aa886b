package dev.omne.inspector.core.export;

import dev.omne.inspector.core.event.EventSummary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.omne.inspector.generate.VolumeGenerator;
import dev.omne.inspector.core.event.Event;
import dev.omne.inspector.core.event.NodeStarted;
import dev.omne.inspector.core.filter.EventFilter;
import dev.omne.inspector.core.filter.RowFilter;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.log.EventLine;
import dev.omne.inspector.core.log.EventReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.omne.inspector.core.export.ExportFixtures.export;
import static dev.omne.inspector.core.export.ExportFixtures.index;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvExporterTest {
    /** Events whose fields hold everything CSV must quote: commas, quotes, CR, LF, edge spaces, non-ASCII. */
    static final String TRICKY = String.join("\n",
            "{\"type\":\"run.started\",\"id\":\"ev-1\",\"ts\":\"2026-04-15T00:00:00Z\",\"run_id\":\"r\",\"pipe\":\"a,b\"}",
            "{\"type\":\"node.started\",\"id\":\"ev-2\",\"ts\":\"2026-04-15T00:00:01.5Z\",\"run_id\":\"r\",\"node_id\":\"n,1\",\"kind\":\"bash\",\"name\":\"say \\\"hi\\\"\",\"model\":null}",
            "{\"type\":\"node.output\",\"id\":\"ev-3\",\"ts\":\"2026-04-15T00:00:02Z\",\"run_id\":\"r\",\"node_id\":\"n,1\",\"line\":\"two\\nlines, \\\"quoted\\\"\\r\\nand CRLF\",\"count\":3,\"obj\":{\"a\":[1,\"x,y\"]},\"nul\":null}",
            "{broken, \"line\"",
            "{\"type\":\"node.failed\",\"id\":\"ev-4\",\"ts\":\"2026-04-15T00:00:03Z\",\"run_id\":\"r\",\"node_id\":\"n,1\",\"error\":{\"kind\":\"crash\",\"message\":\"  spaced out  \"},\"text\":\" lead\"}",
            "{\"type\":\"x.y\",\"id\":\"ev-5\",\"ts\":\"not a time\",\"run_id\":\"r\",\"line\":\"\u00e9t\u00e9 \ud83d\ude80\",\"ok\":true}") + "\n";

    @TempDir
    Path dir;

    final CsvExporter csv = new CsvExporter();

    static List<List<String>> parse(byte[] bytes) throws IOException {
        CsvMapper mapper = new CsvMapper();
        List<List<String>> records = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(new String(bytes, StandardCharsets.UTF_8))) {
            while (it.hasNext()) {
                records.add(List.of(it.next()));
            }
        }
        return records;
    }

    @Test
    void defaultColumnsParseBackToTheEventsValues() throws IOException {
        VolumeGenerator.RunFile run = ExportFixtures.run(dir, 5_000, 9, 21);
        IndexSnapshot s = index(run.file());
        byte[] out = export(csv, s, Exports.allRows(s), ExportOptions.DEFAULT);
        List<List<String>> records = parse(out);
        assertEquals(CsvExporter.DEFAULT_COLUMNS, records.getFirst());

        List<EventLine> events = EventReader.read(run.file()).events();
        Map<String, String> kinds = new HashMap<>();
        for (EventLine e : events) {
            if (e.event() instanceof NodeStarted started) {
                kinds.put(started.nodeId(), started.kind());
            }
        }
        assertEquals(events.size() + 1, records.size());
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i).event();
            String kind = e.text("kind") != null ? e.text("kind") : kinds.getOrDefault(e.nodeId(), "");
            assertEquals(List.of(Long.toString(events.get(i).line()), e.text("ts"), e.type(),
                    e.nodeId() == null ? "" : e.nodeId(), kind, EventSummary.of(e)), records.get(i + 1), "event " + i);
        }
        assertTrue(new String(out, StandardCharsets.UTF_8).endsWith("\r\n"));
    }

    @Test
    void quotingSurvivesCommasQuotesAndLineBreaksInFields() throws IOException {
        Path file = Files.writeString(dir.resolve("events.jsonl"), TRICKY);
        IndexSnapshot s = index(file);
        List<String> columns = List.of("line", "node", "name", "line ", "count", "obj", "nul", "error.kind",
                "error", "missing", "summary", "ok", "ts", "text");
        // "line " (with a space) is not the built-in column: it is a field nobody has.
        byte[] out = export(csv, s, Exports.allRows(s), ExportOptions.DEFAULT.withColumns(columns));
        List<List<String>> records = parse(out);
        assertEquals(columns, records.getFirst());
        List<EventLine> events = EventReader.read(file).events();
        assertEquals(events.size() + 1, records.size());
        for (int i = 0; i < events.size(); i++) {
            ObjectNode json = events.get(i).event().json();
            List<String> expected = new ArrayList<>();
            expected.add(Long.toString(events.get(i).line()));
            expected.add(text(json.get("node_id")));
            expected.add(text(json.get("name")));
            expected.add("");
            expected.add(text(json.get("count")));
            expected.add(text(json.get("obj")));
            expected.add("");
            expected.add(json.path("error").isObject() ? json.path("error").path("kind").textValue() : "");
            expected.add(text(json.get("error")));
            expected.add("");
            expected.add(EventSummary.of(json));
            expected.add(text(json.get("ok")));
            expected.add(json.get("ts").textValue());
            expected.add(text(json.get("text")));
            assertEquals(expected, records.get(i + 1), "event " + i);
        }
        List<String> output = records.get(3);
        assertEquals("3", output.get(4));
        assertEquals("{\"a\":[1,\"x,y\"]}", output.get(5));
        assertEquals("n,1", output.get(1));
        assertEquals("{\"kind\":\"crash\",\"message\":\"  spaced out  \"}", records.get(4).get(8));
        assertEquals("say \"hi\"", records.get(2).get(2));
        assertEquals(" lead", records.get(4).get(13));
        // The "line" field of node.output, through the summary: a line break inside is escaped, never raw.
        assertTrue(output.get(10).contains("line=\"two\\nlines, \\\"quoted\\\"\\r\\nand CRLF\""), output.get(10));
    }

    @Test
    void fieldValuesWithLineBreaksRoundTrip() throws IOException {
        Path file = Files.writeString(dir.resolve("events.jsonl"), TRICKY);
        IndexSnapshot s = index(file);
        int[] rows = RowFilter.apply(s, EventFilter.parse("type:node.output"), () -> false);
        List<List<String>> records = parse(export(csv, s, rows, ExportOptions.DEFAULT.withColumns(List.of("line"))));
        assertEquals(List.of(List.of("line"), List.of("3")), records);
        records = parse(export(csv, s, rows, ExportOptions.DEFAULT.withColumns(List.of("type", "line", "nul"))));
        assertEquals(List.of("node.output", "3", ""), records.get(1));
        // A leading dot names the event's own field even where a built-in column has the name.
        records = parse(export(csv, s, rows, ExportOptions.DEFAULT.withColumns(List.of(".line", ".kind", ".obj.a"))));
        assertEquals(List.of("two\nlines, \"quoted\"\r\nand CRLF", "", "[1,\"x,y\"]"), records.get(1));
        // A field value with line breaks, quotes and a comma, as a column of its own.
        Path raw = Files.writeString(dir.resolve("raw.jsonl"),
                "{\"type\":\"a.b\",\"ts\":\"2026-04-15T00:00:00Z\",\"text\":\"two\\nlines, \\\"quoted\\\"\\r\\nand CRLF\"}\n");
        IndexSnapshot r = index(raw);
        records = parse(export(csv, r, Exports.allRows(r), ExportOptions.DEFAULT.withColumns(List.of("text", "type"))));
        assertEquals(List.of("two\nlines, \"quoted\"\r\nand CRLF", "a.b"), records.get(1));
    }

    @Test
    void malformedLinesGetARowOnlyWhenAskedFor() throws IOException {
        Path file = Files.writeString(dir.resolve("events.jsonl"), TRICKY);
        IndexSnapshot s = index(file);
        assertEquals(6, parse(export(csv, s, Exports.allRows(s), ExportOptions.DEFAULT)).size());
        List<List<String>> records = parse(export(csv, s, Exports.allRows(s), ExportOptions.DEFAULT.withIncludeMalformed(true)));
        assertEquals(7, records.size());
        List<String> bad = records.get(4);
        assertEquals("4", bad.get(0));
        assertEquals(List.of("", "", "", ""), bad.subList(1, 5));
        assertTrue(bad.get(5).startsWith("malformed: "), bad.get(5));
        assertEquals(s.diagnostic(3).message(), bad.get(5).substring("malformed: ".length()));
    }

    @Test
    void linesThatAreArraysAreEventsReadAndExportedByTheFieldsTheRunnerReads() throws IOException {
        String started = "[\"node.started\",\"ev-1\",\"2026-04-15T00:00:01Z\",\"r\",\"n1\",\"bash\",\"Build\",null]";
        String text = started + "\n [\"run.note\"] \n";
        Path file = Files.writeString(dir.resolve("events.jsonl"), text);

        var read = EventReader.read(file);
        assertEquals(2, read.events().size(), "both lines are events");
        assertEquals(2, read.warningCount(), "each warned about");
        Event event = read.events().getFirst().event();
        assertEquals("node.started", event.type());
        assertEquals("Build", event.json().get("name").textValue());
        assertTrue(read.diagnostics().getFirst().message().startsWith("the line is a JSON array"));

        IndexSnapshot s = index(file);
        List<List<String>> records = parse(export(csv, s, Exports.allRows(s), ExportOptions.DEFAULT));
        assertEquals(List.of("1", "2026-04-15T00:00:01Z", "node.started", "n1", "bash", "kind=bash name=Build"),
                records.get(1));
        assertEquals(List.of("2", "", "run.note", "", "", ""), records.get(2));
        assertEquals(text, new String(export(new JsonlExporter(), s, Exports.allRows(s), ExportOptions.DEFAULT),
                StandardCharsets.UTF_8), "jsonl keeps each line's bytes");
    }

    @Test
    void aSingleColumnOfEmptyValuesStillHasOneRecordPerEvent() throws IOException {
        Path file = Files.writeString(dir.resolve("events.jsonl"), TRICKY);
        IndexSnapshot s = index(file);
        byte[] out = export(csv, s, Exports.allRows(s), ExportOptions.DEFAULT.withColumns(List.of("missing")));
        assertEquals("missing\r\n" + "\"\"\r\n".repeat(5), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void onlyTheIndexIsReadWhenTheColumnsNeedNoMore() throws IOException {
        Path file = Files.writeString(dir.resolve("events.jsonl"), TRICKY);
        IndexSnapshot s = index(file);
        Files.delete(file);
        byte[] out = export(csv, s, Exports.allRows(s), ExportOptions.DEFAULT.withColumns(List.of("line", "type", "node")));
        assertEquals("line,type,node\r\n1,run.started,\r\n2,node.started,\"n,1\"\r\n3,node.output,\"n,1\"\r\n"
                + "5,node.failed,\"n,1\"\r\n6,x.y,\r\n", new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void emptyColumnNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CsvExporter.columns(ExportOptions.DEFAULT.withColumns(List.of("line", " "))));
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }
}
