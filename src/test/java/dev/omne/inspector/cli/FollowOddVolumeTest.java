package dev.omne.inspector.cli;

import dev.omne.inspector.testing.Waits;
import static dev.omne.inspector.cli.FollowCommandTest.NEW;
import static dev.omne.inspector.cli.FollowCommandTest.OLD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.omne.inspector.testing.Tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code follow} over a volume with odd entries, there at the start and appearing while it runs: the other runs
 * are printed as usual, each odd entry is one {@code # notice} line, and nothing stalls or throws.
 */
class FollowOddVolumeTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String LONG = "l-" + "\u00e9".repeat(100) + "x".repeat(53); // 255 bytes of UTF-8

    @TempDir
    Path project;

    private Path runs() {
        return project.resolve(".omne/var/runs");
    }

    private Path log(String run, String content) throws IOException {
        Path file = Files.createDirectories(runs().resolve(run)).resolve("events.jsonl");
        if (content != null) {
            Files.writeString(file, content);
        }
        return file;
    }

    static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    static void mkfifo(Path path) throws Exception {
        Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo: " + out);
    }

    @Test
    void oddEntriesAreNoticesAndTheOtherRunsArePrinted() throws Exception {
        assumeTrue(isLinux(), "FIFOs and symbolic links as on Linux");
        assertEquals(255, LONG.getBytes(StandardCharsets.UTF_8).length);
        Path a = log("a", OLD);
        Path spaced = log("with space", OLD);
        Path unicode = log(LONG, OLD);
        log(".hidden", OLD);
        log("empty", "");
        Files.createDirectories(log("folder-log", null));
        mkfifo(log("fifo-log", null));
        Files.createSymbolicLink(log("dangling-log", null), project.resolve("nowhere.jsonl"));
        Files.writeString(runs().resolve("notes.txt"), "x");
        mkfifo(runs().resolve("fifo-entry"));

        FollowCommandTest.Running f = FollowCommandTest.Running.start("follow", project.toString());
        // The first batch, printed line by line: wait for all of it.
        List<String> expected = List.of(
                "# notice UNREADABLE folder-log: events.jsonl cannot be read: a folder, not a regular file;"
                        + " looking again on every change\n",
                "# notice UNREADABLE fifo-log: events.jsonl cannot be read: a FIFO (named pipe), not a regular file;",
                "# notice UNREADABLE dangling-log: events.jsonl cannot be read: a link to "
                        + project.resolve("nowhere.jsonl") + ", which does not exist;",
                "# notice NOT_A_RUN: notes.txt in the runs folder is a file, not a run folder: ignored\n",
                "# notice NOT_A_RUN: fifo-entry in the runs folder is a FIFO (named pipe), not a run folder: ignored\n");
        f.out().await("the start", t -> expected.stream().allMatch(t::contains));
        String start = f.out().text();
        assertTrue(start.startsWith("# following every run in " + project.toAbsolutePath() + " (7 runs;"), start);

        for (Path file : List.of(a, spaced, unicode)) {
            Files.writeString(file, NEW, StandardOpenOption.APPEND);
        }
        f.out().await("the new events", t -> t.contains("a 2 2026-04-15T00:00:01.500Z node.failed")
                && t.contains("with space 2 2026-04-15T00:00:01.500Z node.failed")
                && t.contains(LONG + " 2 2026-04-15T00:00:01.500Z node.failed"));

        // The same odd things, appearing while follow runs.
        Path late = log("late space", OLD);
        log(".late-hidden", OLD);
        Files.createDirectories(log("late-folder-log", null));
        mkfifo(log("late-fifo-log", null));
        Files.writeString(runs().resolve("late.txt"), "x");
        Files.createSymbolicLink(runs().resolve("late-link"), project.resolve("no-such-run"));
        Files.writeString(a, NEW, StandardOpenOption.APPEND);
        f.out().await("the late entries", t -> t.contains("late space 1 2026-04-15T00:00:00.000Z node.started plan")
                && t.contains("# notice UNREADABLE late-folder-log: ") && t.contains("# notice UNREADABLE late-fifo-log: ")
                && t.contains("# notice NOT_A_RUN: late.txt ") && t.contains("# notice NOT_A_RUN: late-link ")
                && t.contains("a 3 2026-04-15T00:00:01.500Z node.failed"));
        Files.writeString(late, NEW, StandardOpenOption.APPEND);
        f.out().await("late space's new event", t -> t.contains("late space 2 2026-04-15T00:00:01.500Z"));
        assertEquals(Cli.OK, f.endByClosingStdout(a));
        String all = f.out().text();
        assertFalse(all.contains("hidden"), all);
        assertTrue(all.contains("# run added late space\n"), all);
        assertEquals(1, all.lines().filter(l -> l.startsWith("# notice UNREADABLE fifo-log")).count(), all);
        assertEquals("", f.err().toString(StandardCharsets.UTF_8));
    }

    /**
     * A log nobody may read, with permissions really enforced: as root, follow runs in a child process that has
     * given up the capabilities to bypass them (setpriv), so root's own process is refused too.
     */
    @Test
    void aLogWithoutReadPermissionIsANoticeAndIsReadOnceAllowed() throws Exception {
        assumeTrue(isLinux(), "POSIX permissions and setpriv");
        Path open = log("open", OLD);
        Path locked = log("locked", OLD);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        List<String> command = new ArrayList<>();
        if (Files.isReadable(locked)) {
            assumeTrue(Tools.works("setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--inh-caps",
                    "-dac_override,-dac_read_search", "test", "!", "-r", locked.toString()),
                    "running as root, and setpriv cannot drop the capabilities that bypass permissions here");
            command.addAll(List.of("setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--inh-caps",
                    "-dac_override,-dac_read_search"));
        }
        Path out = project.resolve("follow.out");
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.omne.inspector.Main", "follow", project.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            Waits.forText(out, p, "# notice UNREADABLE locked: events.jsonl cannot be read: permission denied;"
                    + " looking again on every change", WAIT);
            Files.writeString(open, NEW, StandardOpenOption.APPEND);
            Waits.forText(out, p, "open 2 2026-04-15T00:00:01.500Z node.failed", WAIT);
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-r--r--"));
            Waits.forText(out, p, "locked 1 2026-04-15T00:00:00.000Z node.started plan", WAIT);
            assertTrue(p.isAlive(), Files.readString(out));
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        assertFalse(Files.readString(out).contains("Exception"), Files.readString(out));
    }

}
