package dev.omne.inspector.ui.events;

import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

import java.util.List;

/**
 * Which of the run's rows the events table holds: a window of a few thousand ({@link RowList} says why), moved
 * as the user scrolls, with a scroll bar over the whole run beside it while the run is longer than a window.
 * Carries out the ViewModel's requests to reveal a row, and keeps the table's selection and the ViewModel's in step.
 */
final class RowWindowController {
    private static final PseudoClass WINDOWED = PseudoClass.getPseudoClass("windowed");

    /** Rows the table holds at most; see {@link RowList}. */
    static final int WINDOW = EventTableView.WINDOW;
    /** Rows a window at the end of a growing run may take on before it is moved. */
    static final int SLACK = EventTableView.SLACK;
    /** A window is moved when the view comes this close to one of its ends. */
    static final int MARGIN = 1_000;

    private final EventTableViewModel model;
    private final TableView<Long> table;
    private final ScrollBar runBar;
    private RowList window = new RowList(0, 0);
    private RowList source;
    private final javafx.collections.ListChangeListener<Long> sourceGrew = c -> sourceGrew();
    private boolean syncingSelection;
    private boolean syncingBar;
    private boolean afterScrollScheduled;
    private VirtualFlow<?> hookedFlow;

    RowWindowController(EventTableViewModel model, TableView<Long> table, ScrollBar runBar) {
        this.model = model;
        this.table = table;
        this.runBar = runBar;
        table.setItems(window);
        model.rowsProperty().addListener((obs, old, rows) -> attach(rows));
        runBar.valueProperty().addListener((obs, old, value) -> {
            if (!syncingBar) {
                jumpTo((int) Math.round(value.doubleValue()));
            }
        });
        wireSelection();
        table.skinProperty().addListener((obs, old, skin) -> Platform.runLater(this::hookFlow));
        attach(model.rowsProperty().get());
        model.revealProperty().addListener((obs, old, reveal) -> {
            if (reveal != null) {
                reveal(reveal);
            }
        });
    }

    /** The selected rows of the run (not table positions: the filter may hide rows in between). */
    public List<Integer> selectedRows() {
        int base = window.base();
        return table.getSelectionModel().getSelectedIndices().stream().map(i -> model.rowAt(i + base)).toList();
    }

