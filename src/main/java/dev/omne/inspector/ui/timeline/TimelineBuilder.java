package dev.omne.inspector.ui.timeline;

import dev.omne.inspector.core.event.EventTypes;
import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.ui.timeline.TimelineModel.Outcome;
import dev.omne.inspector.ui.timeline.TimelineModel.Tone;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Lays out a run's timeline from its index in one forward pass over the rows, and goes on from where it stopped
 * when the run grows: {@link #canExtend} tells whether a newer snapshot (and filter) only adds rows, {@link #add}
 * reads just those, and {@link #build} freezes what it holds into a {@link TimelineModel}, at a cost in proportion
 * to bars and instants, never to the run's other events. Used by one thread at a time.
 */
final class TimelineBuilder {
    // A byte per type id, to sort events without string compares in the loop.
    private static final byte K_START = 0;
    private static final byte K_COMPLETED = 1;
    private static final byte K_FAILED = 2;
    private static final byte K_GATE = 3;
    private static final byte K_RUN = 4;
    private static final byte K_ITERATION = 5;
    private static final byte K_UNKNOWN = 6;
    private static final byte K_ACTIVITY = 7;

    private final Path file;
    /** Rows of the snapshot read so far. */
    private int consumed;
    /** The filter's rows when last added (null: every row). */
    private int[] rows;
    private int nextInRows;

    private byte[] kinds = new byte[0];
    private boolean[] failureTypes = new boolean[0];
    // By snapshot node id
    private int nodes;
    private int[] open = new int[0]; // the node's open bar, or -1
    private int[] firstRow = new int[0];
    private int[] startRow = new int[0]; // the node's first node.started, or -1
    private boolean[] used = new boolean[0];
    private int[] lastBar = new int[0]; // the node's last bar, or -1

    private long firstTs = Timestamps.NONE;
    private long lastTs = Timestamps.NONE;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    // Bars in file order; lane holds the node id until build renumbers
    private int bars;
    private int[] barNode = new int[64];
    private long[] barStart = new long[64];
    private long[] barEnd = new long[64];
    private byte[] barOutcome = new byte[64];
    private int[] barStartRow = new int[64];
    private int[] barEndRow = new int[64];
    private boolean[] barIn = new boolean[64];
    // Instants in file order (gates, run events, ...): only ever appended
    private final InstantBuffer instants = new InstantBuffer();

    private final Density.Builder density = new Density.Builder();

    TimelineBuilder(Path file) {
        this.file = file;
    }

    /** The timeline of a snapshot ({@code rows}: the filter's sorted rows, or null for all). */
    static TimelineModel build(IndexSnapshot s, int[] rows) {
        if (s == null || s.size() == 0) {
            return TimelineModel.EMPTY;
        }
        TimelineBuilder b = new TimelineBuilder(s.file());
        b.add(s, rows);
        return b.build(s);
    }

    /**
     * Whether {@code s} and {@code newRows} only add to what was read: the same file, at least as many rows, and
     * the filter keeping exactly the same rows among those already read.
     */
    boolean canExtend(IndexSnapshot s, int[] newRows) {
        if (!s.file().equals(file) || s.size() < consumed) {
            return false;
        }
        if (rows == null || newRows == null) {
            return rows == newRows;
        }
        int n = rows.length;
        return newRows.length >= n && Arrays.equals(newRows, 0, n, rows, 0, n)
                && (newRows.length == n || newRows[n] >= consumed);
    }

    /** Reads the rows not read yet; {@link #canExtend} must hold. */
    void add(IndexSnapshot s, int[] newRows) {
        rows = newRows;
        int size = s.size();
        grow(s.types(), s.nodes().size());
        for (int row = consumed; row < size; row++) {
            boolean in;
            if (newRows == null) {
                in = true;
            } else {
                while (nextInRows < newRows.length && newRows[nextInRows] < row) {
                    nextInRows++;
                }
                in = nextInRows < newRows.length && newRows[nextInRows] == row;
            }
            addRow(s, row, in);
        }
        consumed = size;
    }

    private void addRow(IndexSnapshot s, int row, boolean in) {
        long ts = s.tsMicros(row);
        if (ts != Timestamps.NONE) {
            if (firstTs == Timestamps.NONE) {
                firstTs = ts;
            }
            lastTs = ts;
        }
        int node = s.nodeId(row);
        if (node >= 0 && firstRow[node] == Integer.MAX_VALUE) {
            firstRow[node] = row;
        }
        int type = s.typeId(row);
        if (in && ts != Timestamps.NONE) {
            density.add(ts, type < 0 || failureTypes[type]);
        }
        if (type < 0) {
            if (in && ts != Timestamps.NONE) {
                instant(ts, row, node, Tone.MALFORMED);
            }
            return;
        }
        byte kind = kinds[type];
        if (node >= 0 && kind == K_START) {
            if (startRow[node] < 0) {
                startRow[node] = row;
            }
            int was = open[node];
            if (was >= 0) {
                // Started again with no end written: the earlier bar ends here.
                long end = ts != Timestamps.NONE ? ts : lastTs;
                close(was, end == Timestamps.NONE ? barStart[was] : Math.max(end, barStart[was]), -1, Outcome.INTERRUPTED);
                open[node] = -1;
            }
            if (ts != Timestamps.NONE) {
                open[node] = bar(node, ts, row, in);
                lastBar[node] = open[node];
            }
            // A start with no time cannot be placed: its end will draw from the run's first time.
        } else if (node >= 0 && (kind == K_COMPLETED || kind == K_FAILED)) {
            Outcome outcome = kind == K_COMPLETED ? Outcome.COMPLETED : Outcome.FAILED;
            long end = ts != Timestamps.NONE ? ts : lastTs;
            int was = open[node];
            if (was >= 0) {
                close(was, end == Timestamps.NONE ? barStart[was] : Math.max(end, barStart[was]), row, outcome);
                barIn[was] |= in;
                open[node] = -1;
            } else if (kind == K_FAILED && completedFromAStart(node)) {
                // node.failed for a node that had started and completed (hours later, say): what happened is the
                // completed bar, then a failure at its time; not a red bar from the run's start to it.
                if (in && ts != Timestamps.NONE) {
                    instant(ts, row, node, Tone.FAILED);
                }
            } else if (end != Timestamps.NONE) {
                long start = firstTs != Timestamps.NONE ? Math.min(firstTs, end) : end;
                lastBar[node] = bar(node, start, -1, in);
                close(lastBar[node], end, row, outcome);
            }
        } else if (in && ts != Timestamps.NONE) {
            Tone tone = switch (kind) {
                case K_GATE -> Tone.GATE;
                case K_RUN -> Tone.RUN;
                case K_ITERATION -> Tone.ITERATION;
                case K_UNKNOWN -> Tone.UNKNOWN;
                default -> null; // a node's activity, or node.* with no node id
            };
            if (tone != null) {
                instant(ts, row, node, tone);
            }
        }
    }

    private boolean completedFromAStart(int node) {
        int bar = lastBar[node];
        return bar >= 0 && barStartRow[bar] >= 0 && barOutcome[bar] == (byte) Outcome.COMPLETED.ordinal();
    }

    /** Makes room for the snapshot's type and node ids (both lists only grow). */
    private void grow(List<String> types, int nodeCount) {
        if (types.size() > kinds.length) {
            int from = kinds.length;
            kinds = Arrays.copyOf(kinds, types.size());
            failureTypes = Arrays.copyOf(failureTypes, types.size());
            for (int t = from; t < kinds.length; t++) {
                kinds[t] = kindOf(types.get(t));
                failureTypes[t] = EventTypes.isFailure(types.get(t));
            }
        }
        if (nodeCount > open.length) {
            int n = Math.max(nodeCount, open.length * 2);
            open = Arrays.copyOf(open, n);
            firstRow = Arrays.copyOf(firstRow, n);
            startRow = Arrays.copyOf(startRow, n);
            used = Arrays.copyOf(used, n);
            lastBar = Arrays.copyOf(lastBar, n);
            Arrays.fill(open, nodes, n, -1);
            Arrays.fill(lastBar, nodes, n, -1);
            Arrays.fill(firstRow, nodes, n, Integer.MAX_VALUE);
            Arrays.fill(startRow, nodes, n, -1);
        }
        nodes = nodeCount;
    }

    private static byte kindOf(String type) {
        return switch (EventTypes.mark(type)) {
            case NODE_STARTED -> K_START;
            case NODE_COMPLETED -> K_COMPLETED;
            case NODE_FAILED -> K_FAILED;
            case GATE -> K_GATE;
            case RUN -> K_RUN;
            case ITERATION -> K_ITERATION;
            case NODE_ACTIVITY -> K_ACTIVITY;
            case OTHER -> K_UNKNOWN;
        };
    }

    private int bar(int node, long ts, int row, boolean included) {
        if (bars == barNode.length) {
            int n = bars * 2;
            barNode = Arrays.copyOf(barNode, n);
            barStart = Arrays.copyOf(barStart, n);
            barEnd = Arrays.copyOf(barEnd, n);
            barOutcome = Arrays.copyOf(barOutcome, n);
            barStartRow = Arrays.copyOf(barStartRow, n);
            barEndRow = Arrays.copyOf(barEndRow, n);
            barIn = Arrays.copyOf(barIn, n);
        }
        barNode[bars] = node;
        barStart[bars] = ts;
        barEnd[bars] = Timestamps.NONE;
        barOutcome[bars] = (byte) Outcome.RUNNING.ordinal();
        barStartRow[bars] = row;
        barEndRow[bars] = -1;
        barIn[bars] = included;
        return bars++;
    }

    private void close(int bar, long ts, int row, Outcome how) {
        barEnd[bar] = ts;
        barEndRow[bar] = row;
        barOutcome[bar] = (byte) how.ordinal();
    }

    private void instant(long ts, int row, int node, Tone tone) {
        instants.add(ts, row, node, tone);
        min = Math.min(min, ts);
        max = Math.max(max, ts);
        if (node >= 0) {
            used[node] = true;
        }
    }

    /** Freezes what was read into a model; the builder can go on reading afterwards. */
    TimelineModel build(IndexSnapshot s) {
        long lo = min;
        long hi = max;
        boolean running = false;
        boolean[] usedNodes = Arrays.copyOf(used, nodes);
        for (int i = 0; i < bars; i++) {
            if (barIn[i]) {
                usedNodes[barNode[i]] = true;
                lo = Math.min(lo, barStart[i]);
                hi = Math.max(hi, barStart[i]);
                if (barEnd[i] != Timestamps.NONE) {
                    hi = Math.max(hi, barEnd[i]);
                } else {
                    running = true;
                }
            }
        }
        TimelineModel.Lanes lanes = lanes(s, usedNodes);
        int[] laneOfNode = lanes.ofNodeId();
        TimelineModel.Bars barColumns = barColumns(laneOfNode, lanes.barFrom());
        TimelineModel.Instants instantColumns = instants.columns(laneOfNode, lanes.instantFrom());
        TimelineModel.Span span = new TimelineModel.Span(lo == Long.MAX_VALUE ? Timestamps.NONE : lo,
                hi == Long.MIN_VALUE ? Timestamps.NONE : hi, running, consumed, Arrays.copyOf(startRow, nodes));
        return new TimelineModel(lanes, barColumns, instantColumns, span, density.build());
    }

    /** The used nodes, by first row; with the counts of their bars and instants to lay those out. */
    private TimelineModel.Lanes lanes(IndexSnapshot s, boolean[] usedNodes) {
        int count = 0;
        for (boolean u : usedNodes) {
            count += u ? 1 : 0;
        }
        long[] keys = new long[count];
        int k = 0;
        for (int n = 0; n < nodes; n++) {
            if (usedNodes[n]) {
                keys[k++] = ((long) firstRow[n] << 32) | n;
            }
        }
        Arrays.sort(keys); // node ids are interned in order of appearance, so this is usually sorted already
        int[] laneOfNode = new int[nodes];
        Arrays.fill(laneOfNode, -1);
        String[] names = new String[count];
        String[] laneKinds = new String[count];
        int[] nodeIds = new int[count];
        List<String> nodeNames = s.nodes();
        for (int i = 0; i < count; i++) {
            int n = (int) keys[i];
            laneOfNode[n] = i;
            nodeIds[i] = n;
            names[i] = nodeNames.get(n);
            laneKinds[i] = s.nodeKind(n);
        }
        int[] barFrom = new int[count + 1];
        for (int i = 0; i < bars; i++) {
            if (barIn[i]) {
                barFrom[laneOfNode[barNode[i]] + 1]++;
            }
        }
        int[] instantFrom = new int[count + 2];
        instants.countByGroup(laneOfNode, instantFrom);
        for (int l = 0; l < count; l++) {
            barFrom[l + 1] += barFrom[l];
        }
        for (int g = 0; g <= count; g++) {
            instantFrom[g + 1] += instantFrom[g];
        }
        return new TimelineModel.Lanes(names, laneKinds, nodeIds, laneOfNode, barFrom, instantFrom);
    }

    /** Bars by lane (a stable counting sort, so file order within a lane), then by start where needed. */
    private TimelineModel.Bars barColumns(int[] laneOfNode, int[] laneFrom) {
        int laneCount = laneFrom.length - 1;
        int kept = laneFrom[laneCount];
        int[] slot = Arrays.copyOf(laneFrom, laneCount);
        int[] perm = new int[kept];
        for (int i = 0; i < bars; i++) {
            if (barIn[i]) {
                perm[slot[laneOfNode[barNode[i]]]++] = i;
            }
        }
        for (int l = 0; l < laneCount; l++) {
            IndexSort.sortRangeBy(perm, laneFrom[l], laneFrom[l + 1], barStart);
        }
        int[] lane = new int[kept];
        long[] start = new long[kept];
        long[] end = new long[kept];
        byte[] outcome = new byte[kept];
        int[] startRows = new int[kept];
        int[] endRows = new int[kept];
        for (int l = 0; l < laneCount; l++) {
            for (int j = laneFrom[l]; j < laneFrom[l + 1]; j++) {
                int i = perm[j];
                lane[j] = l;
                start[j] = barStart[i];
                end[j] = barEnd[i];
                outcome[j] = barOutcome[i];
                startRows[j] = barStartRow[i];
                endRows[j] = barEndRow[i];
            }
        }
        long[] reach = new long[kept];
        for (int l = 0; l < laneCount; l++) {
            IndexSort.reach(null, laneFrom[l], laneFrom[l + 1], end, reach);
        }
        return new TimelineModel.Bars(lane, start, end, outcome, startRows, endRows, reach);
    }
}
