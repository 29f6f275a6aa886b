package dev.omne.inspector.ui.timeline;

import dev.omne.inspector.ui.runs.RunStatusRule;
import dev.omne.inspector.core.event.EventTypes;
import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.index.IndexSnapshot;

import java.util.Arrays;

/**
 * A run's nodes over time, built from its index off the UI thread: one lane per node (in order of first
 * appearance), bars from {@code node.started} to its end, and instants for gates, run events and other events.
 * Everything lives in primitive arrays (a 1M-event run can have hundreds of thousands of bars). Bars are
 * grouped by lane and sorted by start within a lane; instants likewise (run-level instants form their own group).
 * Immutable once built.
 */
public final class TimelineModel {
    /** How a bar ended. */
    public enum Outcome {
        COMPLETED, FAILED,
        /** No end yet: drawn to now while the run is live. */
        RUNNING,
        /** Started again before it ended (a loop or retry that wrote no end): closed at the restart. */
        INTERRUPTED
    }

    /** What an instant marks. */
    public enum Tone { GATE, RUN, ITERATION, UNKNOWN, MALFORMED }

    /** A log quiet for this long is no longer drawn as growing: its open bars end at its last event. */
    public static final long LIVE_MICROS = RunStatusRule.QUIET_AFTER.toMillis() * 1000;

    public static final TimelineModel EMPTY = new TimelineModel(new String[0], new String[0], 0, new int[1],
            new int[0], new long[0], new long[0], new byte[0], new int[0], new int[0], new long[0], 0, new int[2],
            new long[0], new int[0], new int[0], new byte[0], 0, Timestamps.NONE, Timestamps.NONE, false, 0);

    // A byte per type id, to sort events without string compares in the loop.
    private static final byte K_START = 0;
    private static final byte K_COMPLETED = 1;
    private static final byte K_FAILED = 2;
    private static final byte K_GATE = 3;
    private static final byte K_RUN = 4;
    private static final byte K_ITERATION = 5;
    private static final byte K_UNKNOWN = 6;

    private final String[] laneNodes;
    private final String[] laneKinds;
    private final int laneCount;
    private final int[] laneBarFrom; // laneCount + 1 entries
    private final int[] barLane;
    private final long[] barStart;
    private final long[] barEnd; // NONE while running
    private final byte[] barOutcome;
    private final int[] barStartRow; // -1 when the end had no start
    private final int[] barEndRow; // -1 while running
    private final long[] barMaxEnd; // running maximum of ends within the lane (running = Long.MAX_VALUE)
    private final int barCount;
    private final int[] instantGroupFrom; // group g = lane + 1 (0: run-level); laneCount + 2 entries, from each group's start
    private final long[] instantTs;
    private final int[] instantRow;
    private final int[] instantLane;
    private final byte[] instantTone;
    private final int instantCount;
    private final long minMicros;
    private final long maxMicros;
    private final boolean hasRunning;
    private final int rows;

    private TimelineModel(String[] laneNodes, String[] laneKinds, int laneCount, int[] laneBarFrom, int[] barLane,
                          long[] barStart, long[] barEnd, byte[] barOutcome, int[] barStartRow, int[] barEndRow,
                          long[] barMaxEnd, int barCount, int[] instantGroupFrom, long[] instantTs, int[] instantRow,
                          int[] instantLane, byte[] instantTone, int instantCount, long minMicros, long maxMicros,
                          boolean hasRunning, int rows) {
        this.laneNodes = laneNodes;
        this.laneKinds = laneKinds;
        this.laneCount = laneCount;
        this.laneBarFrom = laneBarFrom;
        this.barLane = barLane;
        this.barStart = barStart;
        this.barEnd = barEnd;
        this.barOutcome = barOutcome;
        this.barStartRow = barStartRow;
        this.barEndRow = barEndRow;
        this.barMaxEnd = barMaxEnd;
        this.barCount = barCount;
        this.instantGroupFrom = instantGroupFrom;
        this.instantTs = instantTs;
        this.instantRow = instantRow;
        this.instantLane = instantLane;
        this.instantTone = instantTone;
        this.instantCount = instantCount;
        this.minMicros = minMicros;
        this.maxMicros = maxMicros;
        this.hasRunning = hasRunning;
        this.rows = rows;
    }

    // Lanes

    public int laneCount() {
        return laneCount;
    }

    public String laneNode(int lane) {
        return laneNodes[lane];
    }

    /** The node's kind ({@code bash}, {@code loop}...), or null. */
    public String laneKind(int lane) {
        return laneKinds[lane];
    }