    private void wireSelection() {
        table.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (!syncingSelection) {
                model.select(index.intValue() < 0 ? -1 : index.intValue() + window.base());
            }
        });
        model.selectedPositionProperty().addListener((obs, old, position) -> showSelection());
    }

    /** Shows the model's selected row, when it is in the window (a reveal moves the window to it). */
    private void showSelection() {
        int local = model.selectedPosition() - window.base();
        var selection = table.getSelectionModel();
        if (model.selectedPosition() >= 0 && selection.getSelectedIndex() == local && selection.getSelectedIndices().size() <= 1) {
            return;
        }
        syncingSelection = true;
        try {
            if (model.selectedPosition() < 0 || local < 0 || local >= window.size()) {
                selection.clearSelection();
            } else {
                selection.clearAndSelect(local);
                table.getFocusModel().focus(local);
            }
        } finally {
            syncingSelection = false;
        }
    }

    // The window of rows the table holds

    /** The model shows another run (or a rebuilt index): a new window at its start, until a reveal moves it. */
    private void attach(RowList rows) {
        if (source != null) {
            source.removeListener(sourceGrew);
        }
        source = rows;
        source.addListener(sourceGrew);
        setWindow(new RowList(0, Math.min(source.size(), WINDOW + SLACK)));
    }

    /**
     * Rows were appended: a window that reached the run's end takes them in, up to its slack; any other
     * window stays as it is, so the rows in view never move.
     */
    private void sourceGrew() {
        int total = source.size();
        if (window.end() == knownTotal) {
            window.growTo(Math.min(total, window.base() + WINDOW + SLACK));
        }
        knownTotal = total;
        updateMode();
        updateRunBar();
    }

    /** The run's row count the window was last set or grown for. */
    private int knownTotal;

    private void setWindow(RowList next) {
        window = next;
        knownTotal = source == null ? 0 : source.size();
        syncingSelection = true;
        try {
            table.setItems(next);
        } finally {
            syncingSelection = false;
        }
        showSelection();
        updateMode();
        updateRunBar();
    }

    /** A run too long for one window gets the whole-run scroll bar instead of the table's own. */
    private void updateMode() {
        boolean windowed = knownTotal > WINDOW + SLACK;
        if (runBar.isVisible() != windowed) {
            runBar.setVisible(windowed);
            runBar.setManaged(windowed);
            table.pseudoClassStateChanged(WINDOWED, windowed);
        }
    }

    /** Moves the window so that it holds run row {@code row} well inside it. */
    private void centerWindowOn(int row) {
        int total = source.size();
        int base = Math.max(0, Math.min(row - WINDOW / 2, total - WINDOW));
        setWindow(new RowList(base, Math.min(total - base, WINDOW)));
    }

    /** Makes sure the window holds {@code row} with room around it (or ends at the run's end, for END). */
    private void ensureInWindow(int row, EventTableViewModel.Placement placement) {
        int total = source.size();
        if (placement == EventTableViewModel.Placement.END) {
            if (window.end() != total) {
                int base = Math.max(0, total - WINDOW);
                setWindow(new RowList(base, total - base));
            }
            return;
        }
        boolean inside = row >= window.base() && row < window.end();
        boolean nearStart = window.base() > 0 && row - window.base() < MARGIN;
        boolean nearEnd = window.end() < total && window.end() - row < MARGIN;
        if (!inside || nearStart || nearEnd) {
            centerWindowOn(row);
        }
    }

    private void hookFlow() {
        VirtualFlow<?> flow = flow();
        if (flow != null && flow != hookedFlow) {
            hookedFlow = flow;
            flow.positionProperty().addListener((obs, old, p) -> afterScrollLater());
        }
    }

    private void afterScrollLater() {
        if (!afterScrollScheduled) {
            afterScrollScheduled = true;
            Platform.runLater(() -> {
                afterScrollScheduled = false;
                afterScroll();
            });
        }
    }

    /** The view moved: near an end of a window that is not the run's end, move the window along. */
    private void afterScroll() {
        VirtualFlow<?> flow = flow();
        if (flow == null || source == null) {
            return;
        }
        // Cells follow the position only at the next layout: bring them up to date before reading them.
        table.layout();
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (first != null && last != null) {
            boolean nearStart = window.base() > 0 && first.getIndex() < MARGIN;
            boolean nearEnd = window.end() < source.size() && window.size() - last.getIndex() < MARGIN;
            if (nearStart || nearEnd) {
                int top = window.base() + first.getIndex();
                double offset = first.getLayoutY();
                centerWindowOn(top);
                table.layout();
                flow.scrollToTop(top - window.base());
                flow.scrollPixels(-offset);
            }
        }
        updateRunBar();
    }

    /** The whole-run scroll bar: where the view is in the run. */
    private void updateRunBar() {
        if (!runBar.isVisible() || source == null) {
            return;
        }
        VirtualFlow<?> flow = flow();
        int visible = flow == null ? 20 : (int) Math.max(1, flow.getViewportLength() / EventTableView.ROW_HEIGHT);
        int total = source.size();
        syncingBar = true;
        try {
            runBar.setMin(0);
            runBar.setMax(Math.max(0, total - visible));
            runBar.setVisibleAmount(visible);
            runBar.setUnitIncrement(1);
            runBar.setBlockIncrement(visible);
            runBar.setValue(isAtEnd() ? runBar.getMax() : Math.max(0, firstVisibleRow()));
        } finally {
            syncingBar = false;
        }
    }

    /** The user moved the whole-run scroll bar to row {@code row}. */
    private void jumpTo(int row) {
        if (source == null) {
            return;
        }
        ensureInWindow(row, EventTableViewModel.Placement.TOP);
        table.layout();
        VirtualFlow<?> flow = flow();
        if (flow != null) {
            if (row >= runBar.getMax()) {
                flow.setPosition(1.0);
            } else {
                flow.scrollToTop(row - window.base());
            }
        }
    }

    /** Whether the last row is fully in view (or there is nothing to scroll). */
    public boolean isAtEnd() {
        VirtualFlow<?> flow = flow();
        int count = table.getItems() == null ? 0 : table.getItems().size();
        if (source != null && window.end() < source.size()) {
            return false;
        }
        if (flow == null || count == 0) {
            return true;
        }
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (last == null) {
            return true;
        }
        return last.getIndex() >= count - 1
                && last.getLayoutY() + last.getHeight() <= flow.getViewportLength() + 1.5;
    }

    /** The run row first in view, or -1. */
    public int firstVisibleRow() {
        VirtualFlow<?> flow = flow();
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        return first == null ? -1 : window.base() + first.getIndex();
    }

    private VirtualFlow<?> flow() {
        return table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow ? flow : null;
    }

    private void reveal(EventTableViewModel.Reveal reveal) {
        if (source == null || reveal.row() >= source.size()) {
            return;
        }
        ensureInWindow(reveal.row(), reveal.placement());
        showSelection();
        // Let the skin take in rows that were just added before measuring or scrolling.
        table.layout();
        VirtualFlow<?> flow = flow();
        int row = reveal.row() - window.base();
        if (flow == null) {
            table.scrollTo(row);
            return;
        }
        switch (reveal.placement()) {
            case END -> {
                flow.scrollTo(row);
                flow.setPosition(1.0);
            }
            case TOP -> flow.scrollToTop(row);
            case CENTER -> {
                int visible = (int) Math.max(1, flow.getViewportLength() / EventTableView.ROW_HEIGHT);
                IndexedCell<?> first = flow.getFirstVisibleCell();
                IndexedCell<?> last = flow.getLastVisibleCell();
                boolean inView = first != null && last != null && row > first.getIndex() && row < last.getIndex();
                if (!inView) {
                    flow.scrollToTop(Math.max(0, row - visible / 2));
                }
            }
            case VISIBLE -> flow.scrollTo(row);
        }
        updateRunBar();
    }
}
