package dev.omne.inspector.core.history;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs by nodes: a row per run (newest first), a column per node in pipeline order ({@link NodeOrder}), each
 * cell that run's executions of that node, or nothing where the run did not reach it. Immutable; its size
 * is runs times nodes.
 */
public final class HistoryGrid {
    private final List<RunSummary> runs;
    private final List<NodeOrder.Column> columns;
    private final Map<NodeKey, Integer> columnOf;
    /** Per run, per column: the index of the node in the run's nodes, or -1. */
    private final int[][] cells;

    private HistoryGrid(List<RunSummary> runs, List<NodeOrder.Column> columns, Map<NodeKey, Integer> columnOf,
                        int[][] cells) {
        this.runs = runs;
        this.columns = columns;
        this.columnOf = columnOf;
        this.cells = cells;
    }

    /** The grid of runs given newest first (as {@link HistoryFilter#apply} gives them). */
    public static HistoryGrid of(List<RunSummary> runsNewestFirst) {
        List<RunSummary> runs = List.copyOf(runsNewestFirst);
        List<NodeOrder.Column> columns = NodeOrder.of(runs);
        Map<NodeKey, Integer> columnOf = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            columnOf.put(columns.get(c).key(), c);
        }
        int[][] cells = new int[runs.size()][];
        for (int r = 0; r < runs.size(); r++) {
            RunSummary run = runs.get(r);
            int[] row = new int[columns.size()];
            Arrays.fill(row, -1);
            List<NodeRun> nodes = run.nodes();
            for (int i = 0; i < nodes.size(); i++) {
                row[columnOf.get(new NodeKey(run.pipe(), nodes.get(i).nodeId()))] = i;
            }
            cells[r] = row;
        }
        return new HistoryGrid(runs, columns, Map.copyOf(columnOf), cells);
    }

    /** The rows: runs, newest first. */
    public List<RunSummary> runs() {
        return runs;
    }

    public List<NodeOrder.Column> columns() {
        return columns;
    }

    /** The column of a node, or -1. */
    public int columnOf(NodeKey key) {
        Integer c = columnOf.get(key);
        return c == null ? -1 : c;
    }

    /** A run's executions of a node, or null where the run did not reach it. */
    public NodeRun cell(int row, int column) {
        int i = cells[row][column];
        return i < 0 ? null : runs.get(row).nodes().get(i);
    }
}
