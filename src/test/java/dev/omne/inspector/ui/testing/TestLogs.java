package dev.omne.inspector.ui.testing;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;
import dev.omne.inspector.core.volume.Volume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Event lines, run folders and indexes for UI tests. */
public final class TestLogs {
    public static final String RUN = "feature-01kpfntqeej7vhn935kc0tm9vn";

    private TestLogs() {
    }

    /** One event line; {@code second} is the second of {@code 2026-04-15T10:00:SS}. */
    public static String event(String type, int second, String node) {
        return "{\"type\":\"" + type + "\",\"id\":\"ev-" + type.hashCode() + "-" + second + "\",\"ts\":\"2026-04-15T10:00:"
                + String.format("%02d", second) + ".000Z\",\"run_id\":\"" + RUN + "\""
                + (node == null ? "" : ",\"node_id\":\"" + node + "\"")
                + (type.equals("node.started") ? ",\"kind\":\"bash\"" : "") + "}";
    }

    /**
     * Five lines of every sort a row is read back from: an event, a blank line (no row), an event with fields, a
     * malformed line and a run end; rows 0 to 3 are lines 1, 3, 4 and 5.
     */
    public static List<String> mixedLines() {
        return List.of(
                started(1, "n1", "bash"),
                "",
                "{\"type\":\"gate.passed\",\"node_id\":\"n1\",\"gate\":\"lint\",\"exit_code\":0}",
                "{\"type\":\"node.completed\",\"node_id\":\"n1\",",
                "{\"type\":\"run.completed\",\"run_id\":\"r\",\"took\":\"3 s\"}");
    }

    public static String started(int second, String node, String kind) {
        return "{\"type\":\"node.started\",\"id\":\"ev-s" + second + "\",\"ts\":\"2026-04-15T10:00:"
                + String.format("%02d", second) + ".000Z\",\"run_id\":\"" + RUN + "\",\"node_id\":\"" + node
                + "\",\"kind\":\"" + kind + "\",\"name\":null,\"model\":null}";
    }

    /** {@code count} node events, one a second from 10:00:00. */
    public static List<String> events(int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(event(i % 2 == 0 ? "node.started" : "node.completed", i % 60, "n" + i / 2));
        }
        return out;
    }

    /** Writes lines (each plus a newline) to a file. */
    public static Path write(Path file, List<String> lines) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", lines) + (lines.isEmpty() ? "" : "\n"), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void append(Path file, List<String> lines) {
        try {
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The index of a file holding these lines. */
    public static IndexSnapshot index(Path dir, List<String> lines) {
        return index(write(dir.resolve("events-" + System.nanoTime() + ".jsonl"), lines));
    }

    public static IndexSnapshot index(Path file) {
        try {
            return RunIndex.build(file).snapshot();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A project folder with runs: each id gets its events file with the lines. */
    public static Volume volume(Path project, String runId, List<String> lines) {
        Volume volume = Volume.at(project);
        write(volume.eventsFile(runId), lines);
        return volume;
    }
}
