package dev.omne.inspector.ui.history;

import dev.omne.inspector.core.history.RunSummary;
import dev.omne.inspector.core.history.RunSummaryBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Small runs written line by line, for tests that need to know each node's time and outcome exactly: {@code at}
 * is seconds after 2026-04-15T10:00:00Z.
 */
final class HandLogs {
    private final Path runs;
    private final String runId;
    private final List<String> lines = new ArrayList<>();

    private HandLogs(Path project, String runId) {
        this.runs = project.resolve(".omne/var/runs");
        this.runId = runId;
    }

    static HandLogs run(Path project, String runId) {
        return new HandLogs(project, runId);
    }

    HandLogs started(double at) {
        return line(at, "run.started", "");
    }

    HandLogs node(String node, double from, double to) {
        line(from, "node.started", ",\"node_id\":\"" + node + "\",\"kind\":\"bash\",\"name\":\"Step " + node + "\"");
        return line(to, "node.completed", ",\"node_id\":\"" + node + "\"");
    }

    HandLogs failedNode(String node, double from, double to, String kind, String message) {
        line(from, "node.started", ",\"node_id\":\"" + node + "\",\"kind\":\"bash\"");
        return line(to, "node.failed", ",\"node_id\":\"" + node + "\",\"error\":{\"kind\":\"" + kind
                + "\",\"message\":\"" + message + "\"}");
    }

    HandLogs completed(double at) {
        return line(at, "run.completed", "");
    }

    HandLogs failed(double at) {
        return line(at, "run.failed", "");
    }

    private HandLogs line(double at, String type, String fields) {
        long millis = Math.round(at * 1000);
        String ts = java.time.Instant.parse("2026-04-15T10:00:00Z").plusMillis(millis).toString();
        lines.add("{\"type\":\"" + type + "\",\"id\":\"ev-" + lines.size() + "\",\"ts\":\"" + ts + "\",\"run_id\":\""
                + runId + "\"" + fields + "}");
        return this;
    }

    /** Writes the log and returns its summary. */
    RunSummary write() throws IOException {
        Path file = runs.resolve(runId).resolve("events.jsonl");
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
        return RunSummaryBuilder.read(runId, file);
    }
}
