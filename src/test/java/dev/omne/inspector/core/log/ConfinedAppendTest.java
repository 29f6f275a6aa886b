package dev.omne.inspector.core.log;

import dev.omne.inspector.testing.Waits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.omne.inspector.testing.Tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run's log is opened beneath the runs folder through no link, then checked on the descriptor: these are the
 * append path's own refusals, whatever any check before it said. Each case runs with openat2 and with the
 * one-name-at-a-time walk used where openat2 is missing.
 */
class ConfinedAppendTest {
    static final String LINE = "{\"type\":\"a.b\",\"id\":\"e\",\"ts\":\"2026-04-15T00:00:00Z\",\"run_id\":\"r\"}";
    static final AppendOptions SHORT = new AppendOptions(Duration.ofMillis(300), Duration.ofMillis(10));

    @TempDir
    Path tmp;

    static Stream<Arguments> lockers() throws IOException {
        assumeTrue(Tools.isLinux(), "openat2 and openat are exercised on Linux");
        PosixPlatform here = PosixPlatform.current();
        return Stream.of(Arguments.of("openat2", new PosixFileLocker(here, true)),
                Arguments.of("openat walk", new PosixFileLocker(here, false)));
    }

    Path project() throws IOException {
        Path project = tmp.resolve("project");
        Files.createDirectories(project.resolve(".omne/var/runs/r"));
        Files.createDirectories(project.resolve(".omne/var/runs/other"));
        return project;
    }

