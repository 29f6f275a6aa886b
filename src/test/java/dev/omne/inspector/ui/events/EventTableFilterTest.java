package dev.omne.inspector.ui.events;

import dev.omne.inspector.ui.filter.FilterBarViewModel;
import dev.omne.inspector.ui.testing.TestLogs;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;
import dev.omne.inspector.ui.common.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table under a filter: positions and rows, selection kept across filters, following, jumps. */
class EventTableFilterTest {
    @TempDir
    Path dir;

    private final List<String> messages = new ArrayList<>();
    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private final EventTableViewModel table = new EventTableViewModel(tasks, text -> { }, messages::add, ZoneOffset.UTC);
    private final FilterBarViewModel filter = new FilterBarViewModel(tasks);

    {
        filter.resultProperty().addListener((obs, old, r) -> table.applyFilter(r));
    }

    /** 40 lines: n0..n3 in turn, malformed lines 10 and 30, n2's event on line 21 failed. */
    private static List<String> lines() {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            if (i == 10 || i == 30) {
                out.add("{\"type\":\"node.completed\",\"node_id\":");
            } else if (i == 21) {
                out.add(TestLogs.event("node.failed", i, "n" + i % 4));
            } else {
                out.add(TestLogs.event(i % 2 == 0 ? "node.started" : "node.completed", i, "n" + i % 4));
            }
        }
        return out;
    }

    private void show(IndexSnapshot s, boolean live) {
        table.show(TestLogs.RUN, s, live, filter.isActive());
        filter.show(s);
    }

    @Test
    void cellsAndSelectionSpeakOfPositionsWhileTheRestOfTheWindowSpeaksOfRows() {
        IndexSnapshot s = TestLogs.index(dir, lines());
        show(s, false);
        filter.textProperty().set("node:n1");
        assertTrue(table.isFiltered());
        assertEquals(10, table.rowCount());
        for (int pos = 0; pos < 10; pos++) {
            assertEquals("n1", table.cells().nodeText(pos));
            assertEquals(Long.toString(4L * pos + 1), table.cells().lineText(pos), "lines 1, 5, 9, ...");
            assertEquals(pos, table.positionOf(table.rowAt(pos)));
        }
        assertEquals(-1, table.positionOf(1), "line 2 (n2) is hidden");
        table.select(3);
        assertEquals(12, table.selectedRow(), "position 3 is line 13, row 12");
        assertEquals(3, table.selectedPosition());
        assertEquals("", table.cells().lineText(10), "past the shown rows there is nothing");
    }

    @Test
    void theSelectedRowStaysSelectedAcrossFiltersAndIsBroughtBackWhenTheFilterIsCleared() {
        IndexSnapshot s = TestLogs.index(dir, lines());
        show(s, false);
        table.jumps().goToRow(20);
        filter.textProperty().set("n1");
        assertEquals(20, table.selectedRow(), "line 21 is n1's: still selected");
        int position = table.selectedPosition();
        assertEquals(20, table.rowAt(position));
        assertEquals(new EventTableViewModel.Reveal(position, EventTableViewModel.Placement.CENTER), table.revealProperty().get());
        filter.clear();
        assertFalse(table.isFiltered());
        assertEquals(40, table.rowCount());
        assertEquals(20, table.selectedPosition());
        assertEquals(new EventTableViewModel.Reveal(20, EventTableViewModel.Placement.CENTER), table.revealProperty().get());
    }

    @Test
    void rowsTheFilterHidesAreNotGoneToAndTheUserIsToldWhy() {
        IndexSnapshot s = TestLogs.index(dir, lines());
        show(s, false);
        filter.textProperty().set("type:node.started");
        table.jumps().goToRow(2);
        assertEquals(-1, table.selectedRow());
        assertEquals("Line 3 is hidden by the filter (Esc clears it)", messages.getLast());
        assertTrue(table.jumps().goToLine("5"));
        assertEquals(5, table.selectedRow(), "line 6 is the next shown line");
        assertTrue(messages.getLast().startsWith("Line 5 is hidden by the filter; showing line 6"), messages.getLast());
        table.jumps().nextMalformed();
        assertEquals("No malformed lines among the rows the filter shows", messages.getLast());
        filter.textProperty().set("is:failure");
        assertEquals(3, table.rowCount());
        table.select(-1);
        table.jumps().nextMalformed();
        assertEquals(9, table.selectedRow());
        table.jumps().nextMalformed();
        assertEquals(29, table.selectedRow(), "the failed node between them is not a malformed line");
    }

    @Test
    void aFilteredLiveRunGrowsWithTheAppendedRowsThatMatch() throws Exception {
        List<String> all = lines();
        Path file = TestLogs.write(dir.resolve("live.jsonl"), all.subList(0, 20));
        RunIndex index = RunIndex.build(file);
        filter.textProperty().set("node:n3");
        show(index.snapshot(), true);
        assertEquals(5, table.rowCount());
        assertTrue(table.isFollowing());
        List<String> more = all.subList(20, 40);
        TestLogs.append(file, more);
        byte[] bytes = (String.join("\n", more) + "\n").getBytes(StandardCharsets.UTF_8);
        index.extend(bytes, 0, bytes.length);
        table.update(index.snapshot(), false, false);
        assertEquals(5, table.rowCount(), "the table waits for the filter's rows");
        filter.grow(index.snapshot());
        assertEquals(10, table.rowCount());
        assertEquals(new EventTableViewModel.Reveal(9, EventTableViewModel.Placement.END), table.revealProperty().get());
        assertEquals("39", table.cells().lineText(9));
        // Paused, new matches count as unseen.
        table.userScrolled(false);
        TestLogs.append(file, List.of(TestLogs.event("node.progress", 50, "n3")));
        byte[] one = (TestLogs.event("node.progress", 50, "n3") + "\n").getBytes(StandardCharsets.UTF_8);
        index.extend(one, 0, one.length);
        table.update(index.snapshot(), false, false);
        filter.grow(index.snapshot());
        assertEquals(11, table.rowCount());
        assertEquals(1, table.unseenRowsProperty().get());
    }

    @Test
    void choosingANodeMarksItsEventsAndSelectsTheFirstAtOrAfterTheBar() {
        IndexSnapshot s = TestLogs.index(dir, lines());
        show(s, false);
        table.chosenNode().choose("n2", 12);
        assertEquals("n2", table.chosenNode().nodeProperty().get());
        assertEquals(13, table.selectedRow(), "line 14, the first n2 event from row 12 on");
        assertTrue(table.chosenNode().isMarked(1));
        assertFalse(table.chosenNode().isMarked(0));
        assertEquals("Node n2: 8 events marked", messages.getLast(), "lines 10 and 30 are malformed: no node");
        table.chosenNode().choose("nobody", 0);
        assertEquals("Node nobody has no events in this run", messages.getLast());
    }

    @Test
    void aFilterThatMatchesNothingSaysHowToClearIt() {
        IndexSnapshot s = TestLogs.index(dir, lines());
        show(s, false);
        filter.textProperty().set("no-such-text");
        assertEquals(0, table.rowCount());
        assertEquals(EventTableViewModel.NO_MATCH, table.emptyTextProperty().get());
        filter.clear();
        assertEquals(EventTableViewModel.NO_EVENTS, table.emptyTextProperty().get());
    }

    // "New" is what was appended since the run was read: not what loading or matching brings

    private static void extend(RunIndex index, Path file, List<String> lines) {
        TestLogs.append(file, lines);
        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        index.extend(bytes, 0, bytes.length);
    }

    @Test
    void rowsOfALogStillBeingReadAreNotNewButRowsAppendedAfterAre() throws Exception {
        List<String> all = lines();
        Path file = TestLogs.write(dir.resolve("big.jsonl"), all.subList(0, 10));
        RunIndex index = RunIndex.build(file);
        show(index.snapshot(), false);
        assertFalse(table.isFollowing(), "a finished run opens at its top");
        extend(index, file, all.subList(10, 40));
        table.update(index.snapshot(), false, true);
        assertEquals(40, table.rowCount());
        assertEquals(0, table.unseenRowsProperty().get(), "the rest of the log being read is no news");
        extend(index, file, List.of(TestLogs.event("node.progress", 50, "n3")));
        table.update(index.snapshot(), false, false);
        assertEquals(1, table.unseenRowsProperty().get(), "a line appended once it was read is");
        // Going to that row (as the Inject dialog does with its line) brings it into view: nothing is unseen.
        table.jumps().goToRow(40);
        assertEquals(40, table.selectedRow());
        assertEquals(0, table.unseenRowsProperty().get());
    }

    @Test
    void matchesStillBeingFoundAreNotNew() {
        IndexSnapshot s = TestLogs.index(dir, lines());
        filter.textProperty().set("node:n3");
        show(s, false);
        int[] all = filter.result().rows();
        assertEquals(10, all.length);
        // A long filter hands its matches over in parts: the first part, then the whole, continuing it.
        int[] part = java.util.Arrays.copyOf(all, 4);
        table.applyFilter(new dev.omne.inspector.ui.filter.FilterResult(s, "node:n3", part, 16, new int[0], false, false));
        table.applyFilter(new dev.omne.inspector.ui.filter.FilterResult(s, "node:n3", all, s.size(), new int[0], true, true));
        assertEquals(10, table.rowCount());
        assertEquals(0, table.unseenRowsProperty().get(), "rows found in a log already read are no news");
    }
}
