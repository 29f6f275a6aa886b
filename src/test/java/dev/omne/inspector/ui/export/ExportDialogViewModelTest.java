package dev.omne.inspector.ui.export;

import dev.omne.inspector.ui.testing.TestLogs;
import dev.omne.inspector.core.export.ExportFormat;
import dev.omne.inspector.core.export.ExportOptions;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.ui.common.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportDialogViewModelTest {
    @TempDir
    Path dir;

    private final List<String> messages = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();
    private List<String> lines;

    private ExportDialogViewModel model(List<Integer> selected) {
        lines = new ArrayList<>(TestLogs.events(6));
        lines.add(3, "{not json");
        IndexSnapshot s = TestLogs.index(dir, lines);
        return new ExportDialogViewModel(new SameThreadTaskExecutor(), s, TestLogs.RUN, selected, messages::add,
                progress::add);
    }

    @Test
    void defaultsExportTheWholeRunAsJsonlWithoutMalformedLines() throws Exception {
        ExportDialogViewModel model = model(List.of());
        assertEquals(ExportFormat.JSONL, model.formatProperty().get());
        assertFalse(model.selectionAvailableProperty().get());
        assertTrue(model.isValid());
        ExportOptions options = model.options();
        assertFalse(options.includeMalformed());
        assertEquals(TestLogs.RUN, options.runId());
        assertNull(options.filterText());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, model.rows());
        assertEquals(TestLogs.RUN + ".jsonl", model.suggestedFileName());
    }

    @Test
    void traceNeverIncludesMalformedLines() {
        ExportDialogViewModel model = model(List.of());
        model.includeMalformedProperty().set(true);
        assertTrue(model.options().includeMalformed());
        model.formatProperty().set(ExportFormat.TRACE);
        assertFalse(model.malformedAppliesProperty().get());
        assertFalse(model.options().includeMalformed());
        assertEquals(TestLogs.RUN + ".json", model.suggestedFileName());
        model.formatProperty().set(ExportFormat.CSV);
        assertTrue(model.options().includeMalformed());
    }

    @Test
    void aBadFilterShowsItsErrorAndRefusesToExport() {
        ExportDialogViewModel model = model(List.of());
        model.filterTextProperty().set("after:yesterday");
        assertNotNull(model.filterErrorProperty().get());
        assertFalse(model.isValid());
        model.export(dir.resolve("out.jsonl"));
        assertFalse(Files.exists(dir.resolve("out.jsonl")));
        assertTrue(messages.getLast().startsWith("Export: "), messages.toString());
        model.filterTextProperty().set("type:node.started");
        assertNull(model.filterErrorProperty().get());
        assertTrue(model.isValid());
        assertEquals("type:node.started", model.options().filterText());
    }

    @Test
    void theFilterNarrowsTheRunOrTheSelection() throws Exception {
        ExportDialogViewModel model = model(List.of(5, 1, 2));
        assertTrue(model.selectionAvailableProperty().get());
        model.filterTextProperty().set("type:node.started");
        assertArrayEquals(new int[] {0, 2, 5}, model.rows());
        model.scopeProperty().set(ExportDialogViewModel.Scope.SELECTION);
        assertArrayEquals(new int[] {2, 5}, model.rows());
        model.filterTextProperty().set("");
        assertArrayEquals(new int[] {1, 2, 5}, model.rows());
    }

    @Test
    void selectionScopeWithoutRowsIsInvalid() {
        ExportDialogViewModel model = model(List.of());
        model.scopeProperty().set(ExportDialogViewModel.Scope.SELECTION);
        assertFalse(model.isValid());
    }

    @Test
    void exportWritesTheFileAndReports() throws Exception {
        ExportDialogViewModel model = model(List.of());
        model.includeMalformedProperty().set(true);
        Path out = dir.resolve("out.jsonl");
        model.export(out);
        assertEquals(String.join("\n", lines) + "\n", Files.readString(out));
        assertEquals("Exported 7 rows to " + out, messages.getLast());
        assertNull(progress.getLast());
        assertFalse(model.busyProperty().get());
    }

    @Test
    void exportProblemsAreMessages() {
        ExportDialogViewModel model = model(List.of());
        Path out = dir.resolve("missing").resolve("out.jsonl");
        model.export(out);
        assertTrue(messages.getLast().startsWith("Cannot export to " + out + ": "), messages.getLast());
        assertFalse(messages.getLast().contains("Exception"), messages.getLast());
    }
}
