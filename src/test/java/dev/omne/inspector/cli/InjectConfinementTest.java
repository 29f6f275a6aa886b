package dev.omne.inspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.omne.inspector.testing.Tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inject} writes only into {@code <volume>/.omne/var/runs/<run>/events.jsonl} as it is on disk when the
 * file is opened: hard links, hidden run folders and a run folder swapped for a link while injects run are refused
 * with the reason, exit 2, nothing written anywhere.
 */
class InjectConfinementTest {
    static final String RUN_STARTED = "{\"type\":\"run.started\",\"id\":\"e0\",\"ts\":\"2026-04-15T00:00:00Z\","
            + "\"run_id\":\"r\"}\n";

    @TempDir
    Path tmp;

    Path project() throws IOException {
        Path project = tmp.resolve("project");
        Files.createDirectories(project.resolve(".omne/var/runs/r"));
        return project;
    }

    @Test
    void aLogHardLinkedToAFileOutsideTheVolumeIsRefused() throws IOException {
        assumeTrue(Tools.isLinux(), "hard links and the descriptor checks are exercised on Linux");
        Path project = project();
        Path outside = Files.writeString(tmp.resolve("outside.jsonl"), RUN_STARTED);
        Path log = project.resolve(".omne/var/runs/r/events.jsonl");
        Files.createLink(log, outside);
        CliRun r = CliRun.of("inject", project.toString(), "--run", "r", "--type", "a.b");
        assertEquals(Cli.USAGE_OR_IO, r.exit(), r.err());
        assertEquals("omne-inspector: " + log + ": has 2 hard links: the same file is also reachable by another name,"
                + " which may be outside the volume or another run's log; event logs are only appended to files with"
                + " one link; nothing was written\n", r.err());
        assertEquals("", r.out());
        assertEquals(RUN_STARTED, Files.readString(outside));
    }

    @Test
    void aLogHardLinkedToAnotherRunsLogIsRefused() throws IOException {
        assumeTrue(Tools.isLinux(), "hard links and the descriptor checks are exercised on Linux");
        Path project = project();
        Path other = Files.createDirectories(project.resolve(".omne/var/runs/other")).resolve("events.jsonl");
        Files.writeString(other, RUN_STARTED);
        Files.createLink(project.resolve(".omne/var/runs/r/events.jsonl"), other);
        CliRun r = CliRun.of("inject", project.toString(), "--run", "r", "--type", "a.b");
        assertEquals(Cli.USAGE_OR_IO, r.exit(), r.err());
        assertTrue(r.err().contains(": has 2 hard links: "), r.err());
        assertEquals(RUN_STARTED, Files.readString(other));
    }

    @Test
    void aHiddenRunFolderIsRefusedAsCheckFollowAndTheWindowNeverListIt() throws IOException {
        Path project = project();
        Path hidden = Files.createDirectories(project.resolve(".omne/var/runs/.h"));
        CliRun check = CliRun.of("check", project.toString());
        assertTrue(check.out().startsWith("1 runs,"), "check lists only r: " + check.out());
        CliRun r = CliRun.of("inject", project.toString(), "--run", ".h", "--type", "a.b");
        assertEquals(Cli.USAGE_OR_IO, r.exit(), r.err());
        assertEquals("omne-inspector: will not append to run \".h\" is a hidden folder (its name starts with '.'):"
                + " check, follow and the window never list it as a run, so nothing is written to it\n", r.err());
        CliRun byFolder = CliRun.of("inject", hidden.toString(), "--type", "a.b");
        assertEquals(Cli.USAGE_OR_IO, byFolder.exit(), byFolder.err());
        try (Stream<Path> files = Files.list(hidden)) {
            assertEquals(List.of(), files.toList(), "nothing written");
        }
    }

