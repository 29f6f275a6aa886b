package dev.omne.inspector.ui.timeline;

import javafx.scene.input.ScrollEvent;

/**
 * The mouse wheel over the timeline: with Ctrl (⌘ on macOS) it zooms around the time under the pointer, with Shift
 * or sideways it pans, and otherwise it scrolls the lanes.
 */
final class WheelGesture {
    private final TimelineView view;
    private final TimelineViewModel model;

    WheelGesture(TimelineView view, TimelineViewModel model) {
        this.view = view;
        this.model = model;
        view.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
    }

    private void scrolled(ScrollEvent e) {
        if (model.model().isEmpty()) {
            return;
        }
        double x = e.getX() - view.lanesCanvas().getLayoutX();
        TimeScale scale = view.lanesScale();
        TimeWindow window = model.window();
        if (e.isShortcutDown() || e.isControlDown()) {
            if (e.getDeltaY() != 0) {
                boolean overTime = x >= LanesPainter.LABEL_WIDTH && e.getY() >= view.axisCanvas().getLayoutY();
                long around = overTime ? scale.timeAt(x) : window.start() + window.span() / 2;
                window.zoom(e.getDeltaY() > 0 ? TimeWindow.ZOOM_STEP : 1 / TimeWindow.ZOOM_STEP, around);
            }
        } else if (e.isShiftDown() || e.getDeltaX() != 0 && Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
            double d = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            window.panBy(-scale.micros(d));
        } else {
            model.lanes().scrollBy(-e.getDeltaY());
        }
        e.consume();
    }
}
