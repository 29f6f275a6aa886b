package dev.omne.inspector.ui.timeline;

import dev.omne.inspector.ui.common.Action;
import dev.omne.inspector.ui.common.Styles;
import dev.omne.inspector.ui.common.WhileShowing;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javafx.util.Duration;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The node timeline: a header, the overview strip of the whole run, the time axis, and the lanes list (rows on a
 * canvas with their own scroll bar, only those in view drawn). Painting is the painters' ({@link LanesPainter},
 * {@link AxisPainter}, {@link OverviewPainter}); the mouse is the gestures' (one class each); the state is the view
 * model's. Colours are CSS properties ({@code -omne-timeline-*}), so a theme change repaints it.
 */
public final class TimelineView extends Region {
    static final double AXIS_HEIGHT = 24;
    static final double OVERVIEW_HEIGHT = 34;
    static final double DRAG_SLOP = 3;
    static final double HIT_PIXELS = 4;
    private static final double MIN_TICK_PIXELS = 96;

    private final TimelineViewModel model;
    private final ZoneId zone;
    private final TimelineStyle style = new TimelineStyle(this);
    private final TimelineHeader header;
    private final Canvas overview = new Canvas();
    private final Canvas axis = new Canvas();
    private final Canvas lanes = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    private final Label empty = new Label();
    private final Tooltip tip = new Tooltip();
    private final LanesPainter lanesPainter;
    private final AxisPainter axisPainter;
    private final OverviewPainter overviewPainter;
    private final PaintTimes paintTimes = new PaintTimes();
    private static final int OVERVIEW = 1;
    private static final int AXIS = 2;
    private static final int LANES = 4;
    private static final int ALL = OVERVIEW | AXIS | LANES;
    /** The canvases to draw again at the next paint, or 0 when none is queued. */
    private int dirty;
    private boolean syncingScroll;
    private double rangeFromX = Double.NaN;
    private double rangeToX = Double.NaN;

    public TimelineView(TimelineViewModel model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
        getStyleClass().add(Styles.TIMELINE);
        setFocusTraversable(true);
        setMinHeight(90);
        lanesPainter = new LanesPainter(style);
        axisPainter = new AxisPainter(style, zone);
        overviewPainter = new OverviewPainter(style);
        overview.setId("timeline-overview");
        axis.setId("timeline-axis");
        lanes.setId("timeline");
        scroll.setId("timeline-scroll");
        scroll.setOrientation(Orientation.VERTICAL);
        scroll.setMin(0);
        scroll.setVisible(false);
        empty.getStyleClass().addAll(Styles.TIMELINE_EMPTY, Styles.MUTED);
        empty.textProperty().bind(model.emptyTextProperty());
        empty.setMouseTransparent(true);
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        BooleanBinding nothing = Bindings.createBooleanBinding(() -> model.model().isEmpty(), model.modelProperty());
        header = new TimelineHeader(model, nothing, this::requestFocus);
        getChildren().addAll(header, overview, axis, lanes, scroll, empty);

        LanesViewModel lanesModel = model.lanes();
        // Each canvas is drawn again only when something it shows changed: scrolling the lanes leaves the strip
        // and the axis as they are.
        List<ObservableValue<?>> everything = new ArrayList<>(List.of(model.modelProperty(),
                model.window().startProperty(), model.window().endProperty()));
        everything.addAll(style.all());
        for (ObservableValue<?> v : everything) {
            v.addListener((obs, old, now) -> requestPaint(ALL));
        }
        for (ObservableValue<?> v : List.of(model.markedTimeProperty())) {
            v.addListener((obs, old, now) -> requestPaint(AXIS | LANES));
        }
        for (ObservableValue<?> v : List.of(model.chosenLaneProperty(), model.markedLaneProperty(),
                lanesModel.rowsProperty(), lanesModel.topProperty(), lanesModel.matchLanesProperty(),
                lanesModel.currentMatchProperty())) {
            v.addListener((obs, old, now) -> requestPaint(LANES));
        }
        model.modelProperty().addListener((obs, old, m) -> {
            empty.setVisible(m.laneCount() == 0);
            requestLayout();
        });
        lanesModel.rowsProperty().addListener((obs, old, rows) -> requestLayout());
        empty.setVisible(model.model().laneCount() == 0);
        model.window().nowProperty().addListener((obs, old, now) -> {
            if (model.model().isLive(now.longValue())) {
                requestPaint(ALL);
            }
        });
        lanesModel.topProperty().addListener((obs, old, top) -> syncScrollBar());
        scroll.valueProperty().addListener((obs, old, value) -> {
            if (!syncingScroll) {
                lanesModel.scrollTo(value.doubleValue());
            }
        });

        new LaneGesture(this, model);
        new AxisGesture(this, model);
        new OverviewGesture(this, model.window());
        new WheelGesture(this, model);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        addEventHandler(KeyEvent.KEY_TYPED, this::keyTyped);

        Timeline ticker = new Timeline(new KeyFrame(Duration.millis(250), e -> {
            if (model.model().hasRunning()) {
                model.tick();
            }
        }));
        ticker.setCycleCount(Timeline.INDEFINITE);
        WhileShowing.play(this, ticker);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return TimelineStyle.cssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return TimelineStyle.cssMetaData();
    }

