package dev.omne.inspector.ui.timeline;

import dev.omne.inspector.ui.common.AppIcon;
import dev.omne.inspector.ui.common.Styles;
import dev.omne.inspector.ui.common.WhileShowing;
import dev.omne.inspector.ui.common.Formats;
import dev.omne.inspector.ui.timeline.TimelineModel;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The node timeline: a lane per node with its bars and instants on a canvas, a time axis above, and a toolbar.
 * Only what is visible is drawn, and bars narrower than a pixel are merged per pixel column, so a run of a
 * million events paints in a few milliseconds. Colours are CSS properties ({@code -omne-timeline-*}), so a
 * theme change repaints it.
 */
public final class TimelineView extends Region {
    static final double LABEL_WIDTH = 170;
    static final double LANE_HEIGHT = 22;
    static final double AXIS_HEIGHT = 24;
    static final double DRAG_SLOP = 3;
    static final double HIT_PIXELS = 4;
    private static final double MIN_TICK_PIXELS = 96;
    private static final long[] STEPS = {
            1, 2, 5, 10, 20, 50, 100, 200, 500,
            1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000,
            1_000_000, 2_000_000, 5_000_000, 10_000_000, 15_000_000, 30_000_000,
            60_000_000, 120_000_000, 300_000_000, 600_000_000, 900_000_000, 1_800_000_000,
            3_600_000_000L, 7_200_000_000L, 10_800_000_000L, 21_600_000_000L, 43_200_000_000L,
            86_400_000_000L, 172_800_000_000L, 604_800_000_000L};
    private static final DateTimeFormatter MICRO = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS", Locale.ROOT);
    private static final DateTimeFormatter MILLI = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    // Ranks for merging sub-pixel bars: the most telling outcome in a pixel wins.
    private static final byte RANK_COMPLETED = 1;
    private static final byte RANK_INTERRUPTED = 2;
    private static final byte RANK_RUNNING = 3;
    private static final byte RANK_FAILED = 4;

    private static final StyleablePropertyFactory<TimelineView> CSS =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    private final StyleableObjectProperty<Paint> completedColor =
            colour("completedColor", "-omne-timeline-completed", v -> v.completedColor, Color.web("#1a7f37"));
    private final StyleableObjectProperty<Paint> failedColor =
            colour("failedColor", "-omne-timeline-failed", v -> v.failedColor, Color.web("#cf222e"));
    private final StyleableObjectProperty<Paint> runningColor =
            colour("runningColor", "-omne-timeline-running", v -> v.runningColor, Color.web("#2f6fdb"));
    private final StyleableObjectProperty<Paint> instantColor =
            colour("instantColor", "-omne-timeline-instant", v -> v.instantColor, Color.web("#8250df"));
    private final StyleableObjectProperty<Paint> gridColor =
            colour("gridColor", "-omne-timeline-grid", v -> v.gridColor, Color.web("#d5d9df"));
    private final StyleableObjectProperty<Paint> textColor =
            colour("textColor", "-omne-timeline-text", v -> v.textColor, Color.web("#1f2328"));
    private final StyleableObjectProperty<Paint> mutedColor =
            colour("mutedColor", "-omne-timeline-muted", v -> v.mutedColor, Color.web("#656d76"));
    private final StyleableObjectProperty<Paint> laneAltColor =
            colour("laneAltColor", "-omne-timeline-lane-alt", v -> v.laneAltColor, Color.web("#f6f7f9"));
    private final StyleableObjectProperty<Paint> selectionColor =
            colour("selectionColor", "-omne-timeline-selection", v -> v.selectionColor, Color.web("#dbe7fb"));
    private final StyleableObjectProperty<Paint> rangeColor =
            colour("rangeColor", "-omne-timeline-range", v -> v.rangeColor, Color.web("#2f6fdb"));

    private final TimelineViewModel model;
    private final ZoneId zone;
    private final HBox toolbar;
    private final Canvas axis = new Canvas();
    private final Canvas lanes = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    private final Label empty = new Label();
    private final Tooltip tip = new Tooltip();
    private final Font font = Font.font(12);
    private final Font smallFont = Font.font(10.5);
    /** The icon pack's font, to draw kind icons as text. */
    private final Font iconFont = AppIcon.font(14);
    private byte[] columns = new byte[0];
    private boolean paintQueued;

