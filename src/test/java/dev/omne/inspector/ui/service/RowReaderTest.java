package dev.omne.inspector.ui.service;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.ui.TestLogs;
import dev.omne.inspector.ui.model.DetailContent;
import dev.omne.inspector.ui.model.RowText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowReaderTest {
    @TempDir
    Path dir;

    private final List<String> lines = List.of(
            TestLogs.started(1, "n1", "bash"),
            "",
            "{\"type\":\"gate.passed\",\"node_id\":\"n1\",\"gate\":\"lint\",\"exit_code\":0}",
            "{\"type\":\"node.completed\",\"node_id\":\"n1\",",
            "{\"type\":\"run.completed\",\"run_id\":\"r\",\"took\":\"3 s\"}");

    @Test
    void readsTheLinesOfRowsByOffsetAndSummarizesThem() throws Exception {
        IndexSnapshot s = TestLogs.index(dir, lines);
        assertEquals(4, s.size());
        Map<Integer, RowText> texts = RowReader.texts(s, new int[] {3, 1, 0, 2});
        assertEquals("", texts.get(0).summary());
        assertEquals("gate=lint  exit_code=0", texts.get(1).summary());
        assertTrue(texts.get(2).summary().contains("{\"type\":\"node.completed\""), texts.get(2).summary());
        assertEquals("took=\"3 s\"", texts.get(3).summary());
    }

    @Test
    void copiesLinesAsTheyAreInTheFile() throws Exception {
        IndexSnapshot s = TestLogs.index(dir, lines);
        assertEquals(List.of(lines.get(0), lines.get(2), lines.get(4)), RowReader.lines(s, new int[] {0, 1, 3}));
    }

    @Test
    void detailOfAnEventAndOfAMalformedLine() throws Exception {
        IndexSnapshot s = TestLogs.index(dir, lines);
        DetailContent event = RowReader.detail(s, 1);
        assertTrue(event.text().contains("\"gate\": \"lint\""), event.text());
        assertEquals(3, event.line());
        DetailContent bad = RowReader.detail(s, 2);
        assertTrue(bad.malformed());
        assertEquals(lines.get(3), bad.text());
        assertEquals(4, bad.line());
        assertTrue(bad.markStart() >= 0);
    }

    @Test
    void anEventLongerThanIsShownSaysSoAndShowsItsStart() throws Exception {
        String big = "{\"type\":\"x.y\",\"ts\":\"2026-04-15T10:00:00Z\",\"big\":\"" + "b".repeat(17 << 20) + "\"}";
        IndexSnapshot s = TestLogs.index(dir, List.of(lines.get(0), big, lines.get(4)));
        assertEquals(3, s.size());
        assertEquals("x.y", s.type(1), "a long good line is an event");
        String summary = RowReader.texts(s, new int[] {1}).get(1).summary();
        assertTrue(summary.startsWith("(a long line: 64+ KiB"), summary);
        DetailContent detail = RowReader.detail(s, 1);
        assertTrue(detail.truncated());
        assertTrue(detail.text().startsWith("{\"type\":\"x.y\""), detail.text().substring(0, 40));
        assertEquals(RowReader.DETAIL_CAP, detail.text().length());
    }
}
