package dev.omne.inspector.core.history;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omne.inspector.core.event.EventTypes;
import dev.omne.inspector.core.event.NodeCompleted;
import dev.omne.inspector.core.event.NodeFailed;
import dev.omne.inspector.core.event.NodeStarted;
import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;
import dev.omne.inspector.core.volume.FileKinds;
import dev.omne.inspector.core.volume.RunIds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums up a run's index rows into a {@link RunSummary}, incrementally: each {@link #add} looks only at the
 * rows that are new, so a growing run costs in proportion to what was appended. Its whole state is what the
 * summary holds, so a builder can also {@link #resume} from a summary made earlier (or kept elsewhere) and
 * carry on from the summary's {@link RunSummary#rows()}.
 *
 * <p>Executions pair as the timeline draws them: a {@code node.started} opens one; the node's next
 * {@code node.completed} or {@code node.failed} ends it; a start while one is open ends the open one as
 * interrupted; an end with nothing open is an execution whose start is unknown. An end without a time ends
 * at the run's latest time. Lines that are not events are only counted. Used by one thread at a time.
 */
public final class RunSummaryBuilder {
    private static final int NAME_CHARS = 200;

    private static final byte OTHER = 0;
    private static final byte NODE_STARTED = 1;
    private static final byte NODE_COMPLETED = 2;
    private static final byte NODE_FAILED = 3;
    private static final byte RUN_STARTED = 4;
    private static final byte RUN_ENDED = 5;

    private final String runId;
    private final Path file;
    private long start;
    private long end;
    private int events;
    private int malformed;
    private int warnings;
    private int rows;
    private long bytes;
    private String endType;
    private String lastType;
    private final Map<String, NodeState> nodes = new LinkedHashMap<>();
    /** Nodes by the index's interned node id: a lookup per row without hashing the id. */
    private NodeState[] byIndexId = new NodeState[16];

    public RunSummaryBuilder(String runId, Path file) {
        this.runId = runId;
        this.file = file;
        reset();
    }

    /** A builder that carries on where {@code summary} stopped. */
    public static RunSummaryBuilder resume(RunSummary summary) {
        RunSummaryBuilder b = new RunSummaryBuilder(summary.runId(), summary.file());
        b.start = summary.startMicros();
        b.end = summary.endMicros();
        b.events = summary.events();
        b.malformed = summary.malformed();
        b.warnings = summary.warnings();
        b.rows = summary.rows();
        b.bytes = summary.bytes();
        b.endType = summary.endType();
        b.lastType = summary.lastType();
        for (NodeRun run : summary.nodes()) {
            NodeState node = new NodeState(run.nodeId(), run.firstLine());
            node.kind = run.kind();
            node.name = run.name();
            List<NodeExecution> executions = run.executions();
            for (int i = 0; i < executions.size(); i++) {
                NodeExecution e = executions.get(i);
                node.startSeen |= e.startLine() >= 0;
                if (i == executions.size() - 1 && e.outcome() == ExecutionOutcome.RUNNING) {
                    node.open = true;
                    node.openStart = e.startMicros();
                    node.openLine = e.startLine();
                } else {
                    node.closed.add(e);
                }
            }
            b.nodes.put(run.nodeId(), node);
        }
        return b;
    }

    /** The summary of a whole snapshot. */
    public static RunSummary of(String runId, IndexSnapshot snapshot) {
        return new RunSummaryBuilder(runId, snapshot.file()).add(snapshot, 0, snapshot.size());
    }

    /**
     * Reads a run's log whole (through the run index's line judge, on this thread) and keeps only its summary.
     * A log that does not exist yet is a run with no events.
     *
     * @throws IOException the log cannot be read, or is not a regular file (a FIFO is never opened)
     */
    public static RunSummary read(String runId, Path file) throws IOException {
        if (!FileKinds.exists(file)) {
            return RunSummary.empty(runId, file);
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("not a regular file (it is " + FileKinds.describe(file) + ")");
        }
        return of(runId, RunIndex.build(file).snapshot());
    }

    /** Forgets everything: the index was rebuilt from byte 0. */
    public void reset() {
        start = Timestamps.NONE;
        end = Timestamps.NONE;
        events = 0;
        malformed = 0;
        warnings = 0;
        rows = 0;
        bytes = 0;
        endType = null;
        lastType = null;
        nodes.clear();
        Arrays.fill(byIndexId, null);
    }

    /** Adds rows {@code [fromRow, toRow)} of a snapshot of the run's index and returns the new summary. */
    public RunSummary add(IndexSnapshot snapshot, int fromRow, int toRow) {
        byte[] kinds = kinds(snapshot.types());
        try (RowFields fields = new RowFields(snapshot)) {
            for (int row = fromRow; row < toRow; row++) {
                addRow(snapshot, row, kinds, fields);
            }
        } catch (IOException e) {
            // Closing a file that was only read: nothing was lost.
        }
        rows = toRow;
        bytes = snapshot.bytes();
        return summary();
    }

    private void addRow(IndexSnapshot s, int row, byte[] kinds, RowFields fields) {
        if (s.isError(row)) {
            malformed++;
            return;
        }
        events++;
        if (s.hasWarning(row)) {
            warnings++;
        }
        long ts = s.tsMicros(row);
        if (ts != Timestamps.NONE) {
            start = start == Timestamps.NONE ? ts : Math.min(start, ts);
            end = end == Timestamps.NONE ? ts : Math.max(end, ts);
        }
        String type = s.type(row);
        lastType = type;
        byte kind = kinds[s.typeId(row)];
        if (kind == RUN_STARTED) {
            endType = null;
        } else if (kind == RUN_ENDED) {
            endType = type;
        }
        int nodeId = s.nodeId(row);
        if (nodeId < 0) {
            return;
        }
        NodeState node = node(s, row, nodeId);
        long line = s.line(row);
        long at = ts != Timestamps.NONE ? ts : end;
        switch (kind) {
            case NODE_STARTED -> {
                if (node.open) {
                    node.close(at, line, ExecutionOutcome.INTERRUPTED, null);
                }
                String kindOfNode = s.nodeKind(nodeId);
                if (kindOfNode != null) {
                    node.kind = kindOfNode;
                }
                if (!node.startSeen) {
                    node.startSeen = true;
                    ObjectNode json = fields.event(row);
                    node.name = json == null ? null : cut(new NodeStarted(json).name(), NAME_CHARS);
                }
                node.open = true;
                node.openStart = ts;
                node.openLine = line;
            }
            case NODE_COMPLETED, NODE_FAILED -> {
                NodeFailed failure = null;
                if (kind == NODE_FAILED) {
                    ObjectNode json = fields.event(row);
                    failure = json == null ? null : new NodeFailed(json);
                }
                if (!node.open) {
                    node.open = true;
                    node.openStart = Timestamps.NONE;
                    node.openLine = -1;
                }
                node.close(at, line, kind == NODE_FAILED ? ExecutionOutcome.FAILED : ExecutionOutcome.COMPLETED,
                        failure);
            }
            default -> {
            }
        }
    }

    private NodeState node(IndexSnapshot s, int row, int nodeId) {
        String id = s.node(row);
        if (nodeId < byIndexId.length) {
            NodeState known = byIndexId[nodeId];
            if (known != null && known.id.equals(id)) {
                return known;
            }
        } else {
            byIndexId = Arrays.copyOf(byIndexId, Math.max(nodeId + 1, byIndexId.length * 2));
        }
        NodeState node = nodes.get(id);
        if (node == null) {
            node = new NodeState(id, s.line(row));
            nodes.put(id, node);
        }
        byIndexId[nodeId] = node;
        return node;
    }

    private static byte[] kinds(List<String> types) {
        byte[] kinds = new byte[types.size()];
        for (int t = 0; t < kinds.length; t++) {
            kinds[t] = switch (types.get(t)) {
                case NodeStarted.TYPE -> NODE_STARTED;
                case NodeCompleted.TYPE -> NODE_COMPLETED;
                case NodeFailed.TYPE -> NODE_FAILED;
                case EventTypes.RUN_STARTED -> RUN_STARTED;
                case EventTypes.RUN_COMPLETED, EventTypes.RUN_FAILED -> RUN_ENDED;
                default -> OTHER;
            };
        }
        return kinds;
    }

    /** The summary of everything added so far. */
    public RunSummary summary() {
        List<NodeRun> runs = new ArrayList<>(nodes.size());
        for (NodeState node : nodes.values()) {
            runs.add(node.toRun(end));
        }
        return new RunSummary(runId, RunIds.pipeName(runId), file, start, end, events, malformed, warnings, rows,
                bytes, endType, lastType, runs);
    }

    private static String cut(String text, int chars) {
        return text == null || text.length() <= chars ? text : text.substring(0, chars - 1) + "…";
    }

    /** A node's executions so far: those ended, and the one still open. */
    private static final class NodeState {
        final String id;
        final long firstLine;
        String kind;
        String name;
        /** Whether its first {@code node.started} was seen (its name comes from there). */
        boolean startSeen;
        final List<NodeExecution> closed = new ArrayList<>(2);
        boolean open;
        long openStart;
        long openLine;

        NodeState(String id, long firstLine) {
            this.id = id;
            this.firstLine = firstLine;
        }

        void close(long at, long line, ExecutionOutcome outcome, NodeFailed failure) {
            long endAt = at == Timestamps.NONE || openStart == Timestamps.NONE ? at : Math.max(at, openStart);
            long duration = endAt == Timestamps.NONE || openStart == Timestamps.NONE ? -1 : endAt - openStart;
            String errorKind = failure == null ? null : failure.errorKind();
            String message = failure == null ? null : cut(failure.errorMessage(), NodeExecution.MESSAGE_CHARS);
            closed.add(new NodeExecution(openStart, endAt, outcome, duration, errorKind, message, openLine, line));
            open = false;
        }

        NodeRun toRun(long runEnd) {
            List<NodeExecution> all = closed;
            if (open) {
                all = new ArrayList<>(closed.size() + 1);
                all.addAll(closed);
                long soFar = openStart == Timestamps.NONE || runEnd == Timestamps.NONE ? -1
                        : Math.max(0, runEnd - openStart);
                all.add(new NodeExecution(openStart, Timestamps.NONE, ExecutionOutcome.RUNNING, soFar, null, null,
                        openLine, -1));
            }
            return new NodeRun(id, kind, name, firstLine, all);
        }
    }
}
