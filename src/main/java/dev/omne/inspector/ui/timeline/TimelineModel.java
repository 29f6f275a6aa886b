package dev.omne.inspector.ui.timeline;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.ui.runs.RunStatusRule;

/**
 * A run's nodes over time, as {@link TimelineBuilder} laid them out: one lane per node (in order of first
 * appearance), bars from {@code node.started} to its end, instants for gates, run events and other events, and
 * the run's event {@link Density}. Everything lives in primitive arrays: a run of a million events has tens of
 * thousands of bars. Bars are grouped by lane and sorted by start within a lane; instants likewise (run-level
 * instants form their own group). Immutable.
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
    /** What an instant marks; FAILED: a node's failure after its bar had ended. */
    public enum Tone {
        GATE, RUN, ITERATION, UNKNOWN, MALFORMED, FAILED;

        /** Drawn in the failure colour. */
        public boolean isFailure() {
            return this == MALFORMED || this == FAILED;
        }
    }

    /** A log quiet for this long is no longer drawn as growing: its open bars end at its last event. */
    public static final long LIVE_MICROS = RunStatusRule.QUIET_AFTER.toMillis() * 1000;

    /** The lanes' columns. {@code barFrom} and {@code instantFrom} have an entry more than there are lanes. */
    record Lanes(String[] nodes, String[] kinds, int[] nodeIds, int[] ofNodeId, int[] barFrom, int[] instantFrom) {
    }

    record Bars(int[] lane, long[] start, long[] end, byte[] outcome, int[] startRow, int[] endRow, long[] reach) {
    }

    record Instants(long[] ts, int[] row, int[] lane, byte[] tone) {
    }

    /** First and last time, whether bars are open, the rows looked at, and each node id's first start row. */
    record Span(long min, long max, boolean running, int rows, int[] nodeStartRows) {
    }

    public static final TimelineModel EMPTY = new TimelineModel(
            new Lanes(new String[0], new String[0], new int[0], new int[0], new int[1], new int[2]),
            new Bars(new int[0], new long[0], new long[0], new byte[0], new int[0], new int[0], new long[0]),
            new Instants(new long[0], new int[0], new int[0], new byte[0]),
            new Span(Timestamps.NONE, Timestamps.NONE, false, 0, new int[0]), Density.EMPTY);

    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final Tone[] TONES = Tone.values();

    private final String[] laneNodes;
    private final String[] laneKinds;
    private final int[] laneNodeIds;
    private final int[] laneOfNodeId;
    private final int laneCount;
    private final int[] laneBarFrom;
    private final int[] barLane;
    private final long[] barStart;
    private final long[] barEnd; // NONE while running
    private final byte[] barOutcome;
    private final int[] barStartRow; // -1 when the end had no start
    private final int[] barEndRow; // -1 while running
    private final long[] barReach; // running maximum of ends within the lane (running = Long.MAX_VALUE)
    private final int[] instantGroupFrom; // group g = lane + 1 (0: run-level)
    private final long[] instantTs;
    private final int[] instantRow;
    private final int[] instantLane;
    private final byte[] instantTone;
    private final Span span;
    private final Density density;

    TimelineModel(Lanes lanes, Bars bars, Instants instants, Span span, Density density) {
        this.laneNodes = lanes.nodes();
        this.laneKinds = lanes.kinds();
        this.laneNodeIds = lanes.nodeIds();
        this.laneOfNodeId = lanes.ofNodeId();
        this.laneCount = lanes.nodes().length;
        this.laneBarFrom = lanes.barFrom();
        this.instantGroupFrom = lanes.instantFrom();
        this.barLane = bars.lane();
        this.barStart = bars.start();
        this.barEnd = bars.end();
        this.barOutcome = bars.outcome();
        this.barStartRow = bars.startRow();
        this.barEndRow = bars.endRow();
        this.barReach = bars.reach();
        this.instantTs = instants.ts();
        this.instantRow = instants.row();
        this.instantLane = instants.lane();
        this.instantTone = instants.tone();
        this.span = span;
        this.density = density;
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

    /** The node's id in the snapshot the model was built from. */
    public int laneNodeId(int lane) {
        return laneNodeIds[lane];
    }

    /** The lane of a snapshot node id, or -1 (no lane: the filter left none of its events). */
    public int laneOfNodeId(int nodeId) {
        return nodeId >= 0 && nodeId < laneOfNodeId.length ? laneOfNodeId[nodeId] : -1;
    }

    /** The lane of a node, or -1. A search through every lane: for a single lookup, not in a loop. */
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
        return barStart.length;
    }

    /** First bar of a lane; the lane's bars are {@code laneBarFrom(lane)} to {@code laneBarFrom(lane + 1)}. */
    public int laneBarFrom(int lane) {
        return laneBarFrom[lane];
    }

    public int laneBarCount(int lane) {
        return laneBarFrom[lane + 1] - laneBarFrom[lane];
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

    /** The bar's first row: its start, or its end when no start was seen. */
    public int barFirstRow(int bar) {
        return barStartRow[bar] >= 0 ? barStartRow[bar] : barEndRow[bar];
    }

    /** The bars' ends (NONE while running), by bar: for {@link LaneTree}'s summaries. */
    long[] barEnds() {
        return barEnd;
    }

    long[] barStarts() {
        return barStart;
    }

    /** The first bar of a lane that may reach {@code t} or later (bars before it all end before {@code t}). */
    public int firstBarEndingAtOrAfter(int lane, long t) {
        return IndexSort.firstReaching(barReach, laneBarFrom[lane], laneBarFrom[lane + 1], t);
    }

    // Instants

    public int instantCount() {
        return instantTs.length;
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
        return IndexSort.firstReaching(instantTs, instantFrom(lane), instantFrom(lane + 1), t);
    }

    // Time span

    /** Whether anything has a time: when not, there is nothing to draw. */
    public boolean isEmpty() {
        return span.min() == Timestamps.NONE;
    }

    /** The earliest event time, or {@link Timestamps#NONE}. */
    public long minMicros() {
        return span.min();
    }

    /** The latest event time, or {@link Timestamps#NONE}. */
    public long maxMicros() {
        return span.max();
    }

    public boolean hasRunning() {
        return span.running();
    }

    /** Whether the run still grows at {@code nowMicros}: it has open bars and its last event is recent. */
    public boolean isLive(long nowMicros) {
        return span.running() && !isEmpty() && nowMicros - span.max() < LIVE_MICROS;
    }

    /** Where open bars end: now while the run is live, else its last event. */
    public long openEnd(long nowMicros) {
        return isLive(nowMicros) ? Math.max(span.max(), nowMicros) : span.max();
    }

    /** The span to fit: first event to last, or to now while bars are open and the run is live. */
    public long spanEnd(long nowMicros) {
        return isEmpty() ? Timestamps.NONE : openEnd(nowMicros);
    }

    /** Rows of the snapshot this model was built from. */
    public int rows() {
        return span.rows();
    }

    /** The row of a snapshot node id's first {@code node.started}, or -1 (where its name is read from). */
    public int nodeStartRow(int nodeId) {
        int[] rows = span.nodeStartRows();
        return nodeId >= 0 && nodeId < rows.length ? rows[nodeId] : -1;
    }

    /** How many events (and failures) happened when: the overview strip. */
    public Density density() {
        return density;
    }

    /** Bytes the model's columns take: they grow with lanes, bars and instants, never with other events. */
    public long bytes() {
        long lanes = (long) laneCount * (4 + 4 + 4 + 4 + 8 + 8) + (long) laneOfNodeId.length * 4 * 2;
        long bars = (long) barStart.length * (4 + 8 + 8 + 1 + 4 + 4 + 8);
        long instants = (long) instantTs.length * (8 + 4 + 4 + 1);
        return lanes + bars + instants + Density.BUCKETS * 4L * 6;
    }

    // Hit testing (pure)

    /** The bar of a lane covering {@code t} within {@code tolerance} micros (the latest starting one), or -1. */
    public int barAt(int lane, long t, long tolerance, long nowMicros) {
        if (lane < 0 || lane >= laneCount) {
            return -1;
        }
        return barAt(lane, laneBarFrom[lane], laneBarFrom[lane + 1], t, tolerance, nowMicros);
    }

    /** {@link #barAt(int, long, long, long)} among bars {@code [from, to)} of a lane. */
    public int barAt(int lane, int from, int to, long t, long tolerance, long nowMicros) {
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        int first = IndexSort.firstReaching(barReach, from, to, t - tolerance);
        for (int b = first; b < to && barStart[b] <= t + tolerance; b++) {
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
}
