package dev.omne.inspector.ui.history;

import dev.omne.inspector.ui.common.AppIcon;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.HashMap;
import java.util.Map;

/**
 * Draws the history grid: the header (pipes over their nodes), and of the body only the rows and columns in view,
 * so its cost is the size of the window, not of the history. The run's own columns (status, run, start, duration)
 * stay at the left while the nodes scroll sideways.
 */
final class HistoryGridPainter {
    static final double ROW = 24;
    static final double HEADER_ROW = 20;
    static final double HEADER = 2 * HEADER_ROW;
    static final double MARK = 22;
    static final double RUN = 168;
    static final double START = 84;
    static final double DURATION = 70;
    static final double PINNED = MARK + RUN + START + DURATION;
    static final double NODE = 88;

    /** The grid's colours, as the stylesheet has them now. */
    record Colours(Paint surface, Paint rowAlt, Paint text, Paint muted, Paint grid, Paint header, Paint selection,
                   Paint hover, Paint cursor, Paint completed, Paint retried, Paint failed, Paint running,
                   Paint markCompleted, Paint markFailed, Paint markRunning, Paint markUnknown) {
    }

    /** What the body shows: scroll offsets in pixels, and the cell under the pointer (row -1: none). */
    record Viewport(double width, double height, double scrollX, double scrollY, int hoverRow, int hoverColumn) {
    }

    private final Font font = Font.font(12);
    private final Font bold = Font.font(null, FontWeight.BOLD, 12);
    private final Font small = Font.font(11);
    private final Font icons = AppIcon.font(13);
    /** Widths of texts once measured (node ids and run names repeat on every frame). */
    private final Map<String, Double> widths = new HashMap<>();
    private final Text measure = new Text();

    void paintHeader(GraphicsContext g, HistoryGridViewModel m, Colours c, double width, double scrollX) {
        g.setFill(c.header());
        g.fillRect(0, 0, width, HEADER);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(bold);
        g.setFill(c.muted());
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("Run", MARK + 6, HEADER_ROW * 1.5);
        g.fillText("Started", MARK + RUN + 6, HEADER_ROW * 1.5);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("Duration", PINNED - 8, HEADER_ROW * 1.5);
        g.setTextAlign(TextAlignment.LEFT);
        int columns = m.columnCount();
        int first = Math.max(0, (int) (scrollX / NODE));
        int last = Math.min(columns - 1, (int) ((scrollX + width - PINNED) / NODE));
        g.save();
        g.beginPath();
        g.rect(PINNED, 0, Math.max(0, width - PINNED), HEADER);
        g.clip();
        // A pipe's name over its nodes (at least over the first of them in view).
        int group = first;
        while (group <= last) {
            String pipe = m.groupOf(group);
            int end = group;
            while (end + 1 < columns && m.groupOf(end + 1).equals(pipe)) {
                end++;
            }
            double x0 = Math.max(PINNED, PINNED + group * NODE - scrollX);
            double x1 = PINNED + (end + 1) * NODE - scrollX;
            g.setFill(c.muted());
            g.setFont(bold);
            g.fillText(elide(pipe, bold, x1 - x0 - 12), x0 + 6, HEADER_ROW / 2);
            g.setStroke(c.grid());
            g.strokeLine(x1 - 0.5, 0, x1 - 0.5, HEADER);
            group = end + 1;
        }
        g.setFont(font);
        for (int col = first; col <= last; col++) {
            double x = PINNED + col * NODE - scrollX;
            g.setFill(c.text());
            g.fillText(elide(m.columnText(col), font, NODE - 10), x + 5, HEADER_ROW * 1.5);
        }
        g.restore();
        g.setStroke(c.grid());
        g.strokeLine(0, HEADER - 0.5, width, HEADER - 0.5);
        g.strokeLine(PINNED - 0.5, 0, PINNED - 0.5, HEADER);
    }

