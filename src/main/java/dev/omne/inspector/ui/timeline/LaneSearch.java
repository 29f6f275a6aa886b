package dev.omne.inspector.ui.timeline;

import java.util.Arrays;

/** Finds the lanes whose node id or name holds a text, ignoring case, in the order the lanes list shows them. */
final class LaneSearch {
    private LaneSearch() {
    }

    /** The matching lanes, top to bottom as they are (or would be, with every group open) in the list. */
    static int[] find(LaneTree tree, NodeNames names, String text) {
        String needle = text.strip();
        TimelineModel m = tree.model();
        if (needle.isEmpty()) {
            return new int[0];
        }
        int[] out = new int[16];
        int n = 0;
        for (int i = 0; i < tree.itemCount(); i++) {
            int item = tree.item(i);
            if (item >= 0) {
                if (matches(m, names, item, needle)) {
                    out = add(out, n++, item);
                }
                continue;
            }
            int g = -(item + 1);
            if (tree.groupLane(g) >= 0) {
                if (matches(m, names, tree.groupLane(g), needle)) {
                    out = add(out, n++, tree.groupLane(g));
                }
                continue;
            }
            for (int j = 0; j < tree.memberCount(g); j++) {
                int lane = tree.member(g, j);
                if (matches(m, names, lane, needle)) {
                    out = add(out, n++, lane);
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int[] add(int[] out, int n, int lane) {
        int[] a = n == out.length ? Arrays.copyOf(out, n * 2) : out;
        a[n] = lane;
        return a;
    }

    private static boolean matches(TimelineModel m, NodeNames names, int lane, String needle) {
        if (contains(m.laneNode(lane), needle)) {
            return true;
        }
        String name = names.of(m.laneNodeId(lane));
        return name != null && contains(name, needle);
    }

    /** Whether {@code text} holds {@code needle}, ignoring case, without making lower-case copies of either. */
    static boolean contains(String text, String needle) {
        int last = text.length() - needle.length();
        for (int i = 0; i <= last; i++) {
            if (text.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }
}
