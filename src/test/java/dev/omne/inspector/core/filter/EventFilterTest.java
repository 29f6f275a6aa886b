package dev.omne.inspector.core.filter;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventFilterTest {
    static final String LOG = String.join("\n",
            "{\"type\":\"run.started\",\"ts\":\"2026-04-15T00:00:00Z\",\"pipe\":\"feature\"}",
            "{\"type\":\"node.started\",\"id\":\"e2\",\"run_id\":\"r\",\"ts\":\"2026-04-15T00:00:01Z\",\"node_id\":\"plan\",\"kind\":\"prompt\",\"model\":\"Claude-Sonnet\"}",
            "{\"type\":\"node.completed\",\"ts\":\"2026-04-15T00:00:02Z\",\"node_id\":\"plan\"}",
            "{\"type\":\"node.started\",\"id\":\"e4\",\"run_id\":\"r\",\"ts\":\"2026-04-15T00:00:03Z\",\"node_id\":\"build\",\"kind\":\"bash\"}",
            "{broken line mentioning build",
            "{\"type\":\"gate.passed\",\"ts\":\"2026-04-15T00:00:04Z\",\"node_id\":\"build\",\"gate\":\"lint\"}",
            "{\"type\":\"node.failed\",\"ts\":\"2026-04-15T00:00:05Z\",\"node_id\":\"build\",\"error\":{\"kind\":\"crash\",\"message\":\"exit 2 \u00e9t\u00e9\"}}",
            "{\"type\":\"run.failed\",\"ts\":\"2026-04-15T00:00:06Z\"}",
            "{\"type\":\"custom.note\",\"text\":\"no time here\"}") + "\n";

    @TempDir
    Path dir;
    IndexSnapshot index;

    @BeforeEach
    void build() throws IOException {
        Path file = Files.writeString(dir.resolve("events.jsonl"), LOG);
        index = RunIndex.build(file).snapshot();
        assertEquals(9, index.size());
    }

    List<Long> lines(String expression) throws IOException {
        int[] rows = RowFilter.apply(index, EventFilter.parse(expression), () -> false);
        return Arrays.stream(rows).mapToObj(index::line).toList();
    }

    @Test
    void emptyMatchesEverything() throws IOException {
        assertTrue(EventFilter.parse("   ").isAll());
        assertEquals(9, lines("").size());
    }

    @Test
    void columnTokens() throws IOException {
        assertEquals(List.of(2L, 4L), lines("type:node.started"));
        assertEquals(List.of(2L, 3L, 4L, 7L), lines("type:node.*"));
        assertEquals(List.of(4L, 6L, 7L), lines("node:build"));
        assertEquals(List.of(4L, 6L, 7L), lines("kind:bash"));
        assertEquals(List.of(2L, 3L), lines("kind:prompt"));
        assertEquals(List.of(2L, 4L, 7L), lines("type:node.started type:node.failed"), "same key: either");
        assertEquals(List.of(4L, 7L), lines("type:node.started type:node.failed node:build"), "keys: all");
        assertEquals(List.of(1L, 5L, 8L, 9L), lines("-type:node.* -type:gate.passed"));
    }

    @Test
    void columnsDecidedPerSnapshotAgreeWithTheRowByRowRule() {
        for (String expression : List.of("", "type:node.started", "type:node.*", "-type:node.* -type:gate.passed",
                "node:build", "node:b*", "-node:plan", "kind:bash", "kind:prompt kind:bash", "-kind:*", "is:error",
                "is:warning", "is:failure", "-is:failure node:build", "type:nope", "node:nope kind:bash",
                "after:2026-04-15T00:00:02Z before:2026-04-15T00:00:05Z type:node.*")) {
            EventFilter filter = EventFilter.parse(expression);
            var decided = filter.columnsOf(index);
            for (int row = 0; row < index.size(); row++) {
                assertEquals(filter.matchesColumns(index, row), decided.test(row), expression + " at row " + row);
            }
        }
    }

    @Test
    void isTokensAndFailuresOnly() throws IOException {
        assertEquals(List.of(5L), lines("is:error"));
        assertEquals(List.of(9L), lines("is:warning"));
        assertEquals(List.of(5L, 7L, 8L), lines("is:failure"));
    }

    @Test
    void freeTextIsACaseInsensitiveSubstringOfTheRawLine() throws IOException {
        assertEquals(List.of(2L), lines("claude-sonnet"));
        assertEquals(List.of(4L, 5L, 6L, 7L), lines("build"), "malformed lines are searched too");
        assertEquals(List.of(7L), lines("\"exit 2\""), "quoted phrase");
        assertEquals(List.of(7L), lines("\u00c9T\u00c9"), "non-ASCII, ignoring case");
        assertEquals(List.of(6L), lines("build lint"), "all words");
        assertEquals(List.of(4L, 5L, 7L), lines("build -lint"));
    }

    @Test
    void regularExpressions() throws IOException {
        assertEquals(List.of(6L, 7L), lines("/\"(gate|error)\":/"));
        assertEquals(List.of(1L), lines("/pipe\":\"feat/"));
        assertEquals(List.of(3L), lines("/completed/ node:plan"));
    }

    @Test
    void timeRange() throws IOException {
        assertEquals(List.of(3L, 4L, 6L), lines("after:2026-04-15T00:00:02Z before:2026-04-15T00:00:05Z"));
        EventFilter ranged = EventFilter.parse("node:build").withTimeRange(
                dev.omne.inspector.core.event.Timestamps.parseMicros("2026-04-15T00:00:04Z"),
                dev.omne.inspector.core.event.Timestamps.NONE);
        assertEquals(2, RowFilter.apply(index, ranged, () -> false).length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/unclosed", "\"unclosed", "/[a-/", "is:nothing", "type:", "after:yesterday"})
    void badExpressionsSayWhatIsWrong(String expression) {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> EventFilter.parse(expression));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void aCancelledFilterStops() throws IOException {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 70_000; i++) {
            big.append("{\"type\":\"a.b\",\"ts\":\"2026-04-15T00:00:00Z\",\"n\":").append(i).append("}\n");
        }
        IndexSnapshot s = RunIndex.build(Files.writeString(dir.resolve("big.jsonl"), big)).snapshot();
        AtomicInteger polls = new AtomicInteger();
        assertThrows(RowFilter.Cancelled.class,
                () -> RowFilter.apply(s, EventFilter.parse("n\":6"), () -> polls.incrementAndGet() > 2));
        assertEquals(70_000 - 60_000 + 1 + 10 + 100 + 1000, RowFilter.apply(s, EventFilter.parse("\"n\":6"), () -> false).length,
                "6, 60-69, 600-699, 6000-6999, 60000-69999");
    }
}
