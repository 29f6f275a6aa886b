package dev.omne.inspector.ui.events;

import dev.omne.inspector.core.event.EventTypes;
import dev.omne.inspector.ui.testing.ManualTaskExecutor;
import dev.omne.inspector.ui.testing.TestLogs;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;
import dev.omne.inspector.ui.common.SameThreadTaskExecutor;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventTableViewModelTest {
    @TempDir
    Path dir;

    private final List<String> messages = new ArrayList<>();
    private final StringBuilder clipboard = new StringBuilder();
    private EventTableViewModel model = new EventTableViewModel(new SameThreadTaskExecutor(),
            text -> clipboard.append(text), messages::add, ZoneOffset.UTC);

    /** Lines 1..n with malformed lines at the given 1-based line numbers. */
    private static List<String> linesWithBadAt(int n, int... bad) {
        List<String> lines = new ArrayList<>(TestLogs.events(n));
        for (int b : bad) {
            lines.set(b - 1, "{\"type\":\"node.completed\",\"node_id\":");
        }
        return lines;
    }

    // Copy helpers

    @Test
    void copiesRowsAsJsonLinesFileLineAndOpensTheFolder() throws Exception {
        List<String> lines = linesWithBadAt(6, 3);
        Path file = TestLogs.write(dir.resolve("run").resolve("events.jsonl"), lines);
        model.show(TestLogs.RUN, RunIndex.build(file).snapshot(), false, false);
        model.copies().rows(List.of(4, 2));
        assertEquals(lines.get(2) + "\n" + lines.get(4) + "\n", clipboard.toString());
        clipboard.setLength(0);
        model.copies().fileLine(2);
        assertEquals(file.toAbsolutePath().normalize() + ":3", clipboard.toString());
        assertEquals("Copied " + clipboard, messages.getLast());
        List<java.net.URI> opened = new ArrayList<>();
        model.copies().openFolder(opened::add);
        assertEquals(List.of(dir.resolve("run").toAbsolutePath().normalize().toUri()), opened);
        model.copies().openFolder(uri -> {
            throw new UnsupportedOperationException("no desktop");
        });
        assertTrue(messages.getLast().startsWith("Cannot open "), messages.getLast());
    }

    // A line appended by the Inject dialog

    @Test
    void anAppendedLineIsSelectedWhenLiveFollowBringsItsRow() throws Exception {
        Path file = TestLogs.write(dir.resolve("e.jsonl"), TestLogs.events(10));
        RunIndex index = RunIndex.build(file);
        model.show(TestLogs.RUN, index.snapshot(), true, false);
        String injected = TestLogs.event("run.marked", 30, null);
        model.appendedLine().await(TestLogs.RUN, injected, 10);
        assertEquals(-1, model.selectedRow(), "not there yet");
        // Another writer's line arrives first, then the injected one.
        List<String> more = List.of(TestLogs.event("node.progress", 29, "n1"), injected);
        TestLogs.append(file, more);
        byte[] bytes = (String.join("\n", more) + "\n").getBytes(StandardCharsets.UTF_8);
        index.extend(bytes, 0, bytes.length);
        model.update(index.snapshot(), false, false);
        assertEquals(11, model.selectedRow());
        assertTrue(model.isFollowing(), "the last row: still following");
    }

    @Test
    void anAppendedLineIsForgottenWhenAnotherRunIsShown() throws Exception {
        Path file = TestLogs.write(dir.resolve("e.jsonl"), TestLogs.events(4));
        RunIndex index = RunIndex.build(file);
        model.show(TestLogs.RUN, index.snapshot(), true, false);
        String injected = TestLogs.event("run.marked", 30, null);
        model.appendedLine().await(TestLogs.RUN, injected, 4);
        model.show("other-01kpfntqeej7vhn935kc0tm9vn", TestLogs.index(dir.resolve("o"), TestLogs.events(2)), true, false);
        model.show(TestLogs.RUN, index.snapshot(), true, false);
        TestLogs.append(file, List.of(injected));
        byte[] bytes = (injected + "\n").getBytes(StandardCharsets.UTF_8);
        index.extend(bytes, 0, bytes.length);
        model.update(index.snapshot(), false, false);
        assertEquals(-1, model.selectedRow());
    }

    // Following

    @Test
    void aLiveRunOpensAtItsEndFollowingAndAFinishedOneAtItsTop() {
        IndexSnapshot s = TestLogs.index(dir, TestLogs.events(50));
        model.show(TestLogs.RUN, s, true, false);
        assertTrue(model.isFollowing());
        assertEquals(new EventTableViewModel.Reveal(49, EventTableViewModel.Placement.END), model.revealProperty().get());
        model.show(TestLogs.RUN, s, false, false);
        assertFalse(model.isFollowing());
        assertEquals(new EventTableViewModel.Reveal(0, EventTableViewModel.Placement.TOP), model.revealProperty().get());
    }

    @Test
    void whileFollowingNewRowsAreAppendedAndTheViewIsAskedToStayAtTheEnd() throws Exception {
        Path file = TestLogs.write(dir.resolve("e.jsonl"), TestLogs.events(10));
        RunIndex index = RunIndex.build(file);
        model.show(TestLogs.RUN, index.snapshot(), true, false);
        RowList rows = model.rowsProperty().get();
        List<String> changes = new ArrayList<>();
        rows.addListener((ListChangeListener<Long>) c -> {
            while (c.next()) {
                changes.add((c.wasAdded() ? "+" : "") + c.getFrom() + ".." + c.getTo());
            }
        });
        byte[] more = (String.join("\n", TestLogs.events(15).subList(10, 15)) + "\n").getBytes(StandardCharsets.UTF_8);
        index.extend(more, 0, more.length);
        model.update(index.snapshot(), false, false);
        assertSame(rows, model.rowsProperty().get(), "rows grow in place: no new list, no jump");
        assertEquals(List.of("+10..15"), changes);
        assertEquals(15, model.rowCount());
        assertEquals(new EventTableViewModel.Reveal(14, EventTableViewModel.Placement.END), model.revealProperty().get());
        assertEquals(0, model.unseenRowsProperty().get());
    }

    @Test
    void scrollingAwayPausesAndNewRowsNeitherMoveTheViewNorGetLost() throws Exception {
        Path file = TestLogs.write(dir.resolve("e.jsonl"), TestLogs.events(10));
        RunIndex index = RunIndex.build(file);
        model.show(TestLogs.RUN, index.snapshot(), true, false);
        model.userScrolled(false);
        assertFalse(model.isFollowing());
        EventTableViewModel.Reveal before = model.revealProperty().get();
        byte[] more = (String.join("\n", TestLogs.events(13).subList(10, 13)) + "\n").getBytes(StandardCharsets.UTF_8);
        index.extend(more, 0, more.length);
        model.update(index.snapshot(), false, false);
        assertSame(before, model.revealProperty().get(), "paused: the view is not asked to move");
        assertEquals(13, model.rowCount());
        assertEquals(3, model.unseenRowsProperty().get());
        // Scrolling back to the end resumes.
        model.userScrolled(true);
        assertTrue(model.isFollowing());
        assertEquals(0, model.unseenRowsProperty().get());
    }

    @Test
    void endResumesFollowingAndSelectsTheLastRow() {
        IndexSnapshot s = TestLogs.index(dir, TestLogs.events(30));
        model.show(TestLogs.RUN, s, false, false);
        model.select(3);
        model.resumeFollowing();
        assertTrue(model.isFollowing());
        assertEquals(29, model.selectedRow());
        assertEquals(new EventTableViewModel.Reveal(29, EventTableViewModel.Placement.END), model.revealProperty().get());
    }

    @Test
    void aRebuiltIndexReplacesTheRowsAndClearsTheSelection() {
        IndexSnapshot s = TestLogs.index(dir, TestLogs.events(30));
        model.show(TestLogs.RUN, s, true, false);
        RowList first = model.rowsProperty().get();
        model.select(4);
        model.update(TestLogs.index(dir, TestLogs.events(5)), true, false);
        assertFalse(first == model.rowsProperty().get());
        assertEquals(5, model.rowCount());
        assertEquals(-1, model.selectedRow());
        assertTrue(messages.getLast().contains("read again"));
    }

    // Malformed lines

    @Test
    void f8VisitsMalformedLinesInOrderAndWrapsAround() {
        IndexSnapshot s = TestLogs.index(dir, linesWithBadAt(40, 5, 18, 33));
        model.show(TestLogs.RUN, s, false, false);
        List<Long> visited = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            model.jumps().nextMalformed();
            visited.add(s.line(model.selectedRow()));
            assertTrue(model.cells().isMalformed(model.selectedRow()));
        }
        assertEquals(List.of(5L, 18L, 33L, 5L), visited);
        assertTrue(messages.getLast().contains("wrapped to the first"), messages.getLast());
        assertEquals(EventTableViewModel.Placement.CENTER, model.revealProperty().get().placement());
    }

    @Test
    void shiftF8GoesBackwardsFromTheSelection() {
        IndexSnapshot s = TestLogs.index(dir, linesWithBadAt(40, 5, 18, 33));
        model.show(TestLogs.RUN, s, false, false);
        model.select(20);
        model.jumps().previousMalformed();
        assertEquals(18, s.line(model.selectedRow()));
        model.jumps().previousMalformed();
        assertEquals(5, s.line(model.selectedRow()));
        model.jumps().previousMalformed();
        assertEquals(33, s.line(model.selectedRow()));
        assertTrue(messages.getLast().contains("3 of 3"), messages.getLast());
    }

    @Test
    void jumpingToAMalformedLinePausesFollowingSoTheViewStaysThere() {
        IndexSnapshot s = TestLogs.index(dir, linesWithBadAt(40, 5));
        model.show(TestLogs.RUN, s, true, false);
        model.jumps().nextMalformed();
        assertFalse(model.isFollowing());
    }

    @Test
    void warningsAreNotMalformedLinesAndARunWithoutAnySaysSo() {
        IndexSnapshot s = TestLogs.index(dir, List.of(TestLogs.event("node.completed", 1, null)));
        assertTrue(s.hasWarning(0), "node event without node_id is a warning");
        model.show(TestLogs.RUN, s, false, false);
        model.jumps().nextMalformed();
        assertEquals(-1, model.selectedRow());
        assertEquals("No malformed lines in this run", messages.getLast());
        assertEquals(1, model.jumps().diagnostics().size());
    }

    @Test
    void malformedRowsShowTheMessageAndRawTextAtOnce() {
        IndexSnapshot s = TestLogs.index(dir, linesWithBadAt(3, 2));
        model.show(TestLogs.RUN, s, false, false);
        assertEquals("malformed", model.cells().typeText(1));
        assertEquals(EventTypes.Tone.MALFORMED, model.cells().typeTone(1));
        String summary = model.texts().summary(1).getValue();
        assertTrue(summary.contains("{\"type\":\"node.completed\""), summary);
        assertEquals("2", model.cells().lineText(1));
    }

    // Selection, go to line, copy

    @Test
    void selectionIsKeptAsRowsArriveAndCanGoToALine() {
        List<String> lines = new ArrayList<>(TestLogs.events(20));
        lines.add(5, "");
        IndexSnapshot s = TestLogs.index(dir, lines);
        model.show(TestLogs.RUN, s, false, false);
        model.select(7);
        model.update(TestLogs.index(dir, lines), false, false);
        assertEquals(7, model.selectedRow());
        assertTrue(model.jumps().goToLine("12"));
        assertEquals(12, s.line(model.selectedRow()));
        assertTrue(model.jumps().goToLine("6"));
        assertEquals(7, s.line(model.selectedRow()));
        assertTrue(messages.getLast().contains("blank"), messages.getLast());
        assertFalse(model.jumps().goToLine("twelve"));
        assertTrue(model.jumps().goToLine("9999"));
        assertEquals(19, model.selectedRow(), "past the end: the last row");
    }

    @Test
    void copyPutsTheSelectedRowsOnTheClipboardAsJsonLines() {
        List<String> lines = TestLogs.events(5);
        IndexSnapshot s = TestLogs.index(dir, lines);
        model.show(TestLogs.RUN, s, false, false);
        model.copies().rows(List.of(3, 1));
        assertEquals(lines.get(1) + "\n" + lines.get(3) + "\n", clipboard.toString());
        assertEquals("Copied 2 rows as JSON lines", messages.getLast());
    }

    // Cell text

    @Test
    void columnsComeFromTheIndexAndTimesCanBeRelative() {
        IndexSnapshot s = TestLogs.index(dir, List.of(TestLogs.started(2, "build", "bash"),
                TestLogs.event("node.completed", 5, "build")));
        model.show(TestLogs.RUN, s, false, false);
        assertEquals("10:00:02.000", model.cells().timeText(0));
        assertEquals("+3.000 s", model.cells().deltaText(1));
        assertEquals("", model.cells().deltaText(0));
        assertEquals("build", model.cells().nodeText(1));
        assertEquals("bash", model.cells().kindText(1));
        assertEquals(EventTypes.Tone.DONE, model.cells().typeTone(1));
        model.cells().relativeTimeProperty().set(true);
        assertEquals("+00:03.000", model.cells().timeText(1));
        assertEquals("", model.cells().timeText(7), "out of range rows are empty");
    }

    @Test
    void summariesAreReadInTheBackgroundOneScreenfulAtATime() throws Exception {
        ManualTaskExecutor tasks = new ManualTaskExecutor();
        model = new EventTableViewModel(tasks, clipboard::append, messages::add, ZoneOffset.UTC);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add("{\"type\":\"node.progress\",\"node_id\":\"n\",\"step\":" + i + "}");
        }
        Path file = TestLogs.write(dir.resolve("e.jsonl"), lines);
        model.show(TestLogs.RUN, TestLogs.index(file), false, false);
        List<ObservableValue<String>> cells = new ArrayList<>();
        for (int row = 0; row < 30; row++) {
            cells.add(model.texts().summary(row));
        }
        assertEquals(RowTextLoader.PLACEHOLDER, cells.get(0).getValue());
        assertEquals(1, tasks.pending(), "one read for the whole screenful");
        tasks.runAll();
        assertEquals("step=0", cells.get(0).getValue());
        assertEquals("step=29", cells.get(29).getValue());
        assertEquals(0, model.texts().pendingCount());
        assertEquals("step=5", model.texts().summary(5).getValue(), "now cached");
        assertEquals(0, tasks.pending());
        // A newer run discards reads of the older one.
        ObservableValue<String> stale = model.texts().summary(35);
        model.show(TestLogs.RUN, TestLogs.index(dir, TestLogs.events(3)), false, false);
        tasks.runAll();
        assertEquals(RowTextLoader.PLACEHOLDER, stale.getValue());
        assertNull(model.texts().cached(35));
        Files.delete(file);
    }

    @Test
    void aSummaryThatCannotBeReadSaysSo() throws Exception {
        Path file = TestLogs.write(dir.resolve("gone.jsonl"), TestLogs.events(3));
        IndexSnapshot s = TestLogs.index(file);
        Files.delete(file);
        model.show(TestLogs.RUN, s, false, false);
        String text = model.texts().summary(0).getValue();
        assertNotNull(text);
        assertTrue(text.startsWith("(cannot read"), text);
    }
}
