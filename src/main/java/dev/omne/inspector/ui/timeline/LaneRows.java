package dev.omne.inspector.ui.timeline;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The rows the lanes list shows, top to bottom: a {@link LaneTree}'s items with the members of its open groups under
 * them. Only rows in view are ever drawn, so this is the whole of the list's layout: a row's place is its index
 * times the row height. Cheap enough to rebuild on the UI thread when a group opens or closes. Immutable.
 */
public final class LaneRows {
    /** A node's lane. */
    public static final byte LANE = 0;
    /** A group's summary (its header). */
    public static final byte GROUP = 1;
    /** One run (bar) of a node whose runs are laid out one per lane. */
    public static final byte RUN = 2;

    public static final LaneRows EMPTY = of(LaneTree.EMPTY, g -> false);

    private final LaneTree tree;
    private final byte[] kinds;
    private final int[] refs;
    private final int[] parents;
    private final int[] rowOfLane;
    private final int[] rowOfGroup;
    private final boolean[] open;

    private LaneRows(LaneTree tree, byte[] kinds, int[] refs, int[] parents, int[] rowOfLane, int[] rowOfGroup,
                     boolean[] open) {
        this.tree = tree;
        this.kinds = kinds;
        this.refs = refs;
        this.parents = parents;
        this.rowOfLane = rowOfLane;
        this.rowOfGroup = rowOfGroup;
        this.open = open;
    }

    /** The rows of {@code tree} with the groups {@code isOpen} says are open. */
    public static LaneRows of(LaneTree tree, IntPredicate isOpen) {
        int groups = tree.groupCount();
        boolean[] open = new boolean[groups];
        int count = tree.itemCount();
        for (int g = 0; g < groups; g++) {
            open[g] = isOpen.test(g);
            if (open[g]) {
                count += tree.memberCount(g);
            }
        }
        byte[] kinds = new byte[count];
        int[] refs = new int[count];
        int[] parents = new int[count];
        int[] rowOfLane = new int[tree.model().laneCount()];
        int[] rowOfGroup = new int[groups];
        Arrays.fill(rowOfLane, -1);
        int row = 0;
        for (int i = 0; i < tree.itemCount(); i++) {
            int item = tree.item(i);
            if (item >= 0) {
                kinds[row] = LANE;
                refs[row] = item;
                parents[row] = -1;
                rowOfLane[item] = row++;
                continue;
            }
            int g = -(item + 1);
            int groupRow = row++;
            kinds[groupRow] = GROUP;
            refs[groupRow] = g;
            parents[groupRow] = -1;
            rowOfGroup[g] = groupRow;
            boolean runs = tree.groupMembers(g) == LaneTree.Members.RUNS;
            if (runs) {
                rowOfLane[tree.groupLane(g)] = groupRow;
            }
            if (!open[g]) {
                continue;
            }
            for (int j = 0; j < tree.memberCount(g); j++) {
                int member = tree.member(g, j);
                kinds[row] = runs ? RUN : LANE;
                refs[row] = member;
                parents[row] = g;
                if (!runs) {
                    rowOfLane[member] = row;
                }
                row++;
            }
        }
        return new LaneRows(tree, kinds, refs, parents, rowOfLane, rowOfGroup, open);
    }

    public LaneTree tree() {
        return tree;
    }

    public TimelineModel model() {
        return tree.model();
    }

    public int count() {
        return kinds.length;
    }

    /** {@link #LANE}, {@link #GROUP} or {@link #RUN}. */
    public byte kind(int row) {
        return kinds[row];
    }

    /** What the row shows: a lane, a group, or a bar. */
    public int ref(int row) {
        return refs[row];
    }

    /** The group a member row is in (drawn indented), or -1 for a top-level row. */
    public int parent(int row) {
        return parents[row];
    }

    public boolean isOpen(int g) {
        return open[g];
    }

    /** The row where a group's summary is. */
    public int rowOfGroup(int g) {
        return rowOfGroup[g];
    }

    /**
     * The row that shows a lane: its own, or its group's when the group is closed (for the runs of one node, the
     * group's row is the node's lane).
     */
    public int rowShowing(int lane) {
        if (lane < 0 || lane >= rowOfLane.length) {
            return -1;
        }
        int row = rowOfLane[lane];
        if (row >= 0) {
            return row;
        }
        int g = tree.groupOfLane(lane);
        return g < 0 ? -1 : rowOfGroup[g];
    }

    /** The row that shows a bar: its run's row when its node's runs are laid out open, else its lane's row. */
    public int rowShowingBar(int bar) {
        TimelineModel m = tree.model();
        if (bar < 0 || bar >= m.barCount()) {
            return -1;
        }
        int lane = m.barLane(bar);
        int g = tree.groupOfLane(lane);
        if (g >= 0 && open[g] && tree.groupMembers(g) == LaneTree.Members.RUNS) {
            return rowOfGroup[g] + 1 + (bar - m.laneBarFrom(lane));
        }
        return rowShowing(lane);
    }

    /** The lane a row draws (a run's node for {@link #RUN}, the node of a group of runs), or -1 for a group of lanes. */
    public int laneOf(int row) {
        return switch (kinds[row]) {
            case LANE -> refs[row];
            case RUN -> tree.model().barLane(refs[row]);
            default -> tree.groupLane(refs[row]);
        };
    }

    /**
     * What a row shows, to find it again after the rows change (a group opened, the run grown, the filter changed):
     * a node's lane, a group, or the run of a node that began at the snapshot row {@code run} (a row stays the
     * same row whatever the filter). {@code hint} is where it was, checked first.
     */
    public record Anchor(byte kind, String key, int run, int hint) {
    }

    public Anchor anchor(int row) {
        TimelineModel m = tree.model();
        return switch (kinds[row]) {
            case LANE -> new Anchor(LANE, m.laneNode(refs[row]), 0, refs[row]);
            case GROUP -> new Anchor(GROUP, tree.groupKey(refs[row]), 0, refs[row]);
            default -> {
                int lane = m.barLane(refs[row]);
                yield new Anchor(RUN, m.laneNode(lane), m.barFirstRow(refs[row]), lane);
            }
        };
    }

    /** The row that shows what {@code anchor} named, or -1 when it is gone. */
    public int find(Anchor anchor) {
        TimelineModel m = tree.model();
        if (anchor.kind() == GROUP) {
            int g = anchor.hint();
            if (g >= tree.groupCount() || !tree.groupKey(g).equals(anchor.key())) {
                g = -1;
                for (int i = 0; i < tree.groupCount() && g < 0; i++) {
                    g = tree.groupKey(i).equals(anchor.key()) ? i : -1;
                }
            }
            return g < 0 ? -1 : rowOfGroup[g];
        }
        int lane = anchor.hint();
        if (lane >= m.laneCount() || !m.laneNode(lane).equals(anchor.key())) {
            lane = m.laneOf(anchor.key());
        }
        if (lane < 0) {
            return -1;
        }
        if (anchor.kind() == RUN) {
            for (int b = m.laneBarFrom(lane); b < m.laneBarFrom(lane + 1); b++) {
                if (m.barFirstRow(b) >= anchor.run()) {
                    return rowShowingBar(b); // the run itself, or the first after it when the filter left it out
                }
            }
        }
        return rowShowing(lane);
    }
}
