package dev.omne.inspector.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.testing.Tools;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A watcher over a real volume while files change under it. Each case runs three ways: change events alone
 * (the poll off, so on Linux inotify must do it), the poll alone (as on a file system that sends no events),
 * and both (the default). Waits are on conditions with deadlines, never on sleeps.
 */
class VolumeWatcherTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    enum Mode { EVENTS_ONLY, POLL_ONLY, BOTH }

    @TempDir
    Path dir;

    private Volume volume() throws IOException {
        Files.createDirectories(dir.resolve("project/.omne/var/runs"));
        return Volume.at(dir.resolve("project"));
    }

    private static VolumeWatcher start(Mode mode, Volume volume, Collector collector) throws IOException {
        assumeTrue(mode != Mode.EVENTS_ONLY || Tools.isLinux(), "change events alone are prompt only on Linux");
        FollowOptions options = switch (mode) {
            case EVENTS_ONLY -> FollowOptions.DEFAULT.withPollInterval(Duration.ZERO);
            case POLL_ONLY -> FollowOptions.DEFAULT.withPollInterval(Duration.ofMillis(20));
            case BOTH -> FollowOptions.DEFAULT;
        };
        return VolumeWatcher.start(volume, options, collector, mode != Mode.POLL_ONLY);
    }

    private static void awaitFirstBatch(Collector c) throws InterruptedException {
        c.await("the first batch", WAIT, x -> !x.updates.isEmpty());
    }

    @Test
    void anExternalWriterSplittingLinesInHalvesDeliversExactlyItsEventsInOrder() throws Exception {
        assumeTrue(Tools.isLinux() && Tools.works("python3", "-c", "import fcntl"), "needs python3 with fcntl");
        Volume volume = volume();
        String run = "pipe-01";
        Files.createDirectories(volume.runDir(run)); // the runner makes the folder, then the log on its first append
        Collector c = new Collector();
        Path logs = dir.resolve("logs");
        int lines = 10_000;
        try (VolumeWatcher watcher = VolumeWatcher.start(volume, FollowOptions.DEFAULT, c)) {
            awaitFirstBatch(c);
            assertEquals(List.of(run), c.updates.getFirst().runsAdded());
            Process writer = Writers.start(logs, "writer", "append", volume.eventsFile(run).toString(),
                    String.valueOf(lines), "50", "5");
            c.awaitRows(run, Lines.seqs(0, lines), Duration.ofSeconds(60));
            Writers.await(writer, logs, "writer", WAIT);
            assertTrue(watcher.heldBackPolls(run) > 0, "the watcher read some line's first half alone");
            System.out.printf("%d lines in %d batches; %d reads held back half a line; min gap %.1f ms%n", lines,
                    c.updates.size(), watcher.heldBackPolls(run), c.minGapNanos / 1e6);
        }
        assertEquals(List.of(), c.diagnostics, "no partial line was ever judged");
        assertEquals(List.of(), c.notices);
        assertEquals(List.of(), c.violations);
        assertEquals(Lines.onDisk(volume.eventsFile(run)), c.rows(run));
        // 16 ms apart when the watcher decides; the listener's own clock may see a little less if the watcher
        // thread is descheduled between deciding and calling.
        assertTrue(c.minGapNanos >= TimeUnit.MILLISECONDS.toNanos(12),
                "batches of a run about 16 ms apart, saw " + c.minGapNanos / 1e6 + " ms");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void truncatedThenRegrown(Mode mode) throws Exception {
        Volume volume = volume();
        Path file = volume.eventsFile("r1");
        Lines.write(file, 0, 5);
        Collector c = new Collector();
        try (VolumeWatcher watcher = start(mode, volume, c)) {
            c.awaitRows("r1", Lines.seqs(0, 5), WAIT);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(0);
            }
            c.await("the truncation", WAIT, x -> x.count(TailNotice.Kind.TRUNCATED, "r1") == 1);
            c.awaitRows("r1", List.of(), WAIT);
            Lines.append(file, 100, 3);
            c.awaitRows("r1", Lines.seqs(100, 3), WAIT);
            // Rewritten whole, longer, before anyone could look: the first bytes tell.
            Lines.write(file, 200, 7);
            c.awaitRows("r1", Lines.seqs(200, 7), WAIT);
            assertEquals(2, c.count(TailNotice.Kind.TRUNCATED, "r1"));
            assertEquals(Lines.seqs(200, 7), watcherRows(watcher, "r1"));
        }
        assertClean(c, TailNotice.Kind.TRUNCATED);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void replacedByRename(Mode mode) throws Exception {
        Volume volume = volume();
        Path file = volume.eventsFile("r1");
        Lines.write(file, 0, 5);
        Collector c = new Collector();
        try (VolumeWatcher watcher = start(mode, volume, c)) {
            c.awaitRows("r1", Lines.seqs(0, 5), WAIT);
            Path written = volume.runDir("r1").resolve("events.jsonl.tmp");
            Files.write(written, Lines.lines(0, 2));
            Lines.append(written, 50, 4); // the same first bytes, then others: a different log
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            c.await("the replacement", WAIT, x -> x.count(TailNotice.Kind.REPLACED, "r1") == 1);
            c.awaitRows("r1", java.util.stream.Stream.concat(Lines.seqs(0, 2).stream(), Lines.seqs(50, 4).stream())
                    .toList(), WAIT);
            // Replaced again by one that begins with all that was read: followed on, with no notice.
            Path longer = volume.runDir("r1").resolve("events.jsonl.tmp");
            Files.copy(file, longer);
            Lines.append(longer, 90, 3);
            Files.move(longer, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            c.awaitRows("r1", java.util.stream.Stream.of(Lines.seqs(0, 2), Lines.seqs(50, 4), Lines.seqs(90, 3))
                    .flatMap(List::stream).toList(), WAIT);
            assertEquals(1, c.count(TailNotice.Kind.REPLACED, "r1"), "the continuation is no replacement");
            Lines.append(file, 95, 2);
            c.awaitRows("r1", java.util.stream.Stream.of(Lines.seqs(0, 2), Lines.seqs(50, 4), Lines.seqs(90, 3),
                    Lines.seqs(95, 2)).flatMap(List::stream).toList(), WAIT);
            assertEquals(Lines.onDisk(file), watcherRows(watcher, "r1"));
        }
        assertClean(c, TailNotice.Kind.REPLACED);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void deletedThenRecreated(Mode mode) throws Exception {
        Volume volume = volume();
        Path file = volume.eventsFile("r1");
        Lines.write(file, 0, 5);
        Collector c = new Collector();
        try (VolumeWatcher watcher = start(mode, volume, c)) {
            c.awaitRows("r1", Lines.seqs(0, 5), WAIT);
            Files.delete(file);
            c.await("the deletion", WAIT, x -> x.count(TailNotice.Kind.DELETED, "r1") == 1);
            assertEquals(Boolean.TRUE, c.gone.get("r1"));
            assertTrue(watcher.logGone("r1"));
            assertEquals(Lines.seqs(0, 5), c.rows("r1"), "what was read is kept");
            assertEquals(List.of("r1"), watcher.runs(), "the run stays: only its log is gone");
            Lines.append(file, 50, 2);
            c.await("the return", WAIT, x -> x.count(TailNotice.Kind.RECREATED, "r1") == 1);
            c.awaitRows("r1", Lines.seqs(50, 2), WAIT);
            assertEquals(Boolean.FALSE, c.gone.get("r1"));
        }
        assertClean(c, TailNotice.Kind.DELETED, TailNotice.Kind.RECREATED);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aRunFolderCreatedAfterTheStartIsFollowedAndItsRemovalSeen(Mode mode) throws Exception {
        Volume volume = volume();
        Lines.write(volume.eventsFile("r1"), 0, 2);
        Collector c = new Collector();
        try (VolumeWatcher watcher = start(mode, volume, c)) {
            c.awaitRows("r1", Lines.seqs(0, 2), WAIT);
            Files.createDirectories(volume.runDir("r2"));
            c.await("r2 added", WAIT, x -> x.runs.contains("r2"));
            assertEquals(List.of(), c.rows("r2"));
            Lines.append(volume.eventsFile("r2"), 0, 4);
            c.awaitRows("r2", Lines.seqs(0, 4), WAIT);
            assertEquals(List.of("r1", "r2"), watcher.runs());
            deleteTree(volume.runDir("r2"));
            c.await("r2 removed", WAIT, x -> !x.runs.contains("r2"));
            assertEquals(List.of("r1"), watcher.runs());
            assertTrue(watcher.snapshot("r2").isEmpty());
            Lines.append(volume.eventsFile("r1"), 2, 1);
            c.awaitRows("r1", Lines.seqs(0, 3), WAIT);
        }
        // The log goes before its folder: a look in between rightly sees it deleted.
        assertClean(c, TailNotice.Kind.DELETED);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aRunsFolderCreatedAfterTheStartIsFollowedAgainAfterItsDeletion(Mode mode) throws Exception {
        Path project = dir.resolve("project");
        Files.createDirectories(project);
        Volume volume = Volume.at(project);
        Collector c = new Collector();
        try (VolumeWatcher watcher = start(mode, volume, c)) {
            awaitFirstBatch(c);
            assertEquals(List.of(), watcher.runs());
            Lines.write(volume.eventsFile("r1"), 0, 3); // makes .omne/var/runs/r1 in one go
            c.awaitRows("r1", Lines.seqs(0, 3), WAIT);
            deleteTree(project.resolve(".omne"));
            c.await("r1 removed", WAIT, x -> x.runs.isEmpty());
            Lines.write(volume.eventsFile("r2"), 10, 2);
            c.awaitRows("r2", Lines.seqs(10, 2), WAIT);
            Lines.append(volume.eventsFile("r2"), 12, 1);
            c.awaitRows("r2", Lines.seqs(10, 3), WAIT);
            assertEquals(List.of("r2"), watcher.runs());
        }
        assertClean(c, TailNotice.Kind.DELETED);
    }

    @Test
    void aThousandRunFoldersAtOnceOverflowTheQueueAndARescanFindsThemAll() throws Exception {
        assumeTrue(Tools.isLinux() && Tools.works("python3", "-c", "import fcntl"),
                "needs Linux (inotify) and python3 with fcntl");
        Volume volume = volume();
        Path gate = volume.eventsFile("gate");
        Lines.write(gate, 0, 1);
        Collector c = new Collector();
        Path logs = dir.resolve("logs");
        // Change events only: nothing but the rescan after OVERFLOW can find the runs.
        try (VolumeWatcher watcher = start(Mode.EVENTS_ONLY, volume, c)) {
            c.awaitRows("gate", Lines.seqs(0, 1), WAIT);
            // Hold the watcher thread in the listener while the folders appear, so the events pile up.
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch held = c.blockNext(release);
            Lines.append(gate, 1, 1);
            assertTrue(held.await(WAIT.toMillis(), TimeUnit.MILLISECONDS), "the listener was called");
            long t0 = System.nanoTime();
            try {
                Process maker = Writers.start(logs, "runs", "runs", volume.runsDir().toString(), "1000", "3");
                Writers.await(maker, logs, "runs", WAIT);
            } finally {
                release.countDown();
            }
            long t1 = System.nanoTime();
            c.await("1001 runs", WAIT, x -> x.runs.size() == 1001);
            System.out.printf("1000 run folders made in %d ms, all followed %d ms later%n", (t1 - t0) / 1_000_000,
                    (System.nanoTime() - t1) / 1_000_000);
            for (int i = 0; i < 1000; i++) {
                String run = String.format("bulk-%04d", i);
                c.awaitRows(run, Lines.seqs(0, 3), WAIT);
            }
            assertTrue(c.count(TailNotice.Kind.RESCAN) >= 1, "OVERFLOW was seen: " + c.notices.size() + " notices");
            assertEquals(1001, watcher.runs().size());
            Lines.append(volume.eventsFile("bulk-0999"), 3, 1);
            c.awaitRows("bulk-0999", Lines.seqs(0, 4), WAIT);
        }
        assertEquals(List.of(), c.violations);
        assertEquals(List.of(), c.diagnostics);
    }

    @Test
    void aReadRefusedByAWritersLockIsRetriedShortlyWithoutEnd() throws Exception {
        assumeTrue(Tools.isLinux(), "change events alone are prompt only on Linux");
        Volume volume = volume();
        Path file = volume.eventsFile("r1");
        Lines.write(file, 0, 2);
        AtomicBoolean locked = new AtomicBoolean();
        CountDownLatch refusals = new CountDownLatch(10);
        RunTailer.Opener opener = f -> {
            if (locked.get()) {
                refusals.countDown();
                throw new IOException("The process cannot access the file because another process has locked a"
                        + " portion of the file");
            }
            return RunTailer.DEFAULT_OPENER.open(f);
        };
        Collector c = new Collector();
        // No poll: after the one change event, only the retry timer can get the lines.
        try (VolumeWatcher watcher = VolumeWatcher.start(volume, FollowOptions.DEFAULT.withPollInterval(Duration.ZERO),
                c, true, opener)) {
            c.awaitRows("r1", Lines.seqs(0, 2), WAIT);
            locked.set(true);
            Lines.append(file, 2, 3);
            c.await("the retry notice", WAIT, x -> x.count(TailNotice.Kind.READ_RETRY, "r1") == 1);
            assertTrue(refusals.await(WAIT.toMillis(), TimeUnit.MILLISECONDS), "reads are retried");
            locked.set(false);
            c.awaitRows("r1", Lines.seqs(0, 5), WAIT);
            assertEquals(1, c.count(TailNotice.Kind.READ_RETRY, "r1"), "reported once per refusal streak");
            assertTrue(c.notices.getFirst().message().contains("locked a portion"), c.notices.toString());
        }
        assertClean(c, TailNotice.Kind.READ_RETRY);
    }

    @Test
    void onlyOneRunIsFollowedWhenAsked() throws Exception {
        Volume volume = volume();
        Lines.write(volume.eventsFile("a"), 0, 1);
        Collector c = new Collector();
        try (VolumeWatcher watcher = VolumeWatcher.start(volume, FollowOptions.DEFAULT.withOnlyRun("b"), c)) {
            awaitFirstBatch(c);
            assertEquals(List.of(), watcher.runs());
            Lines.write(volume.eventsFile("b"), 0, 2);
            c.awaitRows("b", Lines.seqs(0, 2), WAIT);
            Lines.append(volume.eventsFile("a"), 1, 1);
            Lines.append(volume.eventsFile("b"), 2, 1);
            c.awaitRows("b", Lines.seqs(0, 3), WAIT);
            assertEquals(Set.of("b"), c.runs);
        }
    }

    @Test
    void aSingleFileOutsideAnyVolumeIsFollowed() throws Exception {
        Path file = dir.resolve("loose/log.jsonl");
        Collector c = new Collector();
        try (VolumeWatcher watcher = VolumeWatcher.startFile(file, FollowOptions.DEFAULT, c)) {
            awaitFirstBatch(c);
            assertEquals(List.of("loose"), watcher.runs());
            Lines.write(file, 0, 2);
            c.awaitRows("loose", Lines.seqs(0, 2), WAIT);
            Files.writeString(dir.resolve("loose/other.jsonl"), "not followed\n");
            Lines.append(file, 2, 1);
            c.awaitRows("loose", Lines.seqs(0, 3), WAIT);
        }
        assertClean(c);
    }

    @Test
    void aFailingListenerDoesNotStopTheWatcher() throws Exception {
        Volume volume = volume();
        Lines.write(volume.eventsFile("r1"), 0, 1);
        Collector c = new Collector();
        boolean[] thrown = {false};
        try (VolumeWatcher watcher = VolumeWatcher.start(volume, FollowOptions.DEFAULT, update -> {
            c.onUpdate(update);
            if (!thrown[0]) {
                thrown[0] = true;
                throw new IllegalStateException("a listener bug");
            }
        })) {
            c.awaitRows("r1", Lines.seqs(0, 1), WAIT);
            Lines.append(volume.eventsFile("r1"), 1, 1);
            c.awaitRows("r1", Lines.seqs(0, 2), WAIT);
            assertTrue(watcher.isRunning());
        }
    }

    @Test
    void closingStopsEveryThreadItStartedAndIsIdempotent() throws Exception {
        Volume volume = volume();
        Lines.write(volume.eventsFile("r1"), 0, 1);
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        List<VolumeWatcher> watchers = new ArrayList<>();
        List<Collector> collectors = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Collector c = new Collector();
            collectors.add(c);
            watchers.add(VolumeWatcher.start(volume, FollowOptions.DEFAULT, c));
        }
        for (Collector c : collectors) {
            c.awaitRows("r1", Lines.seqs(0, 1), WAIT);
        }
        // Ours, and the JDK's own watch thread that each of its WatchServices starts (where inotify is not used directly).
        List<Thread> started = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                .filter(t -> t.getName().startsWith("omne-watch-") || t.getName().startsWith("FileSystemWatch"))
                .toList();
        assertTrue(started.stream().filter(t -> t.getName().startsWith("omne-watch-")).count() == 3,
                "three named watcher threads: " + started);
        if (InotifyWatchService.available()) {
            assertEquals(0, started.stream().filter(t -> t.getName().startsWith("FileSystemWatch")).count(),
                    "inotify is waited on by the watcher threads themselves: " + started);
        } else if (Tools.isLinux()) {
            assertEquals(3, started.stream().filter(t -> t.getName().startsWith("FileSystemWatch")).count(),
                    "and the JDK's inotify threads: " + started);
        }
        assertTrue(started.stream().allMatch(Thread::isDaemon), "daemons: " + started);
        for (Collector c : collectors) {
            assertTrue(c.listenerThread.startsWith("omne-watch-"), c.listenerThread);
        }
        for (VolumeWatcher w : watchers) {
            w.close();
            w.close();
            assertFalse(w.isRunning());
            assertEquals(List.of(), w.runs());
        }
        for (Thread t : started) {
            t.join(WAIT.toMillis());
            assertFalse(t.isAlive(), t.getName() + " still runs after close");
        }
        int batches = collectors.getFirst().updates.size();
        Lines.append(volume.eventsFile("r1"), 1, 1);
        // A closed watcher's listener is never called again; a watcher closing itself from its listener works.
        Collector self = new Collector();
        VolumeWatcher[] holder = new VolumeWatcher[1];
        CountDownLatch closedInside = new CountDownLatch(1);
        holder[0] = VolumeWatcher.start(volume, FollowOptions.DEFAULT, update -> {
            self.onUpdate(update);
            synchronized (holder) {
                while (holder[0] == null) {
                    try {
                        holder.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            holder[0].close();
            closedInside.countDown();
        });
        synchronized (holder) {
            holder.notifyAll();
        }
        assertTrue(closedInside.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        String name = holder[0].threadName();
        Thread selfThread = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name))
                .findFirst().orElse(null);
        if (selfThread != null) {
            selfThread.join(WAIT.toMillis());
        }
        assertFalse(holder[0].isRunning());
        assertEquals(batches, collectors.getFirst().updates.size());
    }

    private static List<Long> watcherRows(VolumeWatcher watcher, String run) {
        var s = watcher.snapshot(run).orElseThrow();
        List<Long> rows = new ArrayList<>();
        for (int row = 0; row < s.size(); row++) {
            rows.add(Lines.seq(s, row));
        }
        return rows;
    }

    /** No contract broken, no diagnostics, and no notices but the expected kinds. */
    private static void assertClean(Collector c, TailNotice.Kind... expected) {
        assertEquals(List.of(), c.violations);
        assertEquals(List.of(), c.diagnostics);
        Set<TailNotice.Kind> allowed = Set.of(expected);
        assertEquals(List.of(), c.notices.stream().filter(n -> !allowed.contains(n.kind())).toList());
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
