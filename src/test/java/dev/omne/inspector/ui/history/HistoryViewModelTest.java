package dev.omne.inspector.ui.history;

import dev.omne.inspector.core.history.HistoryVolumes;
import dev.omne.inspector.core.history.RunOutcome;
import dev.omne.inspector.core.history.RunSummary;
import dev.omne.inspector.core.history.RunSummaryBuilder;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.generate.VolumeGenerator;
import dev.omne.inspector.ui.common.SameThreadTaskExecutor;
import dev.omne.inspector.ui.session.RunChange;
import dev.omne.inspector.ui.session.RunFacts;
import dev.omne.inspector.ui.session.SessionBatch;
import dev.omne.inspector.ui.testing.ManualTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The history's ViewModel on real generated volumes: the cold read, the session's batches, the filter. */
class HistoryViewModelTest {
    @TempDir
    Path project;

    private final List<String> messages = new ArrayList<>();

    private HistoryViewModel model(ClockAt clock) {
        HistoryViewModel model = new HistoryViewModel(new SameThreadTaskExecutor(), clock.clock(), ZoneOffset.UTC,
                id -> null, 1);
        model.setMessages(messages::add);
        return model;
    }

    private record ClockAt(Instant now) {
        Clock clock() {
            return Clock.fixed(now, ZoneOffset.UTC);
        }
    }

    private static final ClockAt LATER = new ClockAt(Instant.parse("2026-06-01T00:00:00Z"));

    /** Every run of the volume, newest first, read cold from its log: what the history must show. */
    private static List<RunSummary> expected(Volume volume) throws IOException {
        List<RunSummary> runs = new ArrayList<>();
        for (String id : volume.listRuns()) {
            runs.add(RunSummaryBuilder.read(id, volume.eventsFile(id)));
        }
        runs.sort(dev.omne.inspector.core.history.HistorySnapshot.NEWEST_FIRST);
        return runs;
    }

