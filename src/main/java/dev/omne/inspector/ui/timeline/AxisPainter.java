package dev.omne.inspector.ui.timeline;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.time.ZoneId;

/** Paints the time axis over the lanes: the date, round ticks with their times, and run-level events as triangles. */
final class AxisPainter {
    private final TimelineStyle style;
    private final ZoneId zone;
    private final Font smallFont = Font.font(10.5);
    /** Measures tick labels (painted on the UI thread, as is this). */
    private final javafx.scene.text.Text measure = new javafx.scene.text.Text();

    {
        measure.setFont(smallFont);
    }

    AxisPainter(TimelineStyle style, ZoneId zone) {
        this.style = style;
        this.zone = zone;
    }

    /** A strip across the timeline: filled, a line under it, and the label column's edge. */
    static void band(GraphicsContext g, double w, double h, javafx.scene.paint.Paint fill, TimelineStyle style) {
        g.clearRect(0, 0, w, h);
        g.setFill(fill);
        g.fillRect(0, 0, w, h);
        g.setStroke(style.grid.get());
        g.setLineWidth(1);
        g.strokeLine(0, h - 0.5, w, h - 0.5);
        g.strokeLine(LanesPainter.LABEL_WIDTH - 0.5, 0, LanesPainter.LABEL_WIDTH - 0.5, h);
    }

    /**
     * Where a tick's label starts: right of the tick, or left of it when it would run past the right edge (the
     * last label is never cut to "00:4"); NaN when it fits neither way without covering the label before it.
     */
    static double labelX(double tick, double width, double right, double drawnTo) {
        if (tick + 4 + width <= right) {
            return tick + 4 >= drawnTo + 4 ? tick + 4 : Double.NaN;
        }
        double left = tick - 4 - width;
        return left >= drawnTo + 4 ? left : Double.NaN;
    }

    void paint(GraphicsContext g, double w, double h, TimelineFrame f) {
        double labels = LanesPainter.LABEL_WIDTH;
        band(g, w, h, style.laneAlt.get(), style);
        TimelineModel m = f.model();
        if (m.isEmpty()) {
            return;
        }
        TimeScale scale = f.lanesScale();
        g.setFont(smallFont);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(style.muted.get());
        g.fillText(TimeScale.date(scale.start(), zone), 8, h / 2);
        g.save();
        g.beginPath();
        g.rect(labels, 0, w - labels, h);
        g.clip();
        g.setFill(style.text.get());
        double drawnTo = labels;
        for (long t : f.ticks().times()) {
            double x = Math.floor(scale.xOf(t)) + 0.5;
            g.strokeLine(x, h - 7, x, h);
            if (x >= labels) {
                // A tick left of the lanes' edge would show only the end of its label.
                String label = TimeScale.label(t, f.ticks().step(), zone);
                measure.setText(label);
                double at = labelX(x, measure.getLayoutBounds().getWidth(), w, drawnTo);
                if (!Double.isNaN(at)) {
                    g.fillText(label, at, h / 2 - 2);
                    drawnTo = at + measure.getLayoutBounds().getWidth();
                }
            }
        }
        long tolerance = scale.micros(4);
        int to = m.instantFrom(0);
        int lastColumn = Integer.MIN_VALUE;
        for (int i = m.firstInstantAtOrAfter(-1, scale.start() - tolerance); i < to; i++) {
            long t = m.instantTs(i);
            if (t > scale.end() + tolerance) {
                break;
            }
            double x = scale.xOf(t);
            int column = (int) Math.floor(x);
            if (column == lastColumn) {
                continue;
            }
            lastColumn = column;
            g.setFill(m.instantTone(i).isFailure() ? style.failed.get() : style.instant.get());
            g.fillPolygon(new double[] {x - 4, x + 4, x}, new double[] {h - 1, h - 1, h - 7}, 3);
        }
        LanesPainter.paintMarks(g, f, h, style);
        g.restore();
    }
}
