package dev.omne.inspector.ui.timeline;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A model's lanes under a {@link LaneGrouping}: the top-level items in order of appearance, each a lane or a group,
 * and for every group its members (lanes, or for the runs of one node the node's bars) and the bars of all its
 * members sorted by start, which its summary lane draws. Built off the UI thread; immutable.
 */
public final class LaneTree {
    /** What a group's members are. */
    public enum Members { LANES, RUNS }

    private final TimelineModel model;
    private final LaneGrouping grouping;
    /** Top-level items: a lane ({@code >= 0}) or a group {@code g} as {@code -(g + 1)}. */
    private final int[] items;
    private final String[] groupKey;
    private final String[] groupKind;
    /** The node of a group of one node's runs, else -1. */
    private final int[] groupLane;
    private final int[] memberFrom;
    private final int[] members;
    private final int[] groupBarFrom;
    private final int[] groupBars;
    private final long[] groupReach;
    /** The group of each lane, or -1. */
    private final int[] groupOfLane;

    private LaneTree(TimelineModel model, LaneGrouping grouping, int[] items, String[] groupKey, String[] groupKind,
                     int[] groupLane, int[] memberFrom, int[] members, int[] groupBarFrom, int[] groupBars,
                     long[] groupReach, int[] groupOfLane) {
        this.model = model;
        this.grouping = grouping;
        this.items = items;
        this.groupKey = groupKey;
        this.groupKind = groupKind;
        this.groupLane = groupLane;
        this.memberFrom = memberFrom;
        this.members = members;
        this.groupBarFrom = groupBarFrom;
        this.groupBars = groupBars;
        this.groupReach = groupReach;
        this.groupOfLane = groupOfLane;
    }

    public static final LaneTree EMPTY = build(TimelineModel.EMPTY, LaneGrouping.NONE, NodeNames.EMPTY);

    /** Groups the lanes of {@code m}; {@code names} for {@link LaneGrouping#NAME} (lanes with no name read stay alone). */
    public static LaneTree build(TimelineModel m, LaneGrouping grouping, NodeNames names) {
        int lanes = m.laneCount();
        int[] groupOfLane = new int[lanes];
        Arrays.fill(groupOfLane, -1);
        Map<String, Integer> byKey = new HashMap<>();
        int[] firstLane = new int[16];
        int[] size = new int[16];
        String[] keys = new String[16];
        int groups = 0;
        for (int lane = 0; lane < lanes; lane++) {
            String key = grouping.key(m.laneNode(lane), m.laneKind(lane), names.of(m.laneNodeId(lane)));
            if (key == null) {
                continue;
            }
            Integer g = byKey.get(key);
            if (g == null) {
                if (groups == keys.length) {
                    keys = Arrays.copyOf(keys, groups * 2);
                    firstLane = Arrays.copyOf(firstLane, groups * 2);
                    size = Arrays.copyOf(size, groups * 2);
                }
                g = groups++;
                byKey.put(key, g);
                keys[g] = key;
                firstLane[g] = lane;
            }
            groupOfLane[lane] = g;
            size[g]++;
        }
        // A group of one lane is that lane, unless it is a node's runs to lay out one per lane.
        int[] renumber = new int[groups];
        int kept = 0;
        for (int g = 0; g < groups; g++) {
            boolean runs = grouping == LaneGrouping.RUNS && size[g] == 1 && m.laneBarCount(firstLane[g]) > 1;
            renumber[g] = size[g] > 1 || runs ? kept++ : -1;
        }
        for (int lane = 0; lane < lanes; lane++) {
            if (groupOfLane[lane] >= 0) {
                groupOfLane[lane] = renumber[groupOfLane[lane]];
            }
        }
        String[] groupKey = new String[kept];
        String[] groupKind = new String[kept];
        int[] groupLane = new int[kept];
        int[] memberFrom = new int[kept + 1];
        for (int g = 0; g < groups; g++) {
            int k = renumber[g];
            if (k >= 0) {
                groupKey[k] = keys[g];
                boolean runs = size[g] == 1;
                groupLane[k] = runs ? firstLane[g] : -1;
                memberFrom[k + 1] = runs ? m.laneBarCount(firstLane[g]) : size[g];
            }
        }
        for (int k = 0; k < kept; k++) {
            memberFrom[k + 1] += memberFrom[k];
        }
        int[] members = new int[memberFrom[kept]];
        int[] fill = Arrays.copyOf(memberFrom, kept);
        int itemCount = 0;
        int[] items = new int[lanes];
        boolean[] placed = new boolean[kept];
        int[] barCount = new int[kept];
        for (int lane = 0; lane < lanes; lane++) {
            int k = groupOfLane[lane];
            if (k < 0) {
                items[itemCount++] = lane;
                continue;
            }
            if (!placed[k]) {
                placed[k] = true;
                items[itemCount++] = -(k + 1);
            }
            if (groupLane[k] >= 0) {
                for (int b = m.laneBarFrom(lane); b < m.laneBarFrom(lane + 1); b++) {
                    members[fill[k]++] = b;
                }
            } else {
                members[fill[k]++] = lane;
                String kind = m.laneKind(lane);
                groupKind[k] = fill[k] - 1 == memberFrom[k] ? kind
                        : java.util.Objects.equals(groupKind[k], kind) ? kind : null;
            }
            barCount[k] += m.laneBarCount(lane);
        }
        if (kept > 0) {
            for (int k = 0; k < kept; k++) {
                if (groupLane[k] >= 0) {
                    groupKind[k] = m.laneKind(groupLane[k]);
                }
            }
        }
        // Summaries: the bars of each group of lanes, by start, with their reach.
        int[] groupBarFrom = new int[kept + 1];
        for (int k = 0; k < kept; k++) {
            groupBarFrom[k + 1] = groupBarFrom[k] + (groupLane[k] >= 0 ? 0 : barCount[k]);
        }
        int[] groupBars = new int[groupBarFrom[kept]];
        for (int k = 0; k < kept; k++) {
            if (groupLane[k] >= 0) {
                continue;
            }
            int at = groupBarFrom[k];
            for (int i = memberFrom[k]; i < memberFrom[k + 1]; i++) {
                int lane = members[i];
                for (int b = m.laneBarFrom(lane); b < m.laneBarFrom(lane + 1); b++) {
                    groupBars[at++] = b;
                }
            }
            IndexSort.sortRangeBy(groupBars, groupBarFrom[k], groupBarFrom[k + 1], m.barStarts());
        }
        long[] groupReach = new long[groupBars.length];
        for (int k = 0; k < kept; k++) {
            IndexSort.reach(groupBars, groupBarFrom[k], groupBarFrom[k + 1], m.barEnds(), groupReach);
        }
        return new LaneTree(m, grouping, Arrays.copyOf(items, itemCount), groupKey, groupKind, groupLane, memberFrom,
                members, groupBarFrom, groupBars, groupReach, groupOfLane);
    }

    public TimelineModel model() {
        return model;
    }

    public LaneGrouping grouping() {
        return grouping;
    }

    public int itemCount() {
        return items.length;
    }

    /** A top-level item: a lane ({@code >= 0}) or a group {@code g} as {@code -(g + 1)}. */
    public int item(int i) {
        return items[i];
    }

    public int groupCount() {
        return groupKey.length;
    }

    /** What its members share: a kind, a name, an id prefix or a node id. */
    public String groupKey(int g) {
        return groupKey[g];
    }

    /** The kind all its members have, or null when they differ. */
    public String groupKind(int g) {
        return groupKind[g];
    }

    public Members groupMembers(int g) {
        return groupLane[g] >= 0 ? Members.RUNS : Members.LANES;
    }

    /** For a group of one node's runs, that node's lane (its summary is the lane itself); else -1. */
    public int groupLane(int g) {
        return groupLane[g];
    }

    public int memberCount(int g) {
        return memberFrom[g + 1] - memberFrom[g];
    }

    /** The {@code i}-th member: a lane, or for {@link Members#RUNS} a bar. */
    public int member(int g, int i) {
        return members[memberFrom[g] + i];
    }

    /** The group a lane is in, or -1. */
    public int groupOfLane(int lane) {
        return lane >= 0 && lane < groupOfLane.length ? groupOfLane[lane] : -1;
    }

    /** The bars of a group of lanes, by start: positions {@code [groupBarFrom(g), groupBarFrom(g + 1))}. */
    public int groupBarFrom(int g) {
        return groupBarFrom[g];
    }

    public int groupBar(int position) {
        return groupBars[position];
    }

    /** The first position of a group's bars that may reach {@code t} or later. */
    public int firstGroupBarReaching(int g, long t) {
        return IndexSort.firstReaching(groupReach, groupBarFrom[g], groupBarFrom[g + 1], t);
    }
}
