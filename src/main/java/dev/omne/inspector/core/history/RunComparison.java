package dev.omne.inspector.core.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Two runs side by side, node by node (in the merged order of both, {@link NodeOrder#merge}), and where they
 * first diverge: walking both runs' nodes in the order they ran, the first position where the nodes differ
 * (order), or where the same node ended differently (outcome).
 *
 * @param a          the first run
 * @param b          the second run
 * @param nodes      every node of either run
 * @param divergence where they first diverge, or null when they ran the same nodes in the same order to the
 *                   same outcomes
 */
public record RunComparison(RunSummary a, RunSummary b, List<Row> nodes, Divergence divergence) {
    /** {@link Row#differenceMicros()} when a side has no duration. */
    public static final long NO_DIFFERENCE = Long.MIN_VALUE;

    public RunComparison {
        nodes = List.copyOf(nodes);
    }

    /**
     * One node in both runs.
     *
     * @param a the node in run A, or null when A did not reach it
     * @param b the node in run B, or null
     */
    public record Row(String nodeId, String kind, String name, NodeRun a, NodeRun b) {
        /** B's time in the node minus A's, or {@link #NO_DIFFERENCE} when either has none. */
        public long differenceMicros() {
            long da = a == null ? -1 : a.durationMicros();
            long db = b == null ? -1 : b.durationMicros();
            return da < 0 || db < 0 ? NO_DIFFERENCE : db - da;
        }
    }

    /** What differs first. */
    public enum Reason {
        /** The runs ran different nodes at this position (or one of them ran none there). */
        ORDER,
        /** The same node ended differently. */
        OUTCOME
    }

    /**
     * Where the runs first diverge.
     *
     * @param position the 0-based position in each run's node order
     * @param nodeA    A's node there, or null when A ran no node there
     * @param nodeB    B's node there, or null
     */
    public record Divergence(int position, Reason reason, NodeRun nodeA, NodeRun nodeB) {
        /** One sentence, e.g. {@code node 4: test completed in A, failed in B (gate_failed)}. */
        public String describe() {
            String at = "node " + (position + 1) + ": ";
            if (reason == Reason.OUTCOME) {
                return at + nodeA.nodeId() + " " + outcome(nodeA) + " in A, " + outcome(nodeB) + " in B";
            }
            if (nodeA == null) {
                return at + "B ran " + nodeB.nodeId() + ", A ran no further";
            }
            if (nodeB == null) {
                return at + "A ran " + nodeA.nodeId() + ", B ran no further";
            }
            return at + "A ran " + nodeA.nodeId() + ", B ran " + nodeB.nodeId();
        }

        private static String outcome(NodeRun node) {
            ExecutionOutcome outcome = node.outcome();
            if (outcome == null) {
                return "never started";
            }
            NodeExecution failure = outcome == ExecutionOutcome.FAILED ? node.executions().getLast() : null;
            return outcome.label() + (failure != null && failure.errorKind() != null ? " (" + failure.errorKind() + ")" : "");
        }
    }

    /** B's duration minus A's, or {@link #NO_DIFFERENCE}. */
    public long differenceMicros() {
        long da = a.durationMicros();
        long db = b.durationMicros();
        return da < 0 || db < 0 ? NO_DIFFERENCE : db - da;
    }

    public static RunComparison of(RunSummary a, RunSummary b) {
        List<String> orderA = ids(a);
        List<String> orderB = ids(b);
        Map<String, NodeRun> nodesA = byId(a);
        Map<String, NodeRun> nodesB = byId(b);
        List<Row> rows = new ArrayList<>();
        for (String id : NodeOrder.merge(List.of(orderA, orderB))) {
            NodeRun na = nodesA.get(id);
            NodeRun nb = nodesB.get(id);
            NodeRun named = na != null ? na : nb;
            rows.add(new Row(id, named.kind(), named.name(), na, nb));
        }
        return new RunComparison(a, b, rows, divergence(a.nodes(), b.nodes()));
    }

    private static Divergence divergence(List<NodeRun> a, List<NodeRun> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            NodeRun na = i < a.size() ? a.get(i) : null;
            NodeRun nb = i < b.size() ? b.get(i) : null;
            if (na == null || nb == null || !na.nodeId().equals(nb.nodeId())) {
                return new Divergence(i, Reason.ORDER, na, nb);
            }
            if (!Objects.equals(na.outcome(), nb.outcome())) {
                return new Divergence(i, Reason.OUTCOME, na, nb);
            }
        }
        return null;
    }

    private static List<String> ids(RunSummary run) {
        return run.nodes().stream().map(NodeRun::nodeId).toList();
    }

    private static Map<String, NodeRun> byId(RunSummary run) {
        Map<String, NodeRun> map = new HashMap<>();
        for (NodeRun node : run.nodes()) {
            map.put(node.nodeId(), node);
        }
        return map;
    }
}