    void paintBody(GraphicsContext g, HistoryGridViewModel m, Colours c, Viewport v) {
        g.setFill(c.surface());
        g.fillRect(0, 0, v.width(), v.height());
        int rows = m.rowCount();
        int firstRow = Math.max(0, (int) (v.scrollY() / ROW));
        int lastRow = Math.min(rows - 1, (int) ((v.scrollY() + v.height()) / ROW));
        int columns = m.columnCount();
        int firstCol = Math.max(0, (int) (v.scrollX() / NODE));
        int lastCol = Math.min(columns - 1, (int) ((v.scrollX() + v.width() - PINNED) / NODE));
        HistoryGridViewModel.Cursor cursor = m.cursorProperty().get();
        int cursorRow = cursor == null ? -1 : m.rowOf(cursor.runId());
        g.setTextBaseline(VPos.CENTER);
        for (int row = firstRow; row <= lastRow; row++) {
            double y = row * ROW - v.scrollY();
            boolean selected = m.isSelected(row);
            g.setFill(selected ? c.selection() : row % 2 == 1 ? c.rowAlt() : c.surface());
            g.fillRect(0, y, v.width(), ROW);
            if (row == v.hoverRow() && !selected) {
                g.setFill(c.hover());
                g.fillRect(0, y, PINNED, ROW);
            }
            // The nodes first: the run's own columns are drawn over them, as they stay while the nodes scroll.
            g.save();
            g.beginPath();
            g.rect(PINNED, y, Math.max(0, v.width() - PINNED), ROW);
            g.clip();
            for (int col = firstCol; col <= lastCol; col++) {
                paintCell(g, m, c, row, col, PINNED + col * NODE - v.scrollX(), y,
                        row == v.hoverRow() && col == v.hoverColumn());
            }
            int[] own = m.columnsOf(row);
            if (own != null && (own[1] < firstCol || own[0] > lastCol)) {
                // Its pipe's columns are out of view (every pipe shown): say where they are.
                g.setFill(c.muted());
                g.setFont(small);
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(own[0] > lastCol ? m.run(row).pipe() + " →" : "← " + m.run(row).pipe(), PINNED + 8,
                        y + ROW / 2);
            }
            g.restore();
            paintRun(g, m, c, row, y);
            if (row == cursorRow) {
                g.setStroke(c.cursor());
                g.setLineWidth(2);
                double x = cursor.column() < 0 ? 1 : PINNED + cursor.column() * NODE - v.scrollX() + 1;
                double w = cursor.column() < 0 ? PINNED - 2 : NODE - 2;
                if (cursor.column() < 0 || x + w > PINNED) {
                    g.strokeRect(Math.max(x, cursor.column() < 0 ? 1 : PINNED + 1), y + 1, w, ROW - 2);
                }
                g.setLineWidth(1);
            }
        }
        g.setStroke(c.grid());
        g.strokeLine(PINNED - 0.5, 0, PINNED - 0.5, v.height());
    }

    private void paintRun(GraphicsContext g, HistoryGridViewModel m, Colours c, int row, double y) {
        double mid = y + ROW / 2;
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(icons);
        HistoryGridViewModel.Tone tone = m.runTone(row);
        g.setFill(switch (tone) {
            case COMPLETED, RETRIED -> c.markCompleted();
            case FAILED -> c.markFailed();
            case RUNNING -> c.markRunning();
            case NONE -> c.markUnknown();
        });
        AppIcon icon = switch (tone) {
            case COMPLETED, RETRIED -> AppIcon.COMPLETED;
            case FAILED -> AppIcon.FAILED;
            case RUNNING -> AppIcon.RUNNING;
            case NONE -> AppIcon.UNKNOWN;
        };
        g.fillText(icon.glyph(), MARK / 2 + 2, mid);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(font);
        g.setFill(c.text());
        g.fillText(elide(m.runText(row), font, RUN - 10), MARK + 6, mid);
        g.setFill(c.muted());
        g.setFont(small);
        g.fillText(m.startText(row), MARK + RUN + 6, mid);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFont(font);
        g.setFill(c.text());
        g.fillText(m.durationText(row), PINNED - 8, mid);
        g.setTextAlign(TextAlignment.LEFT);
    }

    private void paintCell(GraphicsContext g, HistoryGridViewModel m, Colours c, int row, int col, double x, double y,
                           boolean hover) {
        HistoryGridViewModel.Tone tone = m.cellTone(row, col);
        if (tone != HistoryGridViewModel.Tone.NONE || m.cell(row, col) != null) {
            g.setFill(switch (tone) {
                case COMPLETED, NONE -> c.completed();
                case RETRIED -> c.retried();
                case FAILED -> c.failed();
                case RUNNING -> c.running();
            });
            g.fillRoundRect(x + 2, y + 2, NODE - 4, ROW - 4, 5, 5);
            if (tone == HistoryGridViewModel.Tone.RETRIED) {
                // A failed attempt before the success: a corner in the failure's colour.
                g.setFill(c.markFailed());
                g.fillPolygon(new double[] {x + NODE - 11, x + NODE - 3, x + NODE - 3},
                        new double[] {y + 3, y + 3, y + 11}, 3);
            }
            g.setFill(c.text());
            g.setFont(font);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(m.cellText(row, col), x + NODE - 8, y + ROW / 2);
            g.setTextAlign(TextAlignment.LEFT);
        }
        if (hover) {
            g.setStroke(c.cursor());
            g.strokeRoundRect(x + 1.5, y + 1.5, NODE - 3, ROW - 3, 5, 5);
        }
    }

    /** The text, cut with an ellipsis to fit {@code max} pixels. */
    String elide(String text, Font f, double max) {
        if (width(text, f) <= max) {
            return text;
        }
        int lo = 0;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (width(text.substring(0, mid) + "…", f) <= max) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo == 0 ? "" : text.substring(0, lo) + "…";
    }

    private double width(String text, Font f) {
        String key = f.getSize() + (f == bold ? "b" : "") + text;
        Double w = widths.get(key);
        if (w == null) {
            if (widths.size() > 20_000) {
                widths.clear();
            }
            measure.setFont(f);
            measure.setText(text);
            w = measure.getLayoutBounds().getWidth();
            widths.put(key, w);
        }
        return w;
    }
}
