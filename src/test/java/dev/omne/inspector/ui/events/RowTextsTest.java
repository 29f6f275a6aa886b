package dev.omne.inspector.ui.events;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.ui.testing.TestLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table's summaries of rows, read back from the file by offset. */
class RowTextsTest {
    @TempDir
    Path dir;

    private final List<String> lines = TestLogs.mixedLines();

    @Test
    void readsTheLinesOfRowsByOffsetAndSummarizesThem() throws Exception {
        IndexSnapshot s = TestLogs.index(dir, lines);
        assertEquals(4, s.size());
        Map<Integer, RowText> texts = RowTexts.texts(s, new int[] {3, 1, 0, 2});
        assertEquals("", texts.get(0).summary());
        assertEquals("gate=lint exit_code=0", texts.get(1).summary());
        assertTrue(texts.get(2).summary().contains("{\"type\":\"node.completed\""), texts.get(2).summary());
        assertEquals("took=\"3 s\"", texts.get(3).summary());
    }

    @Test
    void aMalformedLineWithControlCharactersStaysOneLineWithThemEscaped() throws Exception {
        IndexSnapshot s = TestLogs.index(dir, List.of(TestLogs.event("run.started", 1, null),
                "{\"type\":\"node.completed\",\r\"node_id\":\u0001\tbad"));
        String summary = RowTexts.texts(s, new int[] {1}).get(1).summary();
        assertTrue(summary.contains("\\r\"node_id\":\\x01\\tbad"), summary);
        assertTrue(summary.chars().noneMatch(c -> c < 0x20), summary);
    }

    @Test
    void anEventLongerThanASummaryReadsSaysSo() throws Exception {
        String big = "{\"type\":\"x.y\",\"ts\":\"2026-04-15T10:00:00Z\",\"big\":\"" + "b".repeat(17 << 20) + "\"}";
        IndexSnapshot s = TestLogs.index(dir, List.of(lines.get(0), big, lines.get(0)));
        assertEquals(3, s.size());
        assertEquals("x.y", s.type(1), "a long good line is an event");
        String summary = RowTexts.texts(s, new int[] {1}).get(1).summary();
        assertTrue(summary.startsWith("(a long line: 64+ KiB"), summary);
    }
}
