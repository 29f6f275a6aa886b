package dev.omne.inspector.ui.events;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.log.Diagnostic;
import dev.omne.inspector.ui.common.DocumentOpener;
import dev.omne.inspector.ui.common.TaskExecutor;
import dev.omne.inspector.ui.common.TextClipboard;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/**
 * The events of the selected run: rows (a light view over the run's index), the cells' text, following the
 * end of a growing log, jumping between malformed lines, going to a line, copying rows. Row text beyond the
 * index columns is read from the file in the background, a visible screenful at a time, through a small LRU.
 *
 * <p>Two kinds of numbers: a <em>row</em> is a row of the run's index (what the rest of the window speaks of);
 * a <em>position</em> is a place in the table, which shows the rows the filter leaves, in order. Methods the
 * view calls for cells take positions; without a filter the two are the same.
 */
public final class EventTableViewModel {
    /** Shown in a summary cell until its line has been read. */
    public static final String PLACEHOLDER = RowTextLoader.PLACEHOLDER;

    /** Where the view should place a row it is asked to reveal. */
    public enum Placement { END, TOP, CENTER, VISIBLE }

    /** A request to the view: scroll {@code row} into view (a new object each time, so it always fires). */
    public record Reveal(int row, Placement placement) {
    }

    /** A diagnostic and the row it belongs to. */
    public record DiagnosticRow(int row, Diagnostic diagnostic) {
    }

    private final Consumer<String> messages;

    private final ReadOnlyObjectWrapper<RowList> rows = new ReadOnlyObjectWrapper<>(this, "rows", new RowList(0));
    private final ReadOnlyObjectWrapper<IndexSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyStringWrapper runId = new ReadOnlyStringWrapper(this, "runId");
    private final ReadOnlyIntegerWrapper selectedRow = new ReadOnlyIntegerWrapper(this, "selectedRow", -1);
    private final ReadOnlyIntegerWrapper selectedPosition = new ReadOnlyIntegerWrapper(this, "selectedPosition", -1);
    private final ReadOnlyStringWrapper chosenNode = new ReadOnlyStringWrapper(this, "chosenNode");
    private final Following following = new Following();
    private final ReadOnlyObjectWrapper<Reveal> reveal = new ReadOnlyObjectWrapper<>(this, "reveal");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", NO_RUN);
    /**
     * Rows of the run that were there when it was read (shown, or loaded while it was indexed): only rows after
     * them were appended since, and only those are "new" (loading and matching are not news).
     */
    private int readRows;

    static final String NO_RUN = "Select a run to see its events";
    static final String READING = "Reading this run's log…";
    static final String NO_EVENTS = "This run has no events yet";
    static final String NO_LOG = "This run has no events.jsonl yet: it appears with the run's first event";

    static final String NO_MATCH = "No rows match the filter (Esc clears it)";

    private final ShownRows shown = new ShownRows(() -> snapshot.get() == null ? 0 : snapshot.get().size());
    private final RowCells cells;
    private final RowTextLoader texts;
    /** A line appended by the Inject dialog, selected when live follow brings its row. */
    private final AppendedLineWatch appended;
    private final EventJumps jumps;
    private final RowCopies copies;

    public EventTableViewModel(TaskExecutor tasks, TextClipboard clipboard, Consumer<String> messages, ZoneId zone) {
        this.messages = messages;
        this.jumps = new EventJumps(this, messages);
        this.copies = new RowCopies(tasks, clipboard, messages, snapshot::get);
        this.cells = new RowCells(snapshot::get, p -> valid(p) ? rowAt(p) : -1, zone);
        this.texts = new RowTextLoader(tasks, snapshot::get);
        this.appended = new AppendedLineWatch(tasks, snapshot::get, runId::get, this::goToRow);
        selectedRow.addListener((obs, old, row) -> syncPosition());
    }

    // Properties

    public ReadOnlyObjectProperty<RowList> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<IndexSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public IndexSnapshot snapshot() {
        return snapshot.get();
    }

    public String runId() {
        return runId.get();
    }

