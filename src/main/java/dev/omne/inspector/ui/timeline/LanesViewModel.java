package dev.omne.inspector.ui.timeline;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.ui.common.Formats;
import dev.omne.inspector.ui.common.LatestResult;
import dev.omne.inspector.ui.common.TaskExecutor;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The lanes list: its rows under the chosen grouping, which groups are open, where it is scrolled, and the lane
 * search. Only the rows in view are ever drawn; this holds what decides which those are. Part of
 * {@link TimelineViewModel}.
 */
public final class LanesViewModel {
    /** The height of a row, in pixels. */
    public static final double ROW_HEIGHT = 22;

    private final LatestResult trees;
    private final LatestResult searches;
    private final ReadOnlyObjectWrapper<LaneRows> rows = new ReadOnlyObjectWrapper<>(this, "rows", LaneRows.EMPTY);
    private final ReadOnlyObjectWrapper<LaneGrouping> grouping =
            new ReadOnlyObjectWrapper<>(this, "grouping", LaneGrouping.NONE);
    private final ReadOnlyDoubleWrapper top = new ReadOnlyDoubleWrapper(this, "top");
    private final Map<LaneGrouping, Set<String>> open = new EnumMap<>(LaneGrouping.class);
    private double viewport;
    /** Counts the changes of the open groups: rows laid out before the last one are laid out again. */
    private int openVersion;
    private NodeNames names = NodeNames.EMPTY;

    private final ReadOnlyStringWrapper searchText = new ReadOnlyStringWrapper(this, "searchText", "");
    private final ReadOnlyStringWrapper searchStatus = new ReadOnlyStringWrapper(this, "searchStatus", "");
    private final ReadOnlyIntegerWrapper currentMatch = new ReadOnlyIntegerWrapper(this, "currentMatch", -1);
    /** The matching lanes, top to bottom: a new array for every search, so a listener sees each. */
    private final ReadOnlyObjectWrapper<int[]> matchLanes = new ReadOnlyObjectWrapper<>(this, "matchLanes", new int[0]);
    private int[] matches = new int[0];
    private BitSet matched = new BitSet();

    LanesViewModel(TaskExecutor tasks) {
        this.trees = new LatestResult(tasks);
        this.searches = new LatestResult(tasks);
        for (LaneGrouping g : LaneGrouping.values()) {
            open.put(g, new HashSet<>());
        }
    }

    // Properties

    public ReadOnlyObjectProperty<LaneRows> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public LaneRows rows() {
        return rows.get();
    }

    public ReadOnlyObjectProperty<LaneGrouping> groupingProperty() {
        return grouping.getReadOnlyProperty();
    }

    public LaneGrouping grouping() {
        return grouping.get();
    }

    /** How far the list is scrolled, in pixels from its first row. */
    public ReadOnlyDoubleProperty topProperty() {
        return top.getReadOnlyProperty();
    }

    public double top() {
        return top.get();
    }

    /** The names of the nodes read so far. */
    public NodeNames names() {
        return names;
    }

    // The rows

    /**
     * What rows are laid out by, copied for a build in the background: the grouping, the names read, the groups
     * open (and which change of them that was).
     */
    record Layout(LaneGrouping grouping, NodeNames names, Set<String> open, int version) {
        /** The rows of a model: its lanes grouped, the open groups' members under them. */
        LaneRows lay(TimelineModel m) {
            LaneTree tree = LaneTree.build(m, grouping, names);
            return LaneRows.of(tree, g -> open.contains(tree.groupKey(g)));
        }
    }

    /** The layout as it is now, to build rows by off the UI thread. */
    Layout layout() {
        return new Layout(grouping.get(), names, Set.copyOf(open.get(grouping.get())), openVersion);
    }

    /** New rows of the same tree (a group opened or closed). */
    void show(LaneTree tree) {
        show(LaneRows.of(tree, isOpen(tree)), layout());
    }

    private java.util.function.IntPredicate isOpen(LaneTree tree) {
        Set<String> opened = open.get(tree.grouping());
        return g -> opened.contains(tree.groupKey(g));
    }

