package dev.omne.inspector.core.event;

import java.util.List;

/**
 * What an event's type means, read from its name here and nowhere else: the group the table colours it by
 * ({@link #tone}), what it draws on a timeline ({@link #mark}), whether it says something failed
 * ({@link #isFailure}), ended the run ({@link #isRunEnd}) or must name a node ({@link #namesNode}). The runner's
 * own types are named; any other type is placed by its words: the first says what it is about (the run, a node,
 * a gate), the last how something ended.
 */
public final class EventTypes {
    public static final String RUN_STARTED = "run.started";
    public static final String RUN_COMPLETED = "run.completed";
    public static final String RUN_FAILED = "run.failed";

    /** The types the inspector knows by name, in the order the runner emits them. */
    public static final List<String> KNOWN = List.of(RUN_STARTED, NodeStarted.TYPE, GatePassed.TYPE,
            NodeCompleted.TYPE, NodeFailed.TYPE, RUN_COMPLETED, RUN_FAILED);

    private static final String RUN = "run.";
    private static final String NODE = "node.";
    private static final String GATE = "gate.";

    /** The group a type falls in by what it means, not by its exact name; the window shows it as a colour. */
    public enum Tone { RUN, NODE, GATE, DONE, FAILED, OTHER, MALFORMED }

    /** What an event draws on a run's timeline. */
    public enum Mark {
        /** Opens a bar on its node's lane. */
        NODE_STARTED,
        /** Closes its node's bar as completed. */
        NODE_COMPLETED,
        /** Closes its node's bar as failed. */
        NODE_FAILED,
        GATE, RUN, ITERATION,
        /**
         * A node's own output, progress or retry: part of its run, drawn as no mark of its own (a run of a million
         * events is mostly these; the timeline's overview shows how many there were when).
         */
        NODE_ACTIVITY,
        /** Anything else: an instant of its own. */
        OTHER
    }

    private EventTypes() {
    }

    /** The tone of a type; a line that is no event (null type) is {@link Tone#MALFORMED}. */
    public static Tone tone(String type) {
        if (type == null) {
            return Tone.MALFORMED;
        }
        if (isFailure(type)) {
            return Tone.FAILED;
        }
        if (type.endsWith(".completed") || type.endsWith(".passed")) {
            return type.startsWith(GATE) ? Tone.GATE : Tone.DONE;
        }
        if (type.startsWith(RUN)) {
            return Tone.RUN;
        }
        if (type.startsWith(NODE)) {
            return Tone.NODE;
        }
        if (type.startsWith(GATE)) {
            return Tone.GATE;
        }
        return Tone.OTHER;
    }

    public static Mark mark(String type) {
        switch (type) {
            case NodeStarted.TYPE:
                return Mark.NODE_STARTED;
            case NodeCompleted.TYPE:
                return Mark.NODE_COMPLETED;
            case NodeFailed.TYPE:
                return Mark.NODE_FAILED;
            default:
                break;
        }
        if (type.startsWith(GATE)) {
            return Mark.GATE;
        }
        if (type.startsWith(RUN)) {
            return Mark.RUN;
        }
        if (type.contains("iteration")) {
            return Mark.ITERATION;
        }
        return type.startsWith(NODE) && !isFailure(type) ? Mark.NODE_ACTIVITY : Mark.OTHER;
    }

    /** Types that mean something failed: {@code node.failed}, {@code run.failed}, any {@code *.failed} or {@code *.error}. */
    public static boolean isFailure(String type) {
        return type != null && (type.endsWith(".failed") || type.endsWith(".error"));
    }

    /** {@code run.completed} or {@code run.failed}: the run has ended (until a {@code run.started} begins it again). */
    public static boolean isRunEnd(String type) {
        return RUN_COMPLETED.equals(type) || RUN_FAILED.equals(type);
    }

    /** Whether events of this type are about a node and so must carry a {@code node_id}. */
    public static boolean namesNode(String type) {
        return type.startsWith(NODE);
    }
}