    public javafx.beans.property.ReadOnlyStringProperty runIdProperty() {
        return runId.getReadOnlyProperty();
    }

    public int rowCount() {
        return rows.get().size();
    }

    public ReadOnlyIntegerProperty selectedRowProperty() {
        return selectedRow.getReadOnlyProperty();
    }

    public int selectedRow() {
        return selectedRow.get();
    }

    /** Where the selected row is in the table, or -1 (none, or hidden by the filter). */
    public ReadOnlyIntegerProperty selectedPositionProperty() {
        return selectedPosition.getReadOnlyProperty();
    }

    public int selectedPosition() {
        return selectedPosition.get();
    }

    /** The node whose events are marked (chosen on the timeline), or null. */
    public javafx.beans.property.ReadOnlyStringProperty chosenNodeProperty() {
        return chosenNode.getReadOnlyProperty();
    }

    /** Whether a filter decides which rows the table shows. */
    public boolean isFiltered() {
        return shown.isFiltered();
    }

    /** The run's row at a table position. */
    public int rowAt(int position) {
        return shown.rowAt(position);
    }

    /** The table position of a run's row, or -1 when the filter hides it. */
    public int positionOf(int row) {
        return shown.positionOf(row);
    }

    /** The first table position showing {@code row} or a later row, or -1. */
    int positionAtOrAfter(int row) {
        return shown.positionAtOrAfter(row);
    }

    private void syncPosition() {
        selectedPosition.set(positionOf(selectedRow.get()));
    }

    /** Whether the table stays at the end as rows arrive. */
    public ReadOnlyBooleanProperty followingProperty() {
        return following.onProperty();
    }

    public boolean isFollowing() {
        return following.isOn();
    }

    /** Rows that arrived while following was paused. */
    public ReadOnlyIntegerProperty unseenRowsProperty() {
        return following.unseenProperty();
    }

    /** Times relative to the run's start instead of the time of day. */
    public BooleanProperty relativeTimeProperty() {
        return cells.relativeTimeProperty();
    }

    public ReadOnlyObjectProperty<Reveal> revealProperty() {
        return reveal.getReadOnlyProperty();
    }

    /** What the table says when it has no rows. */
    public javafx.beans.property.ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    // Showing a run

    /**
     * Shows a run's rows. A run still being written opens at its end, following; a finished one at its top.
     */
    public void show(String id, IndexSnapshot rowsOf, boolean live) {
        show(id, rowsOf, live, false);
    }

    /**
     * Shows a run's rows; with {@code filteredRows}, the table stays empty until the filter's first result
     * ({@link #applyFilter}) says which rows to show.
     */
    public void show(String id, IndexSnapshot rowsOf, boolean live, boolean filteredRows) {
        appended.showing(id);
        runId.set(id);
        shown.reset(filteredRows);
        chosenNode.set(null);
        resetRows(rowsOf);
        readRows = rowsOf == null ? 0 : rowsOf.size();
        emptyText.set(rowsOf == null ? READING : NO_EVENTS);
        selectedRow.set(-1);
        following.start(live);
        if (rowCount() > 0) {
            reveal(live ? rowCount() - 1 : 0, live ? Placement.END : Placement.TOP);
        }
        appended.scan();
    }

    public void clear() {
        runId.set(null);
        chosenNode.set(null);
        resetRows(null);
        emptyText.set(NO_RUN);
        selectedRow.set(-1);
        following.start(true);
    }

    /**
     * New rows of the shown run. Rows only ever grow at the end; when following, the view is asked to stay at
     * the end, and otherwise the count of unseen rows grows: the rows in view never move under the user.
     *
     * @param reset the index was rebuilt from the start: every row is new
     */
    public void update(IndexSnapshot newer, boolean reset) {
        update(newer, reset, false);
    }