    /**
     * Rows laid out in the background (a new model, or another grouping), or again here when groups were opened
     * or closed meanwhile: the row at the top stays at the top where it still is; a list scrolled to its end stays
     * at its end as the run grows, so the newest lanes stay in view.
     */
    void show(LaneRows laid, Layout by) {
        LaneRows before = rows.get();
        boolean atEnd = before.count() > 0 && top.get() > 0 && top.get() >= maxTop() - 1;
        int topRow = before.count() == 0 ? -1 : Math.min(before.count() - 1, (int) (top.get() / ROW_HEIGHT));
        LaneRows.Anchor anchor = topRow < 0 ? null : before.anchor(topRow);
        double offset = top.get() - topRow * ROW_HEIGHT;
        LaneTree tree = laid.tree();
        rows.set(by.version() == openVersion && by.grouping() == tree.grouping() ? laid : LaneRows.of(tree, isOpen(tree)));
        if (tree.grouping() != grouping.get()) {
            buildTree(tree.model());
        }
        int found = anchor == null ? -1 : rows.get().find(anchor);
        scrollTo(atEnd ? maxTop() : found < 0 ? top.get() : found * ROW_HEIGHT + Math.max(0, offset));
        if (!searchText.get().isEmpty()) {
            runSearch(false);
        }
    }

    /** Groups the lanes another way (in the background); the list shows the old way until the new one is built. */
    public void setGrouping(LaneGrouping g) {
        if (g == null || g == grouping.get()) {
            return;
        }
        grouping.set(g);
        buildTree(rows.get().model());
    }

    private void buildTree(TimelineModel model) {
        Layout by = layout();
        trees.submit(() -> by.lay(model), laid -> {
            if (laid.model() == rows.get().model()) {
                show(laid, by);
            }
        }, e -> { });
    }

    /** More node names were read: the lanes grouped by name are grouped again, and the search sees them. */
    void setNames(NodeNames read) {
        names = read;
        if (grouping.get() == LaneGrouping.NAME) {
            buildTree(rows.get().model());
        } else if (!searchText.get().isEmpty()) {
            runSearch(false);
        }
    }

    /** Opens a closed group and closes an open one. */
    public void toggle(int g) {
        setOpen(g, !rows.get().isOpen(g));
    }

    public void setOpen(int g, boolean isOpen) {
        LaneTree tree = rows.get().tree();
        if (g < 0 || g >= tree.groupCount() || rows.get().isOpen(g) == isOpen) {
            return;
        }
        remember(tree, g, isOpen);
        show(tree);
    }

    /** Opens (or closes) every group. */
    public void setAllOpen(boolean isOpen) {
        LaneTree tree = rows.get().tree();
        for (int g = 0; g < tree.groupCount(); g++) {
            remember(tree, g, isOpen);
        }
        show(tree);
    }

    /** Open groups are remembered by their key, per grouping: they stay open as the run grows or is filtered. */
    private void remember(LaneTree tree, int g, boolean isOpen) {
        openVersion++;
        Set<String> opened = open.get(tree.grouping());
        if (isOpen) {
            opened.add(tree.groupKey(g));
        } else {
            opened.remove(tree.groupKey(g));
        }
    }

    // Scrolling

    /** The height of the lanes' area, in pixels (set by the view as it is laid out). */
    public void setViewport(double height) {
        viewport = Math.max(0, height);
        scrollTo(top.get());
    }

    public double viewport() {
        return viewport;
    }

    /** The height of all rows. */
    public double contentHeight() {
        return rows.get().count() * ROW_HEIGHT;
    }

    public double maxTop() {
        return Math.max(0, contentHeight() - viewport);
    }

    /** Scrolls to {@code y}, on a whole pixel (rows drawn on whole pixels are drawn the fastest). */
    public void scrollTo(double y) {
        top.set(Math.round(Math.max(0, Math.min(maxTop(), y))));
    }

    public void scrollBy(double dy) {
        scrollTo(top.get() + dy);
    }

    /** The row at {@code y} of the lanes' area, or -1. */
    public int rowAt(double y) {
        int row = (int) Math.floor((y + top.get()) / ROW_HEIGHT);
        return row >= 0 && row < rows.get().count() ? row : -1;
    }

    /** The top of a row, in the lanes' area. */
    public double rowY(int row) {
        return row * ROW_HEIGHT - top.get();
    }

