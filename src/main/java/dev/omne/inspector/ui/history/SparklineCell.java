package dev.omne.inspector.ui.history;

import dev.omne.inspector.core.history.ExecutionOutcome;
import dev.omne.inspector.core.history.NodeStats;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

import java.util.List;

/**
 * A node's trend as a sparkline: its time in each of the last runs (oldest left) as a line scaled to the longest,
 * a red dot where it ended failed, a gap where a run has no final time. Colours from the table's CSS properties.
 */
final class SparklineCell extends TableCell<NodeStats, NodeStats> {
    static final double WIDTH = 120;
    static final double HEIGHT = 18;

    private final NodeStatisticsViewModel model;
    private final NodeStatisticsView table;
    private final Canvas canvas = new Canvas(WIDTH, HEIGHT);
    private final Tooltip tip = new Tooltip();

    SparklineCell(NodeStatisticsViewModel model, NodeStatisticsView table) {
        this.model = model;
        this.table = table;
        getStyleClass().add("sparkline-cell");
        tip.setWrapText(true);
        tip.setMaxWidth(420);
    }

    @Override
    protected void updateItem(NodeStats stats, boolean empty) {
        super.updateItem(stats, empty);
        setText(null);
        if (empty || stats == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        paint(canvas.getGraphicsContext2D(), model.trend(stats), table.lineColour(), table.failedColour(),
                table.mutedColour());
        tip.setText(model.trendTooltip(stats));
        setTooltip(tip);
        setGraphic(canvas);
    }

    static void paint(GraphicsContext g, List<NodeStats.TrendPoint> points, Paint line, Paint failed, Paint muted) {
        g.clearRect(0, 0, WIDTH, HEIGHT);
        long max = 1;
        for (NodeStats.TrendPoint p : points) {
            max = Math.max(max, p.durationMicros());
        }
        double step = points.size() <= 1 ? 0 : (WIDTH - 6) / (points.size() - 1);
        double base = HEIGHT - 3;
        g.setStroke(muted);
        g.setLineWidth(1);
        g.strokeLine(2, base + 0.5, WIDTH - 2, base + 0.5);
        g.setStroke(line);
        g.setLineWidth(1.4);
        boolean drawing = false;
        g.beginPath();
        for (int i = 0; i < points.size(); i++) {
            NodeStats.TrendPoint p = points.get(i);
            if (p.durationMicros() < 0) {
                drawing = false;
                continue;
            }
            double x = 3 + i * step;
            double y = base - (base - 3) * p.durationMicros() / max;
            if (drawing) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                drawing = true;
            }
        }
        g.stroke();
        for (int i = 0; i < points.size(); i++) {
            NodeStats.TrendPoint p = points.get(i);
            if (p.outcome() == ExecutionOutcome.FAILED) {
                double x = 3 + i * step;
                double y = p.durationMicros() < 0 ? base : base - (base - 3) * p.durationMicros() / max;
                g.setFill(failed);
                g.fillOval(x - 2.5, y - 2.5, 5, 5);
            }
        }
        if (points.size() == 1 && points.getFirst().durationMicros() >= 0) {
            g.setFill(line instanceof Color ? line : Color.GRAY);
            g.fillOval(WIDTH / 2 - 2, base - (base - 3) - 2, 4, 4);
        }
    }
}
