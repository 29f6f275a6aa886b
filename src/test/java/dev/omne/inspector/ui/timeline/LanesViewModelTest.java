package dev.omne.inspector.ui.timeline;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.ui.testing.ManualTaskExecutor;
import dev.omne.inspector.ui.testing.TestLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lanes list: scrolling, revealing, grouping, opening and closing, and the lane search. */
class LanesViewModelTest {
    static final double H = LanesViewModel.ROW_HEIGHT;

    @TempDir
    Path dir;

    private final ManualTaskExecutor tasks = new ManualTaskExecutor();
    private final TimelineViewModel timeline = new TimelineViewModel(tasks, () -> TimelineViewModelTest.T0, ZoneOffset.UTC, 0);
    private final LanesViewModel lanes = timeline.lanes();

    /** {@code groups} prefixes of {@code each} nodes ({@code g3.n7}), one run each, and a node run three times. */
    private IndexSnapshot show(int groups, int each) {
        List<String> lines = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            for (int n = 0; n < each; n++) {
                lines.add(TestLogs.started((g * each + n) % 50, "g" + g + ".n" + n, n % 2 == 0 ? "bash" : "prompt"));
            }
        }
        for (int i = 0; i < 3; i++) {
            lines.add(TestLogs.started(51 + 2 * i, "retried", "command"));
            lines.add(TestLogs.event("node.failed", 52 + 2 * i, "retried"));
        }
        IndexSnapshot s = TestLogs.index(dir, lines);
        timeline.rebuild(s, null);
        tasks.runAll();
        lanes.setViewport(10 * H);
        return s;
    }

    private int lane(String node) {
        return timeline.model().laneOf(node);
    }

    @Test
    void scrollingStaysWithinTheRowsAndRowsAreFoundByTheirPlace() {
        show(10, 10);
        assertEquals(101, lanes.rows().count());
        assertEquals(101 * H - 10 * H, lanes.maxTop());
        lanes.scrollBy(-50);
        assertEquals(0, lanes.top());
        lanes.scrollTo(1e9);
        assertEquals(lanes.maxTop(), lanes.top());
        lanes.scrollTo(5 * H + 3);
        assertEquals(5, lanes.rowAt(0));
        assertEquals(6, lanes.rowAt(H));
        assertEquals(-3, lanes.rowY(5), 1e-9);
        assertEquals(-1, lanes.rowAt(-10 * H));
        lanes.setViewport(200 * H);
        assertEquals(0, lanes.top(), "all rows fit: no scrolling");
    }

    @Test
    void revealingScrollsAsLittleAsNeededNearbyAndAThirdDownFarAway() {
        show(10, 10);
        lanes.reveal(5);
        assertEquals(0, lanes.top(), "in view already");
        lanes.reveal(11);
        assertEquals(12 * H - 10 * H, lanes.top(), 1e-9, "just below: its bottom at the view's bottom");
        lanes.reveal(80);
        assertEquals(80, lanes.rowAt(10 * H / 3 - H + 1), "far: a third down the view");
        int above = lanes.rowAt(0) - 1;
        lanes.reveal(above);
        assertEquals(above * H, lanes.top(), 1e-9, "just above: its top at the view's top");
    }

    @Test
    void groupingKeepsTheTopRowAndGroupsOpenAndCloseToASummaryLane() {
        show(10, 10);
        lanes.setViewport(3 * H);
        lanes.scrollTo(lanes.rows().rowShowing(lane("g4.n0")) * H);
        lanes.setGrouping(LaneGrouping.PREFIX);
        assertEquals(101, lanes.rows().count(), "still the old rows: the new ones are built in the background");
        tasks.runAll();
        assertEquals(11, lanes.rows().count(), "ten groups closed, and the node with no prefix");
        int g4 = lanes.rows().tree().groupOfLane(lane("g4.n0"));
        assertEquals(lanes.rows().rowOfGroup(g4), lanes.rowAt(0), "its group's summary is at the top now");
        lanes.toggle(g4);
        assertEquals(21, lanes.rows().count());
        assertTrue(lanes.rows().isOpen(g4));
        lanes.setAllOpen(true);
        assertEquals(111, lanes.rows().count());
        lanes.setAllOpen(false);
        assertEquals(11, lanes.rows().count());
        lanes.setGrouping(LaneGrouping.NONE);
        tasks.runAll();
        lanes.setGrouping(LaneGrouping.PREFIX);
        tasks.runAll();
        assertFalse(lanes.rows().isOpen(g4), "each grouping remembers its open groups");
    }

    @Test
    void theRunsOfANodeOpenUnderItAndTheSelectedRunIsRevealed() {
        IndexSnapshot s = show(2, 3);
        lanes.setGrouping(LaneGrouping.RUNS);
        tasks.runAll();
        int retried = lane("retried");
        int g = lanes.rows().tree().groupOfLane(retried);
        assertEquals(3, lanes.rows().tree().memberCount(g));
        lanes.toggle(g);
        // The third run's failure selected in the table: its own row.
        int row = s.size() - 1;
        timeline.showEvent(s, row);
        int bar = timeline.model().laneBarFrom(retried) + 2;
        assertEquals(lanes.rows().rowShowingBar(bar), lanes.rowAt(lanes.rowY(lanes.rows().rowShowingBar(bar)) + 1));
        assertEquals(LaneRows.RUN, lanes.rows().kind(lanes.rows().rowShowingBar(bar)));
    }

    @Test
    void searchGoesToMatchesInTurnOpeningTheirGroups() {
        show(5, 4);
        lanes.setGrouping(LaneGrouping.PREFIX);
        tasks.runAll();
        lanes.search("N3");
        tasks.runAll();
        assertEquals(5, lanes.matchCount());
        assertEquals("1 of 5", lanes.searchStatusProperty().get());
        assertEquals(lane("g0.n3"), lanes.currentMatchLane());
        int g0 = lanes.rows().tree().groupOfLane(lane("g0.n3"));
        assertTrue(lanes.rows().isOpen(g0), "the match's group opened");
        assertTrue(lanes.isMatch(lane("g2.n3")));
        assertFalse(lanes.isMatch(lane("g2.n2")));
        lanes.stepMatch(1);
        assertEquals(lane("g1.n3"), lanes.currentMatchLane());
        assertEquals("2 of 5", lanes.searchStatusProperty().get());
        lanes.stepMatch(-1);
        lanes.stepMatch(-1);
        assertEquals(lane("g4.n3"), lanes.currentMatchLane(), "round the end");
        int row = lanes.rows().rowShowing(lane("g4.n3"));
        assertTrue(lanes.rowY(row) >= 0 && lanes.rowY(row) < lanes.viewport(), "scrolled to");
        lanes.search("nothing like it");
        tasks.runAll();
        assertEquals(0, lanes.matchCount());
        assertEquals("No lane has “nothing like it”", lanes.searchStatusProperty().get());
        lanes.search("");
        assertEquals("", lanes.searchStatusProperty().get());
        assertEquals(-1, lanes.currentMatchLane());
    }

    @Test
    void aListScrolledToItsEndStaysThereAsTheRunGrowsAndOneScrolledElsewhereStaysPut() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add(TestLogs.started(i, "early-" + i, "bash"));
        }
        Path file = TestLogs.write(dir.resolve("live.jsonl"), lines);
        dev.omne.inspector.core.index.RunIndex index = dev.omne.inspector.core.index.RunIndex.build(file);
        timeline.rebuild(index.snapshot(), null);
        tasks.runAll();
        lanes.setViewport(10 * H);
        lanes.scrollTo(lanes.maxTop());
        grow(index, "late-a", "late-b", "late-c");
        assertEquals(33, lanes.rows().count());
        assertEquals(lanes.maxTop(), lanes.top(), "the newest lanes in view");
        lanes.scrollTo(5 * H);
        grow(index, "later");
        assertEquals(5 * H, lanes.top(), "the same rows in view");
    }

    private void grow(dev.omne.inspector.core.index.RunIndex index, String... nodes) {
        List<String> more = new ArrayList<>();
        for (String node : nodes) {
            more.add(TestLogs.started(59, node, "bash"));
        }
        byte[] bytes = (String.join("\n", more) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        index.extend(bytes, 0, bytes.length);
        timeline.rebuild(index.snapshot(), null);
        tasks.runAll();
    }
}