    /**
     * A separate process swaps the run folder for a link to a folder outside the volume and back in a loop while
     * hundreds of injects run: each inject either appends to the real log or is refused; none writes outside.
     */
    @Test
    void injectsRacingARunFolderSwappedForALinkNeverEscape() throws Exception {
        assumeTrue(Tools.isLinux() && Tools.works("python3", "--version"),
                "needs Linux and python3 for the swapping process");
        Path project = project();
        Path runs = project.resolve(".omne/var/runs");
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path ready = tmp.resolve("ready");
        Path stop = tmp.resolve("stop");
        Path script = Path.of(InjectConfinementTest.class.getResource(
                "/dev/omne/inspector/core/log/swap_run_folder.py").toURI());
        Process swapper = new ProcessBuilder("python3", script.toString(), runs.toString(), "r", outside.toString(),
                ready.toString(), stop.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(swapper.getInputStream(), StandardCharsets.UTF_8));
        int written = 0;
        int refused = 0;
        try {
            // A blocking read of the swapper's first line: it has started swapping.
            assertEquals("ready", assertTimeoutPreemptively(Duration.ofSeconds(20), out::readLine));
            for (int i = 0; i < 600; i++) {
                CliRun r = CliRun.of("inject", project.toString(), "--run", "r", "--type", "race.try",
                        "--field", "n:=" + i, "--lock-timeout", "1");
                if (r.exit() == Cli.OK) {
                    written++;
                } else {
                    assertEquals(Cli.USAGE_OR_IO, r.exit(), r.err());
                    assertTrue(r.err().startsWith("omne-inspector: "), r.err());
                    refused++;
                }
            }
        } finally {
            Files.createFile(stop);
            if (!swapper.waitFor(20, TimeUnit.SECONDS)) {
                swapper.destroyForcibly();
            }
        }
        String swaps = out.lines().collect(Collectors.joining("\n")).strip();
        assertEquals(0, swapper.exitValue(), swaps);
        try (Stream<Path> left = Files.list(outside)) {
            assertEquals(List.of(), left.toList(), "zero escapes out of 600 injects (" + swaps + " swaps)");
        }
        assertTrue(written > 0 && refused > 0, "the injects met the folder both ways: " + written + " written, "
                + refused + " refused, " + swaps + " swaps");
        assertEquals(written, Files.readAllLines(runs.resolve("r/events.jsonl")).size(), "every success is in the log");
    }

    /**
     * Where openat2 is missing (a kernel before 5.6): strace makes every openat2 call of a real inject fail with
     * ENOSYS, so it walks the names one at a time; appending works and a hard link is still refused.
     */
    @Test
    void withoutOpenat2TheWalkAppendsAndRefusesTheSame() throws Exception {
        assumeTrue(InjectWithoutFlockTest.straceWorks(), "needs Linux and strace allowed to trace and inject faults");
        Path project = project();
        Path log = project.resolve(".omne/var/runs/r/events.jsonl");
        Path trace = tmp.resolve("trace");
        assertEquals(0, injectUnderStrace(project, trace), Files.readString(tmp.resolve("inject.out")));
        assertEquals(1, Files.readAllLines(log).size());
        assertTrue(Files.readString(trace).contains("openat2(") && Files.readString(trace).contains("ENOSYS"),
                "openat2 was tried and answered ENOSYS");
        Path outside = Files.writeString(tmp.resolve("outside.jsonl"), RUN_STARTED);
        Files.delete(log);
        Files.createLink(log, outside);
        assertEquals(Cli.USAGE_OR_IO, injectUnderStrace(project, trace));
        assertTrue(Files.readString(tmp.resolve("inject.out")).contains(": has 2 hard links: "),
                Files.readString(tmp.resolve("inject.out")));
        assertEquals(RUN_STARTED, Files.readString(outside));
    }

    private int injectUnderStrace(Path project, Path trace) throws Exception {
        Process p = new ProcessBuilder(List.of("strace", "-f", "-qq", "--seccomp-bpf", "-o", trace.toString(),
                "-e", "trace=openat2", "-e", "inject=openat2:error=ENOSYS",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
                "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "dev.omne.inspector.Main",
                "inject", project.toString(), "--run", "r", "--type", "a.b"))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("inject.out").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "inject ended");
        return p.exitValue();
    }
}
