package dev.omne.inspector.ui.timeline;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.ui.common.AppIcon;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Paints the rows of the lanes list that are in view: backgrounds, labels, bars (those narrower than a pixel merged
 * per pixel column, the most telling outcome winning), instants (one per two pixels), group summaries, and the
 * marks across them (now, the selected event, a range being dragged). Work per frame is in proportion to the rows
 * in view and what they hold in the window, never to the run.
 */
final class LanesPainter {
    static final double LABEL_WIDTH = 200;
    /** How far a group's members are drawn in. */
    static final double INDENT = 14;

    // Ranks for merging sub-pixel bars: the most telling outcome in a pixel wins.
    private static final byte RANK_COMPLETED = 1;
    private static final byte RANK_INTERRUPTED = 2;
    private static final byte RANK_RUNNING = 3;
    private static final byte RANK_FAILED = 4;

    private final TimelineStyle style;
    private final Font font = Font.font(12);
    private final Font smallFont = Font.font(10.5);
    /** The icon pack's font, to draw kind icons as text. */
    private final Font iconFont = AppIcon.font(14);
    private byte[] columns = new byte[0];
    /** Per pixel column of a lane: how many sub-pixel bars fell in it, and how many of them failed. */
    private int[] counts = new int[0];
    private int[] failures = new int[0];
    private final DiamondPainter diamonds = new DiamondPainter();

    LanesPainter(TimelineStyle style) {
        this.style = style;
    }

    void paint(GraphicsContext g, double w, double h, TimelineFrame f, TimelineDescriptions words) {
        g.clearRect(0, 0, w, h);
        LaneRows rows = f.rows();
        if (f.model().isEmpty() || rows.count() == 0) {
            return;
        }
        double rowHeight = LanesViewModel.ROW_HEIGHT;
        // Whole pixels everywhere: the software renderer fills a rectangle on whole pixels without anti-aliasing.
        double top = Math.round(f.top());
        int first = Math.max(0, (int) Math.floor(top / rowHeight));
        int last = Math.min(rows.count() - 1, (int) Math.floor((top + h) / rowHeight));
        int currentMatch = f.lanes().currentMatchLane();
        for (int row = first; row <= last; row++) {
            paintBackground(g, f, row, row * rowHeight - top, w, currentMatch);
        }
        g.setStroke(style.grid.get());
        g.setLineWidth(1);
        for (long t : f.ticks().times()) {
            double x = Math.floor(f.lanesScale().xOf(t)) + 0.5;
            if (x >= LABEL_WIDTH) {
                g.strokeLine(x, 0, x, h);
            }
        }
        g.strokeLine(LABEL_WIDTH - 0.5, 0, LABEL_WIDTH - 0.5, h);

        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.save();
        g.beginPath();
        g.rect(0, 0, LABEL_WIDTH - 6, h);
        g.clip();
        for (int row = first; row <= last; row++) {
            paintLabel(g, f, row, row * rowHeight - top + rowHeight / 2, words);
        }
        g.restore();

        g.save();
        g.beginPath();
        g.rect(LABEL_WIDTH, 0, w - LABEL_WIDTH, h);
        g.clip();
        int width = (int) Math.ceil(w - LABEL_WIDTH) + 2;
        if (columns.length < width) {
            columns = new byte[width];
            counts = new int[width];
            failures = new int[width];
        }
        for (int row = first; row <= last; row++) {
            paintContent(g, f, row, row * rowHeight - top + 4, rowHeight - 8, width);
        }
        paintMarks(g, f, h, style);
        g.restore();
    }

