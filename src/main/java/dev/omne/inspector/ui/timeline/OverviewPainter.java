package dev.omne.inspector.ui.timeline;

import dev.omne.inspector.ui.common.Formats;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Paints the overview strip: the whole run's event density along its time (failures in their colour from the
 * bottom, so one failure among thousands of events still shows), the part the lanes show as a window with handles,
 * the rest dimmed, and now while the run is live.
 */
final class OverviewPainter {
    /** Pixels either side of the window's edges that grab an edge rather than the window. */
    static final double HANDLE = 5;

    private final TimelineStyle style;
    private final Font smallFont = Font.font(10.5);
    private double[] column = new double[0];
    /** The density drawn last, kept while the run, the strip's size and the colours stay the same. */
    private WritableImage strip;
    private Object[] stripKey;

    OverviewPainter(TimelineStyle style) {
        this.style = style;
    }

    /**
     * @param whole  the whole run over the strip's time area
     * @param window the part of it the lanes show
     */
    void paint(GraphicsContext g, double w, double h, TimelineModel m, TimeScale whole, TimeScale window, long now) {
        double left = LanesPainter.LABEL_WIDTH;
        AxisPainter.band(g, w, h, style.surface.get(), style);
        if (m.isEmpty()) {
            return;
        }
        Density d = m.density();
        g.setFont(smallFont);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(style.muted.get());
        g.fillText("Whole run · " + Formats.duration((m.spanEnd(now) - m.minMicros()) / 1000), 8, h / 2 - 6);
        g.fillText(Formats.count(d.total()) + (d.total() == 1 ? " event" : " events") + (d.failureTotal() == 0 ? ""
                : ", " + Formats.count(d.failureTotal()) + (d.failureTotal() == 1 ? " failure" : " failures")),
                8, h / 2 + 7);

        g.drawImage(strip(d, whole, (int) Math.max(1, Math.ceil(w - left)), (int) h), left, 0);
        if (m.isLive(now)) {
            double x = Math.floor(whole.xOf(now)) + 0.5;
            g.setStroke(style.running.get());
            g.strokeLine(x, 0, x, h);
        }
        paintWindow(g, w, h, whole, window, left);
    }

    /**
     * The density as an image, drawn pixel by pixel: the whole run's columns cost nothing to copy when only the
     * window moves, and the software renderer fills no shape per column.
     */
    private WritableImage strip(Density d, TimeScale whole, int width, int height) {
        Object[] key = {d, whole.start(), whole.end(), width, height, style.muted.get(), style.failed.get()};
        if (strip != null && java.util.Arrays.equals(key, stripKey)) {
            return strip;
        }
        if (column.length < width) {
            column = new double[width];
        }
        double left = whole.x0();
        double max = 0;
        for (int x = 0; x < width; x++) {
            column[x] = d.eventsBetween(whole.timeAt(left + x), whole.timeAt(left + x + 1));
            max = Math.max(max, column[x]);
        }
        int[] pixels = new int[width * height];
        int muted = argb(style.muted.get(), 0.45);
        int failed = argb(style.failed.get(), 1);
        int top = 3;
        int bars = height - 5;
        for (int x = 0; x < width; x++) {
            if (column[x] > 0) {
                // The square root keeps quiet stretches visible beside the busiest one.
                int bar = (int) Math.max(1, Math.round(bars * Math.sqrt(column[x] / max)));
                fill(pixels, width, x, top + bars - bar, top + bars, muted);
                if (x + 1 < width && column[x + 1] == 0) {
                    fill(pixels, width, x + 1, top + bars - bar, top + bars, muted); // a lone event: two pixels wide
                }
            }
            long failures = d.failuresBetween(whole.timeAt(left + x), whole.timeAt(left + x + 1));
            if (failures > 0) {
                int bar = (int) Math.max(3, Math.round(bars * 0.4 * Math.sqrt(Math.min(1, failures / Math.max(1, max)))));
                fill(pixels, width, x, top + bars - bar, top + bars, failed);
            }
        }
        strip = new WritableImage(width, height);
        strip.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        stripKey = key;
        return strip;
    }

    private static void fill(int[] pixels, int width, int x, int from, int to, int argb) {
        for (int y = Math.max(0, from); y < to && y * width + x < pixels.length; y++) {
            pixels[y * width + x] = argb;
        }
    }

    private static int argb(Paint paint, double opacity) {
        Color c = paint instanceof Color color ? color : Color.GRAY;
        return (int) Math.round(c.getOpacity() * opacity * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    private void paintWindow(GraphicsContext g, double w, double h, TimeScale whole, TimeScale window, double left) {
        double from = Math.round(Math.max(left, Math.min(w, whole.xOf(window.start()))));
        double to = Math.round(Math.max(left, Math.min(w, whole.xOf(window.end()))));
        if (to - from < 2) {
            double middle = (from + to) / 2;
            from = middle - 1;
            to = middle + 1;
        }
        g.setFill(style.surface.get());
        g.setGlobalAlpha(0.6);
        g.fillRect(left, 0, Math.max(0, from - left), h - 1);
        g.fillRect(to, 0, Math.max(0, w - to), h - 1);
        g.setGlobalAlpha(0.12);
        g.setFill(style.range.get());
        g.fillRect(from, 0, to - from, h - 1);
        g.setGlobalAlpha(1);
        g.setStroke(style.range.get());
        g.setLineWidth(1.5);
        g.strokeRect(Math.floor(from) + 0.5, 0.75, Math.max(1, Math.floor(to) - Math.floor(from)), h - 2.5);
        g.setLineWidth(1);
        g.setFill(style.range.get());
        double handle = Math.min(14, h - 8);
        g.fillRoundRect(from - 2, (h - handle) / 2, 4, handle, 2, 2);
        g.fillRoundRect(to - 2, (h - handle) / 2, 4, handle, 2, 2);
    }

    /** Where the window's edges are on the strip: {@code [from, to]} x. */
    static double[] windowEdges(TimeScale whole, TimeScale window) {
        return new double[] {whole.xOf(window.start()), whole.xOf(window.end())};
    }
}
