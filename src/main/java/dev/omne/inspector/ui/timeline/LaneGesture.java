package dev.omne.inspector.ui.timeline;

import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * The lanes under the mouse: drag to pan the time and scroll the lanes; click a label to choose its node or open
 * its group, a bar or marker to choose its node at that event; hover to read what is there.
 */
final class LaneGesture {
    private final TimelineView view;
    private final TimelineViewModel model;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean panning;

    LaneGesture(TimelineView view, TimelineViewModel model) {
        this.view = view;
        this.model = model;
        Canvas lanes = view.lanesCanvas();
        lanes.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            view.requestFocus();
            view.hideTip();
            pressX = e.getX();
            pressY = e.getY();
            lastX = e.getX();
            lastY = e.getY();
            panning = false;
        });
        lanes.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (!panning && Math.abs(e.getX() - pressX) < TimelineView.DRAG_SLOP
                    && Math.abs(e.getY() - pressY) < TimelineView.DRAG_SLOP) {
                return;
            }
            panning = true;
            model.window().panBy(-view.lanesScale().micros(e.getX() - lastX));
            model.lanes().scrollBy(-(e.getY() - lastY));
            lastX = e.getX();
            lastY = e.getY();
        });
        lanes.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (!panning && e.getButton() == MouseButton.PRIMARY) {
                clicked(e.getX(), e.getY());
            }
            panning = false;
        });
        lanes.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            String text = describe(e.getX(), e.getY());
            if (text == null) {
                view.hideTip();
            } else {
                view.showTip(lanes, text, e);
            }
        });
        lanes.addEventHandler(MouseEvent.MOUSE_EXITED, e -> view.hideTip());
    }

    private void clicked(double x, double y) {
        LanesViewModel lanes = model.lanes();
        LaneRows rows = lanes.rows();
        int row = lanes.rowAt(y);
        if (row < 0) {
            return;
        }
        TimelineModel m = rows.model();
        if (x < LanesPainter.LABEL_WIDTH) {
            switch (rows.kind(row)) {
                case LaneRows.GROUP -> lanes.toggle(rows.ref(row));
                case LaneRows.RUN -> model.chooseNode(m.laneNode(m.barLane(rows.ref(row))), m.barFirstRow(rows.ref(row)));
                default -> model.chooseNode(m.laneNode(rows.ref(row)));
            }
            return;
        }
        int[] hit = hit(rows, row, x);
        if (hit != null) {
            model.chooseNode(m.laneNode(hit[0]), hit[1]);
        }
    }

    /** The lane and row of the bar or marker at {@code x} of a row, or null. */
    private int[] hit(LaneRows rows, int row, double x) {
        TimelineModel m = rows.model();
        TimeScale scale = view.lanesScale();
        long t = scale.timeAt(x);
        long tolerance = scale.micros(TimelineView.HIT_PIXELS);
        long now = model.window().now();
        if (rows.kind(row) == LaneRows.GROUP && rows.tree().groupLane(rows.ref(row)) < 0) {
            LaneTree tree = rows.tree();
            int g = rows.ref(row);
            for (int p = tree.firstGroupBarReaching(g, t - tolerance); p < tree.groupBarFrom(g + 1); p++) {
                int b = tree.groupBar(p);
                if (m.barStart(b) > t + tolerance) {
                    break;
                }
                if (m.barEnd(b, now) >= t - tolerance) {
                    return new int[] {m.barLane(b), m.barFirstRow(b)};
                }
            }
            return null;
        }
        int lane = rows.laneOf(row);
        int from = rows.kind(row) == LaneRows.RUN ? rows.ref(row) : m.laneBarFrom(lane);
        int to = rows.kind(row) == LaneRows.RUN ? rows.ref(row) + 1 : m.laneBarFrom(lane + 1);
        int bar = m.barAt(lane, from, to, t, tolerance, now);
        if (bar >= 0) {
            return new int[] {lane, m.barFirstRow(bar)};
        }
        int instant = m.instantAt(lane, t, tolerance);
        return instant >= 0 ? new int[] {lane, m.instantRow(instant)} : null;
    }

    private String describe(double x, double y) {
        LanesViewModel lanes = model.lanes();
        LaneRows rows = lanes.rows();
        int row = lanes.rowAt(y);
        if (row < 0 || rows.model() != model.model()) {
            return null;
        }
        TimelineDescriptions words = model.descriptions();
        TimelineModel m = rows.model();
        byte kind = rows.kind(row);
        if (x < LanesPainter.LABEL_WIDTH) {
            return switch (kind) {
                case LaneRows.GROUP -> words.group(rows.tree(), rows.ref(row), rows.isOpen(rows.ref(row)));
                case LaneRows.RUN -> words.node(m.barLane(rows.ref(row))) + "\n" + words.runLabel(rows.ref(row))
                        + " · click to go to its first event";
                default -> words.lane(rows.ref(row));
            };
        }
        TimeScale scale = view.lanesScale();
        long t = scale.timeAt(x);
        long tolerance = scale.micros(TimelineView.HIT_PIXELS);
        if (kind == LaneRows.GROUP && rows.tree().groupLane(rows.ref(row)) < 0) {
            return words.summaryAt(rows.tree(), rows.ref(row), t, tolerance);
        }
        int lane = rows.laneOf(row);
        int instant = m.instantAt(lane, t, tolerance);
        if (instant >= 0 && (kind != LaneRows.RUN || m.barAt(lane, rows.ref(row), rows.ref(row) + 1, t, tolerance,
                model.window().now()) >= 0)) {
            return words.instant(instant);
        }
        int from = kind == LaneRows.RUN ? rows.ref(row) : m.laneBarFrom(lane);
        int to = kind == LaneRows.RUN ? rows.ref(row) + 1 : m.laneBarFrom(lane + 1);
        int bar = m.barAt(lane, from, to, t, tolerance, model.window().now());
        return bar < 0 ? null : words.bar(bar);
    }
}
