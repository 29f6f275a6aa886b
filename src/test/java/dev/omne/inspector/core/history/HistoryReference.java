package dev.omne.inspector.core.history;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A second, plain computation of a volume's history for tests to check the real one against: it reads every
 * raw line with Jackson (no index, no line scanner, nothing incremental), pairs each node's starts and ends
 * with a map, and computes the statistics by sorting lists. Slow and obvious on purpose.
 */
public final class HistoryReference {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** No time. */
    public static final long NONE = Long.MIN_VALUE;

    private HistoryReference() {
    }

    public record Exec(long start, long end, String outcome, long duration, String errorKind, String errorMessage) {
    }

    public record Node(String id, String kind, List<Exec> execs) {
        public String outcome() {
            return execs.isEmpty() ? null : execs.getLast().outcome();
        }

        public boolean timed() {
            return !execs.isEmpty() && execs.stream().allMatch(e -> !e.outcome().equals("running") && e.duration() >= 0);
        }

        public long total() {
            return execs.stream().mapToLong(Exec::duration).filter(d -> d >= 0).sum();
        }

        public long failures() {
            return execs.stream().filter(e -> e.outcome().equals("failed")).count();
        }
    }

    public record Run(String runId, String pipe, long start, long end, int events, int malformed, String outcome,
                      List<Node> nodes) {
        public Node node(String id) {
            return nodes.stream().filter(n -> n.id().equals(id)).findFirst().orElse(null);
        }
    }