    /** The lane of a node, or -1. */
    public int laneOf(String nodeId) {
        for (int i = 0; i < laneCount; i++) {
            if (laneNodes[i].equals(nodeId)) {
                return i;
            }
        }
        return -1;
    }

    // Bars

    public int barCount() {
        return barCount;
    }

    /** First bar of a lane; the lane's bars are {@code laneBarFrom(lane)} to {@code laneBarFrom(lane + 1)}. */
    public int laneBarFrom(int lane) {
        return laneBarFrom[lane];
    }

    public int barLane(int bar) {
        return barLane[bar];
    }

    public long barStart(int bar) {
        return barStart[bar];
    }

    /** The end time, or {@link Timestamps#NONE} for a running bar. */
    public long barEnd(int bar) {
        return barEnd[bar];
    }

    /** The end to draw: a running bar's end is {@link #openEnd(long)}. */
    public long barEnd(int bar, long nowMicros) {
        long end = barEnd[bar];
        return end == Timestamps.NONE ? Math.max(barStart[bar], openEnd(nowMicros)) : end;
    }

    public Outcome barOutcome(int bar) {
        return OUTCOMES[barOutcome[bar]];
    }

    /** The row of the bar's {@code node.started}, or -1 when only its end was seen. */
    public int barStartRow(int bar) {
        return barStartRow[bar];
    }

    /** The row of the bar's end, or -1 while it runs. */
    public int barEndRow(int bar) {
        return barEndRow[bar];
    }