    private void paintBackground(GraphicsContext g, TimelineFrame f, int row, double y, double w, int currentMatch) {
        LaneRows rows = f.rows();
        int lane = rows.laneOf(row);
        boolean run = rows.kind(row) == LaneRows.RUN;
        Paint fill = null;
        if (lane >= 0 && lane == currentMatch && !run) {
            fill = style.match.get();
        } else if (lane >= 0 && (run ? lane == f.markedLane() && holds(f, rows.ref(row), f.markedTime())
                : lane == f.chosenLane() || lane == f.markedLane())) {
            fill = style.selection.get();
        } else if (rows.kind(row) == LaneRows.GROUP) {
            fill = style.group.get();
        } else if (row % 2 == 1) {
            fill = style.laneAlt.get();
        }
        if (fill != null) {
            g.setFill(fill);
            g.fillRect(0, y, w, LanesViewModel.ROW_HEIGHT);
        }
        if (lane >= 0 && lane != currentMatch && !run && f.lanes().isMatch(lane)) {
            g.setFill(style.match.get());
            g.fillRect(0, y, LABEL_WIDTH, LanesViewModel.ROW_HEIGHT);
        }
    }

    /** Whether a bar covers a time. */
    private static boolean holds(TimelineFrame f, int bar, long t) {
        TimelineModel m = f.model();
        return t >= m.barStart(bar) && t <= m.barEnd(bar, f.now());
    }

    private void paintLabel(GraphicsContext g, TimelineFrame f, int row, double y, TimelineDescriptions words) {
        LaneRows rows = f.rows();
        TimelineModel m = f.model();
        LaneTree tree = rows.tree();
        double x = rows.parent(row) >= 0 ? INDENT + 4 : 4;
        switch (rows.kind(row)) {
            case LaneRows.GROUP -> {
                int group = rows.ref(row);
                paintDisclosure(g, x + 4, y, rows.isOpen(group));
                x += 14;
                if (tree.groupLane(group) >= 0) {
                    paintNode(g, m, tree.groupLane(group), x, y);
                } else {
                    g.setFill(style.muted.get());
                    g.setFont(iconFont);
                    g.fillText(AppIcon.ofKind(tree.groupKind(group)).glyph(), x, y);
                    g.setFont(font);
                    g.setFill(style.text.get());
                    String title = TimelineDescriptions.groupTitle(tree, group);
                    g.fillText(title + "  ·  " + tree.memberCount(group), x + 18, y);
                }
            }
            case LaneRows.RUN -> {
                int bar = rows.ref(row);
                g.setFill(style.of(m.barOutcome(bar)));
                g.fillOval(x + 6, y - 3.5, 7, 7);
                g.setFont(smallFont);
                g.setFill(style.muted.get());
                g.fillText(words.runRowLabel(bar), x + 20, y);
            }
            default -> paintNode(g, m, rows.ref(row), x + 2, y);
        }
    }

    private void paintNode(GraphicsContext g, TimelineModel m, int lane, double x, double y) {
        String kind = m.laneKind(lane);
        g.setFill(style.muted.get());
        g.setFont(iconFont);
        g.fillText(AppIcon.ofKind(kind).glyph(), x, y);
        g.setFont(smallFont);
        g.fillText(kind == null ? "" : shortKind(kind), x + 18, y);
        g.setFont(font);
        g.setFill(style.text.get());
        g.fillText(m.laneNode(lane), x + 60, y);
    }

    /** A triangle pointing right (closed) or down (open). */
    private void paintDisclosure(GraphicsContext g, double x, double y, boolean open) {
        g.setFill(style.muted.get());
        if (open) {
            g.fillPolygon(new double[] {x - 4, x + 4, x}, new double[] {y - 2.5, y - 2.5, y + 3}, 3);
        } else {
            g.fillPolygon(new double[] {x - 2.5, x - 2.5, x + 3}, new double[] {y - 4, y + 4, y}, 3);
        }
    }

