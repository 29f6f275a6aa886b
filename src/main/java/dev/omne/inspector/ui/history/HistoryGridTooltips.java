package dev.omne.inspector.ui.history;

import dev.omne.inspector.core.history.ExecutionOutcome;
import dev.omne.inspector.core.history.NodeExecution;
import dev.omne.inspector.core.history.NodeOrder;
import dev.omne.inspector.core.history.NodeRun;
import dev.omne.inspector.core.history.RunSummary;
import dev.omne.inspector.ui.common.Formats;
import dev.omne.inspector.ui.runs.RunStatus;

import java.time.ZoneId;

/**
 * The grid's tooltips: a run, a node's column, a cell (the executions, the last error, where a click goes). Split from
 * {@link HistoryGridViewModel}, whose short texts are painted in every cell: these are the long ones, made only for the
 * one under the pointer.
 */
final class HistoryGridTooltips {
    private HistoryGridTooltips() {
    }

    static String run(RunSummary run, RunStatus status, ZoneId zone) {
        StringBuilder tip = new StringBuilder(run.runId()).append("\n").append(capitalized(status.label()));
        if (run.durationMicros() >= 0) {
            tip.append(status == RunStatus.RUNNING ? ", so far " : " in ").append(Formats.duration(run.durationMicros() / 1000));
        }
        tip.append("\nStarted ").append(Formats.exact(run.sortMicros(), zone));
        tip.append("\n").append(Formats.count(run.events())).append(run.events() == 1 ? " event" : " events");
        if (run.malformed() > 0) {
            tip.append(", ").append(Formats.count(run.malformed())).append(" malformed");
        }
        return tip.append("\nClick to choose it for comparison (Shift+click: a second run)").toString();
    }

    static String column(NodeOrder.Column c) {
        StringBuilder tip = new StringBuilder(c.key().nodeId());
        if (c.name() != null) {
            tip.append(": ").append(c.name());
        }
        if (c.kind() != null) {
            tip.append("\n").append(c.kind());
        }
        return tip.append("\nPipe ").append(c.key().pipe()).toString();
    }

    static String cell(HistoryGridViewModel grid, int row, int column) {
        NodeRun node = grid.cell(row, column);
        if (node == null) {
            int[] own = grid.columnsOf(row);
            if (own != null && !grid.groupOf(column).equals(grid.run(row).pipe())) {
                return grid.runText(row) + " is a run of " + grid.run(row).pipe() + ": its nodes are under that heading (click to go there)";
            }
            return grid.runText(row) + " did not reach " + grid.columnText(column);
        }
        StringBuilder tip = new StringBuilder(node.nodeId());
        if (node.name() != null) {
            tip.append(": ").append(node.name());
        }
        tip.append("\n").append(grid.runText(row)).append("\n");
        ExecutionOutcome outcome = node.outcome();
        tip.append(outcome == null ? "never started" : capitalized(outcome.label()));
        long micros = node.durationMicros();
        if (micros >= 0) {
            tip.append(outcome == ExecutionOutcome.RUNNING ? ", so far " : " in ").append(Formats.duration(micros / 1000));
        }
        int runs = node.executions().size();
        if (runs > 1) {
            tip.append(" over ").append(runs).append(" executions");
        }
        if (node.failures() > 0) {
            tip.append("\n").append(node.failures()).append(node.failures() == 1 ? " failure" : " failures");
            NodeExecution last = node.lastFailure();
            if (last.errorKind() != null || last.errorMessage() != null) {
                tip.append(", the last: ").append(last.errorKind() == null ? "" : last.errorKind())
                        .append(last.errorKind() != null && last.errorMessage() != null ? ": " : "")
                        .append(last.errorMessage() == null ? "" : last.errorMessage());
            }
        }
        return tip.append("\nClick to open the run at its first event (line ").append(node.firstLine()).append(")")
                .toString();
    }

    private static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
