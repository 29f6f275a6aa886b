package dev.omne.inspector.ui.export;

import dev.omne.inspector.core.export.ExportFormat;
import dev.omne.inspector.core.export.ExportOptions;
import dev.omne.inspector.core.export.Exports;
import dev.omne.inspector.core.filter.EventFilter;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.ui.common.Formats;
import dev.omne.inspector.core.Messages;
import dev.omne.inspector.ui.common.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * File > Export…: the format, whether malformed lines go too, an optional filter and the scope (the whole run or
 * the selected rows); {@link #export(Path)} writes through {@link Exports#toFile} in the background.
 */
public final class ExportDialogViewModel {
    /** Which rows to export before the filter applies. */
    public enum Scope { RUN, SELECTION }

    private final TaskExecutor tasks;
    private final IndexSnapshot snapshot;
    private final String runId;
    private final int[] selection;
    private final Consumer<String> messages;
    private final Progress progress;

    /** Where the export reports that it is busy (text) and done (null). */
    @FunctionalInterface
    public interface Progress {
        void show(String text);
    }

    /** Where the last export went and in which format: the next one starts there. */
    public interface Memory {
        Memory NONE = new Memory() {
            @Override
            public Path lastFolder() {
                return null;
            }

            @Override
            public ExportFormat lastFormat() {
                return null;
            }

            @Override
            public void remember(Path folder, ExportFormat format) {
            }
        };

        /** The folder of the last export, or null. */
        Path lastFolder();

        /** The format of the last export, or null. */
        ExportFormat lastFormat();

        void remember(Path folder, ExportFormat format);
    }

    private Memory memory = Memory.NONE;

    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(this, "format", ExportFormat.JSONL);
    private final BooleanProperty includeMalformed = new SimpleBooleanProperty(this, "includeMalformed");
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(this, "scope", Scope.RUN);
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper(this, "filterError");
    private final ReadOnlyBooleanWrapper malformedApplies = new ReadOnlyBooleanWrapper(this, "malformedApplies", true);
    private final ReadOnlyBooleanWrapper selectionAvailable = new ReadOnlyBooleanWrapper(this, "selectionAvailable");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public ExportDialogViewModel(TaskExecutor tasks, IndexSnapshot snapshot, String runId, List<Integer> selected,
                                 Consumer<String> messages, Progress progress) {
        this.tasks = tasks;
        this.snapshot = snapshot;
        this.runId = runId;
        this.selection = selected.stream().mapToInt(Integer::intValue)
                .filter(r -> r >= 0 && r < snapshot.size()).sorted().distinct().toArray();
        this.messages = messages;
        this.progress = progress;
        selectionAvailable.set(selection.length > 0);
        format.addListener((obs, old, now) -> malformedApplies.set(now != ExportFormat.TRACE));
        filterText.addListener((obs, old, now) -> filterError.set(parseError(now)));
    }

    /** Starts in the last export's format, and remembers this export's folder and format. */
    public ExportDialogViewModel remembering(Memory remembered) {
        this.memory = remembered;
        if (remembered.lastFormat() != null) {
            format.set(remembered.lastFormat());
        }
        return this;
    }

    /**
     * The folder the file chooser opens in: the last export's when it still exists, else the user's home (never
     * the process's working directory, which for a window started from a menu means nothing).
     */
    public Path initialFolder() {
        Path last = memory.lastFolder();
        if (last != null && java.nio.file.Files.isDirectory(last)) {
            return last;
        }
        return Path.of(System.getProperty("user.home"));
    }

    /** Says plainly which rows are written: the rows chosen, then only those the filter keeps. */
    public javafx.beans.binding.StringBinding rowsExplained() {
        return javafx.beans.binding.Bindings.createStringBinding(() -> {
            boolean filtered = filterText.get() != null && !filterText.get().isBlank();
            String chosen = scope.get() == Scope.SELECTION ? "the selected rows" : "every row of the run";
            return filtered ? "Writes " + chosen + " that match the filter above (the filter applies after the choice)."
                    : "Writes " + chosen + ", unfiltered.";
        }, filterText, scope);
    }

    // Properties

    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    /** For jsonl and csv; a trace never shows malformed lines. */
    public BooleanProperty includeMalformedProperty() {
        return includeMalformed;
    }

    /** In the syntax of the event table's filter; empty: every row of the scope. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    /** Why the filter text is not a filter, or null. */
    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty malformedAppliesProperty() {
        return malformedApplies.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty selectionAvailableProperty() {
        return selectionAvailable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public String runId() {
        return runId;
    }

    /** A file name to offer: the run id with the format's extension. */
    public String suggestedFileName() {
        return (runId == null ? "events" : runId) + format.get().extension();
    }

    /** Whether the choices make an export: a filter that parses, and rows to take the selection from. */
    public boolean isValid() {
        return filterError.get() == null && (scope.get() == Scope.RUN || selection.length > 0);
    }

    /** The options the export uses. */
    public ExportOptions options() {
        String filter = filterText.get() == null ? "" : filterText.get().trim();
        return ExportOptions.DEFAULT
                .withIncludeMalformed(format.get() != ExportFormat.TRACE && includeMalformed.get())
                .withRunId(runId)
                .withFilterText(filter.isEmpty() ? null : filter);
    }

    /** The rows of the scope that the filter keeps, in file order (reads the log for text filters: not on the UI thread). */
    public int[] rows() throws java.io.IOException {
        String text = filterText.get() == null ? "" : filterText.get().trim();
        EventFilter filter = text.isEmpty() ? EventFilter.ALL : EventFilter.parse(text);
        int[] scoped = scope.get() == Scope.SELECTION ? selection : Exports.allRows(snapshot);
        if (filter.isAll()) {
            return scoped;
        }
        int[] matching = Exports.select(snapshot, filter, () -> false);
        if (scope.get() == Scope.RUN) {
            return matching;
        }
        return Arrays.stream(scoped).filter(r -> Arrays.binarySearch(matching, r) >= 0).toArray();
    }

    // Commands

    /** Writes the export to {@code target} in the background; the result or the problem goes to the messages. */
    public void export(Path target) {
        if (!isValid()) {
            messages.accept(filterError.get() != null ? "Export: " + filterError.get() : "Export: no rows selected");
            return;
        }
        ExportFormat chosen = format.get();
        ExportOptions options = options();
        if (target.toAbsolutePath().getParent() != null) {
            memory.remember(target.toAbsolutePath().getParent(), chosen);
        }
        busy.set(true);
        progress.show("Exporting " + (runId == null ? "events" : runId) + " as " + chosen.id() + "…");
        tasks.submit(() -> {
            int[] rows = rows();
            Exports.toFile(chosen.exporter(), snapshot, rows, options, target);
            return rows.length;
        }, count -> {
            busy.set(false);
            progress.show(null);
            messages.accept("Exported " + Formats.count(count) + (count == 1 ? " row" : " rows") + " to " + target);
        }, e -> {
            busy.set(false);
            progress.show(null);
            messages.accept("Cannot export to " + target + ": " + Messages.describe(e));
        });
    }

    private static String parseError(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            EventFilter.parse(text.trim());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