    /**
     * New rows of the shown run; with {@code loading} they are the rest of a log still being read when the run
     * was shown, and none of them counts as new.
     */
    public void update(IndexSnapshot newer, boolean reset, boolean loading) {
        if (newer != null && (loading || reset || snapshot.get() == null)) {
            readRows = newer.size();
        }
        if (newer == null) {
            if (snapshot.get() == null) {
                emptyText.set(NO_LOG);
            }
            return;
        }
        emptyText.set(shown.isFiltered() ? NO_MATCH : NO_EVENTS);
        if (reset || snapshot.get() == null) {
            int keep = selectedRow.get();
            resetRows(newer);
            selectedRow.set(-1);
            if (following.isOn() && rowCount() > 0) {
                reveal(rowCount() - 1, Placement.END);
            }
            if (keep >= 0) {
                messages.accept("The log was read again from the start: the selection was cleared");
            }
            appended.fromStart();
            appended.scan();
            return;
        }
        snapshot.set(newer);
        cells.startAt(newer);
        if (!shown.isFiltered()) {
            growTo(newer.size());
        }
        appended.scan();
    }

    /** The table shows {@code count} positions now (rows were appended, or more matched). */
    private void growTo(int count) {
        int before = rows.get().size();
        if (count > before) {
            rows.get().growTo(count);
            int firstAppended = shown.positionAtOrAfter(readRows);
            int appended = firstAppended < 0 ? 0 : count - Math.max(before, firstAppended);
            if (following.arrived(Math.max(0, appended))) {
                reveal(count - 1, Placement.END);
            }
        }
    }

    /**
     * The filter's rows for the shown run: a longer result of the same filter (rows appended, or the next part
     * of a long filter) grows the table like appended rows; a new filter replaces the rows, keeping the selected
     * row in view when it still matches, else the end (when following) or the top.
     */
    public void applyFilter(dev.omne.inspector.ui.filter.FilterResult result) {
        IndexSnapshot s = snapshot.get();
        if (result == null || s == null || !result.snapshot().file().equals(s.file())) {
            return;
        }
        if (result.isAll()) {
            if (shown.isFiltered()) {
                replaceShown(null);
            }
            emptyText.set(NO_EVENTS);
            return;
        }
        emptyText.set(NO_MATCH);
        int[] next = result.rows();
        if (result.extension() && shown.continuedBy(next)) {
            shown.set(next);
            growTo(next.length);
            syncPosition();
            return;
        }
        replaceShown(next);
    }

    private void replaceShown(int[] next) {
        shown.set(next);
        syncPosition();
        rows.set(new RowList(shown.count()));
        following.allSeen();
        int at = selectedPosition.get();
        if (at >= 0) {
            reveal(at, Placement.CENTER);
        } else if (rowCount() > 0) {
            reveal(following.isOn() ? rowCount() - 1 : 0, following.isOn() ? Placement.END : Placement.TOP);
        }
    }


    /**
     * Selects the row of {@code line} once live follow brings it: the Inject dialog appended it to the run
     * {@code run}, which had {@code fromRow} rows before.
     */
    public void selectWhenAppended(String run, String line, int fromRow) {
        appended.await(run, line, fromRow);
    }

    private void resetRows(IndexSnapshot newer) {
        // Texts and scans of the rows shown so far are of no use now.
        texts.reset();
        appended.cancel();
        snapshot.set(newer);
        cells.startAt(newer);
        shown.restart();
        syncPosition();
        rows.set(new RowList(shown.count()));
    }

    // Following and selection, as the view reports them

    /** The user moved the view: at the end it follows, anywhere else following pauses. */
    public void userScrolled(boolean atEnd) {
        if (atEnd) {
            following.start(true);
        } else {
            following.pause();
        }
    }

    /** Goes to the end and follows it again (End). */
    public void resumeFollowing() {
        following.start(true);
        int last = rowCount() - 1;
        if (last >= 0) {
            selectedRow.set(rowAt(last));
            reveal(last, Placement.END);
        }
    }

    /** Goes to the end and follows it, leaving the selection alone. */
    public void followEnd() {
        following.start(true);
        if (rowCount() > 0) {
            reveal(rowCount() - 1, Placement.END);
        }
    }

