package dev.omne.inspector.ui.history;

import dev.omne.inspector.ui.common.CanvasStyle;
import dev.omne.inspector.ui.common.Styles;
import javafx.collections.ListChangeListener;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javafx.util.Duration;

import java.util.List;

/**
 * The grid of runs by nodes, drawn on a canvas the size of the window onto it: thousands of runs scroll as smoothly
 * as ten. Rows stay on their runs as runs appear above them (unless scrolled to the top, where new runs come into
 * view). Colours are CSS properties ({@code -omne-history-*}), so the theme repaints it.
 */
public final class HistoryGridView extends Region {
    private static final StyleablePropertyFactory<HistoryGridView> CSS =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());
    private final CanvasStyle<HistoryGridView> colours = new CanvasStyle<>(CSS);
    private final StyleableObjectProperty<Paint> surface = colours.colour(this, "surfaceColor", "-omne-history-surface", v -> v.surface, "#ffffff");
    private final StyleableObjectProperty<Paint> rowAlt = colours.colour(this, "rowAltColor", "-omne-history-row-alt", v -> v.rowAlt, "#f6f7f9");
    private final StyleableObjectProperty<Paint> text = colours.colour(this, "textColor", "-omne-history-text", v -> v.text, "#1f2328");
    private final StyleableObjectProperty<Paint> muted = colours.colour(this, "mutedColor", "-omne-history-muted", v -> v.muted, "#656d76");
    private final StyleableObjectProperty<Paint> gridLine = colours.colour(this, "gridColor", "-omne-history-grid", v -> v.gridLine, "#d5d9df");
    private final StyleableObjectProperty<Paint> header = colours.colour(this, "headerColor", "-omne-history-header", v -> v.header, "#eef0f3");
    private final StyleableObjectProperty<Paint> selection = colours.colour(this, "selectionColor", "-omne-history-selection", v -> v.selection, "#dbe7fb");
    private final StyleableObjectProperty<Paint> hover = colours.colour(this, "hoverColor", "-omne-history-hover", v -> v.hover, "#dfe3e8");
    private final StyleableObjectProperty<Paint> cursor = colours.colour(this, "cursorColor", "-omne-history-cursor", v -> v.cursor, "#1c5dc4");
    private final StyleableObjectProperty<Paint> completed = colours.colour(this, "completedColor", "-omne-history-completed", v -> v.completed, "#dafbe1");
    private final StyleableObjectProperty<Paint> retried = colours.colour(this, "retriedColor", "-omne-history-retried", v -> v.retried, "#fff1c2");
    private final StyleableObjectProperty<Paint> failed = colours.colour(this, "failedColor", "-omne-history-failed", v -> v.failed, "#ffd8d3");
    private final StyleableObjectProperty<Paint> running = colours.colour(this, "runningColor", "-omne-history-running", v -> v.running, "#d8e8ff");
    private final StyleableObjectProperty<Paint> markCompleted = colours.colour(this, "markCompletedColor", "-omne-history-mark-completed", v -> v.markCompleted, "#1a7f37");
    private final StyleableObjectProperty<Paint> markFailed = colours.colour(this, "markFailedColor", "-omne-history-mark-failed", v -> v.markFailed, "#cf222e");
    private final StyleableObjectProperty<Paint> markRunning = colours.colour(this, "markRunningColor", "-omne-history-mark-running", v -> v.markRunning, "#2f6fdb");
    private final StyleableObjectProperty<Paint> markUnknown = colours.colour(this, "markUnknownColor", "-omne-history-mark-unknown", v -> v.markUnknown, "#6e7781");

    private final HistoryGridViewModel model;
    private final HistoryGridPainter painter = new HistoryGridPainter();
    private final Canvas headerCanvas = new Canvas();
    private final Canvas body = new Canvas();
    private final ScrollBar vertical = new ScrollBar();
    private final ScrollBar horizontal = new ScrollBar();
    private final Label empty = new Label();
    private final Tooltip tip = new Tooltip();
    private int hoverRow = -1;
    private int hoverColumn = -1;
    private boolean paintPending;

    public HistoryGridView(HistoryGridViewModel model) {
        this.model = model;
        getStyleClass().add("history-grid");
        setId("history-grid");
        setFocusTraversable(true);
        vertical.setOrientation(Orientation.VERTICAL);
        horizontal.setOrientation(Orientation.HORIZONTAL);
        empty.getStyleClass().addAll(Styles.MUTED, "history-empty");
        empty.setWrapText(true);
        empty.setMouseTransparent(true);
        tip.setShowDelay(Duration.millis(350));
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        // Nothing to say (between cells, past the last column): no empty bubble.
        tip.setOnShown(e -> {
            if (tip.getText() == null || tip.getText().isEmpty()) {
                tip.hide();
            }
        });
        getChildren().addAll(headerCanvas, body, vertical, horizontal, empty);
        setMinSize(200, 120);

        vertical.valueProperty().addListener((obs, old, v) -> repaint());
        horizontal.valueProperty().addListener((obs, old, v) -> repaint());
        model.gridProperty().addListener((obs, old, grid) -> gridChanged(old));
        model.cursorProperty().addListener((obs, old, c) -> {
            revealCursor();
            repaint();
        });
        model.selectedRuns().addListener((ListChangeListener<String>) c -> repaint());
        model.revisionProperty().addListener((obs, old, v) -> repaint());
        colours.onChange(this::repaint);
        new HistoryGridGestures(this, model).install();
        updateEmpty();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    /** What the grid says with no rows (no runs yet, none matching the filter, still reading). */
    public Label emptyLabel() {
        return empty;
    }

    // Layout and painting

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double bar = vertical.prefWidth(-1);
        double hbar = horizontal.prefHeight(-1);
        double bodyW = Math.max(0, w - bar);
        double bodyH = Math.max(0, h - HistoryGridPainter.HEADER - hbar);
        headerCanvas.setWidth(bodyW);
        headerCanvas.setHeight(HistoryGridPainter.HEADER);
        headerCanvas.relocate(0, 0);
        body.setWidth(bodyW);
        body.setHeight(bodyH);
        body.relocate(0, HistoryGridPainter.HEADER);
        vertical.resizeRelocate(bodyW, HistoryGridPainter.HEADER, bar, bodyH);
        horizontal.resizeRelocate(0, HistoryGridPainter.HEADER + bodyH, bodyW, hbar);
        double emptyW = Math.min(420, w - 40);
        empty.resizeRelocate((w - emptyW) / 2, HistoryGridPainter.HEADER + 24, emptyW, empty.prefHeight(emptyW));
        updateScrollBars();
        paint();
    }

    private void updateScrollBars() {
        double contentH = model.rowCount() * HistoryGridPainter.ROW;
        double maxY = Math.max(0, contentH - body.getHeight());
        vertical.setMax(maxY);
        vertical.setVisibleAmount(maxY == 0 ? 1 : body.getHeight() * maxY / Math.max(1, contentH));
        vertical.setUnitIncrement(HistoryGridPainter.ROW);
        vertical.setBlockIncrement(Math.max(HistoryGridPainter.ROW, body.getHeight() - HistoryGridPainter.ROW));
        vertical.setDisable(maxY == 0);
        if (vertical.getValue() > maxY) {
            vertical.setValue(maxY);
        }
        double contentW = model.columnCount() * HistoryGridPainter.NODE;
        double nodesW = Math.max(0, body.getWidth() - HistoryGridPainter.PINNED);
        double maxX = Math.max(0, contentW - nodesW);
        horizontal.setMax(maxX);
        horizontal.setVisibleAmount(maxX == 0 ? 1 : nodesW * maxX / Math.max(1, contentW));
        horizontal.setUnitIncrement(HistoryGridPainter.NODE / 2);
        horizontal.setBlockIncrement(Math.max(HistoryGridPainter.NODE, nodesW - HistoryGridPainter.NODE));
        horizontal.setDisable(maxX == 0);
        if (horizontal.getValue() > maxX) {
            horizontal.setValue(maxX);
        }
    }

    /** Paints on the next pulse (several changes in one pulse paint once). */
    void repaint() {
        if (!paintPending) {
            paintPending = true;
            javafx.application.Platform.runLater(() -> {
                paintPending = false;
                paint();
            });
        }
    }

    private void paint() {
        HistoryGridPainter.Colours c = new HistoryGridPainter.Colours(surface.get(), rowAlt.get(), text.get(),
                muted.get(), gridLine.get(), header.get(), selection.get(), hover.get(), cursor.get(), completed.get(),
                retried.get(), failed.get(), running.get(), markCompleted.get(), markFailed.get(), markRunning.get(),
                markUnknown.get());
        painter.paintHeader(headerCanvas.getGraphicsContext2D(), model, c, headerCanvas.getWidth(), scrollX());
        painter.paintBody(body.getGraphicsContext2D(), model, c, new HistoryGridPainter.Viewport(body.getWidth(),
                body.getHeight(), scrollX(), scrollY(), hoverRow, hoverColumn));
    }

    private void gridChanged(dev.omne.inspector.core.history.HistoryGrid old) {
        // Keep the run at the top of the view where it is, unless the view is at the top (new runs come into view).
        double y = scrollY();
        if (old != null && y > 0 && !old.runs().isEmpty()) {
            int top = Math.min(old.runs().size() - 1, (int) (y / HistoryGridPainter.ROW));
            double within = y - top * HistoryGridPainter.ROW;
            int now = model.rowOf(old.runs().get(top).runId());
            if (now >= 0) {
                updateScrollBars();
                vertical.setValue(Math.min(vertical.getMax(), now * HistoryGridPainter.ROW + within));
            }
        }
        hoverRow = -1;
        updateEmpty();
        requestLayout();
        repaint();
    }

    private void updateEmpty() {
        boolean none = model.rowCount() == 0;
        empty.setVisible(none);
        headerCanvas.setVisible(!none);
    }

    /** Scrolls so that the cursor's cell is in view. */
    private void revealCursor() {
        HistoryGridViewModel.Cursor c = model.cursorProperty().get();
        int row = c == null ? -1 : model.rowOf(c.runId());
        if (row < 0) {
            return;
        }
        double top = row * HistoryGridPainter.ROW;
        if (top < scrollY()) {
            vertical.setValue(top);
        } else if (top + HistoryGridPainter.ROW > scrollY() + body.getHeight()) {
            vertical.setValue(Math.min(vertical.getMax(), top + HistoryGridPainter.ROW - body.getHeight()));
        }
        if (c.column() >= 0) {
            double left = c.column() * HistoryGridPainter.NODE;
            double nodesW = body.getWidth() - HistoryGridPainter.PINNED;
            if (left < scrollX()) {
                horizontal.setValue(left);
            } else if (left + HistoryGridPainter.NODE > scrollX() + nodesW) {
                horizontal.setValue(Math.min(horizontal.getMax(), left + HistoryGridPainter.NODE - nodesW));
            }
        }
    }

    // For the gestures

    double scrollX() {
        return horizontal.getValue();
    }

    double scrollY() {
        return vertical.getValue();
    }

    void scrollBy(double dx, double dy) {
        horizontal.setValue(Math.clamp(scrollX() + dx, 0, horizontal.getMax()));
        vertical.setValue(Math.clamp(scrollY() + dy, 0, vertical.getMax()));
    }

    /** Scrolls sideways to a pipe's columns ({first, last}). */
    void showColumns(int[] range) {
        if (range != null) {
            horizontal.setValue(Math.min(horizontal.getMax(), range[0] * HistoryGridPainter.NODE));
        }
    }

    /** Rows that fit in the view. */
    int pageRows() {
        return Math.max(1, (int) (body.getHeight() / HistoryGridPainter.ROW) - 1);
    }

    Canvas body() {
        return body;
    }

    Tooltip tooltip() {
        return tip;
    }

    /** The pointer is over a cell (row -1: over none); repaints when it moved to another one. */
    boolean hover(int row, int column) {
        if (row == hoverRow && column == hoverColumn) {
            return false;
        }
        hoverRow = row;
        hoverColumn = column;
        repaint();
        return true;
    }

    /** The row at a y in the body, or -1. */
    int rowAt(double y) {
        int row = (int) Math.floor((y + scrollY()) / HistoryGridPainter.ROW);
        return y < 0 || row >= model.rowCount() ? -1 : row;
    }

    /** The node column at an x in the body; -1 over the run's own columns, -2 past the last column. */
    int columnAt(double x) {
        if (x < HistoryGridPainter.PINNED) {
            return -1;
        }
        int column = (int) Math.floor((x - HistoryGridPainter.PINNED + scrollX()) / HistoryGridPainter.NODE);
        return column >= model.columnCount() ? -2 : column;
    }

    /** The node column at an x of the header, for its tooltip; -1 elsewhere. */
    int headerColumnAt(double x) {
        int column = columnAt(x);
        return Math.max(-1, column);
    }

    Canvas headerCanvas() {
        return headerCanvas;
    }

    /** Where a cell's middle is on the screen (column -1: the run's own columns); for tests that click it. */
    public javafx.geometry.Point2D cellOnScreen(int row, int column) {
        double x = column < 0 ? HistoryGridPainter.MARK + HistoryGridPainter.RUN / 2
                : HistoryGridPainter.PINNED + column * HistoryGridPainter.NODE - scrollX() + HistoryGridPainter.NODE / 2;
        double y = row * HistoryGridPainter.ROW - scrollY() + HistoryGridPainter.ROW / 2;
        return body.localToScreen(x, y);
    }

    /** The grid's ViewModel, for tests that find a run's row. */
    public HistoryGridViewModel model() {
        return model;
    }

    /** How many node columns show whole, for tests that click one. */
    public int columnsInView() {
        return (int) ((body.getWidth() - HistoryGridPainter.PINNED) / HistoryGridPainter.NODE);
    }
}
