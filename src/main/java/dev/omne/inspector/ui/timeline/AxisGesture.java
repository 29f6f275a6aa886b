package dev.omne.inspector.ui.timeline;

import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/** The time axis under the mouse: drag a range to make it the filter's time range; hover a run event to read it. */
final class AxisGesture {
    private final TimelineView view;
    private final TimelineViewModel model;
    private double fromX = Double.NaN;

    AxisGesture(TimelineView view, TimelineViewModel model) {
        this.view = view;
        this.model = model;
        Canvas axis = view.axisCanvas();
        axis.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            view.requestFocus();
            if (e.getButton() == MouseButton.PRIMARY && e.getX() >= LanesPainter.LABEL_WIDTH && !view.isEmpty()) {
                fromX = e.getX();
                view.setDraggedRange(fromX, fromX);
            }
        });
        axis.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (!Double.isNaN(fromX)) {
                view.setDraggedRange(fromX, Math.max(LanesPainter.LABEL_WIDTH, Math.min(axis.getWidth(), e.getX())));
            }
        });
        axis.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (Double.isNaN(fromX)) {
                return;
            }
            double to = Math.max(LanesPainter.LABEL_WIDTH, Math.min(axis.getWidth(), e.getX()));
            double from = fromX;
            fromX = Double.NaN;
            view.setDraggedRange(Double.NaN, Double.NaN);
            if (Math.abs(to - from) >= TimelineView.DRAG_SLOP) {
                TimeScale scale = view.lanesScale();
                model.chooseRange(scale.timeAt(Math.min(from, to)), scale.timeAt(Math.max(from, to)));
            }
        });
        axis.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            TimeScale scale = view.lanesScale();
            long t = scale.timeAt(e.getX());
            int instant = e.getX() >= LanesPainter.LABEL_WIDTH
                    ? model.model().instantAt(-1, t, scale.micros(TimelineView.HIT_PIXELS)) : -1;
            if (instant < 0) {
                view.hideTip();
            } else {
                view.showTip(axis, model.descriptions().instant(instant) + "\nDrag on the axis to choose a time range", e);
            }
        });
        axis.addEventHandler(MouseEvent.MOUSE_EXITED, e -> view.hideTip());
    }
}
