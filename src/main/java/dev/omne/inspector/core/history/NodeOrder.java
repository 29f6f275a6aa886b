package dev.omne.inspector.core.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The nodes of many runs in pipeline order. One run's order is the order its nodes first appear; runs of a
 * pipe can differ (a failed run stops early, a node is added or dropped), so their orders are merged,
 * newest run first: a node not yet placed goes right after the node that came before it in its run, or first
 * when nothing did. Pipes come one after the other, by name.
 */
public final class NodeOrder {
    /** A node of the merged order, named and typed as its newest run has it. */
    public record Column(NodeKey key, String kind, String name) {
    }

    private NodeOrder() {
    }

    /** The columns of runs given newest first. */
    public static List<Column> of(List<RunSummary> runsNewestFirst) {
        Map<String, List<RunSummary>> byPipe = new TreeMap<>();
        for (RunSummary run : runsNewestFirst) {
            byPipe.computeIfAbsent(run.pipe(), p -> new ArrayList<>()).add(run);
        }
        List<Column> columns = new ArrayList<>();
        for (Map.Entry<String, List<RunSummary>> pipe : byPipe.entrySet()) {
            Map<String, NodeRun> newest = new LinkedHashMap<>();
            List<List<String>> orders = new ArrayList<>();
            for (RunSummary run : pipe.getValue()) {
                List<String> order = new ArrayList<>(run.nodes().size());
                for (NodeRun node : run.nodes()) {
                    order.add(node.nodeId());
                    newest.putIfAbsent(node.nodeId(), node);
                }
                orders.add(order);
            }
            for (String nodeId : merge(orders)) {
                NodeRun node = newest.get(nodeId);
                columns.add(new Column(new NodeKey(pipe.getKey(), nodeId), node.kind(), node.name()));
            }
        }
        return List.copyOf(columns);
    }

    /** Merges orders, the first given first (see the class comment). */
    public static List<String> merge(List<List<String>> orders) {
        List<String> merged = new ArrayList<>();
        for (List<String> order : orders) {
            String previous = null;
            for (String id : order) {
                if (!merged.contains(id)) {
                    merged.add(previous == null ? 0 : merged.indexOf(previous) + 1, id);
                }
                previous = id;
            }
        }
        return merged;
    }
}
