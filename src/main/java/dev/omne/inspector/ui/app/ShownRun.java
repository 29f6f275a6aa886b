package dev.omne.inspector.ui.app;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.ui.common.Formats;
import dev.omne.inspector.ui.detail.DetailViewModel;
import dev.omne.inspector.ui.events.EventTableViewModel;
import dev.omne.inspector.ui.filter.FilterBarViewModel;
import dev.omne.inspector.ui.filter.FilterText;
import dev.omne.inspector.ui.runs.RunItem;
import dev.omne.inspector.ui.runs.RunListViewModel;
import dev.omne.inspector.ui.runs.RunStatus;
import dev.omne.inspector.ui.session.RunChange;
import dev.omne.inspector.ui.session.SessionBatch;
import dev.omne.inspector.ui.timeline.TimelineViewModel;
import javafx.beans.value.ObservableBooleanValue;

import java.time.ZoneId;

/**
 * The run the single-run view shows, split from {@link MainWindowViewModel} (which opens volumes and holds the
 * window's parts): the run the runs list selects opened in the event table, the filter and the detail pane, its rows
 * grown as the session's batches bring them, the timeline following the filter's rows and the table's selection, and
 * what the status bar says of it (counts, progress, follow state).
 */
final class ShownRun {
    private final RunListViewModel runList;
    private final EventTableViewModel eventTable;
    private final FilterBarViewModel filterBar;
    private final DetailViewModel detail;
    private final StatusBarViewModel statusBar;
    private final TimelineViewModel timeline;
    /** Whether a volume is being opened and has not delivered its runs yet. */
    private final ObservableBooleanValue opening;
    private final ZoneId zone;
    /** The shown run was opened on a preview of its log. */
    private boolean openedWhileIndexing;
    /** The run the volume was opened at (a run folder), until it is shown. */
    private String focusRun;

    ShownRun(RunListViewModel runList, EventTableViewModel eventTable, FilterBarViewModel filterBar,
             DetailViewModel detail, StatusBarViewModel statusBar, TimelineViewModel timeline,
             ObservableBooleanValue opening, ZoneId zone) {
        this.runList = runList;
        this.eventTable = eventTable;
        this.filterBar = filterBar;
        this.detail = detail;
        this.statusBar = statusBar;
        this.timeline = timeline;
        this.opening = opening;
        this.zone = zone;
        wireTimeline();
    }

    /** The run to show once the runs are listed (a volume opened at a run folder), or null. */
    void focusOn(String runId) {
        focusRun = runId;
    }

    String focus() {
        return focusRun;
    }

    /** A batch of the session: the shown run's new rows. */
    void changed(SessionBatch batch) {
        RunItem shown = runList.selected();
        if (shown != null) {
            for (RunChange change : batch.runs()) {
                if (change.runId().equals(shown.runId())) {
                    if (!shown.runId().equals(eventTable.runId())) {
                        show(shown);
                    } else if (eventTable.snapshot() == null && change.snapshot() != null) {
                        // The first rows of a run shown before its log was read: open it as a run is opened.
                        show(shown);
                    } else {
                        boolean wasIndexing = openedWhileIndexing;
                        eventTable.update(change.snapshot(), change.reset(), wasIndexing);
                        if (change.reset()) {
                            filterBar.show(change.snapshot());
                        } else {
                            filterBar.grow(change.snapshot());
                        }
                        if (wasIndexing && !change.indexing()) {
                            openedWhileIndexing = false;
                            // Opened on the start of its log; now the whole log says whether it is still being written.
                            if (shown.status() == RunStatus.RUNNING && eventTable.selectedRow() < 0) {
                                eventTable.followEnd();
                            }
                        }
                    }
                }
            }
        }
    }

    /** The runs list selected {@code run} (null: none): its rows, facets and counts are shown. */
    void show(RunItem run) {
        // What was said of the run shown before (a malformed line gone to, a row copied) is not about this one.
        statusBar.showMessage("");
        if (run == null) {
            eventTable.clear();
            filterBar.show(null);
            detail.clear();
            updateCounts();
            return;
        }
        if (run.runId().equals(focusRun)) {
            focusRun = null;
        }
        detail.clear();
        openedWhileIndexing = run.indexing();
        eventTable.show(run.runId(), run.snapshot(), run.status() == RunStatus.RUNNING, filterBar.isActive());
        filterBar.show(run.snapshot());
        updateCounts();
    }

    /** The status bar's counts and progress, as the shown run and the opening are now. */
    void updateCounts() {
        RunItem run = runList.selected();
        IndexSnapshot s = eventTable.snapshot();
        if (run == null || s == null) {
            // A run whose log is still being read has no counts yet (not "0 events"): the progress says so.
            statusBar.setCounts(false, 0, 0, 0);
        } else {
            statusBar.setCounts(true, s.eventCount(), s.errorCount(), s.warningCount());
        }
        if (opening.get()) {
            statusBar.setProgress("Reading runs…", -1);
        } else if (run != null && run.indexing()) {
            statusBar.setProgress("Indexing " + run.shortId() + (run.fileBytes() > 0
                    ? " (" + Formats.bytes(run.fileBytes()) + ")" : "") + "…", -1);
        } else {
            statusBar.clearProgress();
        }
        updateFollow();
    }

    void updateFollow() {
        statusBar.setFollow(eventTable.isFollowing(), eventTable.unseenRowsProperty().get());
    }

    /**
     * The timeline shows what the filter leaves of the shown run (rebuilt in the background as either changes).
     * Choosing a node marks its events in the table and selects the one clicked; a range dragged on the axis
     * becomes the filter's time range.
     */
    private void wireTimeline() {
        filterBar.resultProperty().addListener((obs, old, r) -> {
            if (r == null) {
                timeline.clear();
            } else {
                timeline.rebuild(r.snapshot(), r.rows());
            }
        });
        timeline.setOnNodeChosen(node -> eventTable.chosenNode().choose(node, timeline.chosenFromRow()));
        // The selected event (clicked, F8, Go to Line, a search hit) is followed: its lane and time come into view.
        eventTable.selectedRowProperty().addListener((obs, old, row) ->
                timeline.showEvent(eventTable.snapshot(), row.intValue()));
        timeline.setOnRangeChosen((from, to) -> {
            filterBar.setTimeRange(from, to);
            // The range as the filter holds it (whole milliseconds), not as dragged.
            long[] range = FilterText.roundedRange(Math.min(from, to), Math.max(from, to));
            statusBar.showMessage("Showing " + Formats.clock(range[0], zone) + " – " + Formats.clock(range[1], zone)
                    + " (" + Formats.duration((range[1] - range[0]) / 1000) + "); Esc clears the filter");
        });
    }
}