    @Test
    void shownTheFirstTimeItReadsEveryLogNewestFirstPageByPage() throws IOException {
        HistoryVolumes.generate(project, 14, 300);
        Volume volume = Volume.open(project);
        List<RunSummary> expected = expected(volume);
        HistoryViewModel model = model(LATER);
        List<HistoryPage> pages = new ArrayList<>();
        model.pageProperty().addListener((obs, old, page) -> pages.add(page));
        model.open(volume);
        assertEquals("Reading runs…", model.emptyTextProperty().get());
        assertTrue(pages.isEmpty(), "nothing is read while the history is hidden");

        model.shownProperty().set(true);
        HistoryPage last = model.pageProperty().get();
        assertEquals(expected, last.runs(), "the whole history, as the logs say");
        assertEquals(expected, last.grid().runs());
        assertTrue(pages.size() >= 2, "pages handed over while reading: " + pages.size());
        for (HistoryPage page : pages) {
            List<RunSummary> shown = page.runs();
            assertEquals(expected.subList(0, shown.size()), shown, "each page shows the newest runs read so far");
        }
        assertEquals("", model.progressTextProperty().get());
        assertEquals(1.0, model.progressProperty().get());
        assertEquals("14 runs  ·  " + last.grid().columns().size() + " nodes", model.countTextProperty().get());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("History read: 14 runs in ")), messages.toString());
        assertEquals(List.of("bugfix", "feature"), model.filter().pipes());
    }

    @Test
    void theFilterKeepsRunsByPipeOutcomeAndTimeAndSaysHowMany() throws IOException {
        VolumeGenerator.Result generated = HistoryVolumes.generate(project, 20, 200);
        Volume volume = Volume.open(project);
        List<RunSummary> all = expected(volume);
        // "now" is two hours after the newest run started: the last hour holds none, the last day holds all.
        Instant now = Instant.ofEpochMilli(all.getFirst().sortMicros() / 1000).plusSeconds(7200);
        HistoryViewModel model = model(new ClockAt(now));
        model.open(volume);
        model.shownProperty().set(true);

        model.filter().pipeProperty().set("bugfix");
        List<RunSummary> bugfix = all.stream().filter(r -> r.pipe().equals("bugfix")).toList();
        assertEquals(bugfix, model.pageProperty().get().runs());
        assertTrue(model.pageProperty().get().grid().columns().stream().allMatch(c -> c.key().pipe().equals("bugfix")));
        assertEquals(bugfix.size() + " of 20 runs", model.countTextProperty().get().split("  ·")[0]);

        model.filter().pipeProperty().set(null);
        model.filter().completedProperty().set(false);
        model.filter().unfinishedProperty().set(false);
        List<RunSummary> failed = all.stream().filter(r -> r.outcome() == RunOutcome.FAILED).toList();
        assertFalse(failed.isEmpty(), "the generated volume has failed runs");
        assertEquals(failed, model.pageProperty().get().runs());
        model.filter().failedProperty().set(false);
        assertTrue(model.filter().failedProperty().get(), "the last outcome shown stays shown");
        assertTrue(messages.contains("At least one outcome is shown"));

        model.filter().clear();
        model.filter().timeRangeProperty().set(TimeRange.HOUR);
        assertEquals(List.of(), model.pageProperty().get().runs());
        assertEquals("No run matches the filter", model.emptyTextProperty().get());
        model.filter().timeRangeProperty().set(TimeRange.DAY);
        long from = now.toEpochMilli() * 1000 - 86_400_000_000L;
        assertEquals(all.stream().filter(r -> r.sortMicros() >= from).toList(), model.pageProperty().get().runs());
        assertEquals(generated.runs().size(), model.pageProperty().get().history().runs().size());
    }

    @Test
    void runsAppearGrowAndGoWithTheSessionsBatches() throws IOException {
        VolumeGenerator.Result generated = HistoryVolumes.generate(project, 3, 400);
        Volume volume = Volume.open(project);
        HistoryViewModel model = model(LATER);
        model.open(volume);
        model.shownProperty().set(true);
        assertEquals(3, model.pageProperty().get().runs().size());

        // A fourth run appears and grows: its first half, then the rest.
        VolumeGenerator.RunFile newest = VolumeGenerator.generate(project.resolve("more"), HistoryVolumes.options(3, 400)
                .withStart(Instant.parse("2026-05-01T00:00:00Z"))).runs().getFirst();
        String id = "feature-01kz0000000000000000000000";
        Path log = volume.eventsFile(id);
        Files.createDirectories(log.getParent());
        byte[] bytes = Files.readAllBytes(newest.file());
        int half = indexOfLineEnd(bytes, bytes.length / 2);
        Files.write(log, java.util.Arrays.copyOf(bytes, half));
        IndexSnapshot first = RunIndex.build(log).snapshot();
        model.apply(new SessionBatch(List.of(id), List.of(), List.of(change(id, log, first, true, 0)), List.of()));
        RunSummary partial = model.pageProperty().get().history().run(id);
        assertEquals(RunSummaryBuilder.read(id, log), partial);
        assertEquals(id, model.pageProperty().get().runs().getFirst().runId(), "the newest run on top");

        Files.write(log, bytes);
        RunIndex grown = RunIndex.empty(log);
        grown.extend(bytes, 0, bytes.length);
        IndexSnapshot all = grown.snapshot();
        model.apply(new SessionBatch(List.of(), List.of(), List.of(change(id, log, all, false, first.size())), List.of()));
        assertEquals(RunSummaryBuilder.read(id, log), model.pageProperty().get().history().run(id));

        // The start of a large log (a preview while it is indexed) would tell a false end: it is left out.
        String other = generated.runs().getFirst().runId();
        RunSummary before = model.pageProperty().get().history().run(other);
        RunIndex head = RunIndex.empty(volume.eventsFile(other));
        byte[] start = Files.readAllBytes(volume.eventsFile(other));
        head.extend(start, 0, indexOfLineEnd(start, 2000));
        RunChange preview = new RunChange(other, volume.eventsFile(other), head.snapshot(), true, 0,
                head.snapshot().size(), RunFacts.EMPTY, 0, true, start.length, false);
        model.apply(new SessionBatch(List.of(), List.of(), List.of(preview), List.of()));
        assertEquals(before, model.pageProperty().get().history().run(other));

        model.apply(new SessionBatch(List.of(), List.of(id), List.of(), List.of()));
        assertNull(model.pageProperty().get().history().run(id));
        assertEquals(3, model.pageProperty().get().runs().size());
    }

    @Test
    void aLogTheSessionIndexedIsNotReadAgainByTheColdRead() throws IOException {
        HistoryVolumes.generate(project, 4, 200);
        Volume volume = Volume.open(project);
        List<RunSummary> expected = expected(volume);
        HistoryViewModel model = model(LATER);
        model.open(volume);
        List<RunChange> changes = new ArrayList<>();
        for (RunSummary run : expected) {
            changes.add(change(run.runId(), run.file(), RunIndex.build(run.file()).snapshot(), true, 0));
        }
        model.apply(new SessionBatch(expected.stream().map(RunSummary::runId).toList(), List.of(), changes, List.of()));
        // No log can be read now (each is a folder): a cold read of them would list them as unreadable.
        for (RunSummary run : expected) {
            Files.delete(run.file());
            Files.createDirectory(run.file());
        }
        model.shownProperty().set(true);
        HistoryPage page = model.pageProperty().get();
        assertEquals(expected, page.runs());
        assertEquals(List.of(), page.unreadable());
        assertEquals("", model.problemTextProperty().get());
    }

    @Test
    void summariesKeptFromAnEarlierStartAreTakenBeforeALogIsRead() throws IOException {
        HistoryVolumes.generate(project, 4, 200);
        Volume volume = Volume.open(project);
        List<RunSummary> expected = expected(volume);
        // A store that has every run but the newest: the newest is read from its log, the rest never are.
        java.util.Map<String, RunSummary> kept = new java.util.HashMap<>();
        for (RunSummary run : expected.subList(1, expected.size())) {
            kept.put(run.runId(), run);
            Files.delete(run.file());
            Files.createDirectory(run.file());
        }
        List<String> asked = new ArrayList<>();
        HistoryViewModel model = model(LATER);
        model.useStoredSummaries(v -> log -> {
            asked.add(log.runId());
            return kept.get(log.runId());
        });
        model.open(volume);
        model.shownProperty().set(true);
        assertEquals(expected, model.pageProperty().get().runs());
        assertEquals(List.of(), model.pageProperty().get().unreadable(), "no log was read but the newest");
        assertEquals(4, asked.size(), "the store was asked for every run: " + asked);
    }

    @Test
    void runsTheSessionOnlyAnnouncedAreReadAllTheSame() throws IOException {
        HistoryVolumes.generate(project, 4, 200);
        Volume volume = Volume.open(project);
        List<RunSummary> expected = expected(volume);
        HistoryViewModel model = model(LATER);
        model.open(volume);
        // The session lists every run at once, before it has indexed any: nothing of them is known yet.
        List<RunChange> announced = new ArrayList<>();
        for (RunSummary run : expected) {
            announced.add(new RunChange(run.runId(), run.file(), null, false, 0, 0, RunFacts.EMPTY, 0, false, -1, false));
        }
        model.apply(new SessionBatch(expected.stream().map(RunSummary::runId).toList(), List.of(), announced, List.of()));
        model.shownProperty().set(true);
        assertEquals(expected, model.pageProperty().get().runs(), "every run read from its log, none left empty");
    }

    @Test
    void theSessionsFirstIndexContinuesASummaryReadJustBefore() throws IOException {
        HistoryVolumes.generate(project, 3, 300);
        Volume volume = Volume.open(project);
        List<RunSummary> expected = expected(volume);
        // Kept summaries: the newest run's covers only the first half of its log (it grew since), another's is of
        // a different log (its bytes end inside a line of this one), the third is the whole log.
        RunSummary grown = expected.get(0);
        byte[] bytes = Files.readAllBytes(grown.file());
        Path half = project.resolve("half.jsonl");
        Files.write(half, java.util.Arrays.copyOf(bytes, indexOfLineEnd(bytes, bytes.length / 2)));
        RunSummary grownKept = withFile(RunSummaryBuilder.read(grown.runId(), half), grown.file());
        RunSummary other = expected.get(1);
        RunSummary otherKept = withFile(RunSummaryBuilder.read(other.runId(), expected.get(2).file()), other.file());
        java.util.Map<String, RunSummary> kept = new java.util.HashMap<>(java.util.Map.of(grown.runId(), grownKept,
                other.runId(), otherKept, expected.get(2).runId(), expected.get(2)));
        HistoryViewModel model = model(LATER);
        model.useStoredSummaries(v -> log -> kept.get(log.runId()));
        model.open(volume);
        model.shownProperty().set(true);
        assertTrue(model.pageProperty().get().history().run(grown.runId()).rows() < grown.rows());

        List<RunChange> changes = new ArrayList<>();
        for (RunSummary run : expected) {
            changes.add(change(run.runId(), run.file(), RunIndex.build(run.file()).snapshot(), true, 0));
        }
        model.apply(new SessionBatch(List.of(), List.of(), changes, List.of()));
        HistoryPage page = model.pageProperty().get();
        assertEquals(expected, page.runs(), "every summary as the whole log says");
        assertSame(expected.get(2), page.history().run(expected.get(2).runId()),
                "a summary of the whole log is kept as it is, not summed up again");
    }

    /** The same summary, of a log at another path. */
    private static RunSummary withFile(RunSummary s, Path file) {
        return new RunSummary(s.runId(), s.pipe(), file, s.startMicros(), s.endMicros(), s.events(), s.malformed(),
                s.warnings(), s.rows(), s.bytes(), s.endType(), s.lastType(), s.nodes());
    }

    @Test
    void aLogThatCannotBeReadIsNamedAndTheRestIsShown() throws IOException {
        HistoryVolumes.generate(project, 3, 200);
        String broken = "feature-01kq000000000000000000000j";
        Files.createDirectories(project.resolve(".omne/var/runs").resolve(broken).resolve("events.jsonl"));
        HistoryViewModel model = model(LATER);
        model.open(Volume.open(project));
        model.shownProperty().set(true);
        assertEquals(3, model.pageProperty().get().runs().size());
        String problem = model.problemTextProperty().get();
        assertTrue(problem.startsWith("1 log could not be read:\n"), problem);
        assertTrue(problem.contains(broken) && problem.contains("not a regular file (it is a folder)"), problem);
    }

    @Test
    void hiddenItOnlySumsUpRowsAndPagesWaitForTheUiThread() throws IOException {
        HistoryVolumes.generate(project, 5, 200);
        Volume volume = Volume.open(project);
        ManualTaskExecutor tasks = new ManualTaskExecutor();
        HistoryViewModel model = new HistoryViewModel(tasks, LATER.clock(), ZoneOffset.UTC, id -> null, 1);
        model.open(volume);
        List<RunChange> changes = new ArrayList<>();
        for (String id : volume.listRuns()) {
            changes.add(change(id, volume.eventsFile(id), RunIndex.build(volume.eventsFile(id)).snapshot(), true, 0));
        }
        model.apply(new SessionBatch(volume.listRuns(), List.of(), changes, List.of()));
        tasks.runAll();
        assertEquals(HistoryPage.EMPTY, model.pageProperty().get(), "no page for a hidden history");
        model.shownProperty().set(true);
        assertEquals(HistoryPage.EMPTY, model.pageProperty().get(), "the page is made in the background");
        tasks.runAll();
        assertEquals(expected(volume), model.pageProperty().get().runs());
    }

    static RunChange change(String id, Path file, IndexSnapshot s, boolean reset, int from) {
        return new RunChange(id, file, s, reset, reset ? 0 : from, s.size(), RunFacts.EMPTY, 0, false, s.bytes(), false);
    }

    private static int indexOfLineEnd(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return bytes.length;
    }
}