    /** The user selected a table position (-1: none). */
    public void select(int position) {
        selectedRow.set(position >= 0 && position < rowCount() ? rowAt(position) : -1);
    }

    /** Selects a run's row and brings it into view; a row the filter hides is not gone to, with a message. */
    public void goToRow(int row) {
        IndexSnapshot s = snapshot.get();
        if (s == null || row < 0 || row >= s.size()) {
            return;
        }
        int position = positionOf(row);
        if (position < 0 || position >= rowCount()) {
            messages.accept("Line " + s.line(row) + " is hidden by the filter (Esc clears it)");
            return;
        }
        goToPosition(position);
    }

    /** Selects a table position and brings it into view. */
    public void goToPosition(int position) {
        if (position < 0 || position >= rowCount()) {
            return;
        }
        selectedRow.set(rowAt(position));
        if (position < rowCount() - 1) {
            following.pause();
        }
        reveal(position, Placement.CENTER);
        // The row gone to is in view: it and the rows above it are seen (an injected row is no "new event").
        following.seenDownTo(rowCount() - 1 - position);
    }

    /**
     * A node chosen on the timeline: its events are marked in the table and its first shown event at or after
     * {@code fromRow} is selected (-1: its first).
     */
    public void chooseNode(String node, int fromRow) {
        chosenNode.set(node);
        if (node != null && snapshot.get() != null) {
            jumps.toNode(node, fromRow);
        }
    }

    /** Whether the row at a table position belongs to the chosen node. */
    public boolean isOfChosenNode(int position) {
        String node = chosenNode.get();
        return node != null && valid(position) && node.equals(snapshot.get().node(rowAt(position)));
    }

    private void reveal(int row, Placement placement) {
        reveal.set(new Reveal(row, placement));
    }

    // Malformed lines

    /** F8: the next malformed line after the selection, wrapping around at the end. */
    public void nextMalformed() {
        jumps.toMalformed(true);
    }

    /** Shift+F8: the previous malformed line before the selection, wrapping around at the start. */
    public void previousMalformed() {
        jumps.toMalformed(false);
    }

    /** The run's diagnostics (malformed lines, then warnings in file order), for the status bar's list. */
    public List<DiagnosticRow> diagnostics() {
        return MalformedLines.diagnostics(snapshot.get());
    }

    // Go to line, copy, open

    /** Ctrl+L: selects the row of a line number (or the next row after it when that line is blank). */
    public boolean goToLine(String text) {
        return jumps.toLine(text);
    }

    /** Ctrl+C: the rows as JSON lines (as they are in the file) on the clipboard. */
    public void copyRows(List<Integer> selection) {
        copies.rows(selection);
    }

    /** "Copy FILE:LINE": the selected row's place in the log, as editors and terminals open it. */
    public void copyFileLine(int row) {
        copies.fileLine(row);
    }

    /** "Open containing folder": the folder of the run's log, shown by the desktop (in the background). */
    public void openContainingFolder(DocumentOpener opener) {
        copies.openFolder(opener);
    }

    // Cell text: cheap columns straight from the index, and summaries read from the file

    /** What the cheap cells say. */
    public RowCells cells() {
        return cells;
    }

    private boolean valid(int position) {
        IndexSnapshot s = snapshot.get();
        return s != null && position >= 0 && position < rowCount() && rowAt(position) < s.size();
    }

    /**
     * The one-line summary of a row: at once when known, else a placeholder that changes to the text when the
     * line has been read (cells listen to the value they are given, so they refresh themselves).
     */
    public ObservableValue<String> summary(int position) {
        int row = valid(position) ? rowAt(position) : -1;
        if (row < 0) {
            return new ReadOnlyStringWrapper("");
        }
        return texts.summary(snapshot.get(), row);
    }

    /** The cached summary of a row, or null (for tests and the copy of visible text). */
    public String cachedSummary(int row) {
        return texts.cached(row);
    }

    /** Rows whose text is being read or waits to be (for tests). */
    public int pendingCount() {
        return texts.pendingCount();
    }
}
