package dev.omne.inspector.ui.timeline;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.ui.testing.TestLogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lanes grouped every way, groups opened and closed, rows found again, lanes searched, names read. */
class LaneTreeTest {
    @TempDir
    Path dir;

    private IndexSnapshot snapshot;
    private TimelineModel model;
    private NodeNames names;

    static String started(int second, String node, String kind, String name) {
        return TestLogs.started(second, node, kind).replace("\"name\":null", name == null ? "\"name\":null"
                : "\"name\":\"" + name + "\"");
    }

    /** plan, build.unit, build.lint, implement-1, implement-2, tests (3 runs), deploy: in that order. */
    static List<String> lines() {
        return List.of(
                started(1, "plan", "prompt", "Plan it"),
                TestLogs.event("node.completed", 2, "plan"),
                started(3, "build.unit", "bash", "Check"),
                started(3, "build.lint", "bash", "Check"),
                TestLogs.event("node.completed", 5, "build.unit"),
                TestLogs.event("node.failed", 6, "build.lint"),
                started(7, "implement-1", "loop", "Implement"),
                TestLogs.event("node.completed", 9, "implement-1"),
                started(10, "implement-2", "loop", "Implement"),
                TestLogs.event("node.completed", 12, "implement-2"),
                started(13, "tests", "command", null),
                TestLogs.event("node.failed", 14, "tests"),
                started(15, "tests", "command", null),
                TestLogs.event("gate.passed", 16, "tests"),
                TestLogs.event("node.failed", 17, "tests"),
                started(18, "tests", "command", null),
                TestLogs.event("node.completed", 20, "tests"),
                started(21, "deploy", "command", null),
                TestLogs.event("node.completed", 22, "deploy"));
    }

    @BeforeEach
    void build() throws Exception {
        snapshot = TestLogs.index(dir, lines());
        model = TimelineBuilder.build(snapshot, null);
        names = NodeNames.EMPTY.readMore(snapshot, model);
    }

    private int lane(String node) {
        return model.laneOf(node);
    }

