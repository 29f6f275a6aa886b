package dev.omne.inspector.ui.common;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.ui.testing.TestLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rows' lines read back by their offsets in the index, as they are in the file. */
class RowLinesTest {
    @TempDir
    Path dir;

    private final List<String> lines = TestLogs.mixedLines();

    @Test
    void copiesLinesAsTheyAreInTheFile() throws Exception {
        IndexSnapshot s = TestLogs.index(dir, lines);
        assertEquals(List.of(lines.get(0), lines.get(2), lines.get(4)), RowLines.lines(s, new int[] {0, 1, 3}));
    }

}