    /** Scrolls so {@code row} is in view: as little as needed when it is near, a third down the view when far. */
    public void reveal(int row) {
        if (row < 0 || row >= rows.get().count()) {
            return;
        }
        double y = row * ROW_HEIGHT;
        double t = top.get();
        if (y >= t && y + ROW_HEIGHT <= t + viewport) {
            return;
        }
        boolean near = y >= t - viewport && y <= t + 2 * viewport;
        if (near) {
            scrollTo(y < t ? y : y + ROW_HEIGHT - viewport);
        } else {
            scrollTo(y - Math.max(0, viewport / 3 - ROW_HEIGHT));
        }
    }

    /**
     * Brings the lane into view, or the row showing it: the run of it at {@code t} when its runs are laid out one
     * per lane, its group's summary when its group is closed.
     */
    public void revealLane(int lane, long t) {
        LaneRows r = rows.get();
        TimelineModel m = r.model();
        if (lane < 0 || lane >= m.laneCount()) {
            return;
        }
        int bar = t == Timestamps.NONE ? -1 : m.barAt(lane, t, 0, Long.MAX_VALUE);
        reveal(bar >= 0 ? r.rowShowingBar(bar) : r.rowShowing(lane));
    }

    // Search

    public ReadOnlyStringProperty searchTextProperty() {
        return searchText.getReadOnlyProperty();
    }

    /** "3 of 14", "no lane has …", or nothing without a search. */
    public ReadOnlyStringProperty searchStatusProperty() {
        return searchStatus.getReadOnlyProperty();
    }

    /** The index of the match gone to, among {@link #matchCount()}, or -1. */
    public ReadOnlyIntegerProperty currentMatchProperty() {
        return currentMatch.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<int[]> matchLanesProperty() {
        return matchLanes.getReadOnlyProperty();
    }

    public int matchCount() {
        return matches.length;
    }

    /** Whether a lane's node id or name holds the searched text. */
    public boolean isMatch(int lane) {
        return lane >= 0 && matched.get(lane);
    }

    /** The lane of the match gone to, or -1. */
    public int currentMatchLane() {
        int i = currentMatch.get();
        return i >= 0 && i < matches.length ? matches[i] : -1;
    }

    /** Looks for lanes whose node id or name holds {@code text}, and goes to the first one. */
    public void search(String text) {
        searchText.set(text == null ? "" : text);
        runSearch(true);
    }

    private void runSearch(boolean goToFirst) {
        String text = searchText.get();
        if (text.isBlank()) {
            searches.cancel();
            setMatches(new int[0], -1);
            searchStatus.set("");
            return;
        }
        LaneTree tree = rows.get().tree();
        NodeNames n = names;
        int wasLane = currentMatchLane();
        searches.submit(() -> LaneSearch.find(tree, n, text), found -> {
            if (tree != rows.get().tree()) {
                return; // the lanes changed meanwhile: their own search follows
            }
            int index = goToFirst ? 0 : indexOf(found, wasLane);
            setMatches(found, found.length == 0 ? -1 : index);
            if (goToFirst) {
                goToMatch();
            }
        }, e -> { });
    }

    private static int indexOf(int[] found, int lane) {
        for (int i = 0; i < found.length; i++) {
            if (found[i] == lane) {
                return i;
            }
        }
        return 0;
    }

    private void setMatches(int[] found, int current) {
        matches = found;
        BitSet bits = new BitSet();
        for (int lane : found) {
            bits.set(lane);
        }
        matched = bits;
        matchLanes.set(found);
        currentMatch.set(current);
        updateStatus();
    }

    private void updateStatus() {
        String text = searchText.get().strip();
        if (text.isEmpty()) {
            searchStatus.set("");
        } else if (matches.length == 0) {
            searchStatus.set("No lane has “" + text + "”");
        } else {
            searchStatus.set(Formats.count(currentMatch.get() + 1) + " of " + Formats.count(matches.length));
        }
    }

    /** Goes to the next match (Enter), or the one before (Shift+Enter), round the list's ends. */
    public void stepMatch(int direction) {
        if (matches.length == 0) {
            return;
        }
        int n = matches.length;
        currentMatch.set(((currentMatch.get() + direction) % n + n) % n);
        updateStatus();
        goToMatch();
    }

    /** Opens the group of the current match if it is closed, and scrolls to it. */
    private void goToMatch() {
        int lane = currentMatchLane();
        if (lane < 0) {
            return;
        }
        LaneTree tree = rows.get().tree();
        int g = tree.groupOfLane(lane);
        if (g >= 0 && tree.groupLane(g) < 0) {
            setOpen(g, true);
        }
        reveal(rows.get().rowShowing(lane));
    }
}