    /** The rows as text: lanes by node, groups by key with their member count, runs by index. */
    private static List<String> rowsOf(LaneRows rows) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < rows.count(); r++) {
            String indent = rows.parent(r) >= 0 ? "  " : "";
            out.add(indent + switch (rows.kind(r)) {
                case LaneRows.GROUP -> "[" + rows.tree().groupKey(rows.ref(r)) + " " + rows.tree().memberCount(rows.ref(r))
                        + (rows.isOpen(rows.ref(r)) ? " open]" : "]");
                case LaneRows.RUN -> "run " + (rows.ref(r) - rows.model().laneBarFrom(rows.model().barLane(rows.ref(r))));
                default -> rows.model().laneNode(rows.ref(r));
            });
        }
        return out;
    }

    @Test
    void namesAreReadFromTheFileForNodesThatHaveThem() {
        assertEquals("Plan it", names.of(model.laneNodeId(lane("plan"))));
        assertEquals("Implement", names.of(model.laneNodeId(lane("implement-2"))));
        assertNull(names.of(model.laneNodeId(lane("tests"))), "a null name is no name");
        assertTrue(names.covers(model));
        assertNull(NodeNames.EMPTY.of(0));
        assertEquals("x", NodeNames.nameIn("{\"type\":\"node.started\",\"a\":{\"name\":\"inner\"},\"name\":\"x\"}".getBytes()));
        assertEquals("", NodeNames.nameIn("{\"name\":".getBytes()), "a line changed on disk: no name");
    }

    @Test
    void theNamesOfManyNodesAreReadThroughTheWholeFile() throws Exception {
        List<String> lines = new ArrayList<>();
        String padding = "x".repeat(300); // lines long enough for the names to span several reads of the file
        for (int i = 0; i < 8_000; i++) {
            lines.add(started(i % 60, "n" + i, "bash", "Name " + i).replace("\"model\":null",
                    "\"model\":null,\"note\":\"" + padding + "\""));
            if (i % 3 == 0) {
                lines.add(TestLogs.event("node.output", i % 60, "n" + i));
            }
        }
        IndexSnapshot s = TestLogs.index(dir.resolve("many"), lines);
        TimelineModel m = TimelineBuilder.build(s, null);
        NodeNames read = NodeNames.EMPTY.readMore(s, m);
        assertTrue(read.covers(m));
        for (int lane = 0; lane < m.laneCount(); lane += 997) {
            assertEquals("Name " + m.laneNode(lane).substring(1), read.of(m.laneNodeId(lane)));
        }
        assertEquals("Name 7999", read.of(m.laneNodeId(m.laneOf("n7999"))));
    }

    @Test
    void withoutGroupingEveryNodeIsALaneInOrder() {
        LaneRows rows = LaneRows.of(LaneTree.build(model, LaneGrouping.NONE, names), g -> true);
        assertEquals(List.of("plan", "build.unit", "build.lint", "implement-1", "implement-2", "tests", "deploy"),
                rowsOf(rows));
    }

    @Test
    void byKindGroupsTheKindsAndALoneOneStaysALane() {
        LaneTree tree = LaneTree.build(model, LaneGrouping.KIND, names);
        assertEquals(List.of("plan", "[bash 2]", "[loop 2]", "[command 2]"), rowsOf(LaneRows.of(tree, g -> false)));
        assertEquals(List.of("plan", "[bash 2 open]", "  build.unit", "  build.lint", "[loop 2]", "[command 2 open]",
                "  tests", "  deploy"), rowsOf(LaneRows.of(tree, g -> !tree.groupKey(g).equals("loop"))));
        int bash = tree.groupOfLane(lane("build.lint"));
        assertEquals("bash", tree.groupKind(bash));
        // The summary holds the members' bars by start.
        assertEquals(2, tree.groupBarFrom(bash + 1) - tree.groupBarFrom(bash));
        long previous = Long.MIN_VALUE;
        int command = tree.groupOfLane(lane("tests"));
        for (int p = tree.groupBarFrom(command); p < tree.groupBarFrom(command + 1); p++) {
            assertTrue(model.barStart(tree.groupBar(p)) >= previous);
            previous = model.barStart(tree.groupBar(p));
        }
        assertEquals(4, tree.groupBarFrom(command + 1) - tree.groupBarFrom(command), "three runs of tests, one of deploy");
    }

    @Test
    void byNameByPrefixAndByRuns() {
        assertEquals(List.of("plan", "[Check 2]", "[Implement 2]", "tests", "deploy"),
                rowsOf(LaneRows.of(LaneTree.build(model, LaneGrouping.NAME, names), g -> false)));
        assertEquals(List.of("plan", "build.unit", "build.lint", "implement-1", "implement-2", "tests", "deploy"),
                rowsOf(LaneRows.of(LaneTree.build(model, LaneGrouping.NAME, NodeNames.EMPTY), g -> false)),
                "names not read yet: no groups by name");
        assertEquals(List.of("plan", "[build. 2]", "[implement- 2]", "tests", "deploy"),
                rowsOf(LaneRows.of(LaneTree.build(model, LaneGrouping.PREFIX, names), g -> false)));
        LaneTree runs = LaneTree.build(model, LaneGrouping.RUNS, names);
        assertEquals(List.of("plan", "build.unit", "build.lint", "[implement 2 open]", "  implement-1", "  implement-2",
                "[tests 3 open]", "  run 0", "  run 1", "  run 2", "deploy"), rowsOf(LaneRows.of(runs, g -> true)));
        int tests = runs.groupOfLane(lane("tests"));
        assertEquals(LaneTree.Members.RUNS, runs.groupMembers(tests));
        assertEquals(lane("tests"), runs.groupLane(tests));
    }

    @Test
    void theRowShowingALaneOrABarIsItsOwnOrItsClosedGroups() {
        LaneTree tree = LaneTree.build(model, LaneGrouping.RUNS, names);
        int tests = tree.groupOfLane(lane("tests"));
        LaneRows closed = LaneRows.of(tree, g -> false);
        LaneRows open = LaneRows.of(tree, g -> true);
        int secondRun = model.laneBarFrom(lane("tests")) + 1;
        assertEquals(closed.rowOfGroup(tests), closed.rowShowing(lane("tests")), "a node's runs: its group is its lane");
        assertEquals(closed.rowOfGroup(tests), closed.rowShowingBar(secondRun));
        assertEquals(open.rowOfGroup(tests) + 2, open.rowShowingBar(secondRun), "its second run's own row");
        int implement = tree.groupOfLane(lane("implement-2"));
        assertEquals(closed.rowOfGroup(implement), closed.rowShowing(lane("implement-2")));
        assertEquals(open.rowOfGroup(implement) + 2, open.rowShowing(lane("implement-2")));
        assertEquals(lane("tests"), open.laneOf(open.rowShowingBar(secondRun)));
        assertEquals(-1, open.laneOf(open.rowOfGroup(implement)), "a group of lanes is no one lane");
    }

    @Test
    void aRowIsFoundAgainAfterTheRowsChange() {
        LaneTree tree = LaneTree.build(model, LaneGrouping.RUNS, names);
        LaneRows open = LaneRows.of(tree, g -> true);
        int deploy = open.rowShowing(lane("deploy"));
        LaneRows.Anchor anchor = open.anchor(deploy);
        LaneRows closed = LaneRows.of(tree, g -> false);
        assertEquals(closed.rowShowing(lane("deploy")), closed.find(anchor));
        LaneRows.Anchor run = open.anchor(open.rowShowingBar(model.laneBarFrom(lane("tests")) + 2));
        assertEquals(open.rowShowingBar(model.laneBarFrom(lane("tests")) + 2), open.find(run));
        assertEquals(closed.rowOfGroup(tree.groupOfLane(lane("tests"))), closed.find(run), "its group when closed");
        LaneRows none = LaneRows.of(LaneTree.build(model, LaneGrouping.NONE, names), g -> false);
        assertEquals(none.rowShowing(lane("tests")), none.find(run), "its lane without groups");
        LaneRows.Anchor group = open.anchor(open.rowOfGroup(tree.groupOfLane(lane("implement-1"))));
        assertEquals(-1, none.find(group), "a group that is gone");
    }

    @Test
    void searchFindsIdsAndNamesIgnoringCaseInListOrder() {
        LaneTree tree = LaneTree.build(model, LaneGrouping.KIND, names);
        assertArrayEquals(new int[] {lane("build.unit"), lane("build.lint")}, LaneSearch.find(tree, names, "BUILD"));
        assertArrayEquals(new int[] {lane("implement-1"), lane("implement-2")}, LaneSearch.find(tree, names, "implem"));
        assertArrayEquals(new int[] {lane("plan")}, LaneSearch.find(tree, names, "plan it"), "by name");
        assertArrayEquals(new int[] {lane("deploy")}, LaneSearch.find(tree, names, "DEP"));
        assertArrayEquals(new int[] {lane("plan"), lane("build.unit"), lane("build.lint"), lane("implement-1"),
                        lane("implement-2"), lane("tests")},
                LaneSearch.find(LaneTree.build(model, LaneGrouping.RUNS, names), names, "t"), "in list order");
        assertEquals(0, LaneSearch.find(tree, names, "  ").length);
        assertTrue(LaneSearch.contains("Implement", "MENT"));
    }

    @Test
    void idsSplitIntoPrefixesAndIterationNumbers() {
        assertEquals("build.", LaneGrouping.prefix("build.unit"));
        assertEquals("a-", LaneGrouping.prefix("a-b-c"));
        assertNull(LaneGrouping.prefix("plain"));
        assertNull(LaneGrouping.prefix(".hidden"));
        assertNull(LaneGrouping.prefix("trailing-"));
        assertEquals("implement", LaneGrouping.base("implement-12"));
        assertEquals("shard", LaneGrouping.base("shard_07"));
        assertEquals("step", LaneGrouping.base("step#3"));
        assertEquals("try", LaneGrouping.base("try[2]"));
        assertEquals("a-b", LaneGrouping.base("a-b-3"));
        assertEquals("n1", LaneGrouping.base("n1"), "a number without a separator is part of the name");
        assertEquals("v1.2", LaneGrouping.base("v1.2"));
    }
}
