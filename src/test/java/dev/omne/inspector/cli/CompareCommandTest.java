package dev.omne.inspector.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omne.inspector.core.event.EventCodec;
import dev.omne.inspector.core.history.HistoryReference;
import dev.omne.inspector.core.history.HistoryVolumes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareCommandTest {
    @TempDir
    static Path project;
    static List<HistoryReference.Run> reference;
    static HistoryReference.Run completed;
    static HistoryReference.Run failed;

    @BeforeAll
    static void generate() throws IOException {
        HistoryVolumes.generate(project, 24, 400);
        reference = HistoryReference.volume(project);
        completed = reference.stream().filter(r -> r.pipe().equals("feature") && r.outcome().equals("completed"))
                .findFirst().orElseThrow();
        failed = reference.stream().filter(r -> r.pipe().equals("feature") && r.outcome().equals("failed"))
                .findFirst().orElseThrow();
    }

    static Long millis(HistoryReference.Node node) {
        return node == null ? null : node.total() / 1000;
    }

    @Test
    void jsonSaysNodeByNodeWhatTheRawLinesSay() throws IOException {
        CliRun run = CliRun.of("compare", project.toString(), completed.runId(), failed.runId(), "--format", "json");
        assertEquals(0, run.exit(), run.err());
        JsonNode out = EventCodec.mapper().readTree(run.out());
        assertEquals(completed.runId(), out.get("a").get("run").asText());
        assertEquals("completed", out.get("a").get("outcome").asText());
        assertEquals("failed", out.get("b").get("outcome").asText());
        assertEquals(failed.malformed(), out.get("b").get("malformed_lines_skipped").asInt());
        assertEquals((failed.end() - failed.start()) / 1000 - (completed.end() - completed.start()) / 1000,
                out.get("difference_ms").asLong());

        int position = 0;
        while (position < failed.nodes().size() && failed.nodes().get(position).id().equals(completed.nodes().get(position).id())
                && failed.nodes().get(position).outcome().equals(completed.nodes().get(position).outcome())) {
            position++;
        }
        JsonNode divergence = out.get("divergence");
        assertEquals(position + 1, divergence.get("position").asInt(), "1-based");
        assertEquals(completed.nodes().get(position).id(), divergence.get("node_a").asText());

        assertEquals(completed.nodes().size(), out.get("nodes").size(), "the failed run reached no node the other did not");
        for (JsonNode row : out.get("nodes")) {
            String id = row.get("node").asText();
            HistoryReference.Node a = completed.node(id);
            HistoryReference.Node b = failed.node(id);
            assertEquals(millis(a), row.get("a").get("ms").asLong(), id);
            assertEquals(a.outcome(), row.get("a").get("outcome").asText(), id);
            assertEquals(a.execs().size(), row.get("a").get("executions").asInt(), id);
            if (b == null) {
                assertTrue(row.get("b").isNull(), id);
                assertTrue(row.get("difference_ms").isNull(), id);
            } else {
                assertEquals(b.outcome(), row.get("b").get("outcome").asText(), id);
                assertEquals(millis(b) - millis(a), row.get("difference_ms").asLong(), id);
                String kind = b.execs().stream().filter(e -> e.outcome().equals("failed")).map(HistoryReference.Exec::errorKind)
                        .reduce((x, y) -> y).orElse(null);
                assertEquals(kind, row.get("b").get("error_kind").isNull() ? null : row.get("b").get("error_kind").asText());
            }
        }
    }

    static final List<String> NODE_COLUMNS = List.of("NODE", "KIND", "A S", "B S", "B - A S", "A OUTCOME", "B OUTCOME",
            "A ERROR", "B ERROR");

    @Test
    void textShowsBothRunsTheDivergenceAndAlignedNodes() throws IOException {
        String shortA = completed.runId().substring(completed.runId().length() - 6);
        CliRun text = CliRun.of("compare", project.toString(), shortA, failed.runId());
        assertEquals(0, text.exit(), text.err());
        JsonNode json = EventCodec.mapper().readTree(CliRun.of("compare", project.toString(), completed.runId(),
                failed.runId(), "--format", "json").out());
        List<String> lines = text.out().lines().toList();
        TableText runs = TableText.of(lines.get(0), List.of("RUN", "OUTCOME", "STARTED", "DURATION S", "EVENTS",
                "SKIPPED LINES"));
        runs.assertLeft(lines.get(1), "RUN", completed.runId());
        runs.assertLeft(lines.get(2), "RUN", failed.runId());
        runs.assertLeft(lines.get(2), "OUTCOME", "failed");
        runs.assertRight(lines.get(2), "SKIPPED LINES", Integer.toString(failed.malformed()));
        assertTrue(lines.contains("First divergence: " + json.get("divergence").get("description").asText()),
                text.out());

        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("NODE ")).findFirst().orElseThrow());
        TableText nodes = TableText.of(lines.get(header), NODE_COLUMNS);
        List<String> rows = TableText.rows(lines, header);
        assertEquals(json.get("nodes").size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = json.get("nodes").get(i);
            nodes.assertLeft(rows.get(i), "NODE", row.get("node").asText());
            nodes.assertRight(rows.get(i), "A S", String.format(Locale.ROOT, "%.2f", row.get("a").get("ms").asDouble() / 1000));
            if (!row.get("difference_ms").isNull()) {
                nodes.assertRight(rows.get(i), "B - A S",
                        String.format(Locale.ROOT, "%+.2f", row.get("difference_ms").asDouble() / 1000));
                nodes.assertLeft(rows.get(i), "B OUTCOME", row.get("b").get("outcome").asText());
            }
        }
    }

    @Test
    void runsAreNamedWholeOrByTheirStartOrEndAndMistakesExit2() throws IOException {
        CliRun same = CliRun.of("compare", project.toString(), completed.runId(), completed.runId());
        assertEquals(0, same.exit(), same.err());
        assertTrue(same.out().contains("First divergence: none"), same.out());

        StatsCommandTest.assertRefused(CliRun.of("compare", project.toString(), "feature-", completed.runId()),
                "\"feature-\" could be", "give more of the run id");
        StatsCommandTest.assertRefused(CliRun.of("compare", project.toString(), completed.runId(), "nosuchrun"),
                "no run \"nosuchrun\" in " + project, "24 runs: ");
        StatsCommandTest.assertRefused(CliRun.of("compare", project.toString(), completed.runId(), failed.runId(),
                "--format", "csv"), "unknown format \"csv\"");
        Path file = project.resolve(".omne/var/runs").resolve(completed.runId()).resolve("events.jsonl");
        StatsCommandTest.assertRefused(CliRun.of("compare", file.toString(), "a", "b"), file.toString(), "not a folder");

        Path broken = project.resolve(".omne/var/runs/bugfix-01kq000000000000000000000j/events.jsonl");
        Files.createDirectories(broken);
        try {
            StatsCommandTest.assertRefused(CliRun.of("compare", project.toString(), completed.runId(),
                    "bugfix-01kq000000000000000000000j"), broken + ": cannot read: not a regular file (it is a folder)");
        } finally {
            Files.delete(broken);
            Files.delete(broken.getParent());
        }
    }
}