    /** The first bar of a lane that may reach {@code t} or later (bars before it all end before {@code t}). */
    public int firstBarEndingAtOrAfter(int lane, long t) {
        int lo = laneBarFrom[lane];
        int hi = laneBarFrom[lane + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (barMaxEnd[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // Instants

    public int instantCount() {
        return instantCount;
    }

    /** Instants of a lane ({@code -1}: run-level) are {@code instantFrom(lane)} to {@code instantFrom(lane + 1)}. */
    public int instantFrom(int lane) {
        return instantGroupFrom[lane + 1];
    }

    public long instantTs(int i) {
        return instantTs[i];
    }

    public int instantRow(int i) {
        return instantRow[i];
    }

    /** The instant's lane, or -1 for a run-level event. */
    public int instantLane(int i) {
        return instantLane[i];
    }

    public Tone instantTone(int i) {
        return TONES[instantTone[i]];
    }

    /** The first instant of a lane at or after {@code t}. */
    public int firstInstantAtOrAfter(int lane, long t) {
        int lo = instantFrom(lane);
        int hi = instantFrom(lane + 1);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (instantTs[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // Time span

    /** Whether anything has a time: when not, there is nothing to draw. */
    public boolean isEmpty() {
        return minMicros == Timestamps.NONE;
    }

    /** The earliest event time, or {@link Timestamps#NONE}. */
    public long minMicros() {
        return minMicros;
    }

    /** The latest event time, or {@link Timestamps#NONE}. */
    public long maxMicros() {
        return maxMicros;
    }

    public boolean hasRunning() {
        return hasRunning;
    }

    /** Whether the run still grows at {@code nowMicros}: it has open bars and its last event is recent. */
    public boolean isLive(long nowMicros) {
        return hasRunning && !isEmpty() && nowMicros - maxMicros < LIVE_MICROS;
    }

    /** Where open bars end: now while the run is live, else its last event. */
    public long openEnd(long nowMicros) {
        return isLive(nowMicros) ? Math.max(maxMicros, nowMicros) : maxMicros;
    }

    /** The span to fit: first event to last, or to now while bars are open and the run is live. */
    public long spanEnd(long nowMicros) {
        return isEmpty() ? Timestamps.NONE : openEnd(nowMicros);
    }

    /** Rows of the snapshot this model was built from. */
    public int rows() {
        return rows;
    }

    // Hit testing (pure)

    /** The bar of a lane covering {@code t} within {@code tolerance} micros (the latest starting one), or -1. */
    public int barAt(int lane, long t, long tolerance, long nowMicros) {
        if (lane < 0 || lane >= laneCount) {
            return -1;
        }
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        int to = laneBarFrom[lane + 1];
        for (int b = firstBarEndingAtOrAfter(lane, t - tolerance); b < to && barStart[b] <= t + tolerance; b++) {
            long end = barEnd(b, nowMicros);
            long distance = t < barStart[b] ? barStart[b] - t : t > end ? t - end : 0;
            if (distance <= tolerance && distance <= bestDistance) {
                best = b;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** The instant of a lane ({@code -1}: run-level) nearest {@code t} within {@code tolerance}, or -1. */
    public int instantAt(int lane, long t, long tolerance) {
        if (lane < -1 || lane >= laneCount) {
            return -1;
        }
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        int to = instantFrom(lane + 1);
        for (int i = firstInstantAtOrAfter(lane, t - tolerance); i < to && instantTs[i] <= t + tolerance; i++) {
            long distance = Math.abs(instantTs[i] - t);
            if (distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final Tone[] TONES = Tone.values();

    // Building

    /**
     * Builds the timeline of a snapshot.
     *
     * @param rows      null for every row, else the sorted rows to include (the active filter): bars and instants
     *                  with no event among them are left out, and lanes left empty are dropped
     * @param nowMicros the time now, to tell whether open bars still grow
     */
    public static TimelineModel build(IndexSnapshot s, int[] rows, long nowMicros) {
        if (s == null || s.size() == 0) {
            return EMPTY;
        }
        int size = s.size();
        java.util.List<String> types = s.types();
        byte[] kinds = new byte[types.size()];
        for (int t = 0; t < kinds.length; t++) {
            kinds[t] = kindOf(types.get(t));
        }
        int nodeCount = s.nodes().size();
        int[] open = new int[nodeCount]; // bar index of the node's open bar, or -1
        Arrays.fill(open, -1);
        int[] nodeFirstRow = new int[nodeCount];
        Arrays.fill(nodeFirstRow, Integer.MAX_VALUE);
        boolean[] nodeUsed = new boolean[nodeCount];

        Builder b = new Builder(Math.max(16, size / 4));
        long firstTs = Timestamps.NONE;
        long lastTs = Timestamps.NONE;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        int next = 0; // position in rows
        for (int row = 0; row < size; row++) {
            boolean in;
            if (rows == null) {
                in = true;
            } else {
                while (next < rows.length && rows[next] < row) {
                    next++;
                }
                in = next < rows.length && rows[next] == row;
            }
            long ts = s.tsMicros(row);
            if (ts != Timestamps.NONE) {
                if (firstTs == Timestamps.NONE) {
                    firstTs = ts;
                }
                lastTs = ts;
            }
            int node = s.nodeId(row);
            if (node >= 0 && row < nodeFirstRow[node]) {
                nodeFirstRow[node] = row;
            }
            int type = s.typeId(row);
            if (type < 0) {
                if (in && ts != Timestamps.NONE) {
                    b.instant(ts, row, node, (byte) Tone.MALFORMED.ordinal());
                    min = Math.min(min, ts);
                    max = Math.max(max, ts);
                    if (node >= 0) {
                        nodeUsed[node] = true;
                    }
                }
                continue;
            }
            byte kind = kinds[type];
            if (node >= 0 && (kind == K_START || kind == K_COMPLETED || kind == K_FAILED)) {
                if (kind == K_START) {
                    int was = open[node];
                    if (was >= 0) {
                        // Started again with no end written: the earlier bar ends here.
                        long end = ts != Timestamps.NONE ? ts : lastTs;
                        b.close(was, end == Timestamps.NONE ? b.start[was] : Math.max(end, b.start[was]), -1,
                                (byte) Outcome.INTERRUPTED.ordinal());
                        open[node] = -1;
                    }
                    if (ts != Timestamps.NONE) {
                        open[node] = b.bar(node, ts, row, in);
                    }
                    // A start with no time cannot be placed: its end will draw from the run's first time.
                } else {
                    byte outcome = (byte) (kind == K_COMPLETED ? Outcome.COMPLETED : Outcome.FAILED).ordinal();
                    long end = ts != Timestamps.NONE ? ts : lastTs;
                    int was = open[node];
                    if (was >= 0) {
                        b.close(was, end == Timestamps.NONE ? b.start[was] : Math.max(end, b.start[was]), row, outcome);
                        b.in[was] |= in;
                        open[node] = -1;
                    } else if (end != Timestamps.NONE) {
                        long start = firstTs != Timestamps.NONE ? Math.min(firstTs, end) : end;
                        int bar = b.bar(node, start, -1, in);
                        b.close(bar, end, row, outcome);
                    }
                }
                continue;
            }
            if (!in || ts == Timestamps.NONE) {
                continue;
            }
            byte tone = switch (kind) {
                case K_GATE -> (byte) Tone.GATE.ordinal();
                case K_RUN -> (byte) Tone.RUN.ordinal();
                case K_ITERATION -> (byte) Tone.ITERATION.ordinal();
                case K_UNKNOWN -> (byte) Tone.UNKNOWN.ordinal();
                default -> (byte) -1; // node.* with no node id: nothing to place it on
            };
            if (tone >= 0) {
                b.instant(ts, row, node, tone);
                min = Math.min(min, ts);
                max = Math.max(max, ts);
                if (node >= 0) {
                    nodeUsed[node] = true;
                }
            }
        }
        boolean running = false;
        for (int i = 0; i < b.bars; i++) {
            if (b.in[i]) {
                nodeUsed[b.lane[i]] = true;
                min = Math.min(min, b.start[i]);
                max = Math.max(max, b.start[i]);
                if (b.end[i] != Timestamps.NONE) {
                    max = Math.max(max, b.end[i]);
                } else {
                    running = true;
                }
            }
        }
        return b.finish(s, nodeUsed, nodeFirstRow, min == Long.MAX_VALUE ? Timestamps.NONE : min,
                max == Long.MIN_VALUE ? Timestamps.NONE : max, running, size);
    }

    private static byte kindOf(String type) {
        return switch (EventTypes.mark(type)) {
            case NODE_STARTED -> K_START;
            case NODE_COMPLETED -> K_COMPLETED;
            case NODE_FAILED -> K_FAILED;
            case GATE -> K_GATE;
            case RUN -> K_RUN;
            case ITERATION -> K_ITERATION;
            case OTHER -> K_UNKNOWN;
        };
    }

    /** Growable columns; {@code lane} holds node ids until {@link #finish} renumbers them. */
    private static final class Builder {
        int[] lane;
        long[] start;
        long[] end;
        byte[] outcome;
        int[] startRow;
        int[] endRow;
        boolean[] in;
        int bars;
        long[] its;
        int[] irow;
        int[] inode;
        byte[] itone;
        int instants;

        Builder(int capacity) {
            lane = new int[capacity];
            start = new long[capacity];
            end = new long[capacity];
            outcome = new byte[capacity];
            startRow = new int[capacity];
            endRow = new int[capacity];
            in = new boolean[capacity];
            its = new long[capacity];
            irow = new int[capacity];
            inode = new int[capacity];
            itone = new byte[capacity];
        }

        int bar(int node, long ts, int row, boolean included) {
            if (bars == lane.length) {
                int n = bars * 2;
                lane = Arrays.copyOf(lane, n);
                start = Arrays.copyOf(start, n);
                end = Arrays.copyOf(end, n);
                outcome = Arrays.copyOf(outcome, n);
                startRow = Arrays.copyOf(startRow, n);
                endRow = Arrays.copyOf(endRow, n);
                in = Arrays.copyOf(in, n);
            }
            lane[bars] = node;
            start[bars] = ts;
            end[bars] = Timestamps.NONE;
            outcome[bars] = (byte) Outcome.RUNNING.ordinal();
            startRow[bars] = row;
            endRow[bars] = -1;
            in[bars] = included;
            return bars++;
        }

        void close(int bar, long ts, int row, byte how) {
            end[bar] = ts;
            endRow[bar] = row;
            outcome[bar] = how;
        }

        void instant(long ts, int row, int node, byte tone) {
            if (instants == its.length) {
                int n = instants * 2;
                its = Arrays.copyOf(its, n);
                irow = Arrays.copyOf(irow, n);
                inode = Arrays.copyOf(inode, n);
                itone = Arrays.copyOf(itone, n);
            }
            its[instants] = ts;
            irow[instants] = row;
            inode[instants] = node;
            itone[instants] = tone;
            instants++;
        }

        TimelineModel finish(IndexSnapshot s, boolean[] nodeUsed, int[] nodeFirstRow, long min, long max,
                             boolean running, int rows) {
            int nodeCount = nodeUsed.length;
            // Lanes: the used nodes, by first row.
            int laneCount = 0;
            for (boolean used : nodeUsed) {
                if (used) {
                    laneCount++;
                }
            }
            int[] order = new int[laneCount];
            int k = 0;
            for (int n = 0; n < nodeCount; n++) {
                if (nodeUsed[n]) {
                    order[k++] = n;
                }
            }
            sortBy(order, nodeFirstRow);
            int[] laneOfNode = new int[nodeCount];
            Arrays.fill(laneOfNode, -1);
            String[] names = new String[laneCount];
            String[] kinds = new String[laneCount];
            java.util.List<String> nodes = s.nodes();
            for (int i = 0; i < laneCount; i++) {
                laneOfNode[order[i]] = i;
                names[i] = nodes.get(order[i]);
                kinds[i] = s.nodeKind(order[i]);
            }

            // Bars: counting sort by lane (stable, so file order within a lane), then by start where needed.
            int[] laneFrom = new int[laneCount + 1];
            int kept = 0;
            for (int i = 0; i < bars; i++) {
                if (in[i]) {
                    laneFrom[laneOfNode[lane[i]] + 1]++;
                    kept++;
                }
            }
            for (int l = 0; l < laneCount; l++) {
                laneFrom[l + 1] += laneFrom[l];
            }
            int[] slot = Arrays.copyOf(laneFrom, laneCount);
            int[] perm = new int[kept];
            for (int i = 0; i < bars; i++) {
                if (in[i]) {
                    perm[slot[laneOfNode[lane[i]]]++] = i;
                }
            }
            for (int l = 0; l < laneCount; l++) {
                sortRangeBy(perm, laneFrom[l], laneFrom[l + 1], start);
            }
            int[] bLane = new int[kept];
            long[] bStart = new long[kept];
            long[] bEnd = new long[kept];
            byte[] bOutcome = new byte[kept];
            int[] bStartRow = new int[kept];
            int[] bEndRow = new int[kept];
            long[] bMaxEnd = new long[kept];
            for (int l = 0; l < laneCount; l++) {
                long reach = Long.MIN_VALUE;
                for (int j = laneFrom[l]; j < laneFrom[l + 1]; j++) {
                    int i = perm[j];
                    bLane[j] = l;
                    bStart[j] = start[i];
                    bEnd[j] = end[i];
                    bOutcome[j] = outcome[i];
                    bStartRow[j] = startRow[i];
                    bEndRow[j] = endRow[i];
                    reach = Math.max(reach, end[i] == Timestamps.NONE ? Long.MAX_VALUE : end[i]);
                    bMaxEnd[j] = reach;
                }
            }

            // Instants: grouped by lane + 1 (0: run-level), sorted by time within a group.
            int groups = laneCount + 1;
            int[] groupFrom = new int[groups + 1];
            int[] groupOf = new int[instants];
            for (int i = 0; i < instants; i++) {
                int g = inode[i] < 0 ? 0 : laneOfNode[inode[i]] + 1;
                groupOf[i] = g;
                groupFrom[g + 1]++;
            }
            for (int g = 0; g < groups; g++) {
                groupFrom[g + 1] += groupFrom[g];
            }
            int[] gslot = Arrays.copyOf(groupFrom, groups);
            int[] iperm = new int[instants];
            for (int i = 0; i < instants; i++) {
                iperm[gslot[groupOf[i]]++] = i;
            }
            for (int g = 0; g < groups; g++) {
                sortRangeBy(iperm, groupFrom[g], groupFrom[g + 1], its);
            }
            long[] iTs = new long[instants];
            int[] iRow = new int[instants];
            int[] iLane = new int[instants];
            byte[] iTone = new byte[instants];
            for (int j = 0; j < instants; j++) {
                int i = iperm[j];
                iTs[j] = its[i];
                iRow[j] = irow[i];
                iLane[j] = groupOf[i] - 1;
                iTone[j] = itone[i];
            }
            return new TimelineModel(names, kinds, laneCount, laneFrom, bLane, bStart, bEnd, bOutcome, bStartRow,
                    bEndRow, bMaxEnd, kept, groupFrom, iTs, iRow, iLane, iTone, instants, min, max, running, rows);
        }
    }

    /** Sorts indices by a key (few values: lanes). */
    private static void sortBy(int[] items, int[] key) {
        for (int i = 1; i < items.length; i++) {
            int v = items[i];
            int j = i - 1;
            while (j >= 0 && key[items[j]] > key[v]) {
                items[j + 1] = items[j];
                j--;
            }
            items[j + 1] = v;
        }
    }

    /** Sorts {@code idx[from, to)} by {@code key[idx]}, stably; already sorted ranges (the usual case) cost one pass. */
    static void sortRangeBy(int[] idx, int from, int to, long[] key) {
        boolean sorted = true;
        for (int i = from + 1; i < to && sorted; i++) {
            sorted = key[idx[i - 1]] <= key[idx[i]];
        }
        if (sorted) {
            return;
        }
        int[] tmp = new int[to - from];
        mergeSort(idx, tmp, from, to, key);
    }

    private static void mergeSort(int[] a, int[] tmp, int from, int to, long[] key) {
        if (to - from < 16) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && key[a[j]] > key[v]) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, key);
        mergeSort(a, tmp, mid, to, key);
        if (key[a[mid - 1]] <= key[a[mid]]) {
            return;
        }
        int i = from;
        int j = mid;
        int k = 0;
        while (i < mid && j < to) {
            tmp[k++] = key[a[j]] < key[a[i]] ? a[j++] : a[i++];
        }
        while (i < mid) {
            tmp[k++] = a[i++];
        }
        while (j < to) {
            tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, 0, a, from, k);
    }
}
