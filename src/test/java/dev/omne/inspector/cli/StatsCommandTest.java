package dev.omne.inspector.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omne.inspector.generate.VolumeGenerator;
import dev.omne.inspector.core.event.EventCodec;
import dev.omne.inspector.core.history.HistoryReference;
import dev.omne.inspector.core.history.HistoryVolumes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsCommandTest {
    @TempDir
    static Path project;
    static VolumeGenerator.Result generated;
    static List<HistoryReference.Run> reference;

    @BeforeAll
    static void generate() throws IOException {
        generated = HistoryVolumes.generate(project, 40, 500);
        reference = HistoryReference.volume(project);
    }

    static JsonNode json(CliRun run) throws IOException {
        assertEquals(0, run.exit(), run.err());
        return EventCodec.mapper().readTree(run.out());
    }

    static Long millis(long micros) {
        return micros < 0 ? null : micros / 1000;
    }

    static Long millis(JsonNode n) {
        return n.isNull() ? null : n.asLong();
    }

    static void assertNodeMatches(List<HistoryReference.Run> runs, JsonNode node) {
        HistoryReference.Stats want = HistoryReference.stats(runs, node.get("pipe").asText(), node.get("node").asText());
        String at = node.get("pipe").asText() + "/" + node.get("node").asText();
        assertEquals(want.runs(), node.get("runs").asInt(), at);
        assertEquals(want.executions(), node.get("executions").asInt(), at);
        assertEquals(want.failures(), node.get("failures").asInt(), at);
        assertEquals(want.failedExecutions(), node.get("failed_executions").asInt(), at);
        assertEquals((double) want.failures() / want.runs(), node.get("failure_rate").asDouble(), 1e-12, at);
        assertEquals(want.timedRuns(), node.get("timed_runs").asInt(), at);
        assertEquals(millis(want.p50()), millis(node.get("p50_ms")), at);
        assertEquals(millis(want.p95()), millis(node.get("p95_ms")), at);
        assertEquals(millis(want.max()), millis(node.get("max_ms")), at);
        List<Long> trend = new ArrayList<>();
        node.get("trend").forEach(p -> trend.add(millis(p.get("ms"))));
        assertEquals(want.trendOldestFirst().stream().map(StatsCommandTest::millis).toList(), trend, at);
        if (want.lastFailureRun() == null) {
            assertTrue(node.get("last_failure").isNull(), at);
        } else {
            assertEquals(want.lastFailureRun(), node.get("last_failure").get("run").asText(), at);
            assertEquals(want.lastFailureKind(), node.get("last_failure").get("error_kind").asText(), at);
            assertEquals(want.lastFailureMessage(), node.get("last_failure").get("message").asText(), at);
        }
    }

    @Test
    void jsonHasEveryNodesStatisticsAsARecomputationFromTheRawLinesHasThem() throws IOException {
        JsonNode out = json(CliRun.of("stats", project.toString(), "--format", "json"));
        assertEquals(reference.size(), out.get("runs").asInt());
        assertEquals(generated.malformed(), out.get("malformed_lines_skipped").asLong());
        assertEquals(generated.events(), out.get("events").asLong());
        assertEquals("flakiest", out.get("sort").asText());
        assertEquals(0, out.get("unreadable_logs").size());
        Set<String> nodes = new HashSet<>();
        double previousRate = 1;
        for (JsonNode node : out.get("nodes")) {
            assertNodeMatches(reference, node);
            nodes.add(node.get("pipe").asText() + "/" + node.get("node").asText());
            assertTrue(node.get("failure_rate").asDouble() <= previousRate, "flakiest first");
            previousRate = node.get("failure_rate").asDouble();
        }
        Set<String> expected = new HashSet<>();
        reference.forEach(r -> r.nodes().forEach(n -> expected.add(r.pipe() + "/" + n.id())));
        assertEquals(expected, nodes);
    }

    @Test
    void filtersByPipeAndTheNewestRuns() throws IOException {
        JsonNode out = json(CliRun.of("stats", project.toString(), "--pipe", "feature", "--last", "10",
                "--sort", "slowest", "--format", "json"));
        List<HistoryReference.Run> newest = reference.stream().filter(r -> r.pipe().equals("feature")).limit(10).toList();
        assertEquals(10, out.get("runs").asInt());
        assertEquals("feature", out.get("pipes").get(0).asText());
        assertEquals(1, out.get("pipes").size());
        assertEquals(10, out.get("filter").get("last").asInt());
        long previous = Long.MAX_VALUE;
        for (JsonNode node : out.get("nodes")) {
            assertEquals("feature", node.get("pipe").asText());
            assertNodeMatches(newest, node);
            long p50 = node.get("p50_ms").isNull() ? -1 : node.get("p50_ms").asLong();
            assertTrue(p50 <= previous, "slowest first");
            previous = p50;
        }
        JsonNode unfinished = json(CliRun.of("stats", project.toString(), "--outcome", "unfinished", "--format", "json"));
        assertEquals(3, unfinished.get("runs").asInt(), "the generator's three unfinished runs");
        JsonNode since = json(CliRun.of("stats", project.toString(), "--since", "2099-01-01T00:00:00Z", "--format", "json"));
        assertEquals(0, since.get("runs").asInt());
        assertEquals(0, since.get("nodes").size());
    }

    static final List<String> COLUMNS = List.of("PIPE", "NODE", "KIND", "RUNS", "FAILED", "RATE", "P50 S", "P95 S",
            "MAX S", "TREND", "LAST FAILURE");

    @Test
    void textIsATableWhoseColumnsLineUp() throws IOException {
        CliRun text = CliRun.of("stats", project.toString());
        JsonNode json = json(CliRun.of("stats", project.toString(), "--format", "json"));
        assertEquals(0, text.exit(), text.err());
        assertEquals("", text.err());
        List<String> lines = text.out().lines().toList();
        TableText table = TableText.of(lines.getFirst(), COLUMNS);
        List<String> rows = TableText.rows(lines, 0);
        assertEquals(json.get("nodes").size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String row = rows.get(i);
            JsonNode node = json.get("nodes").get(i);
            table.assertLeft(row, "PIPE", node.get("pipe").asText());
            table.assertLeft(row, "NODE", node.get("node").asText());
            table.assertLeft(row, "KIND", node.get("kind").asText());
            table.assertRight(row, "RUNS", node.get("runs").asText());
            table.assertRight(row, "FAILED", node.get("failures").asText());
            table.assertRight(row, "RATE", String.format(Locale.ROOT, "%.1f%%", node.get("failure_rate").asDouble() * 100));
            table.assertRight(row, "P50 S", seconds(node.get("p50_ms")));
            table.assertRight(row, "P95 S", seconds(node.get("p95_ms")));
            table.assertRight(row, "MAX S", seconds(node.get("max_ms")));
            int trend = Math.min(20, node.get("trend").size());
            String spark = row.substring(table.starts()[table.column("TREND")]).split(" ", 2)[0];
            assertEquals(trend, spark.codePointCount(0, spark.length()), row);
            assertTrue(spark.chars().allMatch(c -> "▁▂▃▄▅▆▇█·".indexOf(c) >= 0), spark);
            if (!node.get("last_failure").isNull()) {
                table.assertLeft(row, "LAST FAILURE", node.get("last_failure").get("run").asText() + "  "
                        + node.get("last_failure").get("error_kind").asText() + ":");
            } else {
                assertTrue(row.length() <= table.starts()[table.column("LAST FAILURE")], row);
            }
        }
        String footer = lines.get(rows.size() + 2);
        assertTrue(footer.startsWith(reference.size() + " runs of bugfix, feature"), footer);
        assertTrue(footer.contains(generated.malformed() + " lines that are not events were skipped (in "
                + reference.size() + " runs)"), footer);
    }

    static String seconds(JsonNode ms) {
        return ms.isNull() ? "" : String.format(Locale.ROOT, "%.2f", ms.asDouble() / 1000);
    }

    @Test
    void csvHasAHeaderAndARowPerNodeAsTheJsonHasThem() throws IOException {
        CliRun csv = CliRun.of("stats", project.toString(), "--format", "csv", "--pipe", "bugfix");
        assertEquals(0, csv.exit(), csv.err());
        assertTrue(csv.err().contains("lines that are not events were skipped"), csv.err());
        assertTrue(csv.out().endsWith("\r\n"));
        JsonNode json = json(CliRun.of("stats", project.toString(), "--format", "json", "--pipe", "bugfix"));
        List<List<String>> records = parseCsv(csv.out());
        assertEquals(StatsReport.CSV_COLUMNS, records.getFirst());
        assertEquals(json.get("nodes").size() + 1, records.size());
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            JsonNode node = json.get("nodes").get(i - 1);
            assertEquals(StatsReport.CSV_COLUMNS.size(), r.size());
            assertEquals(node.get("node").asText(), r.get(1));
            assertEquals(node.get("runs").asText(), r.get(4));
            assertEquals(node.get("failure_rate").asDouble(), Double.parseDouble(r.get(8)), 1e-12);
            assertEquals(node.get("p95_ms").isNull() ? "" : node.get("p95_ms").asText(), r.get(11));
            assertEquals(node.get("trend").size(), r.get(13).split(" ").length);
            JsonNode f = node.get("last_failure");
            assertEquals(f.isNull() ? "" : f.get("message").asText(), r.get(17));
        }
    }

    /** RFC 4180, CRLF records; quoted fields may hold commas, quotes (doubled) and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertTrue(record.isEmpty() && field.isEmpty(), "the last record ends with CRLF");
        return records;
    }

    static void assertRefused(CliRun run, String... expected) {
        assertEquals(Cli.USAGE_OR_IO, run.exit(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        for (String e : expected) {
            assertTrue(run.err().contains(e), run.err());
        }
        assertFalse(run.err().contains("Exception"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void mistakesGetOneClearLineAndExit2(@TempDir Path empty) {
        Path missing = empty.resolve("nowhere");
        assertRefused(CliRun.of("stats", missing.toString()), missing.toString(), "no such file");
        assertRefused(CliRun.of("stats", empty.toString()), empty.toString(), "no .omne folder");
        assertRefused(CliRun.of("stats", project.toString(), "--pipe", "deploy"), "no runs of pipe \"deploy\"",
                "its pipes: bugfix, feature");
        assertRefused(CliRun.of("stats", project.toString(), "--format", "xml"), "unknown format \"xml\"", "csv");
        assertRefused(CliRun.of("stats", project.toString(), "--sort", "fastest"), "unknown order");
        assertRefused(CliRun.of("stats", project.toString(), "--since", "yesterday"), "--since", "RFC 3339");
        assertRefused(CliRun.of("stats", project.toString(), "--last", "0"), "--last");
        assertRefused(CliRun.of("stats", project.toString(), "--outcome", "green"), "unknown run outcome");
        CliRun notANumber = CliRun.of("stats", project.toString(), "--last", "many");
        assertEquals(Cli.USAGE_OR_IO, notANumber.exit());
        assertTrue(notANumber.err().startsWith("omne-inspector: Invalid value for option '--last'"), notANumber.err());
        assertTrue(notANumber.err().contains("Try 'omne-inspector stats --help'"), notANumber.err());
    }

    @Test
    void aLogThatCannotBeReadIsNamedAndTheOtherRunsAreCounted(@TempDir Path dir) throws IOException {
        VolumeGenerator.Result small = HistoryVolumes.generate(dir, 4, 300);
        Path broken = dir.resolve(".omne/var/runs/feature-01kq000000000000000000000j/events.jsonl");
        Files.createDirectories(broken);
        CliRun run = CliRun.of("stats", dir.toString(), "--format", "json");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().startsWith(broken + ": error: cannot read: not a regular file (it is a folder)"), run.err());
        JsonNode out = EventCodec.mapper().readTree(run.out());
        assertEquals(4, out.get("runs").asInt());
        assertEquals(small.malformed(), out.get("malformed_lines_skipped").asLong());
        assertEquals(broken.toString(), out.get("unreadable_logs").get(0).get("file").asText());

        CliRun text = CliRun.of("stats", dir.toString());
        assertTrue(text.out().strip().endsWith("1 log(s) could not be read"), text.out());

        // One run's log given as a file is a volume of one run.
        CliRun one = CliRun.of("stats", small.runs().getFirst().file().toString(), "--format", "json");
        assertEquals(1, json(one).get("runs").asInt());
    }
}
