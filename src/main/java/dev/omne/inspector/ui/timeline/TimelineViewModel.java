package dev.omne.inspector.ui.timeline;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.ui.common.LatestResult;
import dev.omne.inspector.ui.common.TaskExecutor;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
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
 * The node timeline: its model, built in the background (a growing run is read on from where the last build
 * stopped, at most every {@link #REBUILD_GAP_MILLIS}), the {@link TimeWindow} it shows, its {@link LanesViewModel
 * lanes}, the event selected in the table (marked, and brought into view), and what choosing a node or a time
 * range asks of the rest of the window.
 */
public final class TimelineViewModel {
    static final long REBUILD_GAP_MILLIS = 250;

    static final String NO_RUN = "Select a run to see its nodes over time";
    public static final String NO_NODES = "No node events with a time in this run";
    public static final String NO_MATCH = "No node events match the filter (Esc clears it)";
    static final String BUILDING = "Laying out the timeline…";

    private final LongSupplier clock;
    private final ZoneId zone;
    private final long rebuildGapMillis;
    private final TimeWindow window;
    private final LanesViewModel lanes;

    private final ReadOnlyObjectWrapper<TimelineModel> model =
            new ReadOnlyObjectWrapper<>(this, "model", TimelineModel.EMPTY);
    /** The model shown was built from the rows a filter left (an empty one says so, not "no node events"). */
    private boolean shownFiltered;
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", NO_RUN);
    private final ReadOnlyStringWrapper chosenNode = new ReadOnlyStringWrapper(this, "chosenNode");
    private final ReadOnlyIntegerWrapper chosenLane = new ReadOnlyIntegerWrapper(this, "chosenLane", -1);
    private final ReadOnlyLongWrapper markedTime = new ReadOnlyLongWrapper(this, "markedTime", Timestamps.NONE);
    private final ReadOnlyIntegerWrapper markedLane = new ReadOnlyIntegerWrapper(this, "markedLane", -1);
    private int markedNodeId = -1;

    private Consumer<String> onNodeChosen = node -> { };
    private int chosenFromRow = -1;
    private BiConsumer<Long, Long> onRangeChosen = (from, to) -> { };

    // Background builds: one at a time, the newest request waiting; results of another run are dropped.
    private final LatestResult builds;
    private final LatestResult nameReads;
    private boolean building;
    private boolean readingNames;
    private IndexSnapshot pendingSnapshot;
    private int[] pendingRows;
    private boolean hasPending;
    private long lastBuildNanos = Long.MIN_VALUE;
    /** Goes on from the last build while the run only grows; replaced for another run or filter. */
    private TimelineBuilder builder;
    private Path shownFile;
    private int shownSize;
    /** The snapshot the shown model was built from (for tooltips and names), or null. */
    private IndexSnapshot shownSnapshot;

    /** @param clock epoch micros now */
    public TimelineViewModel(TaskExecutor tasks, LongSupplier clock, ZoneId zone) {
        this(tasks, clock, zone, REBUILD_GAP_MILLIS);
    }

    TimelineViewModel(TaskExecutor tasks, LongSupplier clock, ZoneId zone, long rebuildGapMillis) {
        this.builds = new LatestResult(tasks);
        this.nameReads = new LatestResult(tasks);
        this.clock = clock;
        this.zone = zone;
        this.rebuildGapMillis = rebuildGapMillis;
        this.window = new TimeWindow(clock.getAsLong());
        this.lanes = new LanesViewModel(tasks);
    }

    // Properties

    public ReadOnlyObjectProperty<TimelineModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public TimelineModel model() {
        return model.get();
    }

    /** The window of time shown. */
    public TimeWindow window() {
        return window;
    }

    /** The lanes' rows, grouping, scroll and search. */
    public LanesViewModel lanes() {
        return lanes;
    }

    /** What the timeline says when it has nothing to draw. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    /** The node last chosen on the timeline, highlighted there. */
    public ReadOnlyStringProperty chosenNodeProperty() {
        return chosenNode.getReadOnlyProperty();
    }

    public String chosenNode() {
        return chosenNode.get();
    }

    /** The lane of the chosen node, or -1. */
    public ReadOnlyIntegerProperty chosenLaneProperty() {
        return chosenLane.getReadOnlyProperty();
    }

    /** The time of the event selected in the table (a line across the lanes), or {@link Timestamps#NONE}. */
    public ReadOnlyLongProperty markedTimeProperty() {
        return markedTime.getReadOnlyProperty();
    }

    public long markedTime() {
        return markedTime.get();
    }

    /** The lane of the event selected in the table, or -1. */
    public ReadOnlyIntegerProperty markedLaneProperty() {
        return markedLane.getReadOnlyProperty();
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
            chosenLane.set(-1);
            window.reset();
            if (!model.get().isEmpty()) {
                show(LaneRows.EMPTY, lanes.layout());
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
        building = true;
        boolean extending = builder != null && builder.canExtend(s, rows);
        TimelineBuilder b = extending ? builder : new TimelineBuilder(s.file());
        builder = b;
        LanesViewModel.Layout layout = lanes.layout();
        builds.submit(() -> {
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); // throttles rebuilds of a growing run
            }
            b.add(s, rows);
            return layout.lay(b.build(s)); // the rows too: a run of many nodes has as many rows to lay out
        }, laid -> {
            building = false;
            shownSnapshot = s;
            shownFiltered = rows != null;
            show(laid, layout);
            if (!extending) {
                // Other rows (the filter changed): the selected event is brought back into view, as in the table.
                lanes.revealLane(markedLane.get(), markedTime.get());
            }
            startBuild();
        }, e -> {
            building = false;
            builder = null; // it may have stopped half way: the next build starts afresh
            startBuild();
        });
    }

    /** A build under way is of another run (or of none): its result is dropped, and the next build may start. */
    private void stopBuilding() {
        builds.cancel();
        nameReads.cancel();
        building = false;
        readingNames = false;
        builder = null;
    }

    /** Shows a finished model and its lanes: a fitted window stays fitted, a zoomed one stays where it is. */
    private void show(LaneRows laid, LanesViewModel.Layout layout) {
        TimelineModel built = laid.model();
        lanes.show(laid, layout);
        model.set(built);
        emptyText.set(built.laneCount() == 0 ? (shownFile == null ? NO_RUN : shownFiltered ? NO_MATCH : NO_NODES) : "");
        window.setRun(built);
        int chosen = chosenLane.get();
        String node = chosenNode.get();
        boolean same = node != null && chosen >= 0 && chosen < built.laneCount() && built.laneNode(chosen).equals(node);
        chosenLane.set(node == null ? -1 : same ? chosen : built.laneOf(node));
        markedLane.set(built.laneOfNodeId(markedNodeId));
        readNames();
    }

    /** Reads the names of lanes whose names are not known yet, one read at a time. */
    private void readNames() {
        TimelineModel m = model.get();
        IndexSnapshot s = shownSnapshot;
        NodeNames known = lanes.names();
        if (readingNames || s == null || m.laneCount() == 0 || known.covers(m)) {
            return;
        }
        readingNames = true;
        nameReads.submit(() -> known.readMore(s, m), read -> {
            readingNames = false;
            lanes.setNames(read);
            readNames();
        }, e -> readingNames = false);
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
        window.reset();
        markEvent(null, -1);
        show(LaneRows.EMPTY, lanes.layout());
        emptyText.set(NO_RUN);
    }

    // Following the table's selection

    /**
     * The table's selected event: its time is marked, its lane (or the row that shows it) is scrolled to, and the
     * window pans to it when it is out of view.
     */
    public void showEvent(IndexSnapshot s, int row) {
        markEvent(s, row);
        window.reveal(markedTime.get());
        lanes.revealLane(markedLane.get(), markedTime.get());
    }

    private void markEvent(IndexSnapshot s, int row) {
        boolean known = s != null && row >= 0 && row < s.size() && s.file().equals(shownFile);
        markedNodeId = known ? s.nodeId(row) : -1;
        markedLane.set(model.get().laneOfNodeId(markedNodeId));
        markedTime.set(known ? s.tsMicros(row) : Timestamps.NONE);
    }

    /** Zooms in (+) on the selected event when there is one, which it puts in the middle; else around the middle. */
    public void zoomIn() {
        zoomByKey(TimeWindow.ZOOM_STEP);
    }

    public void zoomOut() {
        zoomByKey(1 / TimeWindow.ZOOM_STEP);
    }

    private void zoomByKey(double factor) {
        long t = markedTime.get();
        if (t != Timestamps.NONE && !model.get().isEmpty()) {
            window.zoomTo(factor, t);
        } else {
            window.zoom(factor, window.start() + window.span() / 2);
        }
    }

    /** Time passed: running bars grow, and a fitted window grows with them. */
    public void tick() {
        window.tick(clock.getAsLong());
    }

    // Words on hover

    TimelineDescriptions descriptions() {
        return new TimelineDescriptions(model.get(), lanes.names(), shownSnapshot, zone, window.now());
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
        chosenLane.set(model.get().laneOf(nodeId));
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
