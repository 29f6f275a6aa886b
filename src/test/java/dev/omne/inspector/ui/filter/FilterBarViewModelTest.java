package dev.omne.inspector.ui.filter;

import dev.omne.inspector.ui.testing.ManualTaskExecutor;
import dev.omne.inspector.ui.testing.TestLogs;
import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;
import dev.omne.inspector.ui.filter.FilterResult;
import dev.omne.inspector.ui.common.Formats;
import dev.omne.inspector.ui.common.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilterBarViewModelTest {
    @TempDir
    Path dir;

    /**
     * A run of 200 lines: nodes n0..n9 started and completed in turn, every 17th line a gate, every 23rd
     * node.failed, every 31st malformed; each line's second is its number mod 60.
     */
    private static List<String> run() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String node = "n" + (i % 10);
            if (i % 31 == 30) {
                lines.add("{\"type\":\"node.completed\",\"node_id\":");
            } else if (i % 23 == 22) {
                lines.add(TestLogs.event("node.failed", i % 60, node));
            } else if (i % 17 == 16) {
                lines.add(TestLogs.event("gate.passed", i % 60, null));
            } else {
                lines.add(TestLogs.event(i % 2 == 0 ? "node.started" : "node.completed", i % 60, node));
            }
        }
        return lines;
    }

    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private final FilterBarViewModel model = new FilterBarViewModel(tasks);

    private static int[] rowsWhere(IndexSnapshot s, IntPredicate keep) {
        return IntStream.range(0, s.size()).filter(keep).toArray();
    }

    @Test
    void withoutAFilterEveryRowShowsAndFacetsCountEveryType() {
        IndexSnapshot s = TestLogs.index(dir, run());
        model.show(s);
        FilterResult r = model.result();
        assertTrue(r.isAll());
        assertEquals(200, r.size());
        assertFalse(model.isActive());
        assertEquals("", model.summaryProperty().get());
        Map<String, Integer> expected = new HashMap<>();
        for (int row = 0; row < s.size(); row++) {
            if (s.type(row) != null) {
                expected.merge(s.type(row), 1, Integer::sum);
            }
        }
        Map<String, Integer> facets = new HashMap<>();
        model.facets().forEach(f -> facets.put(f.type(), f.count()));
        assertEquals(expected, facets);
        // In the order of their names, which no count changes.
        assertEquals(model.facets().stream().map(FilterBarViewModel.Facet::type).sorted().toList(),
                model.facets().stream().map(FilterBarViewModel.Facet::type).toList());
    }

    @Test
    void whileANewFilterWorksTheChipsShowItsChoiceAtOnceAndNoCountOfThePreviousFilter() {
        ManualTaskExecutor manual = new ManualTaskExecutor();
        FilterBarViewModel bar = new FilterBarViewModel(manual);
        IndexSnapshot s = TestLogs.index(dir, run());
        bar.show(s);
        manual.runAll();
        List<String> order = bar.facets().stream().map(FilterBarViewModel.Facet::type).toList();
        int startedEverywhere = bar.facets().stream().filter(f -> f.type().equals("node.started")).findFirst()
                .orElseThrow().count();
        // A chip clicked: the counts (which ignore type terms) still hold, and the chip is chosen before the result.
        bar.toggleType("node.failed");
        assertTrue(bar.facets().stream().filter(f -> f.type().equals("node.failed")).findFirst().orElseThrow().chosen());
        assertEquals(startedEverywhere, bar.facets().stream().filter(f -> f.type().equals("node.started"))
                .findFirst().orElseThrow().count());
        manual.runAll();
        assertEquals(order, bar.facets().stream().map(FilterBarViewModel.Facet::type).toList(), "no chip moved");
        // A text term changes what is counted: until the filter is done, every chip is being counted.
        bar.textProperty().set("type:node.failed n3");
        assertTrue(bar.facets().stream().noneMatch(FilterBarViewModel.Facet::counted),
                bar.facets().toString());
        manual.runAll();
        assertTrue(bar.facets().stream().allMatch(FilterBarViewModel.Facet::counted));
        assertTrue(bar.facets().stream().filter(f -> f.type().equals("node.failed")).findFirst().orElseThrow().chosen());
    }

    @Test
    void aTypeFacetNarrowsTheRowsButCountsAgainstTheRestOfTheFilter() {
        IndexSnapshot s = TestLogs.index(dir, run());
        model.show(s);
        model.textProperty().set("node:n2");
        Map<String, Integer> underNode = new HashMap<>();
        for (int row = 0; row < s.size(); row++) {
            if ("n2".equals(s.node(row))) {
                underNode.merge(s.type(row), 1, Integer::sum);
            }
        }
        model.toggleType("node.failed");
        assertEquals("node:n2 type:node.failed", model.textProperty().get());
        assertArrayEquals(rowsWhere(s, row -> "n2".equals(s.node(row)) && "node.failed".equals(s.type(row))),
                model.result().rows());
        Map<String, Integer> facets = new HashMap<>();
        model.facets().forEach(f -> facets.put(f.type(), f.count()));
        assertEquals(underNode, facets, "counts ignore the type terms, so other types can be added");
        assertTrue(model.facets().stream().filter(f -> f.type().equals("node.failed")).findFirst().orElseThrow().chosen());
        // A second type means either.
        model.toggleType("node.started");
        assertArrayEquals(rowsWhere(s, row -> "n2".equals(s.node(row))
                && ("node.failed".equals(s.type(row)) || "node.started".equals(s.type(row)))), model.result().rows());
        model.toggleType("node.failed");
        model.toggleType("node.started");
        assertEquals("node:n2", model.textProperty().get());
        assertEquals(underNode.values().stream().mapToInt(i -> i).sum(), model.result().size());
    }

    @Test
    void failuresOnlyShowsFailedNodesAndMalformedLinesAndIsATermOfTheText() {
        IndexSnapshot s = TestLogs.index(dir, run());
        model.show(s);
        model.toggleFailuresOnly();
        assertTrue(model.failuresOnlyProperty().get());
        assertEquals("is:failure", model.textProperty().get());
        assertArrayEquals(rowsWhere(s, row -> s.isError(row) || "node.failed".equals(s.type(row))), model.result().rows());
        assertEquals(Formats.count(model.result().size()) + " of 200 rows", model.summaryProperty().get());
        model.toggleFailuresOnly();
        assertFalse(model.failuresOnlyProperty().get());
        assertTrue(model.result().isAll());
    }

    @Test
    void aTimeRangeKeepsTheRowsInsideItAndIsReplacedByTheNextOne() {
        IndexSnapshot s = TestLogs.index(dir, run());
        model.show(s);
        long from = Timestamps.parseMicros("2026-04-15T10:00:10Z");
        long to = Timestamps.parseMicros("2026-04-15T10:00:20Z");
        model.setTimeRange(to, from);
        assertEquals("after:2026-04-15T10:00:10.000Z before:2026-04-15T10:00:20.000Z", model.textProperty().get());
        assertTrue(model.timeRangeProperty().get());
        assertArrayEquals(rowsWhere(s, row -> s.tsMicros(row) != Timestamps.NONE && s.tsMicros(row) >= from
                && s.tsMicros(row) < to), model.result().rows());
        model.textProperty().set("node:n1 " + model.textProperty().get());
        model.setTimeRange(from, from + 1_000_000);
        assertEquals("node:n1 after:2026-04-15T10:00:10.000Z before:2026-04-15T10:00:11.000Z", model.textProperty().get());
        model.clearTimeRange();
        assertEquals("node:n1", model.textProperty().get());
        assertFalse(model.timeRangeProperty().get());
    }

    @Test
    void freeTextAndRegexMatchTheLinesAndABadRegexIsExplainedWhileTheLastRowsStay() {
        IndexSnapshot s = TestLogs.index(dir, run());
        model.show(s);
        model.textProperty().set("\"node_id\":\"n7\"");
        int[] n7 = rowsWhere(s, row -> "n7".equals(s.node(row)));
        assertArrayEquals(n7, model.result().rows());
        model.textProperty().set("/gate\\.pass(ed)?/");
        int[] gates = rowsWhere(s, row -> "gate.passed".equals(s.type(row)));
        assertArrayEquals(gates, model.result().rows());
        model.textProperty().set("/gate(/");
        assertNotNull(model.errorProperty().get());
        assertTrue(model.errorProperty().get().contains("not a regular expression"), model.errorProperty().get());
        assertArrayEquals(gates, model.result().rows(), "the last good filter's rows stay");
        model.clear();
        assertNull(model.errorProperty().get());
        assertTrue(model.result().isAll());
    }

    @Test
    void aNewerKeystrokeDiscardsAnOlderUnfinishedFilter() {
        ManualTaskExecutor manual = new ManualTaskExecutor();
        FilterBarViewModel bar = new FilterBarViewModel(manual);
        IndexSnapshot s = TestLogs.index(dir, run());
        bar.show(s);
        manual.runAll();
        List<String> applied = new ArrayList<>();
        bar.resultProperty().addListener((obs, old, r) -> applied.add(r.text()));
        bar.textProperty().set("n");
        bar.textProperty().set("n3");
        bar.textProperty().set("n3 node.completed");
        assertEquals(3, manual.pending(), "three filters were started");
        manual.runAll();
        assertEquals(List.of("n3 node.completed"), applied, "only the newest filter's rows were applied");
        assertArrayEquals(rowsWhere(s, row -> "n3".equals(s.node(row)) && "node.completed".equals(s.type(row))),
                bar.result().rows());
    }

    @Test
    void aTextThatIsNoFilterLeavesTheLastGoodFilterAtWorkAndItsCountTrue() throws Exception {
        ManualTaskExecutor manual = new ManualTaskExecutor();
        FilterBarViewModel bar = new FilterBarViewModel(manual);
        List<String> lines = run();
        Path file = TestLogs.write(dir.resolve("typing.jsonl"), lines.subList(0, 50));
        RunIndex index = RunIndex.build(file);
        bar.show(index.snapshot());
        manual.runAll();
        bar.textProperty().set("n3");
        assertTrue(bar.busyProperty().get());
        // The run grows while "n3" works, then the text turns into no filter before it has finished.
        List<String> more = lines.subList(50, 200);
        TestLogs.append(file, more);
        byte[] bytes = (String.join("\n", more) + "\n").getBytes(StandardCharsets.UTF_8);
        index.extend(bytes, 0, bytes.length);
        bar.grow(index.snapshot());
        bar.textProperty().set("n3 /(/");
        assertNotNull(bar.errorProperty().get());
        manual.runAll();
        IndexSnapshot whole = index.snapshot();
        List<String> all = java.nio.file.Files.readAllLines(file);
        int[] n3 = rowsWhere(whole, row -> all.get((int) whole.line(row) - 1).toLowerCase().contains("n3"));
        assertArrayEquals(n3, bar.result().rows(), "the last good filter finished, over the grown run too");
        assertEquals("n3", bar.result().text());
        assertEquals(200, bar.result().upTo());
        assertEquals(Formats.count(n3.length) + " of 200 rows", bar.summaryProperty().get(),
                "the count is of the run as it is, not of the state the filter started on");
        assertFalse(bar.busyProperty().get());
        bar.textProperty().set("n3");
        assertNull(bar.errorProperty().get());
        manual.runAll();
        assertArrayEquals(n3, bar.result().rows());
    }

    @Test
    void aStaleFilterStopsAtItsNextCheck() throws Exception {
        // A filter over many rows, cancelled from outside while it works: it gives up instead of finishing.
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            lines.add(TestLogs.event("node.progress", i % 60, "n" + i % 7));
        }
        IndexSnapshot s = TestLogs.index(dir, lines);
        java.util.concurrent.atomic.AtomicInteger checks = new java.util.concurrent.atomic.AtomicInteger();
        dev.omne.inspector.core.filter.EventFilter f = dev.omne.inspector.core.filter.EventFilter.parse("n3");
        org.junit.jupiter.api.Assertions.assertThrows(dev.omne.inspector.core.filter.RowFilter.Cancelled.class,
                () -> dev.omne.inspector.ui.filter.FilterComputation.run(s, "n3", f, null,
                        () -> checks.incrementAndGet() > 2, r -> { }));
        // A part's rows are judged in pieces in parallel, two of which look (every 16,384 rows): the piece that sees
        // the third check stops, and the other at most looks once more. A whole run would look 13 times.
        assertTrue(checks.get() == 3 || checks.get() == 4, "it stopped at the third check, long before the end: "
                + checks.get() + " checks");
    }

    @Test
    void aLongTextFilterHandsOverGrowingPrefixesThenTheWholeResult() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 150_000; i++) {
            lines.add(TestLogs.event("node.progress", i % 60, "n" + i % 5));
        }
        IndexSnapshot s = TestLogs.index(dir, lines);
        model.show(s);
        List<FilterResult> seen = new ArrayList<>();
        model.resultProperty().addListener((obs, old, r) -> seen.add(r));
        model.textProperty().set("\"n4\"");
        FilterResult last = seen.getLast();
        assertTrue(last.complete());
        assertArrayEquals(rowsWhere(s, row -> "n4".equals(s.node(row))), last.rows());
        assertTrue(seen.size() >= 2, "at least one partial result came first: " + seen.size());
        assertFalse(seen.getFirst().complete());
        assertFalse(seen.getFirst().extension(), "the first rows of a new filter replace the old");
        for (int i = 1; i < seen.size(); i++) {
            FilterResult before = seen.get(i - 1);
            FilterResult now = seen.get(i);
            assertTrue(now.extension());
            assertArrayEquals(before.rows(), Arrays.copyOf(now.rows(), before.rows().length), "a prefix grows");
        }
    }

    @Test
    void appendedRowsAreFilteredOnTheirOwnAndContinueTheResult() throws Exception {
        List<String> lines = run();
        Path file = TestLogs.write(dir.resolve("grow.jsonl"), lines.subList(0, 120));
        RunIndex index = RunIndex.build(file);
        model.show(index.snapshot());
        model.textProperty().set("is:failure");
        List<FilterResult> seen = new ArrayList<>();
        model.resultProperty().addListener((obs, old, r) -> seen.add(r));
        List<String> more = lines.subList(120, 200);
        TestLogs.append(file, more);
        byte[] bytes = (String.join("\n", more) + "\n").getBytes(StandardCharsets.UTF_8);
        index.extend(bytes, 0, bytes.length);
        model.grow(index.snapshot());
        assertEquals(1, seen.size());
        FilterResult grown = seen.getFirst();
        assertTrue(grown.extension());
        assertEquals(200, grown.upTo());
        IndexSnapshot whole = TestLogs.index(dir, lines);
        assertArrayEquals(rowsWhere(whole, row -> whole.isError(row) || "node.failed".equals(whole.type(row))), grown.rows());
        int failed = (int) model.facets().stream().filter(f -> f.type().equals("node.failed")).findFirst()
                .orElseThrow().count();
        assertEquals(rowsWhere(whole, row -> "node.failed".equals(whole.type(row))).length, failed, "facet counts grew");
    }
}
