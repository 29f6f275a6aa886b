package dev.omne.inspector.ui.detail;

import dev.omne.inspector.ui.testing.ManualTaskExecutor;
import dev.omne.inspector.ui.testing.TestLogs;
import dev.omne.inspector.core.index.IndexSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetailViewModelTest {
    @TempDir
    Path dir;

    private final ManualTaskExecutor tasks = new ManualTaskExecutor();
    private final List<String> messages = new ArrayList<>();
    private final StringBuilder clipboard = new StringBuilder();
    private final DetailViewModel model = new DetailViewModel(tasks, clipboard::append, messages::add);

    private final List<String> lines = List.of(
            TestLogs.started(1, "n1", "bash"),
            "{\"type\":\"node.completed\",\"node_id\":\"n1\",}");

    @Test
    void showsTheSelectedEventPrettyPrintedWithWhereItIs() {
        IndexSnapshot s = TestLogs.index(dir, lines);
        model.show(s, 0);
        assertTrue(model.loadingProperty().get());
        assertEquals("Line 1  ·  byte 0", model.headerProperty().get());
        tasks.runAll();
        assertFalse(model.loadingProperty().get());
        assertTrue(model.content().text().contains("\"node_id\": \"n1\""), model.content().text());
        model.copy();
        assertEquals(lines.get(0), clipboard.toString());
        assertEquals("Copied line 1", messages.getLast());
    }

    @Test
    void aMalformedLineShowsItsRawTextMessageAndColumn() {
        IndexSnapshot s = TestLogs.index(dir, lines);
        model.show(s, 1);
        tasks.runAll();
        assertTrue(model.content().malformed());
        assertEquals(lines.get(1), model.content().text());
        assertTrue(model.content().column() > 0);
        assertEquals(s.diagnostic(1).message(), model.content().message());
    }

    @Test
    void aNewerSelectionWinsOverAnOlderReadStillRunning() {
        IndexSnapshot s = TestLogs.index(dir, lines);
        model.show(s, 0);
        model.show(s, 1);
        tasks.runAll();
        assertEquals(2, model.content().line());
        model.show(s, -1);
        assertNull(model.content());
        assertEquals(DetailViewModel.NOTHING_SELECTED, model.placeholderProperty().get());
    }

    @Test
    void aLineThatCannotBeReadBecomesAMessageNotAnError() throws Exception {
        Path file = TestLogs.write(dir.resolve("e.jsonl"), lines);
        IndexSnapshot s = TestLogs.index(file);
        Files.delete(file);
        model.show(s, 0);
        tasks.runAll();
        assertNull(model.content());
        assertTrue(model.placeholderProperty().get().startsWith("Cannot read line 1: no such file"),
                model.placeholderProperty().get());
    }
}
