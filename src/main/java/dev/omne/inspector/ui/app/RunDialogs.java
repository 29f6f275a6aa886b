package dev.omne.inspector.ui.app;

import dev.omne.inspector.core.Messages;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.ui.common.LatestResult;
import dev.omne.inspector.ui.common.TaskExecutor;
import dev.omne.inspector.ui.events.EventTableViewModel;
import dev.omne.inspector.ui.export.ExportDialogViewModel;
import dev.omne.inspector.ui.filter.FilterBarViewModel;
import dev.omne.inspector.ui.inject.EventAppender;
import dev.omne.inspector.ui.inject.InjectDialogViewModel;
import dev.omne.inspector.ui.runs.RunItem;
import dev.omne.inspector.ui.runs.RunListViewModel;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The dialogs the window opens on a run: Inject, for the selected run, only while that run can be written to
 * (checked in the background as the selection changes), and Export, of the shown run, starting from the
 * window's filter. Once an event is appended, its run is shown and its row selected when live follow brings it.
 */
final class RunDialogs {
    static final String NO_RUN_TO_INJECT = "Select a run to append an event to";

    private final TaskExecutor tasks;
    private final EventAppender appender;
    private final Clock clock;
    private final Supplier<Volume> volume;
    private final RunListViewModel runList;
    private final EventTableViewModel eventTable;
    private final FilterBarViewModel filterBar;
    private final StatusBarViewModel statusBar;
    /** Puts the status bar's counts and progress back once an export ends. */
    private final Runnable exportEnded;
    private final ReadOnlyStringWrapper injectRefusal = new ReadOnlyStringWrapper(this, "injectRefusal", NO_RUN_TO_INJECT);
    /** Whether the selected run can be written to: only the latest check counts. */
    private final LatestResult injectCheck;

    RunDialogs(TaskExecutor tasks, EventAppender appender, Clock clock, Supplier<Volume> volume, RunListViewModel runList,
               EventTableViewModel eventTable, FilterBarViewModel filterBar, StatusBarViewModel statusBar,
               Runnable exportEnded) {
        this.tasks = tasks;
        this.appender = appender;
        this.clock = clock;
        this.volume = volume;
        this.runList = runList;
        this.eventTable = eventTable;
        this.filterBar = filterBar;
        this.statusBar = statusBar;
        this.exportEnded = exportEnded;
        this.injectCheck = new LatestResult(tasks);
    }

    /** Why no event can be appended to the selected run now, or null when Inject may be used. */
    ReadOnlyStringProperty injectRefusalProperty() {
        return injectRefusal.getReadOnlyProperty();
    }

    /** Checks, in the background, whether the selected run can be written to. */
    void checkInjectable() {
        RunItem run = runList.selected();
        Volume open = volume.get();
        if (run == null || open == null) {
            injectCheck.cancel();
            injectRefusal.set(NO_RUN_TO_INJECT);
            return;
        }
        String runId = run.runId();
        injectCheck.submit(() -> appender.whyNotWritable(open, runId),
                refusal -> injectRefusal.set(refusal.map(r -> "Cannot append to this run: " + r).orElse(null)),
                e -> injectRefusal.set("Cannot append to this run: " + Messages.describe(e)));
    }

    /** The Inject dialog for the selected run, or null when there is none. */
    InjectDialogViewModel newInjectDialog() {
        RunItem selected = runList.selected();
        Volume open = volume.get();
        if (selected == null || open == null) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (RunItem run : runList.visibleRuns()) {
            ids.add(run.runId());
        }
        if (!ids.contains(selected.runId())) {
            ids.addFirst(selected.runId());
        }
        return new InjectDialogViewModel(tasks, appender, open, ids, selected.runId(), runId -> {
            RunItem run = runList.find(runId);
            return run == null ? null : run.snapshot();
        }, clock, this::injected);
    }

    private void injected(String runId, String line, int rowsBefore) {
        RunItem shown = runList.selected();
        if (shown == null || !shown.runId().equals(runId)) {
            runList.select(runId);
        }
        eventTable.appendedLine().await(runId, line, rowsBefore);
        statusBar.showMessage("Appended a " + typeOf(line) + " event to " + runId);
    }

    private static String typeOf(String line) {
        int at = line.indexOf("\"type\":\"");
        if (at < 0) {
            return "new";
        }
        int from = at + 8;
        int end = line.indexOf('"', from);
        return end < 0 ? "new" : line.substring(from, end);
    }

    /** The Export dialog for the shown run ({@code selected}: its selected rows), or null when no run is shown. */
    ExportDialogViewModel newExportDialog(List<Integer> selected) {
        IndexSnapshot s = eventTable.snapshot();
        if (s == null) {
            statusBar.showMessage("Select a run to export");
            return null;
        }
        ExportDialogViewModel dialog = new ExportDialogViewModel(tasks, s, eventTable.runId(), selected,
                statusBar::showMessage, text -> {
                    if (text == null) {
                        exportEnded.run();
                    } else {
                        statusBar.setProgress(text, -1);
                    }
                });
        // Exporting what is shown: the window's filter starts as the export's (selected rows all match it).
        if (filterBar.isActive()) {
            dialog.filterTextProperty().set(filterBar.textProperty().get().strip());
        }
        return dialog;
    }
}