    // Gestures
    private double pressX;
    private double lastX;
    private double lastY;
    private boolean panning;
    private double rangeFromX = Double.NaN;
    private double rangeToX = Double.NaN;

    public TimelineView(TimelineViewModel model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
        getStyleClass().add(Styles.TIMELINE);
        setFocusTraversable(true);
        setMinHeight(90);
        axis.setId("timeline-axis");
        lanes.setId("timeline");
        scroll.setOrientation(Orientation.VERTICAL);
        scroll.setMin(0);
        scroll.setVisible(false);
        empty.getStyleClass().addAll(Styles.TIMELINE_EMPTY, Styles.MUTED);
        empty.textProperty().bind(model.emptyTextProperty());
        empty.setMouseTransparent(true);
        tip.setWrapText(true);
        toolbar = toolbar();
        getChildren().addAll(toolbar, axis, lanes, scroll, empty);

        for (ObservableValue<?> v : List.of(model.modelProperty(), model.viewStartProperty(), model.viewEndProperty(),
                model.chosenNodeProperty(), model.markedTimeProperty(), scroll.valueProperty(), completedColor, failedColor, runningColor,
                instantColor, gridColor, textColor, mutedColor, laneAltColor, selectionColor, rangeColor)) {
            v.addListener((obs, old, now) -> requestPaint());
        }
        model.modelProperty().addListener((obs, old, m) -> {
            empty.setVisible(m.laneCount() == 0);
            requestLayout();
        });
        empty.setVisible(model.model().laneCount() == 0);
        model.nowProperty().addListener((obs, old, now) -> {
            if (model.model().isLive(now.longValue())) {
                requestPaint();
            }
        });
        model.chosenNodeProperty().addListener((obs, old, node) -> revealLane(node));

        wireLanes();
        wireAxis();
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);

