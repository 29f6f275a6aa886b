package dev.omne.inspector.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The soak benchmark's own bookkeeping (the soak itself runs from src/bench/soak.sh, not in the build). */
class SoakBenchTest {
    @Test
    void aTallyCountsInOrderEventsAndNamesDuplicatesAndGaps() {
        SoakBench.Tally t = new SoakBench.Tally();
        for (long seq : List.of(0L, 1L, 1L, 2L, 5L, 6L, 0L)) {
            t.see(seq);
        }
        assertEquals(5, t.count, "0, 1, 2, 5, 6");
        assertEquals(2, t.duplicates, "the second 1 and the late 0");
        assertEquals(2, t.gaps, "3 and 4 never came");
        assertEquals(7, t.next);
    }

    @Test
    void writerAndSeqAreReadFromTheLineAsInjectAndThePythonWriterWriteThem() {
        byte[] line = ("{\"type\":\"soak.tick\",\"id\":\"ev-1\",\"ts\":\"2026-04-15T00:00:00.000Z\",\"run_id\":\"soak-a\","
                + "\"writer\":\"w1\",\"seq\":1234}").getBytes(StandardCharsets.UTF_8);
        assertEquals("w1", SoakBench.stringField(line, 0, line.length, "\"writer\":\""));
        assertEquals(1234, SoakBench.longField(line, 0, line.length, "\"seq\":"));
        assertEquals(-1, SoakBench.longField(line, 0, line.length - 5, "\"seq\":"), "a cut line has no seq");
        assertNull(SoakBench.stringField(line, 0, 20, "\"writer\":\""));
    }
}
