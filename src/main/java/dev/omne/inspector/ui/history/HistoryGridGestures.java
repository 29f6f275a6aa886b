package dev.omne.inspector.ui.history;

import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * The grid's mouse and keys: the wheel scrolls (Shift: sideways); a click on a node's cell opens the run at the
 * node's first event; a click on the run's own columns chooses it for comparison (Ctrl or Shift: a second one);
 * arrows, Page Up/Down, Home and End move the cursor, Enter opens its cell, Space chooses its run; the pointer's cell
 * is outlined and described in a tooltip.
 */
final class HistoryGridGestures {
    private final HistoryGridView view;
    private final HistoryGridViewModel model;

    HistoryGridGestures(HistoryGridView view, HistoryGridViewModel model) {
        this.view = view;
        this.model = model;
    }

    void install() {
        view.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        view.body().addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        view.body().addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            view.hover(-1, -1);
            view.tooltip().hide();
        });
        view.body().addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        view.headerCanvas().addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            int column = view.headerColumnAt(e.getX());
            view.tooltip().setText(column >= 0 ? model.columnTooltip(column) : null);
        });
        view.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        Tooltip.install(view.body(), view.tooltip());
        Tooltip.install(view.headerCanvas(), view.tooltip());
    }

    private void scrolled(ScrollEvent e) {
        double dx = e.getDeltaX();
        double dy = e.getDeltaY();
        if (e.isShiftDown() && dx == 0) {
            dx = dy;
            dy = 0;
        }
        view.scrollBy(-dx, -dy);
        e.consume();
    }

    private void moved(MouseEvent e) {
        int row = view.rowAt(e.getY());
        int column = view.columnAt(e.getX());
        if (row < 0 || column == -2) {
            if (view.hover(-1, -1)) {
                view.tooltip().hide();
            }
            view.tooltip().setText(null);
            return;
        }
        if (view.hover(row, column)) {
            view.tooltip().hide(); // shown again, at the pointer, after the delay
        }
        view.tooltip().setText(column < 0 ? model.runTooltip(row) : model.cellTooltip(row, column));
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        view.requestFocus();
        int row = view.rowAt(e.getY());
        int column = view.columnAt(e.getX());
        if (row < 0 || column == -2) {
            return;
        }
        if (column < 0 || e.isControlDown() || e.isMetaDown() || e.isShiftDown()) {
            model.choose(row, e.isControlDown() || e.isMetaDown() || e.isShiftDown());
        } else if (model.cell(row, column) == null && !model.groupOf(column).equals(model.run(row).pipe())) {
            view.showColumns(model.columnsOf(row)); // another pipe's column: go to this run's own
        } else {
            model.open(row, column);
        }
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        switch (e.getCode()) {
            case UP -> model.moveCursor(-1, 0);
            case DOWN -> model.moveCursor(1, 0);
            case LEFT -> model.moveCursor(0, -1);
            case RIGHT -> model.moveCursor(0, 1);
            case PAGE_UP -> model.moveCursor(-view.pageRows(), 0);
            case PAGE_DOWN -> model.moveCursor(view.pageRows(), 0);
            case HOME -> model.cursorTo(0);
            case END -> model.cursorTo(model.rowCount() - 1);
            case ENTER -> model.openCursor();
            case SPACE -> model.toggleCursorRun();
            default -> {
                return;
            }
        }
        e.consume();
    }
}
