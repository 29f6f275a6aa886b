package dev.omne.inspector.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omne.inspector.core.event.EventCodec;
import dev.omne.inspector.core.log.EventReader;
import dev.omne.inspector.core.log.ReadResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InjectCommandTest {
    @TempDir
    Path project;

    Path runDir(String id) throws IOException {
        return Files.createDirectories(project.resolve(".omne/var/runs").resolve(id));
    }

    @Test
    void appendsAnEventBuiltFromPartsAndPrintsTheLine() throws IOException {
        Path dir = runDir("pipe-01");
        Instant before = Instant.now().minusMillis(5);
        CliRun r = CliRun.of("inject", project.toString(), "--run", "pipe-01", "--type", "gate.passed",
                "--node", "build", "--field", "gate=lint", "--field", "attempt:=2", "--field", "meta:={\"a\":[1,true]}");
        assertEquals(0, r.exit(), r.err());
        String line = r.out().strip();
        assertEquals(line + "\n", Files.readString(dir.resolve("events.jsonl")));
        JsonNode json = EventCodec.mapper().readTree(line);
        assertEquals("gate.passed", json.get("type").textValue());
        assertTrue(json.get("id").textValue().matches("ev-[0-9a-hjkmnp-tv-z]{26}"), json.get("id").textValue());
        Instant ts = Instant.parse(json.get("ts").textValue());
        assertFalse(ts.isBefore(before));
        assertTrue(json.get("ts").textValue().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertEquals("pipe-01", json.get("run_id").textValue());
        assertEquals("build", json.get("node_id").textValue());
        assertEquals("lint", json.get("gate").textValue());
        assertEquals(2, json.get("attempt").intValue());
        assertTrue(json.get("meta").get("a").get(1).booleanValue());
        assertTrue(line.startsWith("{\"type\":\"gate.passed\",\"id\":"), "canonical order");
        ReadResult read = EventReader.read(dir.resolve("events.jsonl"));
        assertEquals(1, read.events().size());
        assertEquals(0, read.diagnostics().size());
    }

    @Test
    void appendsAWholeJsonEventKeepingGivenHeaderFields() throws IOException {
        Path dir = runDir("r");
        Files.writeString(dir.resolve("events.jsonl"), "{\"type\":\"run.started\",\"id\":\"e0\",\"ts\":\"2026-04-15T00:00:00Z\",\"run_id\":\"r\"}\n");
        CliRun r = CliRun.of("inject", project.resolve(".omne/var/runs/r").toString(), "--json",
                "{\"x\":1,\"type\":\"run.note\",\"id\":\"mine\",\"ts\":\"2026-04-15T00:00:01Z\"}");
        assertEquals(0, r.exit(), r.err());
        assertEquals("{\"type\":\"run.note\",\"id\":\"mine\",\"ts\":\"2026-04-15T00:00:01Z\",\"run_id\":\"r\",\"x\":1}",
                r.out().strip());
        assertEquals(2, Files.readAllLines(dir.resolve("events.jsonl")).size());
    }

    @Test
    void refusesBadRunIdsMissingRunsAndInvalidEventsWithExitTwo() throws IOException {
        Path dir = runDir("r");
        String p = project.toString();
        String[][] refused = {
                {"inject", p, "--run", "..", "--type", "a.b"},
                {"inject", p, "--run", "a/b", "--type", "a.b"},
                {"inject", p, "--run", "", "--type", "a.b"},
                {"inject", p, "--run", "missing", "--type", "a.b"},
                {"inject", p, "--type", "a.b"},
                {"inject", p, "--run", "r", "--type", "Not.Valid"},
                {"inject", p, "--run", "r", "--type", "node.started"},
                {"inject", p, "--run", "r", "--type", "a.b", "--field", "type=x"},
                {"inject", p, "--run", "r", "--type", "a.b", "--field", "n:=nope"},
                {"inject", p, "--run", "r", "--json", "{\"type\":\"a.b\"} trailing"},
                {"inject", p, "--run", "r", "--json", "[1]"},
                {"inject", p, "--run", "r", "--json", "{\"type\":\"a.b\",\"run_id\":\"other\"}"},
                {"inject", p, "--run", "r", "--json", "{\"type\":\"a.b\",\"ts\":\"soon\"}"},
                {"inject", p, "--run", "r", "--json", "{\"type\":\"a.b\"}", "--type", "c.d"},
                {"inject", p, "--run", "r"},
        };
        for (String[] args : refused) {
            CliRun r = CliRun.of(args);
            assertEquals(2, r.exit(), String.join(" ", args) + " -> " + r.err());
            assertTrue(r.err().startsWith("omne-inspector: "), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertEquals("", r.out());
        }
        assertFalse(Files.exists(dir.resolve("events.jsonl")), "nothing was written");
        assertFalse(Files.exists(project.resolve(".omne/var/runs/missing")));
    }

    @Test
    void refusesWhatTheRunnerCouldNotReadAndNeverChangesAValueToFit() throws IOException {
        Path dir = runDir("r");
        String p = project.toString();
        String deep = "[".repeat(127) + "]".repeat(127);
        String[][] refused = {
                {"number out of range for the omne runner", "--type", "a.b", "--field", "x:=1e400"},
                {"number out of range for the omne runner", "--type", "a.b", "--field", "x:=-1e400"},
                {"number out of range for the omne runner", "--json", "{\"type\":\"a.b\",\"x\":{\"y\":[1e309]}}"},
                {"lone surrogate \\uD800 at column 2", "--type", "a.b", "--field", "x:=\"\\ud800\""},
                {"lone surrogate \\uDC00", "--json", "{\"type\":\"a.b\",\"x\":\"\\udc00\"}"},
                {"nested 128 levels deep", "--type", "a.b", "--field", "x:=" + deep},
                {"\"b\" is given twice", "--json", "{\"type\":\"a.b\",\"x\":{\"b\":1,\"b\":2}}"},
                {"\"type\" is given twice", "--json", "{\"type\":\"a.b\",\"type\":\"a.b\"}"},
                {"a node.started event needs its node kind: add --field kind=bash (or command, prompt, loop)",
                        "--type", "node.started", "--node", "n1"},
                {"add \"kind\":\"bash\" to the JSON", "--json", "{\"type\":\"node.started\",\"node_id\":\"n1\"}"},
                {"\"kind\" of a node.started event must be a string", "--type", "node.started", "--node", "n1",
                        "--field", "kind:=5"},
                {"\"name\" of a node.started event must be a string or null", "--type", "node.started", "--node",
                        "n1", "--field", "kind=bash", "--field", "name:=[1]"},
        };
        for (String[] refusal : refused) {
            String[] args = new String[refusal.length - 1 + 4];
            System.arraycopy(new String[] {"inject", p, "--run", "r"}, 0, args, 0, 4);
            System.arraycopy(refusal, 1, args, 4, refusal.length - 1);
            CliRun r = CliRun.of(args);
            assertEquals(2, r.exit(), String.join(" ", args) + " -> " + r.err());
            assertTrue(r.err().contains(refusal[0]), r.err());
            assertEquals("", r.out());
        }
        assertFalse(Files.exists(dir.resolve("events.jsonl")), "nothing was written");

        CliRun exact = CliRun.of("inject", p, "--run", "r", "--type", "a.b", "--field", "x:=1.00000000000000000001",
                "--field", "z:=-0", "--field", "big:=123456789012345678901234567890", "--field", "e:=1E+5",
                "--field", "s:=\"\\ud83d\\ude00 \\u00e9\"");
        assertEquals(0, exact.exit(), exact.err());
        String line = Files.readString(dir.resolve("events.jsonl"));
        assertTrue(line.contains("\"x\":1.00000000000000000001,\"z\":-0,\"big\":123456789012345678901234567890,"
                + "\"e\":1E+5,\"s\":\"\ud83d\ude00 \u00e9\"}"), line);
        assertEquals(0, EventReader.read(dir.resolve("events.jsonl")).diagnostics().size());
    }

    @Test
    void theReadmesMinimalNodeStartedIsWrittenAndAnUnknownKindIsWrittenWithAWarning() throws IOException {
        Path dir = runDir("r");
        CliRun known = CliRun.of("inject", project.toString(), "--run", "r", "--type", "node.started", "--node", "n1",
                "--field", "kind=bash");
        assertEquals(0, known.exit(), known.err());
        assertEquals("", known.err());
        CliRun unknown = CliRun.of("inject", project.toString(), "--run", "r", "--type", "node.started", "--node", "n2",
                "--field", "kind=gate");
        assertEquals(0, unknown.exit(), unknown.err());
        assertTrue(unknown.err().startsWith("omne-inspector: warning: node kind \"gate\" is not one the inspector knows"),
                unknown.err());
        ReadResult read = EventReader.read(dir.resolve("events.jsonl"));
        assertEquals(2, read.events().size());
        assertEquals(0, read.errorCount());
        assertEquals(1, read.warningCount());
    }

    @Test
    void aLockHeldByAnotherProcessTimesOutWithExitThreeAndTheFileUnchanged() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "flock(1) interop is Linux");
        Path dir = runDir("r");
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, "{\"type\":\"run.started\",\"id\":\"e0\",\"ts\":\"2026-04-15T00:00:00Z\",\"run_id\":\"r\"}\n");
        byte[] before = Files.readAllBytes(file);
        Path ready = project.resolve("holder-ready");
        Process holder = new ProcessBuilder("flock", "-x", file.toString(), "sh", "-c",
                "touch '" + ready + "'; sleep 30").start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!Files.exists(ready) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(Files.exists(ready), "the holder took the lock");
            CliRun r = CliRun.of("inject", project.toString(), "--run", "r", "--type", "a.b", "--lock-timeout", "0.3");
            assertEquals(3, r.exit(), r.err());
            assertTrue(r.err().contains("timed out") && r.err().contains(file.toString()), r.err());
            assertTrue(r.err().contains("nothing was written"), r.err());
            assertArrayEquals(before, Files.readAllBytes(file));
        } finally {
            holder.destroy();
            holder.waitFor(5, TimeUnit.SECONDS);
        }
    }
    @Test
    void aFifoWhereTheLogShouldBeIsRefusedAtOnce() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "mkfifo");
        Path fifo = runDir("r").resolve("events.jsonl");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo");
        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> CliRun.of("inject", project.toString(), "--run", "r", "--type", "a.b"));
        assertEquals(2, r.exit(), r.err());
        assertEquals("omne-inspector: will not append to run \"r\": " + fifo
                + " is not a regular file (it is a FIFO (named pipe))\n", r.err());
        assertEquals("", r.out());
    }

    /**
     * Another process holds the lock and never lets go (flock(1), as the runner's lock): every inject gives up after
     * its budget with exit 3 and its clear message, one after the other, and the file is never touched.
     */
    @Test
    void aLockHeldForeverMakesEveryInjectTimeOutWithinItsBudget() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "flock(1) interop is Linux");
        Path file = runDir("r").resolve("events.jsonl");
        Files.writeString(file, "{\"type\":\"run.started\",\"id\":\"e0\",\"ts\":\"2026-04-15T00:00:00Z\",\"run_id\":\"r\"}\n");
        byte[] before = Files.readAllBytes(file);
        Path ready = project.resolve("holder-ready");
        Process holder = new ProcessBuilder("flock", "-x", file.toString(), "sh", "-c",
                "touch \"$1\"; exec sleep 60", "sh", ready.toString()).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!Files.exists(ready) && System.nanoTime() < deadline && holder.isAlive()) {
                Thread.sleep(5); // polling interval of the condition wait
            }
            assertTrue(Files.exists(ready), "the holder took the lock");
            for (int attempt = 1; attempt <= 3; attempt++) {
                long start = System.nanoTime();
                CliRun r = CliRun.of("inject", project.toString(), "--run", "r", "--type", "a.b", "--lock-timeout", "1");
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertEquals(3, r.exit(), "attempt " + attempt + ": " + r.err());
                assertEquals("omne-inspector: timed out after 1s waiting for the lock on " + file
                        + " (another process is writing); nothing was written\n", r.err());
                assertEquals("", r.out());
                assertTrue(millis >= 1000 && millis < 2500, "attempt " + attempt + " took " + millis + " ms");
                assertArrayEquals(before, Files.readAllBytes(file), "attempt " + attempt);
            }
            assertTrue(holder.isAlive(), "the lock was held throughout");
        } finally {
            holder.descendants().forEach(ProcessHandle::destroy);
            holder.destroy();
            holder.waitFor(5, TimeUnit.SECONDS);
        }
        assertArrayEquals(before, Files.readAllBytes(file));
    }
}