    TimelineStyle style() {
        return style;
    }

    // Layout and coordinates

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double top = header.prefHeight(w);
        header.resizeRelocate(0, 0, w, top);
        double lanesTop = top + OVERVIEW_HEIGHT + AXIS_HEIGHT;
        double lanesHeight = Math.max(0, h - lanesTop);
        LanesViewModel lanesModel = model.lanes();
        lanesModel.setViewport(lanesHeight);
        boolean needScroll = lanesModel.contentHeight() > lanesHeight + 0.5;
        double barWidth = needScroll ? scroll.prefWidth(-1) : 0;
        scroll.setVisible(needScroll);
        syncScrollBar();
        scroll.resizeRelocate(w - barWidth, lanesTop, barWidth, lanesHeight);
        double width = Math.max(0, w - barWidth);
        overview.setWidth(width);
        overview.setHeight(OVERVIEW_HEIGHT);
        overview.relocate(0, top);
        axis.setWidth(width);
        axis.setHeight(AXIS_HEIGHT);
        axis.relocate(0, top + OVERVIEW_HEIGHT);
        lanes.setWidth(width);
        lanes.setHeight(lanesHeight);
        lanes.relocate(0, lanesTop);
        double ew = Math.min(w, empty.prefWidth(-1));
        double eh = empty.prefHeight(ew);
        empty.resizeRelocate((w - ew) / 2, lanesTop + Math.max(0, (lanesHeight - eh) / 2), ew, eh);
        paint();
    }

    private void syncScrollBar() {
        LanesViewModel lanesModel = model.lanes();
        syncingScroll = true;
        scroll.setMax(lanesModel.maxTop());
        scroll.setVisibleAmount(lanesModel.viewport() * lanesModel.maxTop() / Math.max(1, lanesModel.contentHeight()));
        scroll.setUnitIncrement(LanesViewModel.ROW_HEIGHT);
        scroll.setBlockIncrement(Math.max(LanesViewModel.ROW_HEIGHT, lanesModel.viewport() - LanesViewModel.ROW_HEIGHT));
        scroll.setValue(lanesModel.top());
        syncingScroll = false;
    }

    @Override
    protected double computePrefHeight(double width) {
        return header.prefHeight(width) + OVERVIEW_HEIGHT + AXIS_HEIGHT
                + LanesViewModel.ROW_HEIGHT * Math.max(3, Math.min(8, model.lanes().rows().count()));
    }

    @Override
    protected double computePrefWidth(double height) {
        return 600;
    }

    /** The window of time over the lanes' time area. */
    TimeScale lanesScale() {
        return model.window().scale(LanesPainter.LABEL_WIDTH, Math.max(1, lanes.getWidth() - LanesPainter.LABEL_WIDTH));
    }

    /** The whole run over the overview strip's time area. */
    TimeScale overviewScale() {
        return new TimeScale(model.window().fitStart(), model.window().fitEnd(), LanesPainter.LABEL_WIDTH,
                Math.max(1, overview.getWidth() - LanesPainter.LABEL_WIDTH));
    }

    boolean isEmpty() {
        return model.model().isEmpty();
    }

    /** The x of a time, in the lanes' and the axis' coordinates. */
    public double xOf(long micros) {
        return lanesScale().xOf(micros);
    }

    /** The time at an x of the lanes or the axis. */
    long timeAt(double x) {
        return lanesScale().timeAt(x);
    }

    /** The middle of the row that shows a lane, in the lanes canvas' coordinates. */
    public double laneCenterY(int lane) {
        int row = model.lanes().rows().rowShowing(lane);
        return model.lanes().rowY(row) + LanesViewModel.ROW_HEIGHT / 2;
    }

    public Canvas lanesCanvas() {
        return lanes;
    }

    public Canvas axisCanvas() {
        return axis;
    }

    public Canvas overviewCanvas() {
        return overview;
    }

    ScrollBar scrollBar() {
        return scroll;
    }

    TimelineHeader header() {
        return header;
    }

    /** How long the last paints took. */
    public PaintTimes paintTimes() {
        return paintTimes;
    }

    /** A range being dragged on the axis, shown across the lanes (NaN: none). */
    void setDraggedRange(double fromX, double toX) {
        rangeFromX = fromX;
        rangeToX = toX;
        requestPaint(AXIS | LANES);
    }

    void showTip(Node owner, String text, MouseEvent e) {
        tip.setText(text);
        tip.show(owner, e.getScreenX() + 14, e.getScreenY() + 16);
    }

    void hideTip() {
        tip.hide();
    }

    // Keys

    private void keyPressed(KeyEvent e) {
        // Keys typed into the lane search come by here too: they are the field's.
        if (e.getTarget() != this || model.model().isEmpty() || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        LanesViewModel lanesModel = model.lanes();
        switch (e.getCode()) {
            case PLUS, ADD, EQUALS, W -> model.zoomIn();
            case MINUS, SUBTRACT, S -> model.zoomOut();
            case DIGIT0, NUMPAD0, F -> model.window().fit();
            case LEFT, A -> model.window().pan(-0.1);
            case RIGHT, D -> model.window().pan(0.1);
            case UP -> lanesModel.scrollBy(-LanesViewModel.ROW_HEIGHT);
            case DOWN -> lanesModel.scrollBy(LanesViewModel.ROW_HEIGHT);
            case PAGE_UP -> lanesModel.scrollBy(-Math.max(LanesViewModel.ROW_HEIGHT, lanesModel.viewport()));
            case PAGE_DOWN -> lanesModel.scrollBy(Math.max(LanesViewModel.ROW_HEIGHT, lanesModel.viewport()));
            case HOME -> lanesModel.scrollTo(0);
            case END -> lanesModel.scrollTo(lanesModel.maxTop());
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** {@code /} goes to the lane search: on the typed character, so the field does not get it too. */
    private void keyTyped(KeyEvent e) {
        if (e.getTarget() == this && !model.model().isEmpty() && Action.FIND_LANE.keyText().equals(e.getCharacter())) {
            header.focusSearch();
            e.consume();
        }
    }

    // Painting

    private void requestPaint(int canvases) {
        if (dirty == 0) {
            Platform.runLater(() -> {
                if (dirty != 0) {
                    paint(dirty);
                }
            });
        }
        dirty |= canvases;
    }

    /** Draws every canvas (after a layout), recording how long it took. */
    void paint() {
        paint(ALL);
    }

    private void paint(int canvases) {
        dirty = 0;
        long started = System.nanoTime();
        TimeScale scale = lanesScale();
        LanesViewModel lanesModel = model.lanes();
        TimelineFrame frame = new TimelineFrame(lanesModel.rows().model(), lanesModel.rows(), scale,
                scale.ticks(zone, MIN_TICK_PIXELS), lanesModel.top(), model.window().now(),
                model.chosenLaneProperty().get(), model.markedLaneProperty().get(), model.markedTime(), lanesModel,
                rangeFromX, rangeToX);
        if ((canvases & OVERVIEW) != 0) {
            overviewPainter.paint(overview.getGraphicsContext2D(), overview.getWidth(), overview.getHeight(),
                    model.model(), overviewScale(), scale, model.window().now());
        }
        if ((canvases & AXIS) != 0) {
            axisPainter.paint(axis.getGraphicsContext2D(), axis.getWidth(), axis.getHeight(), frame);
        }
        if ((canvases & LANES) != 0) {
            lanesPainter.paint(lanes.getGraphicsContext2D(), lanes.getWidth(), lanes.getHeight(), frame,
                    model.descriptions());
        }
        paintTimes.add(System.nanoTime() - started);
    }
}
