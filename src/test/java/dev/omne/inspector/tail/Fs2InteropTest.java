package dev.omne.inspector.tail;

import dev.omne.inspector.testing.RunnerAppend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omne.inspector.core.event.EventCodec;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.log.EventLog;
import dev.omne.inspector.core.volume.Volume;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's own lock: writers built in Rust on the fs2 crate (as the omne runner locks), a python
 * {@code fcntl.flock} writer and this process's own appends all write one log at once while a follower reads it.
 * Every line arrives once, whole, in order per writer. The Rust writer is built offline with cargo from Debian's
 * packaged crates ({@code librust-fs2-dev}); where that cannot be done the test says so and does not run.
 */
class Fs2InteropTest {
    static final int PER_WRITER = 600;

    @TempDir
    Path project;

    /** Builds src/test/rust/fs2-writer into target/rust; empty with the reason when it cannot. */
    static Optional<String> buildWriter(Path binary) throws IOException, InterruptedException {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.of("the fs2 writer is built and run on Linux");
        }
        String cargo = null;
        for (String candidate : List.of("cargo", System.getProperty("user.home") + "/.cargo/bin/cargo",
                "/root/.cargo/bin/cargo", "/usr/bin/cargo")) {
            try {
                Process p = new ProcessBuilder(candidate, "--version").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    cargo = candidate;
                    break;
                }
            } catch (IOException e) {
                // not this one
            }
        }
        if (cargo == null) {
            return Optional.of("no cargo found (apt-get install cargo librust-fs2-dev)");
        }
        if (!Files.isDirectory(Path.of("/usr/share/cargo/registry"))) {
            return Optional.of("no Debian crate registry at /usr/share/cargo/registry (apt-get install librust-fs2-dev)");
        }
        Path crate = Path.of("src/test/rust/fs2-writer").toAbsolutePath();
        ProcessBuilder build = new ProcessBuilder(cargo, "build", "--release", "--offline", "--quiet")
                .directory(crate.toFile()).redirectErrorStream(true);
        build.environment().put("CARGO_TARGET_DIR", binary.getParent().getParent().toString());
        Process p = build.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.isExecutable(binary)) {
            return Optional.of("cannot build the fs2 writer offline: " + out.strip());
        }
        return Optional.empty();
    }

    @Test
    void fs2FlockAndOwnWritersWithAFollowerGiveEveryLineOnceInOrderPerWriter() throws Exception {
        Path binary = Path.of("target/rust/release/fs2-writer").toAbsolutePath();
        Optional<String> cannot = buildWriter(binary);
        assumeTrue(cannot.isEmpty(), () -> cannot.orElseThrow());
        boolean python = Files.isExecutable(Path.of("/usr/bin/python3"));
        Volume volume = Volume.at(project);
        Path file = volume.eventsFile("r");
        Files.createDirectories(file.getParent());
        Path go = project.resolve("go");

        List<String> seen = new ArrayList<>();
        Object lock = new Object();
        VolumeListener listener = update -> {
            List<String> lines = new ArrayList<>();
            for (RunUpdate run : update.runs()) {
                lines.addAll(read(run));
            }
            synchronized (lock) {
                seen.addAll(lines);
                lock.notifyAll();
            }
        };
        List<Process> writers = new ArrayList<>();
        try (VolumeWatcher watcher = VolumeWatcher.start(volume,
                FollowOptions.DEFAULT.withHistory(FollowOptions.History.STREAM), listener)) {
            for (String name : List.of("fs2a", "fs2b")) {
                writers.add(started(new ProcessBuilder(binary.toString(), file.toString(), name,
                        String.valueOf(PER_WRITER), go.toString())));
            }
            if (python) {
                Path script = Path.of(Fs2InteropTest.class.getResource(
                        "/dev/omne/inspector/core/log/append_writer.py").toURI());
                Path ready = project.resolve("py.ready");
                Process py = RunnerAppend.onPath(new ProcessBuilder("python3", script.toString(), file.toString(), "py",
                        String.valueOf(PER_WRITER), "0", ready.toString())).redirectErrorStream(true).start();
                writers.add(py);
            }
            Files.createFile(go);
            if (python) {
                // The python writer starts on a line on its standard input.
                var start = writers.getLast().getOutputStream();
                start.write('\n');
                start.flush();
            }
            for (int seq = 0; seq < PER_WRITER; seq++) {
                EventLog.append(file, "{\"type\":\"test.line\",\"id\":\"java-" + seq + "\",\"ts\":\"2026-04-15T00:00:00Z\","
                        + "\"run_id\":\"r\",\"writer\":\"java\",\"seq\":" + seq + "}");
            }
            for (Process w : writers) {
                assertTrue(w.waitFor(120, TimeUnit.SECONDS), "a writer ended");
                assertEquals(0, w.exitValue(), new String(w.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            int expected = PER_WRITER * (writers.size() + 1);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            synchronized (lock) {
                while (seen.size() < expected && System.nanoTime() < deadline) {
                    lock.wait(1000);
                }
            }
            assertEquals(expected, Files.readAllLines(file).size(), "every line on disk");
        } finally {
            writers.forEach(Process::destroyForcibly);
        }
        Map<String, List<Long>> perWriter = new LinkedHashMap<>();
        for (String line : seen) {
            JsonNode json = EventCodec.mapper().readTree(line);
            perWriter.computeIfAbsent(json.get("writer").asText(), k -> new ArrayList<>()).add(json.get("seq").asLong());
        }
        List<Long> inOrder = new ArrayList<>();
        for (long i = 0; i < PER_WRITER; i++) {
            inOrder.add(i);
        }
        List<String> names = new ArrayList<>(List.of("fs2a", "fs2b", "java"));
        if (python) {
            names.add("py");
        }
        for (String name : names) {
            assertTrue(inOrder.equals(perWriter.get(name)), name + ": every line once, in order; seen "
                    + (perWriter.get(name) == null ? "none" : perWriter.get(name).size() + " lines"));
        }
        assertEquals(names.size(), perWriter.size(), "no other writer: " + perWriter.keySet());
    }

    private static Process started(ProcessBuilder pb) throws IOException {
        Process p = pb.redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("ready", out.readLine(), "the writer started");
        return p;
    }

    /** The new rows' lines, read back from the log by offset. */
    private static List<String> read(RunUpdate run) {
        List<String> lines = new ArrayList<>();
        IndexSnapshot s = run.snapshot();
        if (run.fromRow() == run.toRow()) {
            return lines;
        }
        try (RandomAccessFile f = new RandomAccessFile(run.file().toFile(), "r")) {
            for (int row = run.fromRow(); row < run.toRow(); row++) {
                assertTrue(!s.isError(row), "no torn or bad line: row " + row + " " + s.diagnostic(row));
                f.seek(s.offset(row));
                lines.add(new String(f.readLine().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return lines;
    }
}
