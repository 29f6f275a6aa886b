package dev.omne.inspector.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.testing.Tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A watcher over a volume full of odd entries, there at the start and appearing while it watches: run folders
 * with spaces, unicode and 255-byte names, hidden folders, a file (a FIFO, a dangling link) where a run folder
 * should be, and logs that are empty, a folder, a FIFO, a dangling link or a link loop. The other runs load and
 * follow; each odd one is one notice, never an exception, and never a stalled watcher (a FIFO is never opened).
 */
class OddVolumeWatcherTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    /** The odd entries made under one name prefix, and what the watcher must make of them. */
    record Odd(List<String> readable, String empty, List<String> unreadable, List<String> notRuns, String hidden) {
        List<String> runs() {
            List<String> all = new ArrayList<>(readable);
            all.add(empty);
            all.addAll(unreadable);
            return all;
        }
    }

    private Volume volume() throws IOException {
        Files.createDirectories(dir.resolve("project/.omne/var/runs"));
        return Volume.at(dir.resolve("project"));
    }

    /** 255 bytes of UTF-8, the longest name most file systems take, with three-byte characters in it. */
    static String longName(String prefix) {
        String name = prefix + "-" + "\u4e16".repeat(60);
        return name + "x".repeat(255 - name.getBytes(StandardCharsets.UTF_8).length);
    }

    static void mkfifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo " + path + ": " + out);
    }

    /** Makes every kind of odd entry, names starting with {@code p}; each readable run gets line 0. */
    private Odd makeOdd(Volume volume, String p) throws Exception {
        Path runs = volume.runsDir();
        Path outside = Files.createDirectories(dir.resolve("outside-" + p));
        List<String> readable = List.of(p + " with space", p + "-unicod\u00e9-\u4e16\u754c", longName(p),
                p + "-linked-run", p + "-linked-log");
        for (String run : readable.subList(0, 3)) {
            Lines.write(volume.eventsFile(run), 0, 1);
        }
        // A run folder that is a link to a folder elsewhere, and a log that is a link to a file elsewhere: read.
        Lines.write(outside.resolve("run/events.jsonl"), 0, 1);
        Files.createSymbolicLink(runs.resolve(p + "-linked-run"), outside.resolve("run"));
        Lines.write(outside.resolve("log.jsonl"), 0, 1);
        Files.createDirectories(volume.runDir(p + "-linked-log"));
        Files.createSymbolicLink(volume.eventsFile(p + "-linked-log"), outside.resolve("log.jsonl"));

        String empty = p + "-empty";
        Files.createDirectories(volume.runDir(empty));
        Files.write(volume.eventsFile(empty), new byte[0]);

        List<String> unreadable = List.of(p + "-folder-log", p + "-fifo-log", p + "-dangling-log", p + "-loop-log");
        Files.createDirectories(volume.eventsFile(p + "-folder-log"));
        Files.createDirectories(volume.runDir(p + "-fifo-log"));
        mkfifo(volume.eventsFile(p + "-fifo-log"));
        Files.createDirectories(volume.runDir(p + "-dangling-log"));
        Files.createSymbolicLink(volume.eventsFile(p + "-dangling-log"), outside.resolve("missing.jsonl"));
        Files.createDirectories(volume.runDir(p + "-loop-log"));
        Files.createSymbolicLink(volume.eventsFile(p + "-loop-log"), Path.of(Volume.EVENTS_FILE));

        List<String> notRuns = List.of(p + "-notes.txt", p + "-fifo-entry", p + "-dangling-entry");
        Files.writeString(runs.resolve(p + "-notes.txt"), "not a run\n");
        mkfifo(runs.resolve(p + "-fifo-entry"));
        Files.createSymbolicLink(runs.resolve(p + "-dangling-entry"), outside.resolve("no-such-run"));

        String hidden = "." + p + "-hidden";
        Lines.write(volume.eventsFile(hidden), 0, 3);
        return new Odd(readable, empty, unreadable, notRuns, hidden);
    }

    private static VolumeWatcher start(VolumeWatcherTest.Mode mode, Volume volume, Collector c) throws IOException {
        assumeTrue(mode != VolumeWatcherTest.Mode.EVENTS_ONLY || Tools.isLinux(),
                "change events alone are prompt only on Linux");
        FollowOptions options = switch (mode) {
            case EVENTS_ONLY -> FollowOptions.DEFAULT.withPollInterval(Duration.ZERO);
            case POLL_ONLY -> FollowOptions.DEFAULT.withPollInterval(Duration.ofMillis(20));
            case BOTH -> FollowOptions.DEFAULT;
        };
        return VolumeWatcher.start(volume, options, c, mode != VolumeWatcherTest.Mode.POLL_ONLY);
    }

    /** Waits until everything about the odd entries is known, then checks what was made of them. */
    private static void awaitOdd(Collector c, Odd odd) throws InterruptedException {
        for (String run : odd.readable) {
            c.awaitRows(run, Lines.seqs(0, 1), WAIT);
        }
        for (String run : odd.unreadable) {
            c.await("the notice of " + run, WAIT, x -> x.count(TailNotice.Kind.UNREADABLE, run) == 1);
        }
        for (String entry : odd.notRuns) {
            c.await("the notice of " + entry, WAIT, x -> notRun(x, entry) == 1);
        }
        c.await("the empty run", WAIT, x -> x.runs.contains(odd.empty));
        synchronized (c) {
            assertTrue(c.runs.containsAll(odd.runs()), c.runs.toString());
            assertFalse(c.runs.contains(odd.hidden), "a hidden folder is never a run");
            assertEquals(List.of(), c.rows(odd.empty));
            for (String run : odd.unreadable) {
                assertEquals(List.of(), c.rows(run), run);
            }
            assertEquals(0, c.count(TailNotice.Kind.UNREADABLE, odd.empty));
            assertTrue(message(c, odd.unreadable.get(0)).contains("a folder, not a regular file"),
                    message(c, odd.unreadable.get(0)));
            assertTrue(message(c, odd.unreadable.get(1)).contains("a FIFO (named pipe), not a regular file"),
                    message(c, odd.unreadable.get(1)));
            assertTrue(message(c, odd.unreadable.get(2)).contains("missing.jsonl, which does not exist"),
                    message(c, odd.unreadable.get(2)));
            assertTrue(message(c, odd.unreadable.get(3)).contains("cannot be followed"),
                    message(c, odd.unreadable.get(3)));
            assertTrue(notRunMessage(c, odd.notRuns.get(0)).endsWith(" is a file, not a run folder: ignored"),
                    notRunMessage(c, odd.notRuns.get(0)));
            assertTrue(notRunMessage(c, odd.notRuns.get(1)).contains("is a FIFO (named pipe), not a run folder"));
            assertTrue(notRunMessage(c, odd.notRuns.get(2)).contains("no-such-run, which does not exist"));
        }
    }

    private static long notRun(Collector c, String entry) {
        return c.notices.stream().filter(n -> n.kind() == TailNotice.Kind.NOT_A_RUN && n.runId() == null
                && n.file().getFileName().toString().equals(entry)).count();
    }

    private static String message(Collector c, String run) {
        return c.notices.stream().filter(n -> n.kind() == TailNotice.Kind.UNREADABLE && run.equals(n.runId()))
                .map(TailNotice::message).findFirst().orElse("(none)");
    }

    private static String notRunMessage(Collector c, String entry) {
        return c.notices.stream().filter(n -> n.kind() == TailNotice.Kind.NOT_A_RUN
                && n.file().getFileName().toString().equals(entry)).map(TailNotice::message).findFirst().orElse("");
    }

    /**
     * One more line on every readable run, followed; then no odd entry was reported twice. A log that is itself a
     * link changes in its target's folder, which sends no change events to the run folder's watch: with change
     * events alone it is not followed (the poll, on by default, follows it).
     */
    private static void appendAndFollow(Volume volume, Collector c, Odd odd, Path outsideRoot, String p,
                                        VolumeWatcherTest.Mode mode) throws Exception {
        for (String run : odd.readable.subList(0, 3)) {
            Lines.append(volume.eventsFile(run), 1, 1);
        }
        Lines.append(outsideRoot.resolve("outside-" + p + "/run/events.jsonl"), 1, 1);
        Lines.append(outsideRoot.resolve("outside-" + p + "/log.jsonl"), 1, 1);
        Lines.append(volume.eventsFile(odd.empty), 0, 2);
        for (String run : odd.readable) {
            if (mode != VolumeWatcherTest.Mode.EVENTS_ONLY || !run.endsWith("-linked-log")) {
                c.awaitRows(run, Lines.seqs(0, 2), WAIT);
            }
        }
        c.awaitRows(odd.empty, Lines.seqs(0, 2), WAIT);
        synchronized (c) {
            for (String run : odd.unreadable) {
                assertEquals(1, c.count(TailNotice.Kind.UNREADABLE, run), "reported once: " + run);
            }
            for (String entry : odd.notRuns) {
                assertEquals(1, notRun(c, entry), "reported once: " + entry);
            }
        }
    }

    private static void assertClean(Collector c, VolumeWatcher watcher) {
        assertTrue(watcher.isRunning(), "the watcher thread is alive");
        assertEquals(List.of(), c.violations);
        assertEquals(List.of(), c.diagnostics);
        Set<TailNotice.Kind> kinds = new TreeSet<>();
        c.notices.forEach(n -> kinds.add(n.kind()));
        assertTrue(Set.of(TailNotice.Kind.UNREADABLE, TailNotice.Kind.NOT_A_RUN).containsAll(kinds), kinds.toString());
    }

    @ParameterizedTest
    @EnumSource(VolumeWatcherTest.Mode.class)
    void oddEntriesThereAtTheStart(VolumeWatcherTest.Mode mode) throws Exception {
        assumeTrue(Tools.works("mkfifo", "--version"), "needs mkfifo");
        Volume volume = volume();
        Lines.write(volume.eventsFile("a"), 0, 1);
        Odd odd = makeOdd(volume, "s");
        Collector c = new Collector();
        try (VolumeWatcher watcher = start(mode, volume, c)) {
            c.await("the first batch", WAIT, x -> !x.updates.isEmpty());
            List<String> expected = new ArrayList<>(odd.runs());
            expected.add("a");
            assertEquals(expected.stream().sorted().toList(), watcher.runs());
            awaitOdd(c, odd);
            assertEquals(watcher.runs(), c.updates.getFirst().runsAdded(), "all in the first batch");
            appendAndFollow(volume, c, odd, dir, "s", mode);
            Lines.append(volume.eventsFile("a"), 1, 1);
            c.awaitRows("a", Lines.seqs(0, 2), WAIT);
            assertClean(c, watcher);
        }
    }

    @ParameterizedTest
    @EnumSource(VolumeWatcherTest.Mode.class)
    void oddEntriesAppearingWhileWatching(VolumeWatcherTest.Mode mode) throws Exception {
        assumeTrue(Tools.works("mkfifo", "--version"), "needs mkfifo");
        Volume volume = volume();
        Lines.write(volume.eventsFile("a"), 0, 1);
        Collector c = new Collector();
        try (VolumeWatcher watcher = start(mode, volume, c)) {
            c.awaitRows("a", Lines.seqs(0, 1), WAIT);
            Odd odd = makeOdd(volume, "w");
            Lines.append(volume.eventsFile("a"), 1, 1);
            awaitOdd(c, odd);
            c.awaitRows("a", Lines.seqs(0, 2), WAIT);
            appendAndFollow(volume, c, odd, dir, "w", mode);
            assertClean(c, watcher);
            // Gone again: the entries are forgotten, and reported again if they come back.
            Files.delete(volume.runsDir().resolve(odd.notRuns.get(0)));
            Files.writeString(volume.runsDir().resolve("later.txt"), "x");
            c.await("later.txt", WAIT, x -> notRun(x, "later.txt") == 1);
            Files.writeString(volume.runsDir().resolve(odd.notRuns.get(0)), "back");
            c.await("the file back", WAIT, x -> notRun(x, odd.notRuns.get(0)) == 2);
        }
    }

    @ParameterizedTest
    @EnumSource(VolumeWatcherTest.Mode.class)
    void aLogTurnedIntoAFifoOrAFolderKeepsItsRowsAndIsReadAgainOnceItIsAFile(VolumeWatcherTest.Mode mode)
            throws Exception {
        assumeTrue(Tools.works("mkfifo", "--version"), "needs mkfifo");
        Volume volume = volume();
        Path log = volume.eventsFile("r1");
        Lines.write(log, 0, 3);
        Lines.write(volume.eventsFile("r2"), 0, 1);
        Collector c = new Collector();
        try (VolumeWatcher watcher = start(mode, volume, c)) {
            c.awaitRows("r1", Lines.seqs(0, 3), WAIT);
            Files.delete(log);
            mkfifo(log);
            c.await("the FIFO notice", WAIT, x -> x.count(TailNotice.Kind.UNREADABLE, "r1") == 1);
            assertTrue(message(c, "r1").contains("FIFO") && message(c, "r1").contains("keeping what was read"),
                    message(c, "r1"));
            assertEquals(Lines.seqs(0, 3), c.rows("r1"), "what was read is kept");
            assertTrue(watcher.logGone("r1"));
            Lines.append(volume.eventsFile("r2"), 1, 1);
            c.awaitRows("r2", Lines.seqs(0, 2), WAIT);

            Files.delete(log);
            Files.createDirectories(log);
            c.await("the folder notice", WAIT, x -> x.count(TailNotice.Kind.UNREADABLE, "r1") == 2);
            Files.delete(log);
            Lines.write(log, 10, 2);
            c.await("the log back", WAIT, x -> x.count(TailNotice.Kind.RECREATED, "r1") == 1);
            c.awaitRows("r1", Lines.seqs(10, 2), WAIT);
            assertFalse(watcher.logGone("r1"));
            Lines.append(log, 12, 1);
            c.awaitRows("r1", Lines.seqs(10, 3), WAIT);
            assertTrue(watcher.isRunning());
        }
        assertEquals(List.of(), c.violations);
        assertEquals(List.of(), c.diagnostics);
        assertEquals(0, c.count(TailNotice.Kind.READ_RETRY));
    }

    @ParameterizedTest
    @EnumSource(VolumeWatcherTest.Mode.class)
    void aRunsFolderThatIsALinkIsFollowedThroughIt(VolumeWatcherTest.Mode mode) throws Exception {
        Path project = Files.createDirectories(dir.resolve("project/.omne/var")).getParent().getParent();
        Path real = Files.createDirectories(dir.resolve("elsewhere/runs"));
        Files.createSymbolicLink(project.resolve(".omne/var/runs"), real);
        Volume volume = Volume.at(project);
        Lines.write(volume.eventsFile("r1"), 0, 2);
        Collector c = new Collector();
        try (VolumeWatcher watcher = start(mode, volume, c)) {
            c.awaitRows("r1", Lines.seqs(0, 2), WAIT);
            Lines.append(real.resolve("r1/events.jsonl"), 2, 1);
            c.awaitRows("r1", Lines.seqs(0, 3), WAIT);
            Lines.write(real.resolve("r2/events.jsonl"), 0, 1);
            c.awaitRows("r2", Lines.seqs(0, 1), WAIT);
            assertEquals(List.of("r1", "r2"), watcher.runs());
        }
        assertEquals(List.of(), c.violations);
        assertEquals(List.of(), c.notices);
    }

    @Test
    void aRunsFolderLinkThatLeadsNowhereIsNoRunsUntilItsTargetAppears() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project/.omne/var")).getParent().getParent();
        Path real = dir.resolve("later/runs");
        Files.createSymbolicLink(project.resolve(".omne/var/runs"), real);
        Volume volume = Volume.at(project);
        Collector c = new Collector();
        // The link's target appears without any change in the watched folders: the poll finds it.
        try (VolumeWatcher watcher = start(VolumeWatcherTest.Mode.POLL_ONLY, volume, c)) {
            c.await("the first batch", WAIT, x -> !x.updates.isEmpty());
            assertEquals(List.of(), watcher.runs());
            Lines.write(real.resolve("r1/events.jsonl"), 0, 2);
            c.awaitRows("r1", Lines.seqs(0, 2), WAIT);
            assertTrue(watcher.isRunning());
        }
        assertEquals(List.of(), c.violations);
    }

    @Test
    void aLogWithoutReadPermissionIsReportedWhenPermissionsAreEnforced() throws Exception {
        assumeTrue(Tools.isLinux(), "POSIX permissions");
        Volume volume = volume();
        Path log = volume.eventsFile("locked");
        Lines.write(log, 0, 1);
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(log), "running as root: permissions are not enforced in this process"
                + " (FollowCommandTest runs follow without the capability to bypass them)");
        Lines.write(volume.eventsFile("open"), 0, 1);
        Collector c = new Collector();
        try (VolumeWatcher watcher = VolumeWatcher.start(volume, FollowOptions.DEFAULT, c)) {
            c.awaitRows("open", Lines.seqs(0, 1), WAIT);
            c.await("the notice", WAIT, x -> x.count(TailNotice.Kind.UNREADABLE, "locked") == 1);
            assertTrue(message(c, "locked").contains("permission denied"), message(c, "locked"));
            Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
            c.awaitRows("locked", Lines.seqs(0, 1), WAIT);
        }
    }
}
