package dev.omne.inspector.core.history;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.volume.RunIds;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run's history needs of it, kept in place of its index: its nodes and their executions in pipeline
 * order, its outcome and times, and counts. Its size grows with nodes and executions, never with events.
 * Immutable; {@link RunSummaryBuilder} makes a new one as the run grows.
 *
 * @param runId       the run (its folder's name)
 * @param pipe        the pipe: the run id's part before its ULID ({@link RunIds#pipeName})
 * @param file        its events file
 * @param startMicros its earliest event time, or {@link Timestamps#NONE}
 * @param endMicros   its latest event time, or {@link Timestamps#NONE}
 * @param events      lines that are events
 * @param malformed   lines that are not events: left out of everything here, only counted
 * @param warnings    events with a warning
 * @param rows        index rows summed up (events and malformed lines): where the summary continues from
 * @param bytes       bytes of the file summed up (through its last complete line)
 * @param endType     the last {@code run.completed}/{@code run.failed} not followed by a {@code run.started}, or null
 * @param lastType    the type of its last event, or null
 * @param nodes       its nodes in the order they first appear (its pipeline order)
 */
public record RunSummary(String runId, String pipe, Path file, long startMicros, long endMicros, int events,
                         int malformed, int warnings, int rows, long bytes, String endType, String lastType,
                         List<NodeRun> nodes) {
    public RunSummary {
        nodes = List.copyOf(nodes);
    }

    /** A run with nothing read yet. */
    public static RunSummary empty(String runId, Path file) {
        return new RunSummary(runId, RunIds.pipeName(runId), file, Timestamps.NONE, Timestamps.NONE, 0, 0, 0, 0, 0,
                null, null, List.of());
    }

    public RunOutcome outcome() {
        return RunOutcome.of(endType, lastType);
    }

    /** Its first event to its last (so far, for an unfinished run), or -1 without two times. */
    public long durationMicros() {
        return startMicros == Timestamps.NONE ? -1 : endMicros - startMicros;
    }

    /**
     * When the run started, to order runs by: its earliest event time, else the time in its id's ULID (a run
     * whose log is still empty is new), else {@link Timestamps#NONE}.
     */
    public long sortMicros() {
        if (startMicros != Timestamps.NONE) {
            return startMicros;
        }
        long millis = RunIds.startMillis(runId);
        return millis < 0 ? Timestamps.NONE : millis * 1000;
    }

    /** The node with this id, or null when the run has not reached it. */
    public NodeRun node(String nodeId) {
        for (NodeRun node : nodes) {
            if (node.nodeId().equals(nodeId)) {
                return node;
            }
        }
        return null;
    }
}
