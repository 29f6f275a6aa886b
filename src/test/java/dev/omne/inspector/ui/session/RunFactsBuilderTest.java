package dev.omne.inspector.ui.session;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.ui.testing.TestLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RunFactsBuilderTest {
    @TempDir
    Path dir;

    @Test
    void sumsUpEventsMalformedLinesTimesAndTheEnd() {
        IndexSnapshot s = TestLogs.index(dir, List.of(
                TestLogs.event("run.started", 1, null),
                TestLogs.started(2, "n1", "bash"),
                "{not json",
                TestLogs.event("node.completed", 5, "n1"),
                TestLogs.event("run.completed", 9, null)));
        RunFacts facts = new RunFactsBuilder().add(s, 0, s.size());
        assertEquals(4, facts.events());
        assertEquals(1, facts.malformed());
        assertEquals(Timestamps.parseMicros("2026-04-15T10:00:01Z"), facts.firstTsMicros());
        assertEquals(Timestamps.parseMicros("2026-04-15T10:00:09Z"), facts.lastTsMicros());
        assertEquals("run.completed", facts.endType());
        assertEquals("run.completed", facts.lastType());
    }

    @Test
    void addsOnlyTheNewRowsAndResetForgets() {
        IndexSnapshot s = TestLogs.index(dir, List.of(
                TestLogs.event("run.started", 1, null),
                TestLogs.event("node.failed", 3, "n1"),
                TestLogs.event("run.started", 4, null)));
        RunFactsBuilder builder = new RunFactsBuilder();
        RunFacts first = builder.add(s, 0, 2);
        assertEquals(2, first.events());
        assertEquals("node.failed", first.lastType());
        RunFacts both = builder.add(s, 2, 3);
        assertEquals(3, both.events());
        assertEquals("run.started", both.lastType());
        assertNull(both.endType());
        builder.reset();
        assertEquals(RunFacts.EMPTY, builder.facts());
    }
}