    /** Every run of a volume, newest first. */
    public static List<Run> volume(Path project) throws IOException {
        List<Run> runs = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(project.resolve(".omne/var/runs"))) {
            for (Path dir : dirs.toList()) {
                runs.add(run(dir.getFileName().toString(), dir.resolve("events.jsonl")));
            }
        }
        runs.sort(Comparator.comparingLong(Run::start).thenComparing(Run::runId).reversed());
        return runs;
    }

    public static Run run(String runId, Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int events = 0;
        int malformed = 0;
        long start = NONE;
        long end = NONE;
        String endType = null;
        String lastType = null;
        Map<String, List<Exec>> execs = new LinkedHashMap<>();
        Map<String, String> kinds = new HashMap<>();
        Map<String, Long> openStart = new HashMap<>();
        List<JsonNode> parsed = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= all.length; i++) {
            if (i < all.length && all[i] != '\n') {
                continue;
            }
            int to = i;
            if (to > from && all[to - 1] == '\r') {
                to--;
            }
            boolean blank = true;
            for (int k = from; k < to; k++) {
                blank &= all[k] == ' ' || all[k] == '\t' || all[k] == '\r';
            }
            if (!blank) {
                JsonNode event = parse(all, from, to - from);
                if (event == null) {
                    malformed++;
                } else {
                    parsed.add(event);
                }
            }
            from = i + 1;
        }
        for (JsonNode e : parsed) {
            events++;
            long ts = micros(e.path("ts").asText(null));
            if (ts != NONE) {
                start = start == NONE ? ts : Math.min(start, ts);
                end = end == NONE ? ts : Math.max(end, ts);
            }
            String type = e.get("type").textValue();
            lastType = type;
            if (type.equals("run.started")) {
                endType = null;
            } else if (type.equals("run.completed") || type.equals("run.failed")) {
                endType = type;
            }
            JsonNode nodeField = e.get("node_id");
            if (nodeField == null || !nodeField.isTextual()) {
                continue;
            }
            String node = nodeField.textValue();
            List<Exec> list = execs.computeIfAbsent(node, n -> new ArrayList<>());
            long at = ts != NONE ? ts : end;
            switch (type) {
                case "node.started" -> {
                    if (openStart.containsKey(node)) {
                        list.add(exec(openStart.remove(node), at, "interrupted", null));
                    }
                    kinds.put(node, e.get("kind").textValue());
                    openStart.put(node, ts);
                }
                case "node.completed", "node.failed" -> {
                    long s = openStart.containsKey(node) ? openStart.remove(node) : NONE;
                    list.add(exec(s, at, type.equals("node.failed") ? "failed" : "completed",
                            type.equals("node.failed") ? e.get("error") : null));
                }
                default -> {
                }
            }
        }
        List<Node> nodes = new ArrayList<>();
        for (Map.Entry<String, List<Exec>> entry : execs.entrySet()) {
            List<Exec> list = new ArrayList<>(entry.getValue());
            if (openStart.containsKey(entry.getKey())) {
                long s = openStart.get(entry.getKey());
                list.add(new Exec(s, NONE, "running", s == NONE || end == NONE ? -1 : end - s, null, null));
            }
            nodes.add(new Node(entry.getKey(), kinds.get(entry.getKey()), list));
        }
        String outcome = "run.completed".equals(endType) ? "completed"
                : "run.failed".equals(endType) || (endType == null && "node.failed".equals(lastType)) ? "failed"
                : "unfinished";
        int dash = runId.lastIndexOf('-');
        return new Run(runId, runId.substring(0, dash), start, end, events, malformed, outcome, nodes);
    }

    private static Exec exec(long start, long end, String outcome, JsonNode error) {
        long ended = start != NONE && end != NONE ? Math.max(start, end) : end;
        long duration = start == NONE || ended == NONE ? -1 : ended - start;
        return new Exec(start, ended, outcome, duration, error == null ? null : error.path("kind").asText(null),
                error == null ? null : error.path("message").asText(null));
    }

    private static JsonNode parse(byte[] bytes, int off, int len) {
        try {
            JsonNode node = STRICT.readTree(bytes, off, len);
            return node != null && node.isObject() && node.path("type").isTextual() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static long micros(String ts) {
        if (ts == null) {
            return NONE;
        }
        try {
            Instant i = Instant.parse(ts);
            return i.getEpochSecond() * 1_000_000 + i.getNano() / 1000;
        } catch (DateTimeParseException e) {
            return NONE;
        }
    }

    // ---- statistics ----

    /** One node's figures across runs. */
    public record Stats(String pipe, String node, int runs, int executions, int failures, int failedExecutions,
                        int timedRuns, long p50, long p95, long max, String lastFailureRun, String lastFailureKind,
                        String lastFailureMessage, List<Long> trendOldestFirst) {
    }

    /** Statistics of a node over runs given newest first. */
    public static Stats stats(List<Run> runsNewestFirst, String pipe, String node) {
        int runs = 0;
        int executions = 0;
        int failures = 0;
        int failedExecutions = 0;
        List<Long> durations = new ArrayList<>();
        List<Long> trend = new ArrayList<>();
        Run lastFailing = null;
        for (Run run : runsNewestFirst) {
            Node n = run.pipe().equals(pipe) ? run.node(node) : null;
            if (n == null) {
                continue;
            }
            runs++;
            executions += n.execs().size();
            failedExecutions += (int) n.failures();
            if (n.failures() > 0) {
                failures++;
                if (lastFailing == null) {
                    lastFailing = run;
                }
            }
            if (n.timed()) {
                durations.add(n.total());
            }
            trend.addFirst(n.timed() ? n.total() : -1);
        }
        durations.sort(null);
        Exec failure = null;
        if (lastFailing != null) {
            for (Exec e : lastFailing.node(node).execs()) {
                if (e.outcome().equals("failed")) {
                    failure = e;
                }
            }
        }
        return new Stats(pipe, node, runs, executions, failures, failedExecutions, durations.size(),
                percentile(durations, 50), percentile(durations, 95),
                durations.isEmpty() ? -1 : durations.getLast(), lastFailing == null ? null : lastFailing.runId(),
                failure == null ? null : failure.errorKind(), failure == null ? null : failure.errorMessage(), trend);
    }

    /** The smallest value such that at least p percent of the values are at or below it. */
    private static long percentile(List<Long> sorted, int p) {
        for (long v : sorted) {
            long atOrBelow = sorted.stream().filter(x -> x <= v).count();
            if (atOrBelow * 100 >= (long) p * sorted.size()) {
                return v;
            }
        }
        return -1;
    }
}