    static RunLogPath log(Path project, String run) {
        return new RunLogPath(project, List.of(".omne", "var", "runs"), run, "events.jsonl");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lockers")
    void appendsToARunFolderAndCreatesItsLog(String name, FileLocker locker) throws IOException {
        Path project = project();
        EventLog.append(log(project, "r"), LINE, SHORT, locker, EventLog.DIRECT);
        EventLog.append(log(project, "r"), LINE, SHORT, locker, EventLog.DIRECT);
        assertEquals(LINE + "\n" + LINE + "\n", Files.readString(project.resolve(".omne/var/runs/r/events.jsonl")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lockers")
    void aRunFolderThatIsALinkIsRefusedEvenWhereItLeadsInside(String name, FileLocker locker) throws IOException {
        Path project = project();
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createSymbolicLink(project.resolve(".omne/var/runs/out"), outside);
        Files.createSymbolicLink(project.resolve(".omne/var/runs/in"), project.resolve(".omne/var/runs/other"));
        for (String run : List.of("out", "in")) {
            IOException e = assertThrows(IOException.class,
                    () -> EventLog.append(log(project, run), LINE, SHORT, locker, EventLog.DIRECT));
            assertEquals(project.resolve(".omne/var/runs").resolve(run) + ": is reached through a symbolic link (or"
                    + " one was swapped in while it was being opened); event logs are never written through links;"
                    + " nothing was written", e.getMessage());
        }
        assertFalse(Files.exists(outside.resolve("events.jsonl")));
        assertFalse(Files.exists(project.resolve(".omne/var/runs/other/events.jsonl")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lockers")
    void aLinkedOmneFolderIsRefused(String name, FileLocker locker) throws IOException {
        Path real = project();
        Path project = Files.createDirectories(tmp.resolve("linked"));
        Files.createSymbolicLink(project.resolve(".omne"), real.resolve(".omne"));
        IOException e = assertThrows(IOException.class,
                () -> EventLog.append(log(project, "r"), LINE, SHORT, locker, EventLog.DIRECT));
        assertTrue(e.getMessage().startsWith(project.resolve(".omne/var/runs") + ": is reached through a symbolic"
                + " link"), e.getMessage());
        assertFalse(Files.exists(real.resolve(".omne/var/runs/r/events.jsonl")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lockers")
    void aLogThatIsALinkIsRefused(String name, FileLocker locker) throws IOException {
        Path project = project();
        Path target = Files.writeString(tmp.resolve("target.jsonl"), "");
        Files.createSymbolicLink(project.resolve(".omne/var/runs/r/events.jsonl"), target);
        IOException e = assertThrows(IOException.class,
                () -> EventLog.append(log(project, "r"), LINE, SHORT, locker, EventLog.DIRECT));
        assertTrue(e.getMessage().endsWith("is a symbolic link; event logs are never written through links"),
                e.getMessage());
        assertEquals(0, Files.size(target));
    }

    /** A hard link looks like any file by name; only its link count gives it away. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("lockers")
    void aHardLinkToAFileOutsideOrToAnotherRunsLogIsRefused(String name, FileLocker locker) throws IOException {
        Path project = project();
        Path outside = Files.writeString(tmp.resolve("outside.jsonl"), "outside\n");
        Files.createLink(project.resolve(".omne/var/runs/r/events.jsonl"), outside);
        Path other = Files.writeString(project.resolve(".omne/var/runs/other/events.jsonl"), "other\n");
        Files.createDirectories(project.resolve(".omne/var/runs/twin"));
        Files.createLink(project.resolve(".omne/var/runs/twin/events.jsonl"), other);
        for (String run : List.of("r", "twin")) {
            IOException e = assertThrows(IOException.class,
                    () -> EventLog.append(log(project, run), LINE, SHORT, locker, EventLog.DIRECT));
            assertEquals(project.resolve(".omne/var/runs").resolve(run).resolve("events.jsonl") + ": has 2 hard"
                    + " links: the same file is also reachable by another name, which may be outside the volume or"
                    + " another run's log; event logs are only appended to files with one link; nothing was"
                    + " written", e.getMessage());
        }
        assertEquals("outside\n", Files.readString(outside));
        assertEquals("other\n", Files.readString(other));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lockers")
    void aMissingRunFolderIsNotCreated(String name, FileLocker locker) throws IOException {
        Path project = project();
        IOException e = assertThrows(IOException.class,
                () -> EventLog.append(log(project, "gone"), LINE, SHORT, locker, EventLog.DIRECT));
        assertEquals(project.resolve(".omne/var/runs/gone") + ": the run folder does not exist; nothing was written",
                e.getMessage());
        assertFalse(Files.exists(project.resolve(".omne/var/runs/gone")));
    }

    /**
     * The race: another process swaps the run folder for a link to a folder outside the volume and back, in a
     * loop, while appends run. Every append either lands in the real log or is refused; none reaches the folder
     * outside. The same race against a path opened by name (which follows folder links) does escape, which shows
     * the swapping is fast enough to be caught.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("lockers")
    void aRunFolderSwappedForALinkInALoopNeverLetsAnAppendOut(String name, FileLocker locker) throws Exception {
        assumeTrue(Tools.works("python3", "--version"), "needs python3 for the swapping process");
        Path project = project();
        Path runs = project.resolve(".omne/var/runs");
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path ready = tmp.resolve("ready");
        Path stop = tmp.resolve("stop");
        Path script = Path.of(ConfinedAppendTest.class.getResource("swap_run_folder.py").toURI());
        Process swapper = Procs.start(tmp.resolve("logs"), "swapper", List.of("python3", script.toString(),
                runs.toString(), "r", outside.toString(), ready.toString(), stop.toString()));
        int written = 0;
        int refused = 0;
        int escapedByName = 0;
        try {
            Waits.forFile(ready, swapper, Duration.ofSeconds(20));
            for (int i = 0; i < 4000 && (written < 200 || refused < 200); i++) {
                try {
                    EventLog.append(log(project, "r"), LINE, SHORT, locker, EventLog.DIRECT);
                    written++;
                } catch (IOException e) {
                    refused++;
                }
            }
            for (int i = 0; i < 4000 && escapedByName == 0; i++) {
                // Opened by its name, as appends were before (no folder is created: the swapper owns them).
                try (LockableFile byName = locker.open(runs.resolve("r/events.jsonl"))) {
                    byName.write(new byte[] {'\n'}, 0, 1);
                } catch (IOException e) {
                    // refused or gone at that instant
                }
                escapedByName = Files.exists(outside.resolve("events.jsonl")) ? 1 : 0;
            }
        } finally {
            Files.createFile(stop);
            Procs.reap(swapper);
        }
        assertEquals(0, swapper.exitValue(), Procs.output(tmp.resolve("logs"), "swapper"));
        assertTrue(written > 0 && refused > 0, "the appends met the run folder both ways: " + written
                + " written, " + refused + " refused");
        assertEquals(1, escapedByName, "an append by name escaped: the swapping is fast enough to matter");
        Files.delete(outside.resolve("events.jsonl"));
        // The folder is back in place: every append that succeeded is in the real log, and nothing is outside.
        assertEquals(written, Files.readAllLines(runs.resolve("r/events.jsonl"), StandardCharsets.UTF_8).stream()
                .filter(LINE::equals).count());
        try (Stream<Path> left = Files.list(outside)) {
            assertEquals(List.of(), left.toList(), "nothing written outside the volume");
        }
    }

    @Test
    void anExistingLogWithOneLinkIsAppendedToAsItWas() throws IOException {
        assumeTrue(Tools.isLinux());
        Path project = project();
        Path file = Files.writeString(project.resolve(".omne/var/runs/r/events.jsonl"), "first\n");
        EventLog.append(log(project, "r"), LINE, SHORT);
        assertArrayEquals(("first\n" + LINE + "\n").getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
    }
}