    private void paintContent(GraphicsContext g, TimelineFrame f, int row, double top, double height, int width) {
        LaneRows rows = f.rows();
        TimelineModel m = f.model();
        TimeScale scale = f.lanesScale();
        long tolerance = scale.micros(4);
        switch (rows.kind(row)) {
            case LaneRows.GROUP -> {
                int group = rows.ref(row);
                LaneTree tree = rows.tree();
                int lane = tree.groupLane(group);
                if (lane >= 0) {
                    paintBars(g, f, null, m.firstBarEndingAtOrAfter(lane, scale.start()), m.laneBarFrom(lane + 1),
                            top, height, width);
                    paintInstants(g, f, lane, m.instantFrom(lane + 1), scale.start() - tolerance,
                            scale.end() + tolerance, top, height);
                } else {
                    paintBars(g, f, tree, tree.firstGroupBarReaching(group, scale.start()), tree.groupBarFrom(group + 1),
                            top, height, width);
                }
            }
            case LaneRows.RUN -> {
                int bar = rows.ref(row);
                int lane = m.barLane(bar);
                paintBars(g, f, null, bar, bar + 1, top, height, width);
                long end = Math.min(scale.end() + tolerance, m.barEnd(bar, f.now()));
                int to = m.firstInstantAtOrAfter(lane, end + 1);
                paintInstants(g, f, lane, to, Math.max(scale.start() - tolerance, m.barStart(bar)), end, top, height);
            }
            default -> {
                int lane = rows.ref(row);
                paintBars(g, f, null, m.firstBarEndingAtOrAfter(lane, scale.start()), m.laneBarFrom(lane + 1), top,
                        height, width);
                paintInstants(g, f, lane, m.instantFrom(lane + 1), scale.start() - tolerance,
                        scale.end() + tolerance, top, height);
            }
        }
    }

    /**
     * Bars at positions {@code [from, to)}: the model's bars themselves, or through a group's list of them
     * ({@code tree} not null), both sorted by start.
     */
    private void paintBars(GraphicsContext g, TimelineFrame f, LaneTree tree, int from, int to, double top,
                           double height, int width) {
        TimelineModel m = f.model();
        TimeScale scale = f.lanesScale();
        long viewStart = scale.start();
        long viewEnd = scale.end();
        double left = LABEL_WIDTH;
        double right = left + scale.width();
        double pixels = scale.scale(); // hoisted: this loop may see every bar of the lane
        boolean merged = false;
        for (int p = from; p < to; p++) {
            int b = tree == null ? p : tree.groupBar(p);
            long start = m.barStart(b);
            if (start > viewEnd) {
                break;
            }
            long end = m.barEnd(b, f.now());
            if (end < viewStart) {
                continue;
            }
            double x0 = Math.floor(Math.max(left - 2, left + (start - viewStart) * pixels));
            double x1 = Math.ceil(Math.min(right + 2, left + (end - viewStart) * pixels));
            TimelineModel.Outcome outcome = m.barOutcome(b);
            if (x1 - x0 >= 2) {
                g.setFill(style.of(outcome));
                if (outcome == TimelineModel.Outcome.INTERRUPTED) {
                    g.setGlobalAlpha(0.5);
                }
                g.fillRect(x0, top, x1 - x0, height);
                g.setGlobalAlpha(1);
            } else {
                int column = (int) Math.floor(x0 - left);
                if (column >= 0 && column < width) {
                    counts[column]++;
                    if (outcome == TimelineModel.Outcome.FAILED) {
                        failures[column]++;
                    } else if (rankOf(outcome) > columns[column]) {
                        columns[column] = rankOf(outcome);
                    }
                    merged = true;
                }
            }
        }
        if (merged) {
            paintColumns(g, left, top, height, width);
        }
    }

    /**
     * Sub-pixel bars, one pixel column at a time: the column in the colour of its worst outcome other than a failure,
     * and its failed share in the failure colour from the bottom up (at least 2 px, so that one failure among many still
     * shows; the whole height when all failed). A lane with 7% failed runs reads as mostly green, not as red. Runs of
     * equal columns are one rectangle each; the columns are cleared for the next lane.
     */
    private void paintColumns(GraphicsContext g, double left, double top, double height, int width) {
        int c = 0;
        while (c < width) {
            if (counts[c] == 0) {
                c++;
                continue;
            }
            byte rank = columns[c];
            int failed = failedHeight(c, height);
            int start = c;
            while (c < width && counts[c] != 0 && columns[c] == rank && failedHeight(c, height) == failed) {
                columns[c] = 0;
                counts[c] = 0;
                failures[c] = 0;
                c++;
            }
            double w = Math.max(2, c - start);
            if (rank != 0 && failed < height) {
                g.setFill(switch (rank) {
                    case RANK_RUNNING, RANK_INTERRUPTED -> style.running.get();
                    default -> style.completed.get();
                });
                g.fillRect(left + start, top, w, height - failed);
            }
            if (failed > 0) {
                g.setFill(style.failed.get());
                g.fillRect(left + start, top + height - failed, w, failed);
            }
        }
    }

