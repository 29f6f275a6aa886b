package dev.omne.inspector.ui.events;

import dev.omne.inspector.core.event.EventTypes;
import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.log.Diagnostic;
import dev.omne.inspector.ui.common.Formats;
import dev.omne.inspector.ui.events.RowText;
import dev.omne.inspector.ui.common.DocumentOpener;
import dev.omne.inspector.ui.common.LatestResult;
import dev.omne.inspector.ui.common.Messages;
import dev.omne.inspector.ui.common.RowLines;
import dev.omne.inspector.ui.common.TaskExecutor;
import dev.omne.inspector.ui.common.TextClipboard;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    public static final String PLACEHOLDER = "…";
    static final int CACHE_ROWS = 4096;
    static final int LOAD_BATCH = 256;
    static final int COPY_LIMIT = 100_000;

    /** Where the view should place a row it is asked to reveal. */
    public enum Placement { END, TOP, CENTER, VISIBLE }

    /** A request to the view: scroll {@code row} into view (a new object each time, so it always fires). */
    public record Reveal(int row, Placement placement) {
    }

    /** A diagnostic and the row it belongs to. */
    public record DiagnosticRow(int row, Diagnostic diagnostic) {
    }

    private final TaskExecutor tasks;
    private final TextClipboard clipboard;
    private final Consumer<String> messages;
    private final ZoneId zone;

    private final ReadOnlyObjectWrapper<RowList> rows = new ReadOnlyObjectWrapper<>(this, "rows", new RowList(0));
    private final ReadOnlyObjectWrapper<IndexSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyStringWrapper runId = new ReadOnlyStringWrapper(this, "runId");
    private final ReadOnlyIntegerWrapper selectedRow = new ReadOnlyIntegerWrapper(this, "selectedRow", -1);
    private final ReadOnlyIntegerWrapper selectedPosition = new ReadOnlyIntegerWrapper(this, "selectedPosition", -1);
    private final ReadOnlyStringWrapper chosenNode = new ReadOnlyStringWrapper(this, "chosenNode");
    private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper(this, "following", true);
    private final ReadOnlyIntegerWrapper unseenRows = new ReadOnlyIntegerWrapper(this, "unseenRows");
    private final BooleanProperty relativeTime = new SimpleBooleanProperty(this, "relativeTime");
    private final ReadOnlyObjectWrapper<Reveal> reveal = new ReadOnlyObjectWrapper<>(this, "reveal");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", NO_RUN);

    static final String NO_RUN = "Select a run to see its events";
    static final String READING = "Reading this run's log…";
    static final String NO_EVENTS = "This run has no events yet";
    static final String NO_LOG = "This run has no events.jsonl yet: it appears with the run's first event";

    static final String NO_MATCH = "No rows match the filter (Esc clears it)";

    private long startMicros = Timestamps.NONE;
    /** Reading row texts; rows of an index that was replaced are stale. */
    private final LatestResult rowTextReads;
    /** Reading appended rows back to find an injected line. */
    private final LatestResult awaitScan;
    /** The rows shown, when a filter is in force (null: every row of the snapshot). */
    private int[] shown;
    private boolean filtered;
    private final Map<Integer, RowText> cache = new LinkedHashMap<>(CACHE_ROWS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, RowText> eldest) {
            return size() > CACHE_ROWS;
        }
    };
    private final Map<Integer, SimpleStringProperty> pending = new HashMap<>();
    private final LinkedHashSet<Integer> queue = new LinkedHashSet<>();
    private boolean loadScheduled;
    private boolean loading;

    // A line appended by the Inject dialog, selected when live follow brings its row.
    private String awaitedRun;
    private String awaitedLine;
    private int awaitedFrom;
    private boolean awaitScanning;

    public EventTableViewModel(TaskExecutor tasks, TextClipboard clipboard, Consumer<String> messages, ZoneId zone) {
        this.tasks = tasks;
        this.rowTextReads = new LatestResult(tasks);
        this.awaitScan = new LatestResult(tasks);
        this.clipboard = clipboard;
        this.messages = messages;
        this.zone = zone;
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
        return filtered;
    }

    /** The run's row at a table position. */
    public int rowAt(int position) {
        return shown == null ? position : shown[position];
    }

    /** The table position of a run's row, or -1 when the filter hides it. */
    public int positionOf(int row) {
        if (row < 0) {
            return -1;
        }
        if (shown == null) {
            return row < knownRows() ? row : -1;
        }
        int at = java.util.Arrays.binarySearch(shown, row);
        return at >= 0 ? at : -1;
    }

    /** The first table position showing {@code row} or a later row, or -1. */
    private int positionAtOrAfter(int row) {
        if (shown == null) {
            return row < knownRows() ? Math.max(row, 0) : -1;
        }
        int at = java.util.Arrays.binarySearch(shown, row);
        int pos = at >= 0 ? at : -at - 1;
        return pos < shown.length ? pos : -1;
    }

    private int knownRows() {
        IndexSnapshot s = snapshot.get();
        return s == null ? 0 : s.size();
    }

    private void syncPosition() {
        selectedPosition.set(positionOf(selectedRow.get()));
    }

    /** Whether the table stays at the end as rows arrive. */
    public ReadOnlyBooleanProperty followingProperty() {
        return following.getReadOnlyProperty();
    }

    public boolean isFollowing() {
        return following.get();
    }

    /** Rows that arrived while following was paused. */
    public ReadOnlyIntegerProperty unseenRowsProperty() {
        return unseenRows.getReadOnlyProperty();
    }

    /** Times relative to the run's start instead of the time of day. */
    public BooleanProperty relativeTimeProperty() {
        return relativeTime;
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
        if (awaitedRun != null && !awaitedRun.equals(id)) {
            awaitedLine = null;
        }
        runId.set(id);
        filtered = filteredRows;
        chosenNode.set(null);
        resetRows(rowsOf);
        emptyText.set(rowsOf == null ? READING : NO_EVENTS);
        selectedRow.set(-1);
        following.set(live);
        unseenRows.set(0);
        if (rowCount() > 0) {
            reveal(live ? rowCount() - 1 : 0, live ? Placement.END : Placement.TOP);
        }
        scanForAwaited();
    }

    public void clear() {
        runId.set(null);
        chosenNode.set(null);
        resetRows(null);
        emptyText.set(NO_RUN);
        selectedRow.set(-1);
        following.set(true);
        unseenRows.set(0);
    }

    /**
     * New rows of the shown run. Rows only ever grow at the end; when following, the view is asked to stay at
     * the end, and otherwise the count of unseen rows grows: the rows in view never move under the user.
     *
     * @param reset the index was rebuilt from the start: every row is new
     */
    public void update(IndexSnapshot newer, boolean reset) {
        if (newer == null) {
            if (snapshot.get() == null) {
                emptyText.set(NO_LOG);
            }
            return;
        }
        emptyText.set(filtered ? NO_MATCH : NO_EVENTS);
        if (reset || snapshot.get() == null) {
            int keep = selectedRow.get();
            resetRows(newer);
            selectedRow.set(-1);
            if (following.get() && rowCount() > 0) {
                reveal(rowCount() - 1, Placement.END);
            }
            if (keep >= 0) {
                messages.accept("The log was read again from the start: the selection was cleared");
            }
            awaitedFrom = 0;
            scanForAwaited();
            return;
        }
        snapshot.set(newer);
        startMicros = firstTime(newer);
        if (!filtered) {
            growTo(newer.size());
        }
        scanForAwaited();
    }

    /** The table shows {@code count} positions now (rows were appended, or more matched). */
    private void growTo(int count) {
        int before = rows.get().size();
        if (count > before) {
            rows.get().growTo(count);
            if (following.get()) {
                reveal(count - 1, Placement.END);
            } else {
                unseenRows.set(unseenRows.get() + count - before);
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
            if (filtered) {
                filtered = false;
                replaceShown(null);
            }
            emptyText.set(NO_EVENTS);
            return;
        }
        emptyText.set(NO_MATCH);
        int[] next = result.rows();
        if (filtered && shown != null && result.extension() && next.length >= shown.length) {
            shown = next;
            growTo(next.length);
            syncPosition();
            return;
        }
        filtered = true;
        replaceShown(next);
    }

    private void replaceShown(int[] next) {
        shown = next;
        syncPosition();
        rows.set(new RowList(shown == null ? knownRows() : shown.length));
        unseenRows.set(0);
        int at = selectedPosition.get();
        if (at >= 0) {
            reveal(at, Placement.CENTER);
        } else if (rowCount() > 0) {
            reveal(following.get() ? rowCount() - 1 : 0, following.get() ? Placement.END : Placement.TOP);
        }
    }


    /**
     * Selects the row of {@code line} once live follow brings it: the Inject dialog appended it to the run
     * {@code run}, which had {@code fromRow} rows before. Rows are never inserted by hand; the row is found by
     * reading the new rows back and comparing them with the line written.
     */
    public void selectWhenAppended(String run, String line, int fromRow) {
        awaitedRun = run;
        awaitedLine = line;
        awaitedFrom = Math.max(0, fromRow);
        scanForAwaited();
    }

    private void scanForAwaited() {
        IndexSnapshot s = snapshot.get();
        if (awaitedLine == null || awaitScanning || s == null || !awaitedRun.equals(runId.get())) {
            return;
        }
        int from = Math.min(awaitedFrom, s.size());
        int to = s.size();
        if (from >= to) {
            return;
        }
        int[] wanted = new int[to - from];
        for (int i = 0; i < wanted.length; i++) {
            wanted[i] = from + i;
        }
        String line = awaitedLine;
        awaitScanning = true;
        awaitScan.submit(() -> RowLines.lines(s, wanted), lines -> {
            awaitScanning = false;
            if (line.equals(awaitedLine)) {
                for (int i = 0; i < lines.size(); i++) {
                    if (line.equals(lines.get(i))) {
                        awaitedLine = null;
                        goToRow(wanted[i]);
                        return;
                    }
                }
                awaitedFrom = to;
            }
            scanForAwaited();
        }, e -> {
            awaitScanning = false;
            awaitedLine = null;
        });
    }

    private void resetRows(IndexSnapshot newer) {
        // Texts and scans of the rows shown so far are of no use now.
        rowTextReads.cancel();
        loading = false;
        awaitScan.cancel();
        awaitScanning = false;
        cache.clear();
        pending.clear();
        queue.clear();
        snapshot.set(newer);
        startMicros = newer == null ? Timestamps.NONE : firstTime(newer);
        shown = filtered ? new int[0] : null;
        syncPosition();
        rows.set(new RowList(newer == null || filtered ? 0 : newer.size()));
    }

    private static long firstTime(IndexSnapshot s) {
        int limit = Math.min(s.size(), 1000);
        for (int row = 0; row < limit; row++) {
            long ts = s.tsMicros(row);
            if (ts != Timestamps.NONE) {
                return ts;
            }
        }
        return Timestamps.NONE;
    }

    // Following and selection, as the view reports them

    /** The user moved the view: at the end it follows, anywhere else following pauses. */
    public void userScrolled(boolean atEnd) {
        if (atEnd) {
            following.set(true);
            unseenRows.set(0);
        } else {
            following.set(false);
        }
    }

    /** Goes to the end and follows it again (End). */
    public void resumeFollowing() {
        following.set(true);
        unseenRows.set(0);
        int last = rowCount() - 1;
        if (last >= 0) {
            selectedRow.set(rowAt(last));
            reveal(last, Placement.END);
        }
    }

    /** Goes to the end and follows it, leaving the selection alone. */
    public void followEnd() {
        following.set(true);
        unseenRows.set(0);
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
            following.set(false);
        }
        reveal(position, Placement.CENTER);
    }

    /**
     * A node chosen on the timeline: its events are marked in the table and its first shown event at or after
     * {@code fromRow} is selected (-1: its first).
     */
    public void chooseNode(String node, int fromRow) {
        chosenNode.set(node);
        IndexSnapshot s = snapshot.get();
        if (node == null || s == null) {
            return;
        }
        int nodeId = s.nodes().indexOf(node);
        int count = rowCount();
        int first = -1;
        int firstAfter = -1;
        int total = 0;
        for (int pos = 0; pos < count && nodeId >= 0; pos++) {
            int row = rowAt(pos);
            if (s.nodeId(row) == nodeId) {
                total++;
                if (first < 0) {
                    first = pos;
                }
                if (firstAfter < 0 && row >= fromRow) {
                    firstAfter = pos;
                }
            }
        }
        int target = firstAfter >= 0 ? firstAfter : first;
        if (target < 0) {
            messages.accept("Node " + node + " has no events " + (filtered ? "that match the filter" : "in this run"));
            return;
        }
        goToPosition(target);
        messages.accept("Node " + node + ": " + Formats.count(total) + (total == 1 ? " event" : " events")
                + " marked" + (filtered ? " (of the rows the filter shows)" : ""));
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
        jumpMalformed(true);
    }

    /** Shift+F8: the previous malformed line before the selection, wrapping around at the start. */
    public void previousMalformed() {
        jumpMalformed(false);
    }

    private void jumpMalformed(boolean forward) {
        IndexSnapshot s = snapshot.get();
        if (s == null || s.errorCount() == 0) {
            messages.accept("No malformed lines in this run");
            return;
        }
        int from = selectedRow.get();
        int found = shownError(s, forward ? nextError(s, from) : previousError(s, from), forward);
        boolean wrapped = false;
        if (found < 0) {
            found = shownError(s, forward ? nextError(s, -1) : previousError(s, s.size()), forward);
            wrapped = true;
        }
        if (found < 0) {
            messages.accept(filtered ? "No malformed lines among the rows the filter shows" : "No malformed lines in this run");
            return;
        }
        goToRow(found);
        int index = errorIndex(s, found);
        messages.accept("Malformed line " + (index + 1) + " of " + s.errorCount()
                + (wrapped ? (forward ? " (wrapped to the first)" : " (wrapped to the last)") : ""));
    }

    /** {@code found} or the next error row in that direction that the filter shows, or -1. */
    private int shownError(IndexSnapshot s, int found, boolean forward) {
        while (found >= 0 && (positionOf(found) < 0 || positionOf(found) >= rowCount())) {
            found = forward ? nextError(s, found) : previousError(s, found);
        }
        return found;
    }

    /** The first error row after {@code row}, or -1. */
    static int nextError(IndexSnapshot s, int row) {
        int n = s.diagnosticCount();
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s.diagnosticRow(mid) <= row) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo; i < n; i++) {
            if (s.isError(s.diagnosticRow(i))) {
                return s.diagnosticRow(i);
            }
        }
        return -1;
    }

    /** The last error row before {@code row}, or -1. */
    static int previousError(IndexSnapshot s, int row) {
        int lo = 0;
        int hi = s.diagnosticCount();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s.diagnosticRow(mid) < row) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo - 1; i >= 0; i--) {
            if (s.isError(s.diagnosticRow(i))) {
                return s.diagnosticRow(i);
            }
        }
        return -1;
    }

    private static int errorIndex(IndexSnapshot s, int row) {
        int index = 0;
        for (int i = 0; i < s.diagnosticCount() && s.diagnosticRow(i) < row; i++) {
            if (s.isError(s.diagnosticRow(i))) {
                index++;
            }
        }
        return index;
    }

    /** The run's diagnostics (malformed lines, then warnings in file order), for the status bar's list. */
    public List<DiagnosticRow> diagnostics() {
        IndexSnapshot s = snapshot.get();
        List<DiagnosticRow> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        int n = Math.min(s.diagnosticCount(), 10_000);
        for (int i = 0; i < n; i++) {
            int row = s.diagnosticRow(i);
            out.add(new DiagnosticRow(row, s.diagnostic(row)));
        }
        return out;
    }

    // Go to line, copy

    /** Ctrl+L: selects the row of a line number (or the next row after it when that line is blank). */
    public boolean goToLine(String text) {
        IndexSnapshot s = snapshot.get();
        long line;
        try {
            line = Long.parseLong(text.strip().replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            messages.accept("Not a line number: " + text.strip());
            return false;
        }
        if (s == null || s.size() == 0) {
            messages.accept("No lines to go to");
            return false;
        }
        int lo = 0;
        int hi = s.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s.line(mid) < line) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo >= s.size()) {
            messages.accept("The log has " + s.line(s.size() - 1) + " lines; showing the last");
            lo = s.size() - 1;
        } else if (s.line(lo) != line) {
            messages.accept("Line " + line + " is blank; showing line " + s.line(lo));
        }
        int position = positionAtOrAfter(lo);
        if (position < 0 || position >= rowCount()) {
            position = rowCount() - 1;
        }
        if (position < 0) {
            messages.accept("No rows match the filter");
            return false;
        }
        if (rowAt(position) != lo) {
            messages.accept("Line " + s.line(lo) + " is hidden by the filter; showing line " + s.line(rowAt(position))
                    + " (Esc clears the filter)");
        }
        goToPosition(position);
        return true;
    }

    /** Ctrl+C: the rows as JSON lines (as they are in the file) on the clipboard. */
    public void copyRows(List<Integer> selection) {
        IndexSnapshot s = snapshot.get();
        if (s == null || selection.isEmpty()) {
            messages.accept("Select rows to copy");
            return;
        }
        int count = Math.min(selection.size(), COPY_LIMIT);
        int[] wanted = new int[count];
        for (int i = 0; i < count; i++) {
            wanted[i] = selection.get(i);
        }
        java.util.Arrays.sort(wanted);
        tasks.submit(() -> dev.omne.inspector.core.export.CopyText.jsonLines(s, wanted), text -> {
            clipboard.putText(text);
            messages.accept(selection.size() > COPY_LIMIT
                    ? "Copied the first " + Formats.count(COPY_LIMIT) + " of " + Formats.count(selection.size()) + " rows"
                    : "Copied " + Formats.count(count) + (count == 1 ? " row" : " rows") + " as JSON lines");
        }, e -> messages.accept("Cannot copy: " + Messages.describe(e)));
    }

    /** "Copy FILE:LINE": the selected row's place in the log, as editors and terminals open it. */
    public void copyFileLine(int row) {
        IndexSnapshot s = snapshot.get();
        if (s == null || row < 0 || row >= s.size()) {
            messages.accept("Select a row to copy its FILE:LINE");
            return;
        }
        String text = dev.omne.inspector.core.export.CopyText.fileLine(s, row);
        clipboard.putText(text);
        messages.accept("Copied " + text);
    }

    /** "Open containing folder": the folder of the run's log, shown by the desktop (in the background). */
    public void openContainingFolder(DocumentOpener opener) {
        IndexSnapshot s = snapshot.get();
        if (s == null) {
            messages.accept("Select a run to open its folder");
            return;
        }
        java.nio.file.Path folder = dev.omne.inspector.core.export.CopyText.containingFolder(s.file());
        tasks.submit(() -> {
            opener.open(folder.toUri());
            return folder;
        }, done -> messages.accept("Opened " + done), e -> messages.accept("Cannot open " + folder + ": "
                + Messages.describe(e)));
    }

    // Cell text: cheap columns straight from the index

    private boolean valid(int position) {
        IndexSnapshot s = snapshot.get();
        return s != null && position >= 0 && position < rowCount() && rowAt(position) < s.size();
    }

    public String lineText(int position) {
        int row = valid(position) ? rowAt(position) : -1;
        return row >= 0 ? Long.toString(snapshot.get().line(row)) : "";
    }

    public String timeText(int position) {
        int row = valid(position) ? rowAt(position) : -1;
        if (row < 0) {
            return "";
        }
        long ts = snapshot.get().tsMicros(row);
        return relativeTime.get() ? Formats.sinceStart(ts, startMicros) : Formats.clock(ts, zone);
    }

    public String timeTooltip(int position) {
        int row = valid(position) ? rowAt(position) : -1;
        return row >= 0 ? Formats.exact(snapshot.get().tsMicros(row), zone) : "";
    }

    /** Time since the previous event that has a time. */
    public String deltaText(int position) {
        int row = valid(position) ? rowAt(position) : -1;
        if (row < 0) {
            return "";
        }
        IndexSnapshot s = snapshot.get();
        long ts = s.tsMicros(row);
        if (ts == Timestamps.NONE) {
            return "";
        }
        for (int r = row - 1; r >= 0 && r >= row - 64; r--) {
            long before = s.tsMicros(r);
            if (before != Timestamps.NONE) {
                return Formats.delta(ts - before);
            }
        }
        return "";
    }

    public String typeText(int position) {
        int row = valid(position) ? rowAt(position) : -1;
        if (row < 0) {
            return "";
        }
        String type = snapshot.get().type(row);
        return type == null ? "malformed line" : type;
    }

    public EventTypes.Tone typeTone(int position) {
        int row = valid(position) ? rowAt(position) : -1;
        return row >= 0 ? EventTypes.tone(snapshot.get().type(row)) : EventTypes.Tone.OTHER;
    }

    public String nodeText(int position) {
        int row = valid(position) ? rowAt(position) : -1;
        if (row < 0) {
            return "";
        }
        String node = snapshot.get().node(row);
        return node == null ? "" : node;
    }

    public String kindText(int position) {
        int row = valid(position) ? rowAt(position) : -1;
        if (row < 0) {
            return "";
        }
        String kind = snapshot.get().nodeKind(snapshot.get().nodeId(row));
        return kind == null ? "" : kind;
    }

    public boolean isMalformed(int position) {
        int row = valid(position) ? rowAt(position) : -1;
        return row >= 0 && snapshot.get().isError(row);
    }

    public boolean hasWarning(int position) {
        int row = valid(position) ? rowAt(position) : -1;
        return row >= 0 && snapshot.get().hasWarning(row);
    }

    public String warningText(int position) {
        int row = valid(position) ? rowAt(position) : -1;
        if (row < 0) {
            return null;
        }
        Diagnostic d = snapshot.get().diagnostic(row);
        return d == null ? null : d.message();
    }

    // Cell text read from the file, lazily

    /**
     * The one-line summary of a row: at once when known, else a placeholder that changes to the text when the
     * line has been read (cells listen to the value they are given, so they refresh themselves).
     */
    public ObservableValue<String> summary(int position) {
        int row = valid(position) ? rowAt(position) : -1;
        if (row < 0) {
            return new ReadOnlyStringWrapper("");
        }
        IndexSnapshot s = snapshot.get();
        if (s.isError(row)) {
            return new ReadOnlyStringWrapper(RowTexts.malformedSummary(s.diagnostic(row)));
        }
        RowText text = cache.get(row);
        if (text != null) {
            return new ReadOnlyStringWrapper(text.summary());
        }
        SimpleStringProperty value = pending.get(row);
        if (value == null) {
            value = new SimpleStringProperty(PLACEHOLDER);
            pending.put(row, value);
            queue.add(row);
            scheduleLoad();
        }
        return value;
    }

    /** The cached summary of a row, or null (for tests and the copy of visible text). */
    public String cachedSummary(int row) {
        RowText text = cache.get(row);
        return text == null ? null : text.summary();
    }

    private void scheduleLoad() {
        if (!loadScheduled && !loading) {
            loadScheduled = true;
            // After this layout pass: every cell of the screenful has asked by then, so one read serves all.
            tasks.runOnUiThread(this::load);
        }
    }

    private void load() {
        loadScheduled = false;
        if (loading || queue.isEmpty() || snapshot.get() == null) {
            return;
        }
        // The most recent requests are what is on screen; older ones scrolled past: forget them.
        List<Integer> wanted = new ArrayList<>(queue);
        queue.clear();
        if (wanted.size() > LOAD_BATCH) {
            for (Integer stale : wanted.subList(0, wanted.size() - LOAD_BATCH)) {
                pending.remove(stale);
            }
            wanted = wanted.subList(wanted.size() - LOAD_BATCH, wanted.size());
        }
        int[] batch = wanted.stream().mapToInt(Integer::intValue).toArray();
        IndexSnapshot s = snapshot.get();
        loading = true;
        rowTextReads.submit(() -> RowTexts.texts(s, batch), texts -> {
            loading = false;
            for (Map.Entry<Integer, RowText> e : texts.entrySet()) {
                cache.put(e.getKey(), e.getValue());
                SimpleStringProperty value = pending.remove(e.getKey());
                if (value != null) {
                    value.set(e.getValue().summary());
                }
            }
            scheduleLoad();
        }, e -> {
            loading = false;
            for (int row : batch) {
                SimpleStringProperty value = pending.remove(row);
                if (value != null) {
                    value.set("(cannot read: " + Messages.describe(e) + ")");
                }
            }
            scheduleLoad();
        });
    }

    /** Rows whose text is being read or waits to be (for tests). */
    public int pendingCount() {
        return pending.size();
    }
}
