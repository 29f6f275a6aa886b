package dev.omne.inspector.ui.timeline;

import dev.omne.inspector.ui.timeline.TimelineModel.Tone;

import java.util.Arrays;

/**
 * The instants a {@link TimelineBuilder} has read (gates, run events, iterations, unknown types, failures with no
 * bar of their own, malformed lines with a time), in file order in growable columns, and their freezing into
 * {@link TimelineModel.Instants}, grouped by lane and sorted by time within each. Apart from the builder because
 * instants are only ever appended: unlike a bar, nothing read later changes one.
 */
final class InstantBuffer {
    private int count;
    private long[] ts = new long[64];
    private int[] row = new int[64];
    private int[] node = new int[64];
    private byte[] tone = new byte[64];

    /** An instant at {@code t} of a row, of a node's id (-1: of the run). */
    void add(long t, int atRow, int ofNode, Tone how) {
        if (count == ts.length) {
            int n = count * 2;
            ts = Arrays.copyOf(ts, n);
            row = Arrays.copyOf(row, n);
            node = Arrays.copyOf(node, n);
            tone = Arrays.copyOf(tone, n);
        }
        ts[count] = t;
        row[count] = atRow;
        node[count] = ofNode;
        tone[count] = (byte) how.ordinal();
        count++;
    }

    /** The group of instant {@code i}: its lane + 1, or 0 for the run's own. */
    private int group(int i, int[] laneOfNode) {
        return node[i] < 0 ? 0 : laneOfNode[node[i]] + 1;
    }

    /** Counts the instants of each group into {@code counts[group + 1]}. */
    void countByGroup(int[] laneOfNode, int[] counts) {
        for (int i = 0; i < count; i++) {
            counts[group(i, laneOfNode) + 1]++;
        }
    }

    /** Instants grouped by lane + 1 (0: run-level), sorted by time within a group. */
    TimelineModel.Instants columns(int[] laneOfNode, int[] groupFrom) {
        int groups = groupFrom.length - 1;
        int[] slot = Arrays.copyOf(groupFrom, groups);
        int[] perm = new int[count];
        for (int i = 0; i < count; i++) {
            perm[slot[group(i, laneOfNode)]++] = i;
        }
        for (int g = 0; g < groups; g++) {
            IndexSort.sortRangeBy(perm, groupFrom[g], groupFrom[g + 1], ts);
        }
        long[] tsOut = new long[count];
        int[] rowOut = new int[count];
        int[] laneOut = new int[count];
        byte[] toneOut = new byte[count];
        for (int j = 0; j < count; j++) {
            int i = perm[j];
            tsOut[j] = ts[i];
            rowOut[j] = row[i];
            laneOut[j] = node[i] < 0 ? -1 : laneOfNode[node[i]];
            toneOut[j] = tone[i];
        }
        return new TimelineModel.Instants(tsOut, rowOut, laneOut, toneOut);
    }
}