    /** The pixels of column {@code c}'s height that its failed bars get: their share, at least 2, all when all failed. */
    private int failedHeight(int c, double height) {
        int all = (int) Math.round(height);
        if (failures[c] == 0) {
            return 0;
        }
        if (failures[c] == counts[c]) {
            return all;
        }
        return (int) Math.max(2, Math.min(all - 2, Math.round(height * failures[c] / counts[c])));
    }

    /** A lane's instants from {@code from} to {@code to} (times), up to position {@code end}: diamonds. */
    private void paintInstants(GraphicsContext g, TimelineFrame f, int lane, int end, long from, long to, double top,
                               double height) {
        TimelineModel m = f.model();
        TimeScale scale = f.lanesScale();
        int lastColumn = Integer.MIN_VALUE;
        double mid = top + height / 2;
        int i = m.firstInstantAtOrAfter(lane, from);
        while (i < end) {
            long t = m.instantTs(i);
            if (t > to) {
                break;
            }
            double x = scale.xOf(t);
            int column = (int) Math.floor(x / 2);
            if (column == lastColumn) {
                // One marker per two pixels is all the eye can tell apart: skip to the next column's instants.
                int next = m.firstInstantAtOrAfter(lane, scale.timeAt((column + 1) * 2.0));
                i = Math.max(i + 1, Math.min(next, end));
                continue;
            }
            lastColumn = column;
            boolean malformed = m.instantTone(i).isFailure();
            g.drawImage(diamonds.diamond(malformed ? style.failed.get() : style.instant.get(), malformed),
                    Math.round(x) - DiamondPainter.DIAMOND_RADIUS, Math.round(mid) - DiamondPainter.DIAMOND_RADIUS);
            i++;
        }
    }

    /** Now (while live), the selected event's time, and a range being dragged: lines across the whole height. */
    static void paintMarks(GraphicsContext g, TimelineFrame f, double h, TimelineStyle style) {
        TimeScale scale = f.lanesScale();
        if (f.model().isLive(f.now())) {
            double x = Math.floor(scale.xOf(f.now())) + 0.5;
            g.setStroke(style.running.get());
            g.setLineWidth(1.5);
            g.strokeLine(x, 0, x, h);
            g.setLineWidth(1);
        }
        long t = f.markedTime();
        if (t != Timestamps.NONE && t >= scale.start() && t <= scale.end()) {
            double x = Math.floor(scale.xOf(t)) + 0.5;
            g.setStroke(style.range.get());
            g.setLineWidth(1.5);
            g.setLineDashes(4, 3);
            g.strokeLine(x, 0, x, h);
            g.setLineDashes((double[]) null);
            g.setLineWidth(1);
        }
        if (!Double.isNaN(f.rangeFromX())) {
            double from = Math.min(f.rangeFromX(), f.rangeToX());
            double to = Math.max(f.rangeFromX(), f.rangeToX());
            g.setFill(style.range.get());
            g.setGlobalAlpha(0.18);
            g.fillRect(from, 0, to - from, h);
            g.setGlobalAlpha(1);
            g.setStroke(style.range.get());
            g.strokeLine(Math.floor(from) + 0.5, 0, Math.floor(from) + 0.5, h);
            g.strokeLine(Math.floor(to) + 0.5, 0, Math.floor(to) + 0.5, h);
        }
    }

    private static byte rankOf(TimelineModel.Outcome outcome) {
        return switch (outcome) {
            case COMPLETED -> RANK_COMPLETED;
            case INTERRUPTED -> RANK_INTERRUPTED;
            case RUNNING -> RANK_RUNNING;
            case FAILED -> RANK_FAILED;
        };
    }

    /** A kind short enough for the label column. */
    static String shortKind(String kind) {
        return switch (kind) {
            case "command" -> "cmd";
            case "prompt" -> "prompt";
            default -> kind.length() <= 6 ? kind : kind.substring(0, 5) + "…";
        };
    }
}