        Timeline ticker = new Timeline(new KeyFrame(Duration.millis(250), e -> {
            if (model.model().hasRunning()) {
                model.tick();
            }
        }));
        ticker.setCycleCount(Timeline.INDEFINITE);
        WhileShowing.play(this, ticker);
    }

    private StyleableObjectProperty<Paint> colour(String name, String css,
                                                  java.util.function.Function<TimelineView,
                                                          javafx.css.StyleableProperty<Paint>> get, Paint initial) {
        return (StyleableObjectProperty<Paint>) CSS.createStyleablePaintProperty(this, name, css, get, initial);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    private HBox toolbar() {
        Label title = new Label("Timeline", AppIcon.TIMELINE.icon());
        title.getStyleClass().add(Styles.TITLE);
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label window = new Label();
        window.getStyleClass().add(Styles.MUTED);
        window.setMinWidth(0);
        Runnable update = () -> window.setText(model.model().isEmpty() ? ""
                : "·  " + Formats.duration((model.viewEnd() - model.viewStart()) / 1000) + " shown");
        model.viewStartProperty().addListener((obs, old, v) -> update.run());
        model.viewEndProperty().addListener((obs, old, v) -> update.run());
        model.modelProperty().addListener((obs, old, v) -> update.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button zoomIn = tool(AppIcon.ZOOM_IN, "timeline-zoom-in", "Zoom in (+, Ctrl+wheel)", model::zoomIn);
        Button zoomOut = tool(AppIcon.ZOOM_OUT, "timeline-zoom-out", "Zoom out (-, Ctrl+wheel)", model::zoomOut);
        Button fit = tool(AppIcon.FIT, "timeline-fit", "Show the whole run (0 or F)", model::fit);
        for (Button b : List.of(zoomIn, zoomOut, fit)) {
            b.disableProperty().bind(empty.visibleProperty());
        }
        HBox bar = new HBox(title, window, spacer, zoomIn, zoomOut, fit);
        bar.getStyleClass().add(Styles.PANE_HEADER);
        return bar;
    }

    private Button tool(AppIcon icon, String id, String tooltip, Runnable action) {
        Button b = new Button(null, icon.icon());
        b.setId(id);
        b.getStyleClass().add(Styles.TOOL_BUTTON);
        b.setFocusTraversable(false);
        b.setTooltip(new Tooltip(tooltip));
        b.setOnAction(e -> {
            action.run();
            requestFocus();
        });
        return b;
    }

    // Layout and coordinates

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double top = toolbar.prefHeight(w);
        toolbar.resizeRelocate(0, 0, w, top);
        double lanesTop = top + AXIS_HEIGHT;
        double lanesHeight = Math.max(0, h - lanesTop);
        double content = model.model().laneCount() * LANE_HEIGHT;
        boolean needScroll = content > lanesHeight + 0.5;
        double barWidth = needScroll ? scroll.prefWidth(-1) : 0;
        scroll.setVisible(needScroll);
        scroll.setMax(Math.max(0, content - lanesHeight));
        scroll.setVisibleAmount(lanesHeight);
        scroll.setUnitIncrement(LANE_HEIGHT);
        scroll.setBlockIncrement(Math.max(LANE_HEIGHT, lanesHeight - LANE_HEIGHT));
        if (scroll.getValue() > scroll.getMax()) {
            scroll.setValue(scroll.getMax());
        }
        scroll.resizeRelocate(w - barWidth, lanesTop, barWidth, lanesHeight);
        axis.setWidth(Math.max(0, w - barWidth));
        axis.setHeight(AXIS_HEIGHT);
        axis.relocate(0, top);
        lanes.setWidth(Math.max(0, w - barWidth));
        lanes.setHeight(lanesHeight);
        lanes.relocate(0, lanesTop);
        double ew = Math.min(w, empty.prefWidth(-1));
        double eh = empty.prefHeight(ew);
        empty.resizeRelocate((w - ew) / 2, lanesTop + Math.max(0, (lanesHeight - eh) / 2 - AXIS_HEIGHT / 2), ew, eh);
        paint();
    }

    @Override
    protected double computePrefHeight(double width) {
        return toolbar.prefHeight(width) + AXIS_HEIGHT + LANE_HEIGHT * Math.max(3, Math.min(8, model.model().laneCount()));
    }

    @Override
    protected double computePrefWidth(double height) {
        return 600;
    }

    private double timeWidth() {
        return Math.max(1, lanes.getWidth() - LABEL_WIDTH);
    }

    private double span() {
        return Math.max(1, model.viewEnd() - model.viewStart());
    }

    /** The x of a time, in the canvases' coordinates. */
    public double xOf(long micros) {
        return LABEL_WIDTH + (micros - model.viewStart()) * timeWidth() / span();
    }

    /** The time at an x of the canvases. */
    long timeAt(double x) {
        return model.viewStart() + Math.round((x - LABEL_WIDTH) * span() / timeWidth());
    }

    /** The middle of a lane, in the lanes canvas' coordinates. */
    public double laneCenterY(int lane) {
        return lane * LANE_HEIGHT + LANE_HEIGHT / 2 - scroll.getValue();
    }

    int laneAt(double y) {
        int lane = (int) Math.floor((y + scroll.getValue()) / LANE_HEIGHT);
        return lane >= 0 && lane < model.model().laneCount() ? lane : -1;
    }

    private long tolerance() {
        return Math.max(1, Math.round(HIT_PIXELS * span() / timeWidth()));
    }

    public Canvas lanesCanvas() {
        return lanes;
    }

    public Canvas axisCanvas() {
        return axis;
    }

    private void revealLane(String node) {
        int lane = node == null ? -1 : model.model().laneOf(node);
        if (lane < 0) {
            return;
        }
        double y = lane * LANE_HEIGHT;
        if (y < scroll.getValue()) {
            scroll.setValue(y);
        } else if (y + LANE_HEIGHT > scroll.getValue() + lanes.getHeight()) {
            scroll.setValue(Math.min(scroll.getMax(), y + LANE_HEIGHT - lanes.getHeight()));
        }
    }

    // Input

    private void wireLanes() {
        lanes.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            tip.hide();
            pressX = e.getX();
            lastX = e.getX();
            lastY = e.getY();
            panning = false;
        });
        lanes.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (!panning && Math.abs(e.getX() - pressX) < DRAG_SLOP && Math.abs(e.getY() - lastY) < DRAG_SLOP) {
                return;
            }
            panning = true;
            model.panBy(-Math.round((e.getX() - lastX) * span() / timeWidth()));
            if (scroll.isVisible()) {
                scroll.setValue(clamp(scroll.getValue() - (e.getY() - lastY), 0, scroll.getMax()));
            }
            lastX = e.getX();
            lastY = e.getY();
        });
        lanes.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (!panning && e.getButton() == MouseButton.PRIMARY) {
                clicked(e.getX(), e.getY());
            }
            panning = false;
        });
        lanes.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e));
        lanes.addEventHandler(MouseEvent.MOUSE_EXITED, e -> tip.hide());
    }

    private void clicked(double x, double y) {
        int lane = laneAt(y);
        if (lane < 0) {
            return;
        }
        String node = model.model().laneNode(lane);
        if (x < LABEL_WIDTH) {
            model.chooseNode(node);
            return;
        }
        long t = timeAt(x);
        int bar = model.barAt(lane, t, tolerance());
        int instant = bar >= 0 ? -1 : model.instantAt(lane, t, tolerance());
        if (bar >= 0) {
            model.chooseNode(node, model.model().barStartRow(bar));
        } else if (instant >= 0) {
            model.chooseNode(node, model.model().instantRow(instant));
        }
    }

    private void hover(MouseEvent e) {
        int lane = laneAt(e.getY());
        String text = lane < 0 ? null
                : e.getX() < LABEL_WIDTH ? model.describeLane(lane) : model.describe(lane, timeAt(e.getX()), tolerance());
        if (text == null) {
            tip.hide();
            return;
        }
        tip.setText(text);
        tip.show(lanes, e.getScreenX() + 14, e.getScreenY() + 16);
    }

    private void wireAxis() {
        axis.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            if (e.getButton() == MouseButton.PRIMARY && e.getX() >= LABEL_WIDTH && !model.model().isEmpty()) {
                rangeFromX = e.getX();
                rangeToX = e.getX();
            }
        });
        axis.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (!Double.isNaN(rangeFromX)) {
                rangeToX = clamp(e.getX(), LABEL_WIDTH, axis.getWidth());
                requestPaint();
            }
        });
        axis.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (Double.isNaN(rangeFromX)) {
                return;
            }
            double from = Math.min(rangeFromX, rangeToX);
            double to = Math.max(rangeFromX, rangeToX);
            rangeFromX = Double.NaN;
            rangeToX = Double.NaN;
            requestPaint();
            if (to - from >= DRAG_SLOP) {
                model.chooseRange(timeAt(from), timeAt(to));
            }
        });
        axis.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            int instant = e.getX() >= LABEL_WIDTH ? model.instantAt(-1, timeAt(e.getX()), tolerance()) : -1;
            if (instant < 0) {
                tip.hide();
                return;
            }
            tip.setText(model.describe(-1, timeAt(e.getX()), tolerance()) + "\nDrag on the axis to choose a time range");
            tip.show(axis, e.getScreenX() + 14, e.getScreenY() + 16);
        });
        axis.addEventHandler(MouseEvent.MOUSE_EXITED, e -> tip.hide());
    }

    private void scrolled(ScrollEvent e) {
        if (model.model().isEmpty()) {
            return;
        }
        double x = e.getX() - lanes.getLayoutX();
        if (e.isShortcutDown() || e.isControlDown()) {
            if (e.getDeltaY() != 0) {
                long around = x >= LABEL_WIDTH ? timeAt(x) : model.viewStart() + Math.round(span() / 2);
                model.zoom(e.getDeltaY() > 0 ? TimelineViewModel.ZOOM_STEP : 1 / TimelineViewModel.ZOOM_STEP, around);
            }
        } else if (e.isShiftDown() || e.getDeltaX() != 0 && Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
            double d = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            model.panBy(-Math.round(d * span() / timeWidth()));
        } else if (scroll.isVisible()) {
            scroll.setValue(clamp(scroll.getValue() - e.getDeltaY(), 0, scroll.getMax()));
        }
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        if (model.model().isEmpty() || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        switch (e.getCode()) {
            case PLUS, ADD, EQUALS -> model.zoomIn();
            case MINUS, SUBTRACT -> model.zoomOut();
            case DIGIT0, NUMPAD0, F -> model.fit();
            case LEFT -> model.pan(-0.1);
            case RIGHT -> model.pan(0.1);
            default -> {
                return;
            }
        }
        e.consume();
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    // Painting

    private void requestPaint() {
        if (!paintQueued) {
            paintQueued = true;
            Platform.runLater(() -> {
                paintQueued = false;
                paint();
            });
        }
    }

    void paint() {
        TimelineModel m = model.model();
        long[] ticks = ticks();
        paintAxis(m, ticks);
        paintLanes(m, ticks);
    }

    /** Tick times and, last, the step between them. */
    private long[] ticks() {
        long span = (long) span();
        double perPixel = span / timeWidth();
        long step = STEPS[STEPS.length - 1];
        for (long s : STEPS) {
            if (s / perPixel >= MIN_TICK_PIXELS) {
                step = s;
                break;
            }
        }
        long start = model.viewStart();
        long offset = zone.getRules().getOffset(Instant.ofEpochSecond(Math.floorDiv(start, 1_000_000L)))
                .getTotalSeconds() * 1_000_000L;
        long first = Math.floorDiv(start + offset, step) * step - offset;
        int n = (int) Math.min(2000, (model.viewEnd() - first) / step + 2);
        long[] out = new long[n + 1];
        for (int i = 0; i < n; i++) {
            out[i] = first + i * step;
        }
        out[n] = step;
        return out;
    }

    private String tickLabel(long micros, long step) {
        DateTimeFormatter f = step < 1_000 ? MICRO : step < 1_000_000 ? MILLI : step < 60_000_000 ? SECOND
                : step < 86_400_000_000L ? MINUTE : DAY;
        return f.format(Instant.EPOCH.plusNanos(micros * 1000).atZone(zone));
    }

    private void paintAxis(TimelineModel m, long[] ticks) {
        GraphicsContext g = axis.getGraphicsContext2D();
        double w = axis.getWidth();
        double h = axis.getHeight();
        g.clearRect(0, 0, w, h);
        g.setFill(laneAltColor.get());
        g.fillRect(0, 0, w, h);
        g.setStroke(gridColor.get());
        g.setLineWidth(1);
        g.strokeLine(0, h - 0.5, w, h - 0.5);
        g.strokeLine(LABEL_WIDTH - 0.5, 0, LABEL_WIDTH - 0.5, h);
        if (m.isEmpty()) {
            return;
        }
        g.setFont(smallFont);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(mutedColor.get());
        g.fillText(DATE.format(Instant.EPOCH.plusNanos(model.viewStart() * 1000).atZone(zone)), 8, h / 2);
        long step = ticks[ticks.length - 1];
        g.save();
        g.beginPath();
        g.rect(LABEL_WIDTH, 0, w - LABEL_WIDTH, h);
        g.clip();
        g.setFill(textColor.get());
        for (int i = 0; i < ticks.length - 1; i++) {
            double x = Math.floor(xOf(ticks[i])) + 0.5;
            g.strokeLine(x, h - 7, x, h);
            if (x >= LABEL_WIDTH) {
                // A tick left of the lanes' edge would show only the end of its label.
                g.fillText(tickLabel(ticks[i], step), x + 4, h / 2 - 2);
            }
        }
        // Run-level events: small triangles on the axis' bottom edge.
        int to = m.instantFrom(0);
        int lastColumn = Integer.MIN_VALUE;
        for (int i = m.firstInstantAtOrAfter(-1, model.viewStart() - tolerance()); i < to; i++) {
            long t = m.instantTs(i);
            if (t > model.viewEnd() + tolerance()) {
                break;
            }
            double x = xOf(t);
            int column = (int) Math.floor(x);
            if (column == lastColumn) {
                continue;
            }
            lastColumn = column;
            g.setFill(m.instantTone(i) == TimelineModel.Tone.MALFORMED ? failedColor.get() : instantColor.get());
            g.fillPolygon(new double[] {x - 4, x + 4, x}, new double[] {h - 1, h - 1, h - 7}, 3);
        }
        paintNow(g, m, h);
        paintMarked(g, h);
        paintRange(g, h);
        g.restore();
    }

    private void paintNow(GraphicsContext g, TimelineModel m, double h) {
        if (m.isLive(model.now())) {
            double x = Math.floor(xOf(model.now())) + 0.5;
            g.setStroke(runningColor.get());
            g.setLineWidth(1.5);
            g.strokeLine(x, 0, x, h);
            g.setLineWidth(1);
        }
    }

    /** The table's selected event: a dashed line at its time. */
    private void paintMarked(GraphicsContext g, double h) {
        long t = model.markedTime();
        if (t == dev.omne.inspector.core.event.Timestamps.NONE || t < model.viewStart() || t > model.viewEnd()) {
            return;
        }
        double x = Math.floor(xOf(t)) + 0.5;
        g.setStroke(rangeColor.get());
        g.setLineWidth(1.5);
        g.setLineDashes(4, 3);
        g.strokeLine(x, 0, x, h);
        g.setLineDashes((double[]) null);
        g.setLineWidth(1);
    }

    private void paintRange(GraphicsContext g, double h) {
        if (Double.isNaN(rangeFromX)) {
            return;
        }
        double from = Math.min(rangeFromX, rangeToX);
        double to = Math.max(rangeFromX, rangeToX);
        g.setFill(rangeColor.get());
        g.setGlobalAlpha(0.18);
        g.fillRect(from, 0, to - from, h);
        g.setGlobalAlpha(1);
        g.setStroke(rangeColor.get());
        g.strokeLine(Math.floor(from) + 0.5, 0, Math.floor(from) + 0.5, h);
        g.strokeLine(Math.floor(to) + 0.5, 0, Math.floor(to) + 0.5, h);
    }

    private void paintLanes(TimelineModel m, long[] ticks) {
        GraphicsContext g = lanes.getGraphicsContext2D();
        double w = lanes.getWidth();
        double h = lanes.getHeight();
        g.clearRect(0, 0, w, h);
        if (m.isEmpty()) {
            return;
        }
        double offset = scroll.getValue();
        int firstLane = Math.max(0, (int) Math.floor(offset / LANE_HEIGHT));
        int lastLane = Math.min(m.laneCount() - 1, (int) Math.floor((offset + h) / LANE_HEIGHT));
        int chosen = model.chosenNode() == null ? -1 : m.laneOf(model.chosenNode());

        // Backgrounds: alternate lanes, the chosen one.
        for (int lane = firstLane; lane <= lastLane; lane++) {
            double y = lane * LANE_HEIGHT - offset;
            if (lane == chosen) {
                g.setFill(selectionColor.get());
                g.fillRect(0, y, w, LANE_HEIGHT);
            } else if (lane % 2 == 1) {
                g.setFill(laneAltColor.get());
                g.fillRect(0, y, w, LANE_HEIGHT);
            }
        }
        // Grid
        g.setStroke(gridColor.get());
        g.setLineWidth(1);
        for (int i = 0; i < ticks.length - 1; i++) {
            double x = Math.floor(xOf(ticks[i])) + 0.5;
            if (x >= LABEL_WIDTH) {
                g.strokeLine(x, 0, x, h);
            }
        }
        g.strokeLine(LABEL_WIDTH - 0.5, 0, LABEL_WIDTH - 0.5, h);

        // Labels: kind, then node id, clipped to the label column.
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.save();
        g.beginPath();
        g.rect(0, 0, LABEL_WIDTH - 6, h);
        g.clip();
        for (int lane = firstLane; lane <= lastLane; lane++) {
            double y = lane * LANE_HEIGHT - offset + LANE_HEIGHT / 2;
            String kind = m.laneKind(lane);
            g.setFill(mutedColor.get());
            g.setFont(iconFont);
            g.fillText(AppIcon.ofKind(kind).glyph(), 6, y);
            g.setFont(smallFont);
            g.fillText(kind == null ? "" : shortKind(kind), 24, y);
            g.setFont(font);
            g.setFill(textColor.get());
            g.fillText(m.laneNode(lane), 66, y);
        }
        g.restore();

        // Bars and instants, clipped to the time area.
        g.save();
        g.beginPath();
        g.rect(LABEL_WIDTH, 0, w - LABEL_WIDTH, h);
        g.clip();
        int width = (int) Math.ceil(w - LABEL_WIDTH) + 2;
        if (columns.length < width) {
            columns = new byte[width];
        }
        long viewStart = model.viewStart();
        long viewEnd = model.viewEnd();
        long now = model.now();
        long tol = tolerance();
        for (int lane = firstLane; lane <= lastLane; lane++) {
            double top = lane * LANE_HEIGHT - offset + 4;
            double barHeight = LANE_HEIGHT - 8;
            paintBars(g, m, lane, viewStart, viewEnd, now, top, barHeight, width);
            paintInstants(g, m, lane, viewStart - tol, viewEnd + tol, top, barHeight);
        }
        paintNow(g, m, h);
        paintMarked(g, h);
        paintRange(g, h);
        g.restore();
    }

    private void paintBars(GraphicsContext g, TimelineModel m, int lane, long viewStart, long viewEnd, long now,
                           double top, double height, int width) {
        int to = m.laneBarFrom(lane + 1);
        double left = LABEL_WIDTH;
        double right = lanes.getWidth();
        boolean merged = false;
        double scale = timeWidth() / span(); // hoisted: this loop may see every bar of the lane
        for (int b = m.firstBarEndingAtOrAfter(lane, viewStart); b < to; b++) {
            long start = m.barStart(b);
            if (start > viewEnd) {
                break;
            }
            long end = m.barEnd(b, now);
            if (end < viewStart) {
                continue;
            }
            double x0 = Math.max(left - 2, left + (start - viewStart) * scale);
            double x1 = Math.min(right + 2, left + (end - viewStart) * scale);
            TimelineModel.Outcome outcome = m.barOutcome(b);
            if (x1 - x0 >= 2) {
                g.setFill(paintOf(outcome));
                if (outcome == TimelineModel.Outcome.INTERRUPTED) {
                    g.setGlobalAlpha(0.5);
                }
                g.fillRect(x0, top, x1 - x0, height);
                g.setGlobalAlpha(1);
            } else {
                int column = (int) Math.floor(x0 - left);
                if (column >= 0 && column < width) {
                    byte rank = rankOf(outcome);
                    if (rank > columns[column]) {
                        columns[column] = rank;
                    }
                    merged = true;
                }
            }
        }
        if (!merged) {
            return;
        }
        // Sub-pixel bars: one rectangle per run of equal columns.
        int c = 0;
        while (c < width) {
            byte rank = columns[c];
            if (rank == 0) {
                c++;
                continue;
            }
            int start = c;
            while (c < width && columns[c] == rank) {
                columns[c] = 0;
                c++;
            }
            g.setFill(paintOfRank(rank));
            g.fillRect(left + start, top, Math.max(1.5, c - start), height);
        }
    }

    private void paintInstants(GraphicsContext g, TimelineModel m, int lane, long from, long to, double top,
                               double height) {
        int end = m.instantFrom(lane + 1);
        int lastColumn = Integer.MIN_VALUE;
        double mid = top + height / 2;
        int i = m.firstInstantAtOrAfter(lane, from);
        while (i < end) {
            long t = m.instantTs(i);
            if (t > to) {
                break;
            }
            double x = xOf(t);
            int column = (int) Math.floor(x / 2);
            if (column == lastColumn) {
                // One marker per two pixels is all the eye can tell apart: skip to the next column's instants.
                int next = m.firstInstantAtOrAfter(lane, timeAt((column + 1) * 2.0));
                i = Math.max(i + 1, Math.min(next, end));
                continue;
            }
            lastColumn = column;
            g.setFill(m.instantTone(i) == TimelineModel.Tone.MALFORMED ? failedColor.get() : instantColor.get());
            g.fillPolygon(new double[] {x, x + 3.5, x, x - 3.5}, new double[] {mid - 4.5, mid, mid + 4.5, mid}, 4);
            i++;
        }
    }

    private Paint paintOf(TimelineModel.Outcome outcome) {
        return switch (outcome) {
            case COMPLETED -> completedColor.get();
            case FAILED -> failedColor.get();
            case RUNNING, INTERRUPTED -> runningColor.get();
        };
    }

    private static byte rankOf(TimelineModel.Outcome outcome) {
        return switch (outcome) {
            case COMPLETED -> RANK_COMPLETED;
            case INTERRUPTED -> RANK_INTERRUPTED;
            case RUNNING -> RANK_RUNNING;
            case FAILED -> RANK_FAILED;
        };
    }

    private Paint paintOfRank(byte rank) {
        return switch (rank) {
            case RANK_FAILED -> failedColor.get();
            case RANK_RUNNING, RANK_INTERRUPTED -> runningColor.get();
            default -> completedColor.get();
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

    // For tests

    Paint completedColor() {
        return completedColor.get();
    }
}
