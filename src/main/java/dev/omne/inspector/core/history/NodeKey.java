package dev.omne.inspector.core.history;

/**
 * A node across runs: its id within its pipe. Two pipes may both have a {@code build} node; they are not
 * the same node.
 */
public record NodeKey(String pipe, String nodeId) {
    @Override
    public String toString() {
        return pipe + "/" + nodeId;
    }
}
