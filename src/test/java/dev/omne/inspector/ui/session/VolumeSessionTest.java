package dev.omne.inspector.ui.session;

import dev.omne.inspector.core.cache.CacheFolder;
import dev.omne.inspector.core.index.IndexCache;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.testing.Waits;
import dev.omne.inspector.ui.testing.TestLogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class VolumeSessionTest {
    private static final String OTHER = "bugfix-01kpfntqeej7vhn935kc0tm9vz";

    @TempDir
    Path project;

    /** Stands for the UI thread: hand-overs queue here until the test runs them. */
    private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    private final List<SessionBatch> batches = new ArrayList<>();
    /** Each run's latest change, merged as the window would see it. */
    private final Map<String, RunChange> runs = new ConcurrentHashMap<>();
    private VolumeSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private void start(Volume volume) {
        session = VolumeSession.start(volume, ui::add, batch -> {
            batches.add(batch);
            batch.runsRemoved().forEach(runs::remove);
            for (RunChange c : batch.runs()) {
                runs.merge(c.runId(), c, RunChange::then);
            }
        }, Clock.systemUTC());
    }

    /** Runs hand-overs as they come until the condition holds. */
    private void drainUntil(Predicate<VolumeSessionTest> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.test(this)) {
            Runnable r = ui.poll(50, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
            if (System.nanoTime() > deadline) {
                fail("timed out; batches: " + batches);
            }
        }
    }

    private int pendingFrom() {
        RunChange pending = session.pendingChange(TestLogs.RUN);
        return pending == null ? -1 : pending.fromRow();
    }

    private int rows(String run) {
        RunChange c = runs.get(run);
        return c == null ? -1 : c.size();
    }

    @Test
    void everyRunArrivesWithItsIndexAndItsFactsSummedUp() throws Exception {
        Volume volume = TestLogs.volume(project, TestLogs.RUN, List.of(
                TestLogs.event("run.started", 1, null), "{broken", TestLogs.event("run.completed", 3, null)));
        TestLogs.write(volume.eventsFile(OTHER), TestLogs.events(4));
        start(volume);
        drainUntil(t -> rows(TestLogs.RUN) == 3 && rows(OTHER) == 4);
        RunChange run = runs.get(TestLogs.RUN);
        assertTrue(run.reset());
        assertEquals(2, run.facts().events());
        assertEquals(1, run.facts().malformed());
        assertEquals("run.completed", run.facts().endType());
        assertFalse(run.indexing());
        assertTrue(batches.stream().flatMap(b -> b.runsAdded().stream()).toList().containsAll(List.of(TestLogs.RUN, OTHER)));
    }

    @Test
    void appendedLinesArriveAsNewRowsAndFactsGrow() throws Exception {
        Volume volume = TestLogs.volume(project, TestLogs.RUN, TestLogs.events(3));
        start(volume);
        drainUntil(t -> rows(TestLogs.RUN) == 3);
        runs.clear();
        TestLogs.append(volume.eventsFile(TestLogs.RUN), List.of(TestLogs.event("node.failed", 9, "n9")));
        drainUntil(t -> rows(TestLogs.RUN) == 4);
        RunChange change = runs.get(TestLogs.RUN);
        assertFalse(change.reset());
        assertEquals(3, change.fromRow());
        assertEquals(4, change.toRow());
        assertEquals(4, change.facts().events());
        assertEquals("node.failed", change.facts().lastType());
    }

    @Test
    void runsAppearAndDisappear() throws Exception {
        Volume volume = TestLogs.volume(project, TestLogs.RUN, TestLogs.events(2));
        start(volume);
        drainUntil(t -> rows(TestLogs.RUN) == 2);
        TestLogs.write(volume.eventsFile(OTHER), TestLogs.events(5));
        drainUntil(t -> rows(OTHER) == 5);
        Files.delete(volume.eventsFile(TestLogs.RUN));
        Files.delete(volume.runDir(TestLogs.RUN));
        drainUntil(t -> batches.stream().anyMatch(b -> b.runsRemoved().contains(TestLogs.RUN)));
        assertFalse(runs.containsKey(TestLogs.RUN));
    }

    @Test
    void changesWaitingForTheUiThreadAreCoalescedIntoOneHandOver() throws Exception {
        Volume volume = TestLogs.volume(project, TestLogs.RUN, TestLogs.events(1));
        start(volume);
        drainUntil(t -> rows(TestLogs.RUN) == 1);
        // Each append is taken in by the session (a batch of its own from the watcher) while the UI thread is busy.
        for (int i = 0; i < 3; i++) {
            TestLogs.append(volume.eventsFile(TestLogs.RUN), List.of(TestLogs.event("node.progress", 10 + i, "n")));
            int rows = 2 + i;
            Waits.until("the session to hold " + rows + " rows of the run", Duration.ofSeconds(10), () -> {
                RunChange pending = session.pendingChange(TestLogs.RUN);
                return pending != null && pending.toRow() == rows;
            }, () -> String.valueOf(session.pendingChange(TestLogs.RUN)));
            assertEquals(1, pendingFrom(), "the earlier appends stay in the same hand-over");
        }
        assertEquals(1, ui.size(), "one hand-over pending, however many batches the watcher sent");
        runs.clear();
        ui.take().run();
        RunChange change = runs.get(TestLogs.RUN);
        assertEquals(1, change.fromRow());
        assertEquals(4, change.toRow());
        assertFalse(change.reset());
    }

    @Test
    void aLogShowsAPreviewOfItsStartFirstAndTheFullIndexContinuesIt() throws Exception {
        List<String> lines = new ArrayList<>();
        String padding = "x".repeat(200);
        for (int i = 0; lines.size() * 260L < 4L * LogPreview.PREVIEW_BYTES; i++) {
            lines.add("{\"type\":\"node.progress\",\"id\":\"e" + i + "\",\"ts\":\"2026-04-15T10:00:00Z\",\"run_id\":\""
                    + TestLogs.RUN + "\",\"node_id\":\"n\",\"pad\":\"" + padding + "\"}");
        }
        Volume volume = TestLogs.volume(project, TestLogs.RUN, lines);
        LinkedBlockingQueue<RunChange> changes = new LinkedBlockingQueue<>();
        // Hand-overs run at once, on the session's threads: nothing is merged, every step is seen.
        session = VolumeSession.start(volume, Runnable::run, batch -> changes.addAll(batch.runs()), Clock.systemUTC());
        List<RunChange> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (seen.isEmpty() || seen.getLast().size() < lines.size()) {
            RunChange next = changes.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertTrue(next != null, "timed out: " + seen);
            seen.add(next);
        }
        RunChange last = seen.getLast();
        assertEquals(lines.size(), last.facts().events());
        assertTrue(seen.size() > 1, "a preview, then the full index");
        RunChange preview = seen.getFirst();
        assertTrue(preview.indexing());
        assertTrue(preview.size() > 0 && preview.size() < lines.size());
        assertFalse(last.reset(), "the full index continues the preview's rows");
        assertEquals(preview.size(), last.fromRow());
        assertFalse(last.indexing());
    }

    @Test
    void aSecondSessionTakesTheIndexFromTheCacheAndReadsOnlyWhatWasAppended() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            lines.add(i % 97 == 5 ? "{broken" : TestLogs.event("node.progress", i + 1, "n" + (i % 5)));
        }
        Volume volume = TestLogs.volume(project, TestLogs.RUN, lines);
        IndexCache cache = new IndexCache(new CacheFolder(project.resolve("cache"), 1L << 30), 0);
        List<RunChange> first = openAndWait(volume, cache, lines.size());
        session.close();
        awaitEntries(cache, 1);
        assertEquals(new IndexCache.Stats(0, 1, 1), cache.stats());

        TestLogs.append(volume.eventsFile(TestLogs.RUN), List.of(TestLogs.event("run.completed", 59, null)));
        List<RunChange> second = openAndWait(volume, cache, lines.size() + 1);
        assertEquals(1, cache.stats().fromEntries(), "the second session's index came from the entry");
        IndexSnapshot cached = second.getLast().snapshot();
        IndexSnapshot built = first.getLast().snapshot();
        for (int row = 0; row < built.size(); row++) {
            assertEquals(built.offset(row), cached.offset(row));
            assertEquals(built.type(row), cached.type(row));
            assertEquals(built.isError(row), cached.isError(row));
        }
        assertEquals("run.completed", cached.type(built.size()));
        assertEquals(built.diagnostics(), cached.diagnostics());
    }

    private List<RunChange> openAndWait(Volume volume, IndexCache cache, int rows) throws InterruptedException {
        List<RunChange> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        session = VolumeSession.start(volume, Runnable::run, batch -> seen.addAll(batch.runs()), Clock.systemUTC(), cache);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (seen.isEmpty() || seen.getLast().size() < rows || seen.getLast().indexing()) {
            Thread.sleep(20);
            assertTrue(System.nanoTime() < deadline, "timed out: " + seen);
        }
        return seen;
    }

    /** Entries are written in the background: waits until {@code count} are. */
    private static void awaitEntries(IndexCache cache, long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (cache.stats().written() < count) {
            Thread.sleep(20);
            assertTrue(System.nanoTime() < deadline, "no entry written: " + cache.stats());
        }
    }

    @Test
    void laterChangesMergeIntoEarlierOnes() {
        RunChange a = new RunChange("r", Path.of("f"), null, false, 3, 5, null, 1, false, -1, false);
        RunChange b = new RunChange("r", Path.of("f"), null, false, 5, 9, null, 2, false, -1, false);
        RunChange merged = a.then(b);
        assertEquals(3, merged.fromRow());
        assertEquals(9, merged.toRow());
        assertEquals(2, merged.changedAt());
        RunChange reset = new RunChange("r", Path.of("f"), null, true, 0, 0, null, 3, false, -1, false);
        assertTrue(a.then(reset).reset());
        assertTrue(reset.then(b).reset());
    }

    @Test
    void aVolumeWithUnreadableRunsStillLoadsAndFollowsTheOthers(@TempDir Path outside) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "needs mkfifo");
        String fifoRun = "fifo-01kpfntqeej7vhn935kc0tm9vq";
        String dirRun = "folder-01kpfntqeej7vhn935kc0tm9vr";
        Volume volume = TestLogs.volume(project, TestLogs.RUN, TestLogs.events(2));
        java.nio.file.Files.createDirectories(volume.runDir(fifoRun));
        Process mkfifo = new ProcessBuilder("mkfifo", volume.eventsFile(fifoRun).toString()).start();
        assertEquals(0, mkfifo.waitFor());
        java.nio.file.Files.createDirectories(volume.eventsFile(dirRun));
        Path stray = volume.runDir(TestLogs.RUN).getParent().resolve("notes.txt");
        java.nio.file.Files.writeString(stray, "not a run");
        String linkedRun = "linked-01kpfntqeej7vhn935kc0tm9vs";
        TestLogs.write(outside.resolve("events.jsonl"), TestLogs.events(1));
        java.nio.file.Files.createSymbolicLink(volume.runDir(linkedRun), outside);
        start(volume);
        drainUntil(t -> rows(TestLogs.RUN) == 2 && rows(linkedRun) == 1 && t.noticed(fifoRun) && t.noticed(dirRun));
        TestLogs.append(volume.eventsFile(TestLogs.RUN), List.of(TestLogs.event("run.completed", 9, null)));
        drainUntil(t -> rows(TestLogs.RUN) == 3);
        List<String> added = batches.stream().flatMap(b -> b.runsAdded().stream()).toList();
        assertTrue(added.containsAll(List.of(TestLogs.RUN, fifoRun, dirRun, linkedRun)), added.toString());
        assertFalse(added.contains("notes.txt"), "not a run");
        assertTrue(batches.stream().flatMap(b -> b.linkedOutside().keySet().stream()).toList().contains(linkedRun));
        assertFalse(batches.stream().flatMap(b -> b.linkedOutside().keySet().stream()).toList().contains(TestLogs.RUN));
        drainUntil(t -> t.batches.stream().flatMap(b -> b.notices().stream()).anyMatch(n -> n.contains("notes.txt")));
    }

    private boolean noticed(String run) {
        return batches.stream().flatMap(b -> b.tailNotices().stream())
                .anyMatch(n -> n.kind() == dev.omne.inspector.tail.TailNotice.Kind.UNREADABLE && run.equals(n.runId()));
    }
}
