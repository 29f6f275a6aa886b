package dev.omne.inspector.ui.timeline;

import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * The overview strip under the mouse: drag the window to move it, drag an edge to widen or narrow it, drag
 * elsewhere to make that the window, click elsewhere to centre the window there, double-click to show the whole
 * run. The cursor says which it will be.
 */
final class OverviewGesture {
    private enum Mode { NONE, MOVE, LEFT, RIGHT, REFRAME }

    private final TimelineView view;
    private final TimeWindow window;
    private Mode mode = Mode.NONE;
    /** The strip's scale when the drag began: the run may grow meanwhile, the strip's pixels must not move. */
    private TimeScale whole;
    private double pressX;
    private long grab;
    private long keep;
    private boolean dragged;

    OverviewGesture(TimelineView view, TimeWindow window) {
        this.view = view;
        this.window = window;
        Canvas canvas = view.overviewCanvas();
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> canvas.setCursor(cursor(modeAt(e.getX()))));
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
    }

    private Mode modeAt(double x) {
        if (view.isEmpty() || x < LanesPainter.LABEL_WIDTH) {
            return Mode.NONE;
        }
        double[] edges = OverviewPainter.windowEdges(view.overviewScale(), view.lanesScale());
        double toLeft = Math.abs(x - edges[0]);
        double toRight = Math.abs(x - edges[1]);
        if (Math.min(toLeft, toRight) <= OverviewPainter.HANDLE) {
            return toLeft < toRight ? Mode.LEFT : Mode.RIGHT;
        }
        return x > edges[0] && x < edges[1] ? Mode.MOVE : Mode.REFRAME;
    }

    private static Cursor cursor(Mode mode) {
        return switch (mode) {
            case LEFT, RIGHT -> Cursor.H_RESIZE;
            case MOVE -> Cursor.OPEN_HAND;
            case REFRAME -> Cursor.CROSSHAIR;
            case NONE -> Cursor.DEFAULT;
        };
    }

    private void pressed(MouseEvent e) {
        view.requestFocus();
        view.hideTip();
        mode = e.getButton() == MouseButton.PRIMARY ? modeAt(e.getX()) : Mode.NONE;
        if (mode == Mode.NONE) {
            return;
        }
        if (e.getClickCount() == 2) {
            window.fit();
            mode = Mode.NONE;
            return;
        }
        whole = view.overviewScale();
        pressX = e.getX();
        dragged = false;
        long t = whole.timeAt(e.getX());
        grab = t - window.start();
        keep = mode == Mode.LEFT ? window.end() : window.start();
        if (mode == Mode.MOVE) {
            view.overviewCanvas().setCursor(Cursor.CLOSED_HAND);
        }
    }

    private void dragged(MouseEvent e) {
        if (mode == Mode.NONE) {
            return;
        }
        dragged |= Math.abs(e.getX() - pressX) >= TimelineView.DRAG_SLOP;
        long t = whole.timeAt(Math.max(LanesPainter.LABEL_WIDTH, Math.min(view.overviewCanvas().getWidth(), e.getX())));
        switch (mode) {
            case MOVE -> {
                long span = window.span();
                window.show(t - grab, t - grab + span);
            }
            case LEFT, RIGHT -> window.show(Math.min(t, keep), Math.max(t, keep));
            case REFRAME -> {
                if (dragged) {
                    long anchor = whole.timeAt(pressX);
                    window.show(Math.min(anchor, t), Math.max(anchor, t));
                }
            }
            default -> {
            }
        }
    }

    private void released(MouseEvent e) {
        if (mode == Mode.REFRAME && !dragged) {
            long t = whole.timeAt(e.getX());
            long span = window.span();
            window.show(t - span / 2, t - span / 2 + span);
        }
        mode = Mode.NONE;
        view.overviewCanvas().setCursor(cursor(modeAt(e.getX())));
    }
}
