package dev.omne.inspector.generate;

import dev.omne.inspector.cli.Cli;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.omne.inspector.generate.VolumeGenerator.Options;
import dev.omne.inspector.generate.VolumeGenerator.Result;
import dev.omne.inspector.generate.VolumeGenerator.RunFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VolumeGeneratorTest {
    /** Strict: trailing tokens after the object are an error. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final String RUN_ID = "[a-z]+-[0-9a-hjkmnp-tv-z]{26}";

    private static final Options SMALL = Options.defaults().withRuns(3).withEventsPerRun(2500).withMalformedEvery(97);

    @Test
    void writesRunsUnderTheVolumeLayout(@TempDir Path dir) throws IOException {
        Result result = VolumeGenerator.generate(dir, SMALL);

        assertEquals(3, result.runs().size());
        Path runsDir = dir.resolve(".omne/var/runs");
        try (Stream<Path> s = Files.list(runsDir)) {
            assertEquals(3, s.count());
        }
        for (RunFile run : result.runs()) {
            assertTrue(run.runId().matches(RUN_ID), run.runId());
            assertEquals(runsDir.resolve(run.runId()).resolve("events.jsonl"), run.file());
            assertEquals(Files.size(run.file()), run.bytes());
            assertEquals(2500, run.lines());
            assertEquals(2500 / 97, run.malformed());
            assertEquals(2500 - 2500 / 97, run.events());
        }
        assertEquals(3L * (2500 / 97), result.malformed());
    }

    @Test
    void wellFormedLinesAreEventsAndEveryKthLineIsMalformed(@TempDir Path dir) throws IOException {
        Result result = VolumeGenerator.generate(dir, SMALL);
        Set<String> malformedShapes = new HashSet<>();
        for (RunFile run : result.runs()) {
            List<byte[]> lines = lines(run.file());
            assertEquals(2500, lines.size());
            int malformed = 0;
            for (int n = 1; n <= lines.size(); n++) {
                byte[] line = lines.get(n - 1);
                JsonNode event = event(line);
                if (n % 97 == 0) {
                    assertTrue(event == null, "line " + n + " should be malformed: " + ascii(line));
                    assertFalse(ascii(line).isBlank(), "a malformed line is not blank");
                    malformed++;
                    malformedShapes.add(shape(line));
                } else {
                    assertNotNull(event, "line " + n + " should be an event: " + ascii(line));
                    assertEquals(run.runId(), event.get("run_id").asText());
                    assertTrue(event.get("id").asText().startsWith("ev-"));
                    List<String> names = new ArrayList<>();
                    event.fieldNames().forEachRemaining(names::add);
                    assertEquals(List.of("type", "id", "ts", "run_id"), names.subList(0, 4), "field order");
                }
            }
            assertEquals(2500 / 97, malformed);
        }
        assertEquals(Set.of("truncated", "trailing comma", "bare word", "no type", "single quotes",
                "trailing garbage", "invalid utf-8"), malformedShapes);
    }

    @Test
    void eventsFormAConsistentStream(@TempDir Path dir) throws IOException {
        Result result = VolumeGenerator.generate(dir, SMALL.withRuns(4).withEventsPerRun(5000));
        Set<String> types = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        for (RunFile run : result.runs()) {
            List<JsonNode> events = events(run.file());
            assertEquals(run.events(), events.size());
            assertEquals("run.started", events.getFirst().get("type").asText());
            assertTrue(events.getFirst().get("inputs").isObject());
            String last = events.getLast().get("type").asText();
            assertTrue(last.equals("run.completed") || last.equals("run.failed"), last);

            Map<String, Integer> open = new HashMap<>();
            Instant previous = Instant.MIN;
            for (JsonNode e : events) {
                String type = e.get("type").asText();
                types.add(type);
                Instant ts = Instant.parse(e.get("ts").asText());
                assertFalse(ts.isBefore(previous), "timestamps must not go back: " + e);
                previous = ts;
                switch (type) {
                    case "node.started" -> {
                        kinds.add(e.get("kind").asText());
                        assertTrue(e.has("name") && e.has("model"));
                        open.merge(e.get("node_id").asText(), 1, Integer::sum);
                    }
                    case "node.completed" -> {
                        assertTrue(e.get("duration_ms").asLong() >= 0);
                        assertEquals(0, e.get("exit_code").asInt());
                        close(open, e);
                    }
                    case "node.failed" -> {
                        assertTrue(e.get("error").get("kind").isTextual());
                        assertTrue(e.get("error").get("message").isTextual());
                        close(open, e);
                    }
                    case "gate.passed" -> assertTrue(e.get("gate").isTextual());
                    case "loop.iteration" -> assertTrue(e.get("iteration").asInt() >= 1);
                    default -> {
                    }
                }
            }
            open.values().removeIf(v -> v == 0);
            assertTrue(open.isEmpty(), "nodes never closed: " + open);
        }
        assertTrue(types.containsAll(List.of("run.started", "node.started", "node.output", "gate.passed",
                "loop.iteration", "node.completed", "node.failed", "node.retrying")), types.toString());
        assertEquals(Set.of("bash", "command", "prompt", "loop"), kinds);
    }

    @Test
    void anyLengthGivesAValidStream(@TempDir Path dir) throws IOException {
        for (int n = 0; n <= 40; n++) {
            Path file = dir.resolve("n" + n + ".jsonl");
            RunFile run = VolumeGenerator.generateFile(file, Options.defaults().withEventsPerRun(n).withSeed(n));
            List<JsonNode> events = events(file);
            assertEquals(n, events.size());
            assertEquals(n, run.events());
            Map<String, Integer> open = new HashMap<>();
            for (JsonNode e : events) {
                String type = e.get("type").asText();
                if (type.equals("node.started")) {
                    open.merge(e.get("node_id").asText(), 1, Integer::sum);
                } else if (type.equals("node.completed") || type.equals("node.failed")) {
                    close(open, e);
                }
            }
            open.values().removeIf(v -> v == 0);
            assertTrue(open.size() <= 1, "at most a final running node: " + open);
            if (n > 0) {
                assertEquals("run.started", events.getFirst().get("type").asText());
            }
        }
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes(@TempDir Path dir) throws IOException {
        Result a = VolumeGenerator.generate(dir.resolve("a"), SMALL);
        Result b = VolumeGenerator.generate(dir.resolve("b"), SMALL);
        Result c = VolumeGenerator.generate(dir.resolve("c"), SMALL.withSeed(7));
        for (int i = 0; i < a.runs().size(); i++) {
            assertEquals(a.runs().get(i).runId(), b.runs().get(i).runId());
            assertArrayEquals(Files.readAllBytes(a.runs().get(i).file()), Files.readAllBytes(b.runs().get(i).file()));
            assertFalse(Arrays.equals(Files.readAllBytes(a.runs().get(i).file()), Files.readAllBytes(c.runs().get(i).file())));
        }
    }

    @Test
    void runIdsSortByStartTimeAndFileModeWritesRunZero(@TempDir Path dir) throws IOException {
        Result result = VolumeGenerator.generate(dir.resolve("v"), SMALL.withRuns(6));
        List<String> ulids = result.runs().stream().map(r -> r.runId().substring(r.runId().indexOf('-') + 1)).toList();
        assertEquals(ulids.stream().sorted().toList(), ulids, "ULIDs increase with run order");

        Path file = dir.resolve("one/events.jsonl");
        RunFile one = VolumeGenerator.generateFile(file, SMALL);
        assertEquals(result.runs().getFirst().runId(), one.runId());
        assertArrayEquals(Files.readAllBytes(result.runs().getFirst().file()), Files.readAllBytes(file));
    }

    @Test
    void averageLineIsAbout230Bytes(@TempDir Path dir) throws IOException {
        RunFile run = VolumeGenerator.generateFile(dir.resolve("e.jsonl"), Options.defaults().withEventsPerRun(100_000));
        double average = (double) run.bytes() / run.lines();
        assertTrue(average > 200 && average < 260, "average line " + average);
    }

    @Test
    void theGenerateCommandWritesAVolumeAndRefusesBadOptions(@TempDir Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"generate", "--out", dir.toString(), "--runs", "2", "--events=1_000",
            "--malformed-every", "100", "--seed", "5"}, print(out), print(err));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("wrote 2 run(s): 2000 lines, 1980 events, 20 malformed"), text);
        assertTrue(text.contains(".omne/var/runs/"), text);

        assertEquals(2, Cli.run(new String[] {"generate", "--runs", "2"}, print(out), print(err)));
        assertEquals(2, Cli.run(new String[] {"generate", "--out", "x", "--events", "many"}, print(out), print(err)));
        assertEquals(2, Cli.run(new String[] {"generate", "--file", "x", "--runs", "2"}, print(out), print(err)));
        assertEquals(2, Cli.run(new String[] {"generate", "--out", "x", "--file", "y"}, print(out), print(err)));
        assertEquals(2, Cli.run(new String[] {"generate", "--out"}, print(out), print(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--file writes one run"), err.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream help = new ByteArrayOutputStream();
        assertEquals(0, Cli.run(new String[] {"generate", "--help"}, print(help), print(err)));
        assertTrue(help.toString(StandardCharsets.UTF_8).contains("--malformed-every"));
        ByteArrayOutputStream top = new ByteArrayOutputStream();
        assertEquals(0, Cli.run(new String[] {"--help"}, print(top), print(err)));
        assertTrue(top.toString(StandardCharsets.UTF_8).contains("generate"), "listed in the commands");
    }

    private static final Options HISTORY = Options.defaults().withRuns(30).withEventsPerRun(800).withMalformedEvery(53)
            .withPipes(List.of("bugfix", "release")).withHistory(30, 4);

    @Test
    void historyRunsPassThroughTheirPipeOnce(@TempDir Path dir) throws IOException {
        Result result = VolumeGenerator.generate(dir, HISTORY);
        Set<String> outcomes = new HashSet<>();
        int retries = 0;
        for (int i = 0; i < result.runs().size(); i++) {
            RunFile run = result.runs().get(i);
            assertTrue(run.runId().startsWith("bugfix-") || run.runId().startsWith("release-"), run.runId());
            assertEquals(800, run.lines());
            assertEquals(800 / 53, run.malformed());
            List<JsonNode> events = events(run.file());
            assertEquals(run.events(), events.size());
            assertEquals("run.started", events.getFirst().get("type").asText());
            Map<String, JsonNode> open = new HashMap<>();
            Map<String, Integer> retrying = new HashMap<>();
            List<String> topLevelDone = new ArrayList<>();
            Instant previous = Instant.MIN;
            String lastFailKind = null;
            for (JsonNode e : events) {
                Instant ts = Instant.parse(e.get("ts").asText());
                assertFalse(ts.isBefore(previous), "timestamps must not go back: " + e);
                previous = ts;
                String node = e.path("node_id").asText(null);
                switch (e.get("type").asText()) {
                    case "node.started" -> {
                        assertFalse(open.containsKey(node), "started twice without an end: " + e);
                        int attempt = e.path("attempt").asInt(1);
                        assertEquals(retrying.getOrDefault(node, 1), attempt, "a retry names its attempt: " + e);
                        retrying.remove(node);
                        open.put(node, e);
                    }
                    case "node.completed", "node.failed" -> {
                        JsonNode start = open.remove(node);
                        assertTrue(start != null, "ended a node that was not running: " + e);
                        long ms = Instant.parse(start.get("ts").asText()).until(ts, java.time.temporal.ChronoUnit.MILLIS);
                        assertEquals(ms, e.get("duration_ms").asLong(), "duration_ms is the time since its start");
                        lastFailKind = e.has("error") ? e.get("error").get("kind").asText() : null;
                        if (open.isEmpty()) {
                            topLevelDone.add(node);
                        }
                    }
                    case "node.retrying" -> {
                        retrying.put(node, e.get("attempt").asInt());
                        retries++;
                    }
                    default -> {
                    }
                }
            }
            String last = events.getLast().get("type").asText();
            boolean newest = i >= result.runs().size() - HISTORY.unfinished();
            if (newest) {
                assertFalse(last.startsWith("run."), "an unfinished run has no end: " + run.runId());
                assertFalse(open.isEmpty(), "an unfinished run stops with a node running: " + run.runId());
                outcomes.add("unfinished");
                continue;
            }
            assertTrue(open.isEmpty(), "every node ended: " + open.keySet());
            String pipe = run.runId().substring(0, run.runId().indexOf('-'));
            List<String> pipeNodes = pipe.equals("bugfix")
                    ? List.of("reproduce", "diagnose", "fix", "regress", "commit")
                    : List.of("changelog", "bump", "build", "publish", "tag");
            List<String> once = topLevelDone.stream().distinct().toList();
            assertEquals(pipeNodes.subList(0, once.size()), once, "each top-level node in pipe order: " + run.runId());
            if (last.equals("run.failed")) {
                assertEquals(lastFailKind, events.getLast().get("error").get("kind").asText(),
                        "the run fails with the node that stopped it");
                outcomes.add("failed");
            } else {
                assertEquals("run.completed", last);
                assertEquals(pipeNodes, once, "a completed run ran every node");
                outcomes.add("completed");
            }
        }
        assertEquals(Set.of("completed", "failed", "unfinished"), outcomes);
        assertTrue(retries > 5, "transient failures are retried: " + retries);
    }

    @Test
    void historyCommandLineOptions(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, Cli.run(new String[] {"generate", "--out", dir.resolve("a").toString(), "--runs", "5",
            "--events", "300", "--history", "--pipes", "docs", "--failing", "100", "--unfinished", "1"},
            print(out), print(err)), err.toString(StandardCharsets.UTF_8));
        Result same = VolumeGenerator.generate(dir.resolve("b"), Options.defaults().withRuns(5).withEventsPerRun(300)
                .withPipes(List.of("docs")).withHistory(100, 1));
        for (RunFile run : same.runs()) {
            Path other = dir.resolve("a/.omne/var/runs").resolve(run.runId()).resolve("events.jsonl");
            assertArrayEquals(Files.readAllBytes(run.file()), Files.readAllBytes(other), "the options say it all");
            String last = events(run.file()).getLast().get("type").asText();
            assertTrue(last.equals("run.failed") || run == same.runs().getLast(), "--failing 100: " + last);
        }
        for (String[] bad : List.of(new String[] {"generate", "--out", "x", "--failing", "10"},
                new String[] {"generate", "--out", "x", "--history", "--pipes", "deploy"},
                new String[] {"generate", "--out", "x", "--history", "--runs", "2", "--unfinished", "3"},
                new String[] {"generate", "--out", "x", "--history", "--failing", "101"})) {
            err.reset();
            assertEquals(2, Cli.run(bad, print(out), print(err)), String.join(" ", bad));
            assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("omne-inspector: "),
                    err.toString(StandardCharsets.UTF_8));
        }
        assertFalse(Files.exists(Path.of("x")), "nothing written for a refused command");
    }

    // ---- helpers ----

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static void close(Map<String, Integer> open, JsonNode e) {
        String node = e.get("node_id").asText();
        Integer n = open.get(node);
        assertTrue(n != null && n > 0, "closed a node that was not running: " + e);
        open.put(node, n - 1);
    }

    /** The file's lines as raw bytes, split on \n only, so invalid UTF-8 survives. */
    private static List<byte[]> lines(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                lines.add(Arrays.copyOfRange(all, start, i));
                start = i + 1;
            }
        }
        assertEquals(all.length, start, "the file ends with a newline");
        return lines;
    }

    /** The line as an event (an object with string type, id, ts and run_id), or null. */
    private static JsonNode event(byte[] line) {
        try {
            JsonNode node = STRICT.readTree(line);
            if (node == null || !node.isObject()) {
                return null;
            }
            for (String field : List.of("type", "id", "ts", "run_id")) {
                if (!node.path(field).isTextual()) {
                    return null;
                }
            }
            return node;
        } catch (IOException e) {
            return null;
        }
    }

    private static List<JsonNode> events(Path file) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (byte[] line : lines(file)) {
            JsonNode e = event(line);
            if (e != null) {
                events.add(e);
            }
        }
        return events;
    }

    /** Which way a malformed line is broken, judged from its bytes. */
    private static String shape(byte[] line) {
        String s = new String(line, StandardCharsets.UTF_8);
        boolean validUtf8 = Arrays.equals(s.getBytes(StandardCharsets.UTF_8), line);
        if (!s.startsWith("{")) {
            return "bare word";
        } else if (s.startsWith("{'")) {
            return "single quotes";
        } else if (s.endsWith(",}")) {
            return "trailing comma";
        } else if (!s.contains("\"type\"")) {
            return "no type";
        } else if (s.endsWith("}}") || s.endsWith(" garbage") || s.endsWith("\"ev-")) {
            return "trailing garbage";
        } else if (s.endsWith("\"}")) {
            return validUtf8 ? "unexpected" : "invalid utf-8";
        }
        return "truncated";
    }

    private static String ascii(byte[] line) {
        return new String(line, StandardCharsets.ISO_8859_1);
    }
}
