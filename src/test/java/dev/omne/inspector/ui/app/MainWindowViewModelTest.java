package dev.omne.inspector.ui.app;

import dev.omne.inspector.ui.inject.InjectDialogViewModel;
import dev.omne.inspector.ui.runs.RunItem;
import dev.omne.inspector.ui.testing.TestLogs;
import dev.omne.inspector.ui.timeline.TimelineViewModel;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.ui.session.RunFactsBuilder;
import dev.omne.inspector.ui.session.RunChange;
import dev.omne.inspector.ui.common.SameThreadTaskExecutor;
import dev.omne.inspector.ui.session.SessionBatch;
import dev.omne.inspector.ui.session.VolumeSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainWindowViewModelTest {
    static final String OTHER = "bugfix-01kp8a0nc0z1rnsax81s15v8xb";

    @TempDir
    Path dir;

    /** Sessions the model started: the volume and the listener, so the test can feed batches. */
    private final List<Volume> started = new ArrayList<>();
    private final List<VolumeSession.Listener> listeners = new ArrayList<>();
    private final List<String> closed = new ArrayList<>();
    private final AppSettings settings = new AppSettings(SettingsStore.inMemory());
    private final VolumeSession.Factory sessions = (volume, listener) -> {
        started.add(volume);
        listeners.add(listener);
        return () -> closed.add(volume.root().toString());
    };
    private final MainWindowViewModel model = new MainWindowViewModel(new SameThreadTaskExecutor(), sessions,
            settings, text -> { }, () -> {
                throw new java.io.IOException("no demo in this test");
            }, Clock.systemUTC(), ZoneOffset.UTC);

    private RunChange change(Volume volume, String run) {
        IndexSnapshot s = TestLogs.index(volume.eventsFile(run));
        return new RunChange(run, s.file(), s, true, 0, s.size(), new RunFactsBuilder().add(s, 0, s.size()),
                System.currentTimeMillis(), false, s.bytes(), false);
    }

    /** Opens {@link #twoRuns} and hands the model its first batch, as a session would. */
    private Volume openTwoRuns() {
        Path project = dir.resolve("proj");
        Volume volume = twoRuns(project);
        model.open(project);
        listeners.getFirst().onBatch(new SessionBatch(List.of(TestLogs.RUN, OTHER), List.of(),
                List.of(change(volume, TestLogs.RUN), change(volume, OTHER)), List.of()));
        return volume;
    }

    private Volume twoRuns(Path project) {
        Volume volume = TestLogs.volume(project, TestLogs.RUN, List.of(TestLogs.event("run.started", 1, null),
                "{oops", TestLogs.event("run.completed", 2, null)));
        TestLogs.write(volume.eventsFile(OTHER), TestLogs.events(4));
        return volume;
    }

    @Test
    void aFolderWithoutOmneGetsAnEmptyStateNotAnError() {
        model.open(dir);
        EmptyState state = model.emptyStateProperty().get();
        assertNotNull(state);
        assertEquals("No omne runs here", state.title());
        assertTrue(state.detail().contains(".omne"));
        assertTrue(started.isEmpty());
        assertTrue(model.recentFolders().isEmpty(), "only volumes are remembered");
    }

    @Test
    void aMissingFolderIsExplainedInWords() {
        model.open(dir.resolve("nope"));
        assertEquals("Cannot open this folder", model.emptyStateProperty().get().title());
        assertTrue(model.emptyStateProperty().get().detail().startsWith("no such file or folder"));
    }

    @Test
    void openingAVolumeListsItsRunsAndShowsTheNewest() {
        Path project = dir.resolve("proj");
        Volume volume = twoRuns(project);
        model.open(project.resolve(".omne"));
        assertNull(model.emptyStateProperty().get());
        assertEquals(project.toAbsolutePath(), started.getFirst().root());
        assertTrue(model.openingProperty().get());
        listeners.getFirst().onBatch(new SessionBatch(List.of(TestLogs.RUN, OTHER), List.of(),
                List.of(change(volume, TestLogs.RUN), change(volume, OTHER)), List.of()));
        assertFalse(model.openingProperty().get());
        assertEquals(2, model.runList().visibleRuns().size());
        RunItem selected = model.runList().selected();
        assertNotNull(selected);
        assertEquals(selected.runId(), model.eventTable().runId());
        assertEquals(selected.snapshot().size(), model.eventTable().rowCount());
        assertTrue(model.titleProperty().get().startsWith("proj"));
        assertEquals(List.of(project.toAbsolutePath().toString()), model.recentFolders());
        assertEquals(model.recentFolders(), settings.recentFolders());
    }

    @Test
    void aRunFolderOpensItsVolumeWithThatRunSelected() {
        Path project = dir.resolve("proj");
        Volume volume = twoRuns(project);
        model.open(volume.runDir(TestLogs.RUN));
        listeners.getFirst().onBatch(new SessionBatch(List.of(TestLogs.RUN, OTHER), List.of(),
                List.of(change(volume, TestLogs.RUN), change(volume, OTHER)), List.of()));
        assertEquals(TestLogs.RUN, model.runList().selected().runId());
    }

    @Test
    void theTimelineFollowsTheShownRunAndTheFilterAndChoosesNodesAndRanges() {
        openTwoRuns();
        model.runList().select(OTHER);
        assertEquals(2, model.timeline().model().laneCount());
        assertEquals("n1", model.timeline().model().laneNode(1));
        model.timeline().chooseNode("n1");
        assertEquals(2, model.eventTable().selectedRow());
        assertEquals("n1", model.eventTable().chosenNode().nodeProperty().get());
        model.timeline().chooseNode("n0", 1);
        assertEquals(1, model.eventTable().selectedRow(), "the clicked bar's row, not the node's first");
        assertEquals(model.eventTable().snapshot().tsMicros(1), model.timeline().markedTime(),
                "the selected event's time is marked on the timeline");
        long t = model.timeline().model().minMicros();
        model.timeline().chooseRange(t, t + 1_500_000);
        assertTrue(model.statusBar().messageProperty().get().startsWith("Showing 10:00:00.000"),
                model.statusBar().messageProperty().get());
        assertEquals("after:2026-04-15T10:00:00.000Z before:2026-04-15T10:00:01.500Z",
                model.filterBar().textProperty().get());
        assertEquals(2, model.eventTable().rowCount(), "seconds 0 and 1");
        assertEquals(1, model.timeline().model().laneCount(), "only n0 has events in the range");
        model.filterBar().clear();
        model.runList().select(TestLogs.RUN);
        assertEquals(0, model.timeline().model().laneCount(), "a run with no nodes");
        assertEquals(TimelineViewModel.NO_NODES, model.timeline().emptyTextProperty().get());
        assertNull(model.timeline().chosenNode());
    }

    @Test
    void injectIsRefusedWithoutARunOrForALinkedLogAndAppendsThroughTheLockedPath() throws Exception {
        Path project = dir.resolve("proj");
        Volume volume = twoRuns(project);
        assertEquals(RunDialogs.NO_RUN_TO_INJECT, model.injectRefusalProperty().get());
        assertNull(model.newInjectDialog());
        model.open(project);
        listeners.getFirst().onBatch(new SessionBatch(List.of(TestLogs.RUN, OTHER), List.of(),
                List.of(change(volume, TestLogs.RUN), change(volume, OTHER)), List.of()));
        model.runList().select(OTHER);
        assertNull(model.injectRefusalProperty().get());

        // A log that is a link: the reason is given, and the dialog is not offered.
        Path real = TestLogs.write(dir.resolve("elsewhere.jsonl"), List.of(TestLogs.event("run.started", 1, null)));
        java.nio.file.Files.delete(volume.eventsFile(TestLogs.RUN));
        java.nio.file.Files.createSymbolicLink(volume.eventsFile(TestLogs.RUN), real);
        model.runList().select(TestLogs.RUN);
        assertTrue(model.injectRefusalProperty().get().startsWith("Cannot append to this run: "), model.injectRefusalProperty().get());
        assertTrue(model.injectRefusalProperty().get().contains("symbolic link"));

        // Appended to OTHER: the line is in the file, and its row is selected once a batch brings it.
        model.runList().select(OTHER);
        InjectDialogViewModel dialog = model.newInjectDialog();
        assertEquals(OTHER, dialog.runProperty().get());
        assertEquals(List.of("n0", "n1"), dialog.nodes());
        dialog.typeProperty().set("gate.passed");
        dialog.nodeIdProperty().set("n1");
        dialog.gateProperty().set("tests");
        String line = dialog.previewProperty().get();
        dialog.append();
        assertTrue(dialog.doneProperty().get(), String.valueOf(dialog.statusProperty().get()));
        List<String> lines = java.nio.file.Files.readAllLines(volume.eventsFile(OTHER));
        assertEquals(line, lines.getLast());
        assertEquals(-1, model.eventTable().selectedRow(), "not inserted by hand");
        listeners.getFirst().onBatch(new SessionBatch(List.of(), List.of(), List.of(change(volume, OTHER)), List.of()));
        assertEquals(4, model.eventTable().selectedRow());
        assertTrue(model.statusBar().messageProperty().get().startsWith("Appended a gate.passed event"));
    }

    @Test
    void selectingRowsShowsThemAndTheStatusBarCountsTheRun() {
        Path project = dir.resolve("proj");
        Volume volume = twoRuns(project);
        model.open(project);
        listeners.getFirst().onBatch(new SessionBatch(List.of(TestLogs.RUN, OTHER), List.of(),
                List.of(change(volume, TestLogs.RUN), change(volume, OTHER)), List.of("a notice")));
        model.runList().select(TestLogs.RUN);
        assertEquals(2, model.statusBar().eventsProperty().get());
        assertEquals(1, model.statusBar().malformedProperty().get());
        assertEquals("a notice", model.statusBar().messageProperty().get());
        model.eventTable().jumps().nextMalformed();
        assertEquals(1, model.eventTable().selectedRow());
        assertTrue(model.detail().content().malformed());
        assertEquals(1, model.statusBar().diagnostics().size());
        model.statusBar().goToDiagnostic(0);
        assertEquals(0, model.eventTable().selectedRow());
        assertEquals("run.started", model.detail().content().type());
    }

    @Test
    void theFilterStaysAcrossRunsAndStartsAsTheExportsFilter() {
        openTwoRuns();
        model.runList().select(OTHER);
        model.filterBar().textProperty().set("type:node.completed");
        assertEquals(2, model.eventTable().rowCount());
        assertEquals("node.completed", model.eventTable().cells().typeText(0));
        model.runList().select(TestLogs.RUN);
        assertEquals(0, model.eventTable().rowCount(), "the other run has no node.completed");
        model.filterBar().textProperty().set("is:failure");
        assertEquals(1, model.eventTable().rowCount());
        assertTrue(model.eventTable().cells().isMalformed(0));
        assertEquals("is:failure", model.newExportDialog(List.of()).filterTextProperty().get());
        model.filterBar().clear();
        assertEquals(3, model.eventTable().rowCount());
        assertEquals("", model.newExportDialog(List.of()).filterTextProperty().get());
    }

    @Test
    void newRowsOfTheShownRunReachTheTable() {
        Path project = dir.resolve("proj");
        Volume volume = twoRuns(project);
        model.open(project);
        VolumeSession.Listener session = listeners.getFirst();
        session.onBatch(new SessionBatch(List.of(TestLogs.RUN), List.of(), List.of(change(volume, TestLogs.RUN)), List.of()));
        model.runList().select(TestLogs.RUN);
        TestLogs.append(volume.eventsFile(TestLogs.RUN), List.of(TestLogs.event("node.progress", 7, "n")));
        RunChange grown = change(volume, TestLogs.RUN);
        session.onBatch(new SessionBatch(List.of(), List.of(), List.of(new RunChange(TestLogs.RUN, grown.file(),
                grown.snapshot(), false, 3, 4, grown.facts(), grown.changedAt(), false, -1, false)), List.of()));
        assertEquals(4, model.eventTable().rowCount());
        assertEquals(3, model.statusBar().eventsProperty().get());
    }

    @Test
    void openingAnotherFolderClosesTheSessionAndRecentFoldersAreCapped() throws Exception {
        for (int i = 0; i < 12; i++) {
            Path project = dir.resolve("p" + i);
            Files.createDirectories(project.resolve(".omne"));
            model.open(project);
        }
        assertEquals(11, closed.size());
        assertEquals(AppSettings.MAX_RECENT, model.recentFolders().size());
        assertTrue(model.recentFolders().getFirst().endsWith("p11"));
        model.open(dir.resolve("p5"));
        assertTrue(model.recentFolders().getFirst().endsWith("p5"), "reopened moves to the top");
        assertEquals(AppSettings.MAX_RECENT, model.recentFolders().size());
        model.clearRecentFolders();
        assertTrue(settings.recentFolders().isEmpty());
    }

    @Test
    void aDemoThatCannotStartIsExplained() {
        model.openDemo();
        assertTrue(model.emptyStateProperty().get().detail().contains("no demo in this test"));
    }

    @Test
    void whileTheFirstFolderOpensTheEmptyStateSaysSoAndOffersNothingElse() {
        dev.omne.inspector.ui.testing.ManualTaskExecutor manual = new dev.omne.inspector.ui.testing.ManualTaskExecutor();
        MainWindowViewModel opening = new MainWindowViewModel(manual, sessions, settings, text -> { }, () -> {
            throw new java.io.IOException("no demo in this test");
        }, Clock.systemUTC(), ZoneOffset.UTC);
        assertEquals("No folder open", opening.emptyStateProperty().get().title());
        assertFalse(opening.emptyStateProperty().get().busy());
        Path project = dir.resolve("proj");
        twoRuns(project);
        opening.open(project);
        EmptyState state = opening.emptyStateProperty().get();
        assertEquals("Opening " + project + "…", state.title(), "not \"No folder open\" while it opens");
        assertTrue(state.busy());
        manual.runAll();
        assertNull(opening.emptyStateProperty().get(), "the volume shows");
        opening.open(dir.resolve("gone"));
        assertNull(opening.emptyStateProperty().get(), "another folder opening over a volume keeps the volume until it is replaced");
        manual.runAll();
        assertEquals("Cannot open this folder", opening.emptyStateProperty().get().title());
        opening.openDemo();
        assertEquals("Preparing the demo volume…", opening.emptyStateProperty().get().title(), "not the older failure");
        manual.runAll();
        assertTrue(opening.emptyStateProperty().get().title().startsWith("Cannot open"));
        assertFalse(opening.emptyStateProperty().get().busy());
    }

    @Test
    void keepingRunIndexesIsOnUntilTurnedOffAndRemembered() {
        assertTrue(model.keepIndexesProperty().get());
        model.keepIndexesProperty().set(false);
        assertFalse(settings.keepIndexes());
        assertFalse(new MainWindowViewModel(new SameThreadTaskExecutor(), sessions, settings, text -> { },
                () -> null, java.time.Clock.systemUTC(), java.time.ZoneOffset.UTC).keepIndexesProperty().get(),
                "read back at the next start");
    }

    @Test
    void relativeTimeIsRemembered() {
        model.eventTable().cells().relativeTimeProperty().set(true);
        assertTrue(settings.relativeTime());
    }

    @Test
    void aRunFolderLinkedOutsideIsMarkedAndRefusedAndTheNewestNoticeReachesTheStatusBar() throws Exception {
        Path project = dir.resolve("proj");
        Volume volume = twoRuns(project);
        Path outside = dir.resolve("outside-run");
        TestLogs.write(outside.resolve("events.jsonl"), List.of(TestLogs.event("run.started", 1, null)));
        String linked = "linked-01kpfntqeej7vhn935kc0tm9vs";
        java.nio.file.Files.createSymbolicLink(volume.runDir(linked), outside);
        model.open(project);
        listeners.getFirst().onBatch(new SessionBatch(List.of(TestLogs.RUN, OTHER, linked), List.of(),
                List.of(change(volume, TestLogs.RUN), change(volume, OTHER)),
                List.of("Run " + OTHER + ": log truncated: reading again from the start", "not a run: notes.txt"), true,
                List.of(new dev.omne.inspector.tail.TailNotice(dev.omne.inspector.tail.TailNotice.Kind.TRUNCATED,
                        OTHER, volume.eventsFile(OTHER), "log truncated: reading again from the start")),
                java.util.Map.of(linked, outside.toRealPath())));
        assertEquals("not a run: notes.txt", model.statusBar().messageProperty().get());
        assertEquals("log truncated: reading again from the start", model.runList().find(OTHER).notice());
        assertTrue(model.runList().find(linked).isLinkedOutside());
        assertTrue(model.runList().find(linked).linkText().contains(outside.toRealPath().toString()));
        model.runList().select(linked);
        assertTrue(model.injectRefusalProperty().get().contains("through a link"), model.injectRefusalProperty().get());
    }

    @Test
    void aFolderThatIsNoVolumeLeavesNothingOfThePreviousVolumeInTheStatusBar() throws Exception {
        openTwoRuns();
        StatusBarViewModel status = model.statusBar();
        assertFalse(status.volumePathProperty().get().isEmpty());
        assertTrue(status.runShownProperty().get());
        model.open(Files.createDirectories(dir.resolve("plain")));
        assertEquals("No omne runs here", model.emptyStateProperty().get().title());
        assertEquals("", status.volumePathProperty().get());
        assertFalse(status.runShownProperty().get());
        assertEquals(0, status.eventsProperty().get());
        assertEquals("", status.followText(), "no run, so nothing is followed");
        assertTrue(model.runList().visibleRuns().isEmpty());
        assertNull(model.eventTable().runId());
        assertNull(model.volumeProperty().get());
    }

    @Test
    void whatWasSaidOfAnotherRunOrFilterGoesWhenTheRunOrFilterChanges() {
        openTwoRuns();
        model.runList().select(TestLogs.RUN);
        model.eventTable().jumps().nextMalformed();
        assertTrue(model.statusBar().messageProperty().get().startsWith("Malformed line 1 of 1"),
                model.statusBar().messageProperty().get());
        model.runList().select(OTHER);
        assertEquals("", model.statusBar().messageProperty().get(), "the other run has no malformed line");
        long t = model.timeline().model().minMicros();
        model.timeline().chooseRange(t, t + 1_500_000);
        assertTrue(model.statusBar().messageProperty().get().startsWith("Showing"));
        model.filterBar().clear();
        assertEquals("", model.statusBar().messageProperty().get(), "no range is shown any more");
    }

    @Test
    void aDraggedRangeIsDescribedAsTheFilterHoldsIt() {
        openTwoRuns();
        model.runList().select(OTHER);
        long t = model.timeline().model().minMicros();
        // Not on whole milliseconds: the filter widens the range outwards to them, and the message says the same.
        model.timeline().chooseRange(t + 1_234, t + 27_996_400);
        assertEquals("after:2026-04-15T10:00:00.001Z before:2026-04-15T10:00:27.997Z",
                model.filterBar().textProperty().get());
        assertTrue(model.statusBar().messageProperty().get().startsWith("Showing 10:00:00.001 – 10:00:27.997 "),
                model.statusBar().messageProperty().get());
    }

    @Test
    void aRunWhoseLogIsStillBeingReadHasNoCountsYet() {
        Path project = dir.resolve("proj");
        Volume volume = twoRuns(project);
        model.open(project);
        IndexSnapshot s = TestLogs.index(volume.eventsFile(OTHER));
        // The run is listed before its log has been read (no snapshot yet).
        listeners.getFirst().onBatch(new SessionBatch(List.of(OTHER), List.of(), List.of(new RunChange(OTHER, s.file(),
                null, true, 0, 0, dev.omne.inspector.ui.session.RunFacts.EMPTY, System.currentTimeMillis(), true, s.bytes(),
                false)), List.of()));
        assertEquals(OTHER, model.runList().selected().runId());
        assertFalse(model.statusBar().runShownProperty().get(), "not \"0 events\" while the log is read");
        assertTrue(model.statusBar().progressTextProperty().get().startsWith("Indexing"),
                model.statusBar().progressTextProperty().get());
    }

    @Test
    void theExportStartsInTheLastExportsFolderAndFormatElseTheHomeFolder() throws Exception {
        openTwoRuns();
        var first = model.newExportDialog(List.of());
        assertEquals(Path.of(System.getProperty("user.home")), first.initialFolder(), "not the working directory");
        assertEquals(dev.omne.inspector.core.export.ExportFormat.JSONL, first.formatProperty().get());
        assertEquals("Writes every row of the run, unfiltered.", first.rowsExplained().get());
        first.filterTextProperty().set("node:n1");
        assertTrue(first.rowsExplained().get().contains("that match the filter"), first.rowsExplained().get());
        Path out = Files.createDirectories(dir.resolve("exports"));
        first.formatProperty().set(dev.omne.inspector.core.export.ExportFormat.CSV);
        first.export(out.resolve("a.csv"));
        assertTrue(Files.exists(out.resolve("a.csv")));
        var second = model.newExportDialog(List.of());
        assertEquals(out.toAbsolutePath(), second.initialFolder());
        assertEquals(dev.omne.inspector.core.export.ExportFormat.CSV, second.formatProperty().get());
        // A folder that is gone since: home again.
        Files.delete(out.resolve("a.csv"));
        Files.delete(out);
        assertEquals(Path.of(System.getProperty("user.home")), model.newExportDialog(List.of()).initialFolder());
    }

    @Test
    void aRunWhoseNodeEventsAreAllFilteredOutSaysTheFilterHidesThem() {
        openTwoRuns();
        model.runList().select(OTHER);
        assertTrue(model.timeline().model().laneCount() > 0);
        model.filterBar().textProperty().set("type:run.nothing");
        assertEquals(0, model.timeline().model().laneCount());
        assertEquals(TimelineViewModel.NO_MATCH, model.timeline().emptyTextProperty().get());
        model.filterBar().clear();
        assertTrue(model.timeline().model().laneCount() > 0);
    }
}
