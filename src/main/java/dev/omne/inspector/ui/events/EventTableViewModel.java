package dev.omne.inspector.ui.events;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.ui.common.TaskExecutor;
import dev.omne.inspector.ui.common.TextClipboard;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * The events of the selected run: the rows the table shows (a light view over the run's index, narrowed by the
 * filter), the selection, and following the end of a growing log. What only needs those is a part beside it that
 * the views call directly: going to a line or a malformed line ({@link EventJumps}), the node chosen on the
 * timeline ({@link ChosenNode}), copying ({@link RowCopies}), the cells' text ({@link RowCells}, and summaries read
 * in the background by {@link RowTextLoader}), an appended line awaited ({@link AppendedLineWatch}).
 *
 * <p>Two kinds of numbers: a <em>row</em> is a row of the run's index (what the rest of the window speaks of);
 * a <em>position</em> is a place in the table, which shows the rows the filter leaves, in order. Methods the
 * view calls for cells take positions; without a filter the two are the same.
 */
public final class EventTableViewModel {
    /** Where the view should place a row it is asked to reveal. */
    public enum Placement { END, TOP, CENTER, VISIBLE }

    /** A request to the view: scroll {@code row} into view (a new object each time, so it always fires). */
    public record Reveal(int row, Placement placement) {
    }

    private final Consumer<String> messages;

    private final ReadOnlyObjectWrapper<RowList> rows = new ReadOnlyObjectWrapper<>(this, "rows", new RowList(0));
    private final ReadOnlyObjectWrapper<IndexSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyStringWrapper runId = new ReadOnlyStringWrapper(this, "runId");
    private final ReadOnlyIntegerWrapper selectedRow = new ReadOnlyIntegerWrapper(this, "selectedRow", -1);
    private final ReadOnlyIntegerWrapper selectedPosition = new ReadOnlyIntegerWrapper(this, "selectedPosition", -1);
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
    private final AppendedLineWatch appended;
    private final EventJumps jumps;
    private final ChosenNode chosen;
    private final RowCopies copies;

    public EventTableViewModel(TaskExecutor tasks, TextClipboard clipboard, Consumer<String> messages, ZoneId zone) {
        this.messages = messages;
        this.jumps = new EventJumps(this, messages);
        this.chosen = new ChosenNode(this, messages);
        this.copies = new RowCopies(tasks, clipboard, messages, snapshot::get);
        this.cells = new RowCells(snapshot::get, this::shownRow, zone);
        this.texts = new RowTextLoader(tasks, snapshot::get, this::shownRow);
        this.appended = new AppendedLineWatch(tasks, snapshot::get, runId::get, jumps::goToRow);
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

    public ReadOnlyObjectProperty<Reveal> revealProperty() {
        return reveal.getReadOnlyProperty();
    }

    /** What the table says when it has no rows. */
    public javafx.beans.property.ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    // Showing a run

    /**
     * Shows a run's rows. A run still being written opens at its end, following; a finished one at its top. With
     * {@code filteredRows}, the table stays empty until the filter's first result ({@link #applyFilter}) says which
     * rows to show.
     */
    public void show(String id, IndexSnapshot rowsOf, boolean live, boolean filteredRows) {
        appended.showing(id);
        runId.set(id);
        shown.reset(filteredRows);
        chosen.forget();
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
        chosen.forget();
        resetRows(null);
        emptyText.set(NO_RUN);
        selectedRow.set(-1);
        following.start(true);
    }

    /**
     * New rows of the shown run. Rows only ever grow at the end; when following, the view is asked to stay at
     * the end, and otherwise the count of unseen rows grows: the rows in view never move under the user.
     *
     * @param reset   the index was rebuilt from the start: every row is new
     * @param loading the rows are the rest of a log still being read when the run was shown: none of them counts
     *                as new
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

    private void reveal(int row, Placement placement) {
        reveal.set(new Reveal(row, placement));
    }

    // The parts the views call directly

    /** Going to a line or to malformed lines; the run's diagnostics for the status bar's list. */
    public EventJumps jumps() {
        return jumps;
    }

    /** The node chosen on the timeline, whose events are marked. */
    public ChosenNode chosenNode() {
        return chosen;
    }

    /** A line the Inject dialog appended, selected when live follow brings its row. */
    public AppendedLineWatch appendedLine() {
        return appended;
    }

    /** Copying rows and their FILE:LINE, opening the log's folder. */
    public RowCopies copies() {
        return copies;
    }

    /** What the cheap cells say (and whether times are since the run's start). */
    public RowCells cells() {
        return cells;
    }

    /** The summaries of the rows on screen, read from the file in the background. */
    public RowTextLoader texts() {
        return texts;
    }

    /** The run's row at a table position, or -1 where the table shows none. */
    int shownRow(int position) {
        IndexSnapshot s = snapshot.get();
        return s != null && position >= 0 && position < rowCount() && rowAt(position) < s.size() ? rowAt(position) : -1;
    }
}
