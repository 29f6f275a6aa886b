package dev.omne.inspector.ui.history;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.history.HistoryGrid;
import dev.omne.inspector.core.history.NodeOrder;
import dev.omne.inspector.core.history.NodeRun;
import dev.omne.inspector.core.history.RunOutcome;
import dev.omne.inspector.core.history.RunSummary;
import dev.omne.inspector.core.volume.RunIds;
import dev.omne.inspector.ui.common.Formats;
import dev.omne.inspector.ui.runs.RunStatus;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The grid of runs (rows, newest first) by nodes (columns in pipeline order, grouped by pipe): what each cell says,
 * which runs are chosen for comparison, and the cursor that the keys move. The selection and the cursor follow
 * runs by id, so they stay on their runs as runs appear above them.
 */
public final class HistoryGridViewModel {
    /** What a cell is coloured by. */
    public enum Tone { COMPLETED, RETRIED, FAILED, RUNNING, NONE }

    /** The cursor: a run and a column (-1: the run's own columns). */
    public record Cursor(String runId, int column) {
    }

    /** Opens a run at a node (the window's single-run view, at the node's first event). */
    @FunctionalInterface
    public interface NodeOpener {
        void open(String runId, String nodeId, long line);
    }

    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);

    private final ZoneId zone;
    private final Function<String, RunStatus> statusOf;
    private final ReadOnlyObjectWrapper<HistoryGrid> grid = new ReadOnlyObjectWrapper<>(this, "grid",
            HistoryGrid.of(List.of()));
    private final ObservableList<String> selected = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Cursor> cursor = new ReadOnlyObjectWrapper<>(this, "cursor");
    /** Counts changes that only repaint (the runs list's statuses moved on). */
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private NodeOpener opener = (run, node, line) -> { };
    private Runnable onCompare = () -> { };
    /** Per pipe, its columns' first and last index (the columns of a pipe come together). */
    private java.util.Map<String, int[]> pipeColumns = java.util.Map.of();

    /**
     * @param statusOf the runs list's status of a run (it knows whether a run without an end is still being
     *                 written), or null when the list does not know the run
     */
    public HistoryGridViewModel(ZoneId zone, Function<String, RunStatus> statusOf) {
        this.zone = zone;
        this.statusOf = statusOf;
    }

    // Properties

    public ReadOnlyObjectProperty<HistoryGrid> gridProperty() {
        return grid.getReadOnlyProperty();
    }

    public HistoryGrid grid() {
        return grid.get();
    }

    /** Runs chosen for comparison, in the order chosen. */
    public ObservableList<String> selectedRuns() {
        return selected;
    }

    public ReadOnlyObjectProperty<Cursor> cursorProperty() {
        return cursor.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public int rowCount() {
        return grid.get().runs().size();
    }

    public int columnCount() {
        return grid.get().columns().size();
    }

    /** The row of a run, or -1 when the grid does not show it. */
    public int rowOf(String runId) {
        if (runId == null) {
            return -1;
        }
        List<RunSummary> runs = grid.get().runs();
        for (int r = 0; r < runs.size(); r++) {
            if (runs.get(r).runId().equals(runId)) {
                return r;
            }
        }
        return -1;
    }

    public boolean isSelected(int row) {
        return valid(row) && selected.contains(run(row).runId());
    }

    public RunSummary run(int row) {
        return grid.get().runs().get(row);
    }

    // Texts of a row

    /** {@code feature 1s15v8xb}: the pipe and the run id's short form, as the runs list writes them. */
    public String runText(int row) {
        RunSummary run = run(row);
        return run.pipe() + " " + RunIds.shortId(run.runId());
    }

    public Tone runTone(int row) {
        return switch (status(row)) {
            case COMPLETED -> Tone.COMPLETED;
            case FAILED -> Tone.FAILED;
            case RUNNING -> Tone.RUNNING;
            case UNKNOWN -> Tone.NONE;
        };
    }

    /** The run's status: completed and failed from its events, running or unknown as the runs list has it. */
    public RunStatus status(int row) {
        RunSummary run = run(row);
        RunOutcome outcome = run.outcome();
        if (outcome == RunOutcome.COMPLETED) {
            return RunStatus.COMPLETED;
        }
        if (outcome == RunOutcome.FAILED) {
            return RunStatus.FAILED;
        }
        RunStatus listed = statusOf.apply(run.runId());
        return listed == RunStatus.RUNNING ? RunStatus.RUNNING : RunStatus.UNKNOWN;
    }

    public String startText(int row) {
        long start = run(row).sortMicros();
        return start == Timestamps.NONE ? "" : START.format(Timestamps.ofMicros(start).atZone(zone));
    }

    public String runTooltip(int row) {
        return HistoryGridTooltips.run(run(row), status(row), zone);
    }

    public String durationText(int row) {
        long micros = run(row).durationMicros();
        return micros < 0 ? "" : Formats.compactDuration(micros / 1000);
    }

    // Texts of a column

    public NodeOrder.Column column(int column) {
        return grid.get().columns().get(column);
    }

    /** The column's header: its node id. */
    public String columnText(int column) {
        return column(column).key().nodeId();
    }

    public String columnTooltip(int column) {
        return HistoryGridTooltips.column(column(column));
    }

    /** The first and last column of the row's pipe, or null when its pipe has no columns. */
    public int[] columnsOf(int row) {
        return pipeColumns.get(run(row).pipe());
    }

    /** The pipe a column belongs to: columns of one pipe come together, under one heading. */
    public String groupOf(int column) {
        return column(column).key().pipe();
    }

    // Texts of a cell

    /** The run's executions of the column's node, or null where the run did not reach it. */
    public NodeRun cell(int row, int column) {
        return grid.get().cell(row, column);
    }

    public String cellText(int row, int column) {
        NodeRun node = cell(row, column);
        if (node == null) {
            return "";
        }
        long micros = node.durationMicros();
        String time = micros < 0 ? "?" : Formats.compactDuration(micros / 1000);
        return node.executions().size() > 1 ? time + " ×" + node.executions().size() : time;
    }

    public Tone cellTone(int row, int column) {
        NodeRun node = cell(row, column);
        if (node == null || node.outcome() == null) {
            return Tone.NONE;
        }
        return switch (node.outcome()) {
            case COMPLETED -> node.failures() > 0 ? Tone.RETRIED : Tone.COMPLETED;
            case FAILED -> Tone.FAILED;
            case RUNNING, INTERRUPTED -> Tone.RUNNING;
        };
    }

    public String cellTooltip(int row, int column) {
        return HistoryGridTooltips.cell(this, row, column);
    }

    // Commands

    public void setNodeOpener(NodeOpener opener) {
        this.opener = opener;
    }

    /** What "compare" does with two chosen runs. */
    public void setOnCompare(Runnable onCompare) {
        this.onCompare = onCompare;
    }

    /** A new grid: the selection keeps the runs it still shows, the cursor stays on its run. */
    void show(HistoryGrid next) {
        java.util.Map<String, int[]> ranges = new java.util.HashMap<>();
        List<dev.omne.inspector.core.history.NodeOrder.Column> columns = next.columns();
        for (int c = 0; c < columns.size(); c++) {
            int column = c;
            ranges.merge(columns.get(c).key().pipe(), new int[] {c, c}, (a, b) -> new int[] {a[0], column});
        }
        pipeColumns = ranges;
        grid.set(next);
        selected.removeIf(id -> rowOf(id) < 0);
        Cursor at = cursor.get();
        if (at != null && (rowOf(at.runId()) < 0 || at.column() >= next.columns().size())) {
            cursor.set(null);
        }
    }

    /** The runs list's statuses may have moved on (time passed): repaint. */
    void refresh() {
        revision.set(revision.get() + 1);
    }

    /** Opens the run of a cell at the node's first event; nothing where the run did not reach it. */
    public boolean open(int row, int column) {
        if (!valid(row) || column < 0 || column >= columnCount()) {
            return false;
        }
        cursor.set(new Cursor(run(row).runId(), column));
        NodeRun node = cell(row, column);
        if (node == null) {
            return false;
        }
        opener.open(run(row).runId(), node.nodeId(), node.firstLine());
        return true;
    }

    /** A click on a run: it alone is chosen ({@code add}: added to the choice, or taken out if it was in it). */
    public void choose(int row, boolean add) {
        if (!valid(row)) {
            return;
        }
        String id = run(row).runId();
        Cursor at = cursor.get();
        cursor.set(new Cursor(id, at == null ? -1 : at.column()));
        if (!add) {
            selected.setAll(id);
        } else if (!selected.remove(id)) {
            selected.add(id);
        }
    }

    /** Whether exactly two runs are chosen. */
    public boolean canCompare() {
        return selected.size() == 2;
    }

    /** Compares the two chosen runs (the older one as A). */
    public void compareChosen() {
        if (canCompare()) {
            onCompare.run();
        }
    }

    /** The cursor moved by keys: {@code rows} down, {@code columns} right, kept within the grid. */
    public void moveCursor(int rows, int columns) {
        if (rowCount() == 0) {
            return;
        }
        Cursor at = cursor.get();
        int row = at == null ? 0 : Math.max(0, rowOf(at.runId()));
        int column = at == null ? (columnCount() > 0 ? 0 : -1) : at.column();
        row = Math.clamp((long) row + rows, 0, rowCount() - 1);
        column = Math.clamp((long) column + columns, -1, columnCount() - 1);
        cursor.set(new Cursor(run(row).runId(), column));
    }

    /** The cursor to the first or last row. */
    public void cursorTo(int row) {
        if (rowCount() == 0) {
            return;
        }
        Cursor at = cursor.get();
        int r = Math.clamp(row, 0, rowCount() - 1);
        cursor.set(new Cursor(run(r).runId(), at == null ? (columnCount() > 0 ? 0 : -1) : at.column()));
    }

    /** Enter: opens the cursor's cell, or on the run's own columns opens the run at its first event. */
    public void openCursor() {
        Cursor at = cursor.get();
        int row = at == null ? -1 : rowOf(at.runId());
        if (row < 0) {
            return;
        }
        if (at.column() < 0) {
            opener.open(at.runId(), null, 1);
        } else {
            open(row, at.column());
        }
    }

    /** Space: the cursor's run in or out of the choice for comparison. */
    public void toggleCursorRun() {
        Cursor at = cursor.get();
        int row = at == null ? -1 : rowOf(at.runId());
        if (row >= 0) {
            choose(row, true);
        }
    }

    private boolean valid(int row) {
        return row >= 0 && row < rowCount();
    }
}
