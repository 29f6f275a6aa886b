package dev.omne.inspector.ui.timeline;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.ui.common.Formats;

import java.time.ZoneId;
import java.util.Locale;

/** The words the timeline shows on hover: of a bar, an instant, a lane, a group and what ran in it at a time. */
final class TimelineDescriptions {
    /** Members named when hovering a group's summary; the rest are counted. */
    static final int MEMBERS_NAMED = 4;

    private final TimelineModel m;
    private final NodeNames names;
    private final IndexSnapshot snapshot;
    private final ZoneId zone;
    private final long now;

    TimelineDescriptions(TimelineModel m, NodeNames names, IndexSnapshot snapshot, ZoneId zone, long now) {
        this.m = m;
        this.names = names;
        this.snapshot = snapshot;
        this.zone = zone;
        this.now = now;
    }

    /** A lane's node with its kind and name, if it has them. */
    String node(int lane) {
        String name = names.of(m.laneNodeId(lane));
        return m.laneNode(lane) + (m.laneKind(lane) == null ? "" : " (" + m.laneKind(lane) + ")")
                + (name == null ? "" : " · " + name);
    }

    String lane(int lane) {
        int bars = m.laneBarCount(lane);
        return node(lane) + "\n" + runs(bars, failed(m.laneBarFrom(lane), m.laneBarFrom(lane + 1)))
                + " · click to go to its first event";
    }

    private int failed(int from, int to) {
        int n = 0;
        for (int b = from; b < to; b++) {
            n += m.barOutcome(b) == TimelineModel.Outcome.FAILED ? 1 : 0;
        }
        return n;
    }

    private static String runs(int runs, int failed) {
        return Formats.count(runs) + (runs == 1 ? " run" : " runs") + (failed == 0 ? "" : ", " + Formats.count(failed)
                + " failed");
    }

    String group(LaneTree tree, int g, boolean open) {
        String action = open ? "click to close the group" : "click to open the group";
        if (tree.groupLane(g) >= 0) {
            return lane(tree.groupLane(g)).replace("click to go to its first event",
                    (open ? "click to put its runs back on one lane" : "click to lay out its runs one per lane"));
        }
        int failed = 0;
        int runs = 0;
        for (int i = 0; i < tree.memberCount(g); i++) {
            int lane = tree.member(g, i);
            runs += m.laneBarCount(lane);
            failed += failed(m.laneBarFrom(lane), m.laneBarFrom(lane + 1));
        }
        int members = tree.memberCount(g);
        return groupTitle(tree, g) + "\n" + Formats.count(members) + (members == 1 ? " node, " : " nodes, ")
                + runs(runs, failed) + " · " + action;
    }

    static String groupTitle(LaneTree tree, int g) {
        String key = tree.groupKey(g);
        return switch (tree.grouping()) {
            case KIND -> "Kind " + key;
            case NAME -> "Named “" + key + "”";
            case PREFIX -> key + "*";
            default -> key;
        };
    }

    /** What ran in a group's members at {@code t} (within {@code tolerance}): the first few named, the rest counted. */
    String summaryAt(LaneTree tree, int g, long t, long tolerance) {
        int to = tree.groupBarFrom(g + 1);
        StringBuilder named = new StringBuilder();
        int count = 0;
        for (int p = tree.firstGroupBarReaching(g, t - tolerance); p < to; p++) {
            int b = tree.groupBar(p);
            if (m.barStart(b) > t + tolerance) {
                break;
            }
            if (m.barEnd(b, now) < t - tolerance) {
                continue;
            }
            if (count < MEMBERS_NAMED) {
                named.append('\n').append(m.laneNode(m.barLane(b))).append(" · ").append(outcome(b));
            }
            count++;
        }
        if (count == 0) {
            return null;
        }
        return groupTitle(tree, g) + ": " + Formats.count(count) + (count == 1 ? " run" : " runs") + " here" + named
                + (count > MEMBERS_NAMED ? "\nand " + Formats.count(count - MEMBERS_NAMED) + " more" : "");
    }

    /** Which run of its node a bar is. */
    String runLabel(int bar) {
        int lane = m.barLane(bar);
        return "run " + Formats.count(bar - m.laneBarFrom(lane) + 1) + " of " + Formats.count(m.laneBarCount(lane));
    }

    /** The label of one run on a lane of its own: its node (the group's header may be scrolled away) and which run. */
    String runRowLabel(int bar) {
        return m.laneNode(m.barLane(bar)) + " · " + runLabel(bar);
    }

    String outcome(int bar) {
        return switch (m.barOutcome(bar)) {
            case COMPLETED -> "completed";
            case FAILED -> "failed";
            case RUNNING -> m.isLive(now) ? "running" : "no end written";
            case INTERRUPTED -> "started again before it ended";
        };
    }

    String bar(int bar) {
        long start = m.barStart(bar);
        long end = m.barEnd(bar, now);
        int lane = m.barLane(bar);
        String which = m.laneBarCount(lane) > 1 ? " · " + runLabel(bar) : "";
        return m.laneNode(lane) + which + " · " + outcome(bar)
                + "\nstart " + (m.barStartRow(bar) < 0 ? "unknown (from the run's first event) " : "")
                + Formats.clock(start, zone)
                + "\nduration " + Formats.duration((end - start) / 1000)
                + (m.barOutcome(bar) == TimelineModel.Outcome.RUNNING ? " so far" : "");
    }

    String instant(int i) {
        int row = m.instantRow(i);
        String type = null;
        IndexSnapshot s = snapshot;
        if (s != null && row < s.size()) {
            type = s.isError(row) ? "malformed line" : s.type(row);
        }
        if (type == null) {
            type = m.instantTone(i).name().toLowerCase(Locale.ROOT);
        }
        int lane = m.instantLane(i);
        return type + (lane >= 0 ? " · " + m.laneNode(lane) : "") + "\n" + Formats.clock(m.instantTs(i), zone)
                + (s != null && row < s.size() ? " · line " + s.line(row) : "");
    }
}
