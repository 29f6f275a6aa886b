package dev.omne.inspector.ui.timeline;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.ui.common.Formats;
import dev.omne.inspector.ui.timeline.TimelineModel;
import dev.omne.inspector.ui.common.LatestResult;
import dev.omne.inspector.ui.common.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The node timeline: the current {@link TimelineModel} (built in the background, at most every
 * {@link #REBUILD_GAP_MILLIS} while a run grows), the visible time window, zooming, panning and fitting, the
 * chosen node, and what choosing a node or a time range asks of the rest of the window.
 */
public final class TimelineViewModel {
    /** The narrowest window, in micros. */
    static final long MIN_SPAN = 100;
    static final double ZOOM_STEP = 1.5;
    static final long REBUILD_GAP_MILLIS = 250;

    static final String NO_RUN = "Select a run to see its nodes over time";
    public static final String NO_NODES = "No node events with a time in this run yet";
    static final String BUILDING = "Laying out the timeline…";

    private final LongSupplier clock;
    private final ZoneId zone;
    private final long rebuildGapMillis;

    private final ReadOnlyObjectWrapper<TimelineModel> model =
            new ReadOnlyObjectWrapper<>(this, "model", TimelineModel.EMPTY);
    private final ReadOnlyLongWrapper viewStart = new ReadOnlyLongWrapper(this, "viewStart");
    private final ReadOnlyLongWrapper viewEnd = new ReadOnlyLongWrapper(this, "viewEnd", 1);
    private final ReadOnlyLongWrapper now = new ReadOnlyLongWrapper(this, "now");
    private final ReadOnlyBooleanWrapper fitted = new ReadOnlyBooleanWrapper(this, "fitted", true);
    private final ReadOnlyStringWrapper chosenNode = new ReadOnlyStringWrapper(this, "chosenNode");
    private final javafx.beans.property.ReadOnlyLongWrapper markedTime =
            new javafx.beans.property.ReadOnlyLongWrapper(this, "markedTime", Timestamps.NONE);
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", NO_RUN);

    private Consumer<String> onNodeChosen = node -> { };
    private int chosenFromRow = -1;
    private BiConsumer<Long, Long> onRangeChosen = (from, to) -> { };

    // Background builds: one at a time, the newest request waiting; results of another run are dropped.
    private final LatestResult builds;
    private boolean building;
    private IndexSnapshot pendingSnapshot;
    private int[] pendingRows;
    private boolean hasPending;
    private long lastBuildNanos = Long.MIN_VALUE;
    private Path shownFile;
    private int shownSize;
    /** The snapshot the shown model was built from (for tooltips), or null. */
    private IndexSnapshot shownSnapshot;

    /** @param clock epoch micros now */
    public TimelineViewModel(TaskExecutor tasks, LongSupplier clock, ZoneId zone) {
        this(tasks, clock, zone, REBUILD_GAP_MILLIS);
    }

    TimelineViewModel(TaskExecutor tasks, LongSupplier clock, ZoneId zone, long rebuildGapMillis) {
        this.builds = new LatestResult(tasks);
        this.clock = clock;
        this.zone = zone;
        this.rebuildGapMillis = rebuildGapMillis;
        now.set(clock.getAsLong());
    }

    // Properties

    public ReadOnlyObjectProperty<TimelineModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public TimelineModel model() {
        return model.get();
    }

    /** Left edge of the visible window, epoch micros. */
    public ReadOnlyLongProperty viewStartProperty() {
        return viewStart.getReadOnlyProperty();
    }

    public long viewStart() {
        return viewStart.get();
    }

    /** Right edge of the visible window, epoch micros. */
    public ReadOnlyLongProperty viewEndProperty() {
        return viewEnd.getReadOnlyProperty();
    }

    public long viewEnd() {
        return viewEnd.get();
    }

    /** The time the running bars are drawn to. */
    public ReadOnlyLongProperty nowProperty() {
        return now.getReadOnlyProperty();
    }

    public long now() {
        return now.get();
    }

    /** The time of the event selected in the table (a line across the lanes), or {@link Timestamps#NONE}. */
    public javafx.beans.property.ReadOnlyLongProperty markedTimeProperty() {
        return markedTime.getReadOnlyProperty();
    }

    public long markedTime() {
        return markedTime.get();
    }

    /** The table's selected event: its time is marked, and brought into view when it is outside it. */
    public void markEvent(long tsMicros) {
        markedTime.set(tsMicros);
        if (tsMicros != Timestamps.NONE && !fitted.get() && (tsMicros < viewStart() || tsMicros > viewEnd())
                && !model().isEmpty()) {
            panBy(tsMicros - (viewStart() + viewEnd()) / 2);
        }
    }

    /** Whether the window shows the whole run (and keeps doing so as it grows). */
    public ReadOnlyBooleanProperty fittedProperty() {
        return fitted.getReadOnlyProperty();
    }

    public boolean isFitted() {
        return fitted.get();
    }

    /** The node last chosen on the timeline, highlighted there. */
    public ReadOnlyStringProperty chosenNodeProperty() {
        return chosenNode.getReadOnlyProperty();
    }

    public String chosenNode() {
        return chosenNode.get();
    }

    /** What the timeline says when it has nothing to draw. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public void setOnNodeChosen(Consumer<String> action) {
        this.onNodeChosen = action == null ? node -> { } : action;
    }

    /** Called with (from, to) epoch micros when a range is dragged on the time axis. */
    public void setOnRangeChosen(BiConsumer<Long, Long> action) {
        this.onRangeChosen = action == null ? (from, to) -> { } : action;
    }

    // Building

    /**
     * Builds the timeline of a snapshot in the background ({@code rows}: the filter's rows, or null for all).
     * Another file, or fewer rows, is another run: its timeline opens fitted.
     */
    public void rebuild(IndexSnapshot snapshot, int[] rows) {
        if (snapshot == null) {
            clear();
            return;
        }
        if (!snapshot.file().equals(shownFile) || snapshot.size() < shownSize) {
            stopBuilding();
            shownFile = snapshot.file();
            chosenNode.set(null);
            fitted.set(true);
            if (!model.get().isEmpty()) {
                model.set(TimelineModel.EMPTY);
            }
            emptyText.set(BUILDING);
        }
        shownSize = snapshot.size();
        pendingSnapshot = snapshot;
        pendingRows = rows;
        hasPending = true;
        startBuild();
    }

    private void startBuild() {
        if (building || !hasPending) {
            return;
        }
        IndexSnapshot s = pendingSnapshot;
        int[] rows = pendingRows;
        hasPending = false;
        pendingSnapshot = null;
        pendingRows = null;
        long wait = lastBuildNanos == Long.MIN_VALUE ? 0
                : rebuildGapMillis * 1_000_000 - (System.nanoTime() - lastBuildNanos);
        lastBuildNanos = System.nanoTime() + Math.max(0, wait);
        long at = clock.getAsLong();
        building = true;
        builds.submit(() -> {
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); // throttles rebuilds of a growing run
            }
            return TimelineModel.build(s, rows, at);
        }, built -> {
            building = false;
            shownSnapshot = s;
            show(built);
            startBuild();
        }, e -> {
            building = false;
            startBuild();
        });
    }

    /** A build under way is of another run (or of none): its result is dropped, and the next build may start. */
    private void stopBuilding() {
        builds.cancel();
        building = false;
    }

    /** Shows a finished model: a fitted window stays fitted, a zoomed one stays where it is. */
    public void show(TimelineModel built) {
        TimelineModel before = model.get();
        model.set(built == null ? TimelineModel.EMPTY : built);
        emptyText.set(model.get().laneCount() == 0 ? (shownFile == null ? NO_RUN : NO_NODES) : "");
        if (fitted.get() || before.isEmpty()) {
            fit();
        }
    }

    /** No run: nothing to draw. */
    public void clear() {
        stopBuilding();
        hasPending = false;
        pendingSnapshot = null;
        pendingRows = null;
        shownFile = null;
        shownSize = 0;
        shownSnapshot = null;
        chosenNode.set(null);
        fitted.set(true);
        model.set(TimelineModel.EMPTY);
        emptyText.set(NO_RUN);
    }

    // The window

    /** Start of the whole run's span, with a little room. */
    public long fitStart() {
        return fitWindow()[0];
    }

    public long fitEnd() {
        return fitWindow()[1];
    }

    private long[] fitWindow() {
        TimelineModel m = model.get();
        if (m.isEmpty()) {
            long t = now.get();
            return new long[] {t - 60_000_000L, t};
        }
        long start = m.minMicros();
        long end = m.spanEnd(now.get());
        long pad = Math.max(500, (end - start) / 50);
        if (end - start < 1000) {
            pad = 500_000; // a single moment: show a second around it
        }
        return new long[] {start - pad, end + pad};
    }

    /** Shows the whole run (0 or F), and keeps it whole as the run grows. */
    public void fit() {
        long[] w = fitWindow();
        setWindow(w[0], w[1]);
        fitted.set(true);
    }

    /** Zooms in around a time, which stays where it is on screen. */
    public void zoomIn(long aroundMicros) {
        zoom(ZOOM_STEP, aroundMicros);
    }

    public void zoomOut(long aroundMicros) {
        zoom(1 / ZOOM_STEP, aroundMicros);
    }

    /** Zooms around the middle of the window (+ and - keys, toolbar buttons). */
    public void zoomIn() {
        zoomIn(middle());
    }

    public void zoomOut() {
        zoomOut(middle());
    }

    private long middle() {
        return viewStart.get() + (viewEnd.get() - viewStart.get()) / 2;
    }

    /** Zooms by {@code factor} (above 1: in) keeping {@code aroundMicros} fixed on screen. */
    public void zoom(double factor, long aroundMicros) {
        long start = viewStart.get();
        long span = viewEnd.get() - start;
        long[] fit = fitWindow();
        long maxSpan = Math.max(MIN_SPAN * 10, (fit[1] - fit[0]) * 20);
        long newSpan = (long) Math.max(MIN_SPAN, Math.min(maxSpan, span / factor));
        if (newSpan == span) {
            return;
        }
        double at = span <= 0 ? 0.5 : (double) (aroundMicros - start) / span;
        long newStart = aroundMicros - Math.round(at * newSpan);
        setWindow(newStart, newStart + newSpan);
        fitted.set(false);
    }

    /** Moves the window by a fraction of its width (Left/Right: -0.1/+0.1). */
    public void pan(double fraction) {
        panBy(Math.round((viewEnd.get() - viewStart.get()) * fraction));
    }

    /** Moves the window by {@code micros} (dragging the lanes). */
    public void panBy(long micros) {
        if (micros == 0) {
            return;
        }
        setWindow(viewStart.get() + micros, viewEnd.get() + micros);
        fitted.set(false);
    }

    private void setWindow(long start, long end) {
        viewStart.set(start);
        viewEnd.set(Math.max(start + 1, end));
    }

    /** Time passed: running bars grow, and a fitted window grows with them. */
    public void tick(long nowMicros) {
        now.set(nowMicros);
        if (fitted.get() && model.get().isLive(nowMicros)) {
            fit();
        }
    }

    /** {@link #tick(long)} with the clock's time. */
    public void tick() {
        tick(clock.getAsLong());
    }

    // Hit testing

    /** The bar of a lane at {@code t} within {@code toleranceMicros}, or -1. */
    public int barAt(int lane, long t, long toleranceMicros) {
        return model.get().barAt(lane, t, toleranceMicros, now.get());
    }

    /** The instant of a lane ({@code -1}: run-level) nearest {@code t} within {@code toleranceMicros}, or -1. */
    public int instantAt(int lane, long t, long toleranceMicros) {
        return model.get().instantAt(lane, t, toleranceMicros);
    }

    /** Where a bar ends as drawn now (running bars end at now while the run is live). */
    public long barEnd(int bar) {
        return model.get().barEnd(bar, now.get());
    }

    /** What hovering a lane at {@code t} shows: the bar or instant there, or the lane's node; null for nothing. */
    public String describe(int lane, long t, long toleranceMicros) {
        TimelineModel m = model.get();
        if (lane < -1 || lane >= m.laneCount()) {
            return null;
        }
        int instant = instantAt(lane, t, toleranceMicros);
        if (instant >= 0) {
            return describeInstant(instant);
        }
        int bar = lane < 0 ? -1 : barAt(lane, t, toleranceMicros);
        return bar < 0 ? null : describeBar(bar);
    }

    /** The lane label's tooltip: node, kind and how often it ran. */
    public String describeLane(int lane) {
        TimelineModel m = model.get();
        if (lane < 0 || lane >= m.laneCount()) {
            return null;
        }
        int bars = m.laneBarFrom(lane + 1) - m.laneBarFrom(lane);
        return m.laneNode(lane) + (m.laneKind(lane) == null ? "" : " (" + m.laneKind(lane) + ")")
                + "\n" + bars + (bars == 1 ? " run" : " runs") + " · click to go to its first event";
    }

    String describeBar(int bar) {
        TimelineModel m = model.get();
        long start = m.barStart(bar);
        long end = barEnd(bar);
        String outcome = switch (m.barOutcome(bar)) {
            case COMPLETED -> "completed";
            case FAILED -> "failed";
            case RUNNING -> m.isLive(now.get()) ? "running" : "no end written";
            case INTERRUPTED -> "started again before it ended";
        };
        return m.laneNode(m.barLane(bar)) + " · " + outcome
                + "\nstart " + (m.barStartRow(bar) < 0 ? "unknown (from the run's first event) " : "")
                + Formats.clock(start, zone)
                + "\nduration " + Formats.duration((end - start) / 1000)
                + (m.barOutcome(bar) == TimelineModel.Outcome.RUNNING ? " so far" : "");
    }

    String describeInstant(int i) {
        TimelineModel m = model.get();
        int row = m.instantRow(i);
        String type = null;
        IndexSnapshot s = shownSnapshot;
        if (s != null && row < s.size()) {
            type = s.isError(row) ? "malformed line" : s.type(row);
        }
        if (type == null) {
            type = m.instantTone(i).name().toLowerCase(java.util.Locale.ROOT);
        }
        int lane = m.instantLane(i);
        return type + (lane >= 0 ? " · " + m.laneNode(lane) : "") + "\n" + Formats.clock(m.instantTs(i), zone)
                + (s != null && row < s.size() ? " · line " + s.line(row) : "");
    }

    // Choosing

    /** A lane label was clicked. */
    public void chooseNode(String nodeId) {
        chooseNode(nodeId, -1);
    }

    /** A bar or marker of a node was clicked: {@code fromRow} is its first row (-1: the node as a whole). */
    public void chooseNode(String nodeId, int fromRow) {
        if (nodeId == null) {
            return;
        }
        chosenFromRow = fromRow;
        chosenNode.set(nodeId);
        onNodeChosen.accept(nodeId);
    }

    /** The row of the bar or marker last clicked, or -1 for a lane label. */
    public int chosenFromRow() {
        return chosenFromRow;
    }

    /** A range was dragged on the time axis. */
    public void chooseRange(long fromMicros, long toMicros) {
        long from = Math.min(fromMicros, toMicros);
        long to = Math.max(fromMicros, toMicros);
        if (from == Timestamps.NONE) {
            return;
        }
        onRangeChosen.accept(from, to);
    }
}
