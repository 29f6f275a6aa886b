package dev.omne.inspector.ui.history;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.history.NodeExecution;
import dev.omne.inspector.core.history.NodeRun;
import dev.omne.inspector.core.history.RunComparison;
import dev.omne.inspector.core.history.RunSummary;
import dev.omne.inspector.ui.common.Formats;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.List;

/**
 * Both runs' timelines on one axis, each from its own start (0 is when each run began): a lane per node, run A's
 * executions in the lane's upper half and B's in its lower half, coloured by how they ended, the lane where the runs
 * first diverge marked. A small, self-contained drawing: the single run's timeline is its own view.
 */
final class ComparisonTimelinePainter {
    static final double LANE = 26;
    static final double AXIS = 22;
    static final double LABELS = 150;

    record Colours(Paint surface, Paint laneAlt, Paint text, Paint muted, Paint grid, Paint completed, Paint failed,
                   Paint running, Paint divergence) {
    }

    private final Font font = Font.font(11.5);
    private final Font small = Font.font(10.5);

    /** The height the lanes of {@code rows} need. */
    static double height(int rows) {
        return AXIS + Math.max(1, rows) * LANE + 4;
    }

    void paint(GraphicsContext g, double width, double height, RunComparison c, List<RunComparison.Row> rows,
               String divergenceNode, Colours colours) {
        g.setFill(colours.surface());
        g.fillRect(0, 0, width, height);
        if (c == null) {
            return;
        }
        long span = Math.max(1, Math.max(length(c.a()), length(c.b())));
        double plotW = Math.max(10, width - LABELS - 12);
        double scale = plotW / span;
        paintAxis(g, span, scale, height, colours);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < rows.size(); i++) {
            RunComparison.Row row = rows.get(i);
            double y = AXIS + i * LANE;
            boolean diverges = row.nodeId().equals(divergenceNode);
            g.setFill(diverges ? colours.divergence() : i % 2 == 1 ? colours.laneAlt() : colours.surface());
            g.fillRect(0, y, width, LANE);
            g.setFill(colours.text());
            g.setFont(font);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(row.nodeId(), 8, y + LANE / 2, LABELS - 30);
            g.setFont(small);
            g.setFill(colours.muted());
            g.fillText("A", LABELS - 16, y + LANE / 4 + 1);
            g.fillText("B", LABELS - 16, y + 3 * LANE / 4);
            paintBars(g, row.a(), c.a(), y + 3, scale, colours);
            paintBars(g, row.b(), c.b(), y + LANE / 2 + 1, scale, colours);
        }
    }

    private void paintAxis(GraphicsContext g, long span, double scale, double height, Colours colours) {
        long step = tickStep(span, (long) (90 / scale));
        g.setFont(small);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (long t = 0; t <= span; t += step) {
            double x = LABELS + t * scale;
            g.setStroke(colours.grid());
            g.strokeLine(Math.round(x) + 0.5, AXIS - 4, Math.round(x) + 0.5, height);
            g.setFill(colours.muted());
            g.fillText(t == 0 ? "0" : "+" + Formats.compactDuration(t / 1000), x + 3, AXIS / 2);
        }
        g.setStroke(colours.grid());
        g.strokeLine(0, AXIS - 0.5, LABELS + span * scale + 12, AXIS - 0.5);
    }

    private static void paintBars(GraphicsContext g, NodeRun node, RunSummary run, double y, double scale,
                                  Colours colours) {
        if (node == null || run.startMicros() == Timestamps.NONE) {
            return;
        }
        double h = LANE / 2 - 4;
        for (NodeExecution e : node.executions()) {
            if (e.startMicros() == Timestamps.NONE) {
                continue;
            }
            long from = e.startMicros() - run.startMicros();
            long to = e.endMicros() != Timestamps.NONE ? e.endMicros() - run.startMicros()
                    : from + Math.max(0, e.durationMicros());
            double x0 = LABELS + from * scale;
            double w = Math.max(2, (to - from) * scale);
            g.setFill(switch (e.outcome()) {
                case COMPLETED -> colours.completed();
                case FAILED -> colours.failed();
                case RUNNING, INTERRUPTED -> colours.running();
            });
            g.fillRoundRect(x0, y, w, h, 3, 3);
        }
    }

    /** A run's length from its first event to its last, or 0. */
    private static long length(RunSummary run) {
        return Math.max(0, run.durationMicros());
    }

    /** A round step between ticks at least {@code min} apart: 1, 2, 5 times a power of ten of seconds, or minutes. */
    static long tickStep(long span, long min) {
        long[] steps = {1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000, 2_000_000,
                5_000_000, 10_000_000, 15_000_000, 30_000_000, 60_000_000, 120_000_000, 300_000_000, 600_000_000,
                900_000_000, 1_800_000_000, 3_600_000_000L, 7_200_000_000L, 21_600_000_000L, 43_200_000_000L,
                86_400_000_000L};
        for (long step : steps) {
            if (step >= min) {
                return step;
            }
        }
        return Math.max(steps[steps.length - 1], span / 4);
    }
}
