package dev.omne.inspector.ui.app;

import dev.omne.inspector.ui.testing.FxWait;
import dev.omne.inspector.generate.VolumeGenerator;
import dev.omne.inspector.ui.testing.TestWindow;
import javafx.animation.AnimationTimer;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Tag;
import dev.omne.inspector.ui.testing.FxStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window's responsiveness on the scale benchmark's run (1,000,000 lines from {@code generate}, a malformed
 * line every 10,000), in a window that has shown a small run before: time from opening the volume (its one run
 * is selected) to the first rows on screen and
 * to the whole run indexed; then filter keystrokes typed one at a time, each timed from the key press to the
 * table showing that text's rows; and all the while every pulse of the UI thread timed, the longest gap printed.
 * Lines starting with {@code RESULT} are read by {@code src/bench/window.sh}, which runs this several times and
 * prints medians. Run alone: {@code ./mvnw test -Dtest=WindowResponsivenessBenchmarkTest -Dsurefire.excludedGroups=none}
 * (set {@code BENCH_VOLUME} to a generated project folder to reuse one).
 */
@Tag("benchmark")
class WindowResponsivenessBenchmarkTest {
    @RegisterExtension
    final FxStage fx = new FxStage(3);

    static final int EVENTS = 1_000_000;

    @TempDir
    Path dir;

    private MainWindowViewModel model;
    private MainWindowView view;
    /** Pulse gaps of the UI thread, in nanoseconds, while recording. */
    private final long[] gaps = new long[1 << 18];
    private int pulses;
    private long lastPulse;
    private long longestGap;
    /** The most CPU time the UI thread spent between two pulses: the part of a gap that is the window's own work. */
    private long longestCpu;
    private long lastCpu;
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    private String longestDuring = "";
    private volatile String phase = "idle";
    private volatile long openedAt;
    private final List<String> longGaps = java.util.Collections.synchronizedList(new ArrayList<>());
    /** When a result for the awaited filter text was applied, and when the next pulse after it began. */
    private volatile String awaitedText;
    private volatile long appliedAt;
    private volatile long shownAt;
    /** The rows of the run whose timeline is awaited; when the window had all of them indexed, and their timeline. */
    private volatile int awaitedRows = -1;
    private volatile long wholeIndexAt;
    private volatile long timelineBuiltAt;
    /** The filter field and the text a keystroke should show in it; when a pulse first found it there. */
    private volatile TextField echoField;
    private volatile String awaitedEcho;
    private volatile long echoedAt;

    @BeforeEach
    void start() throws Exception {
        TestWindow window = TestWindow.on(fx).size(1400, 900).setUp(m -> {
            // A keystroke that leaves no filter (such as "node:" on its way to "node:plan") shows why instead.
            m.filterBar().errorProperty().addListener((obs, old, error) -> {
                if (error != null && m.filterBar().textProperty().get().strip().equals(awaitedText) && appliedAt == 0) {
                    appliedAt = System.nanoTime();
                }
            });
            m.filterBar().resultProperty().addListener((obs, old, r) -> {
                if (r != null && r.text().equals(awaitedText) && appliedAt == 0) {
                    appliedAt = System.nanoTime();
                }
                if (r != null && r.snapshot() != null && r.snapshot().size() == awaitedRows && wholeIndexAt == 0) {
                    wholeIndexAt = System.nanoTime();
                }
            });
            m.timeline().modelProperty().addListener((obs, old, built) -> {
                if (built.rows() == awaitedRows && timelineBuiltAt == 0) {
                    timelineBuiltAt = System.nanoTime();
                }
            });
            // Runs on every pulse: the gap between two is how long the UI thread could not draw.
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    long cpu = threads.getCurrentThreadCpuTime();
                    if (lastPulse != 0 && cpu - lastCpu > longestCpu) {
                        longestCpu = cpu - lastCpu;
                    }
                    lastCpu = cpu;
                    if (lastPulse != 0 && pulses < gaps.length) {
                        long gap = t - lastPulse;
                        gaps[pulses++] = gap;
                        if (gap > 50_000_000L && longGaps.size() < 200) {
                            longGaps.add(String.format("%.0f ms at +%.0f ms (%s)", gap / 1e6, (t - openedAt) / 1e6, phase));
                        }
                        if (gap > longestGap) {
                            longestGap = gap;
                            longestDuring = phase;
                        }
                    }
                    lastPulse = t;
                    if (appliedAt != 0 && shownAt == 0) {
                        shownAt = t;
                    }
                    TextField field = echoField;
                    if (field != null && echoedAt == 0 && awaitedEcho != null && awaitedEcho.equals(field.getText())) {
                        echoedAt = t;
                    }
                }
            }.start();
        }).open();
        model = window.model();
        view = window.view();
    }

    private static void result(String key, double value, String unit) {
        System.out.printf("RESULT %s %.1f %s%n", key, value, unit);
    }

    @Test
    void aMillionEventRunOpensIndexesAndFiltersWithoutStallingTheWindow(FxRobot robot) throws Exception {
        Path project = System.getenv("BENCH_VOLUME") != null ? Path.of(System.getenv("BENCH_VOLUME")) : dir.resolve("scale");
        if (!Files.isDirectory(project.resolve(".omne"))) {
            VolumeGenerator.generate(project, VolumeGenerator.Options.defaults().withRuns(1).withEventsPerRun(EVENTS)
                    .withMalformedEvery(10_000).withSeed(42));
        }
        int lines = EVENTS;

        Thread fxThread = FxWait.fx(Thread::currentThread);
        java.util.Map<String, Integer> stalls = new java.util.concurrent.ConcurrentHashMap<>();
        // Where the UI thread is while a pulse is overdue (BENCH_PROFILE=1): the top frames of our code, sampled
        // every 5 ms.
        java.util.concurrent.ScheduledExecutorService sampler = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().unstarted(r));
        if (System.getenv("BENCH_PROFILE") != null) {
            sampler.scheduleAtFixedRate(() -> {
                if (lastPulse != 0 && System.nanoTime() - lastPulse > 40_000_000L) {
                    Thread render = Thread.getAllStackTraces().keySet().stream()
                            .filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst().orElse(null);
                    for (Thread sampled : render == null ? List.of(fxThread) : List.of(fxThread, render)) {
                    StackTraceElement[] stack = sampled.getStackTrace();
                    StringBuilder where = new StringBuilder();
                    int shown = 0;
                    for (StackTraceElement e : stack) {
                        if (shown < 7 && (shown > 0 || !e.getClassName().matches(".*(Unsafe|LockSupport|AbstractQueuedSynchronizer.*|CountDownLatch|ForkJoinPool|Object|Thread)$"))) {
                            where.append(shown == 0 ? "" : " < ").append(e.getClassName().replaceAll(".*\\.", ""))
                                    .append('.').append(e.getMethodName());
                            shown++;
                        }
                    }
                    stalls.merge(phase + " " + (sampled == fxThread ? "ui" : "render") + ": " + where, 1, Integer::sum);
                    }
                }
            }, 0, 5, TimeUnit.MILLISECONDS);
        }
        // As a person would have it: the window has shown a run before this one (the demo, the last folder).
        // The first paint of a table in a fresh JVM is a cold start of its own, reported apart.
        Path small = dir.resolve("warm-up");
        VolumeGenerator.generate(small, VolumeGenerator.Options.defaults().withRuns(1).withEventsPerRun(2_000).withSeed(7));
        phase = "cold start";
        robot.interact(() -> model.open(small));
        FxWait.waitUntil("the warm-up run drawn", 30, () -> model.eventTable().rowCount() == 2_000 && view.eventsView().table().lookup(".table-row-cell") != null);
        // ... and has read the summaries on screen.
        FxWait.waitUntil("the summaries on screen read", 10, () -> model.eventTable().texts().pendingCount() == 0 && model.eventTable().texts().cached(0) != null);
        result("cold_start_longest_pulse_gap_ms", longestGap / 1e6, "ms");
        longestGap = 0;
        longestCpu = 0;
        longGaps.clear();

        phase = "opening";
        awaitedRows = lines;
        long open = System.nanoTime();
        openedAt = open;
        robot.interact(() -> model.open(project));
        FxWait.waitUntil("the first rows drawn", 30, () -> model.eventTable().rowCount() > 0 && view.eventsView().table().lookup(".table-row-cell") != null
                && !view.eventsView().table().getItems().isEmpty());
        long firstRows = System.nanoTime() - open;
        phase = "indexing";
        FxWait.waitUntil("the whole run indexed", 60, () -> model.eventTable().snapshot() != null && model.eventTable().snapshot().size() == lines
                && model.runList().selected() != null && !model.runList().selected().indexing());
        long indexed = System.nanoTime() - open;
        System.out.println("gaps over 50 ms so far: " + longGaps);
        result("first_rows_ms", firstRows / 1e6, "ms");
        result("indexed_ms", indexed / 1e6, "ms");
        result("longest_pulse_gap_loading_ms", longestGap / 1e6, "ms");
        result("longest_ui_cpu_between_pulses_loading_ms", longestCpu / 1e6, "ms");

        timeline("");

        // Keystrokes one at a time: a node, a free text word, an event type, a regular expression.
        phase = "filtering";
        TextField field = robot.lookup("#filter-field").queryAs(TextField.class);
        robot.clickOn(field);
        List<Double> keystrokes = new ArrayList<>();
        List<Double> complete = new ArrayList<>();
        StringBuilder perKey = new StringBuilder();
        for (String filter : List.of("node:verify", "timeout", "type:node.failed", "/node\\.(failed|retrying)/")) {
            StringBuilder typed = new StringBuilder();
            for (char c : filter.toCharArray()) {
                typed.append(c);
                awaitedText = typed.toString();
                appliedAt = 0;
                shownAt = 0;
                long pressed = System.nanoTime();
                robot.write(c);
                try {
                    FxWait.waitUntil("a result for \"" + typed + "\" drawn", 20, () -> shownAt != 0);
                } catch (AssertionError e) {
                    throw new AssertionError("no rows for \"" + typed + "\": the field says \"" + FxWait.fx(field::getText)
                            + "\", the last result was for \"" + FxWait.fx(() -> model.filterBar().result() == null ? null
                            : model.filterBar().result().text()) + "\", focus on " + FxWait.fx(() -> field.getScene().getFocusOwner()), e);
                }
                keystrokes.add((shownAt - pressed) / 1e6);
                perKey.append(String.format(" %s=%.0f", typed.toString().replace(" ", "_"), (shownAt - pressed) / 1e6));
                long start = pressed;
                FxWait.waitUntil("the filter complete", 30, () -> model.filterBar().errorProperty().get() != null || model.filterBar().result() != null
                        && model.filterBar().result().text().equals(field.getText()) && model.filterBar().result().complete());
                complete.add((System.nanoTime() - start) / 1e6);
            }
            int shown = FxWait.fx(() -> model.eventTable().rowCount());
            System.out.println("keystrokes (ms):" + perKey);
            perKey.setLength(0);
            System.out.printf("filter %-24s %,9d rows shown%n", filter, shown);
            robot.type(KeyCode.ESCAPE);
            FxWait.waitUntil("every row again", 20, () -> !model.filterBar().isActive() && model.eventTable().rowCount() == lines);
            robot.clickOn(field);
        }
        keystrokes.sort(null);
        complete.sort(null);
        result("keystroke_median_ms", keystrokes.get(keystrokes.size() / 2), "ms");
        result("keystroke_p90_ms", keystrokes.get((int) (keystrokes.size() * 0.9)), "ms");
        result("keystroke_max_ms", keystrokes.getLast(), "ms");
        result("filter_complete_median_ms", complete.get(complete.size() / 2), "ms");
        result("filter_complete_max_ms", complete.getLast(), "ms");
        long[] sorted = java.util.Arrays.copyOf(gaps, pulses);
        java.util.Arrays.sort(sorted);
        result("pulse_gap_median_ms", sorted[sorted.length / 2] / 1e6, "ms");
        result("pulse_gap_p99_ms", sorted[(int) (sorted.length * 0.99)] / 1e6, "ms");
        result("longest_pulse_gap_ms", longestGap / 1e6, "ms");
        result("longest_ui_cpu_between_pulses_ms", longestCpu / 1e6, "ms");
        System.out.println("gaps over 50 ms: " + longGaps);
        sampler.shutdownNow();
        stalls.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                .forEach(e -> System.out.printf("stall samples %4d  %s%n", e.getValue(), e.getKey()));
        System.out.printf("%d keystrokes; %,d pulses; the longest gap was while %s; load average %.1f%n",
                keystrokes.size(), pulses, longestDuring,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertEquals(lines, FxWait.fx(() -> model.eventTable().rowCount()));
        assertTrue(keystrokes.size() > 30);
        typingWhileIndexing(robot, project, field);
        FxWait.fx(() -> {
            model.shutdown();
            return null;
        });
    }

    /**
     * Keystrokes while a million-line run is still being indexed: a copy of the run (a new file, so nothing of its
     * index is known yet) is opened and, from its first rows on, a filter is typed one key at a time. Each key is
     * timed from its press to the first pulse that shows it in the field (the echo: it must never wait for the
     * indexing or the filter at work), and the filter's rows for each text are awaited too (applied to the rows
     * indexed so far). Only keystrokes typed while the run was still indexing are counted.
     */
    private void typingWhileIndexing(FxRobot robot, Path project, TextField field) throws Exception {
        Path copy = dir.resolve("typing");
        Path log;
        try (var runs = Files.list(project.resolve(".omne/var/runs"))) {
            log = runs.filter(Files::isDirectory).findFirst().orElseThrow().resolve("events.jsonl");
        }
        Path copied = copy.resolve(".omne/var/runs").resolve(log.getParent().getFileName()).resolve("events.jsonl");
        Files.createDirectories(copied.getParent());
        Files.copy(log, copied);
        robot.type(KeyCode.ESCAPE);
        phase = "typing while indexing";
        echoField = field;
        robot.interact(() -> model.open(copy));
        FxWait.waitUntil("the copy's first rows drawn", 30, () -> model.eventTable().rowCount() > 0
                && model.runList().selected() != null && model.runList().selected().indexing());
        robot.clickOn(field);
        List<Double> echoes = new ArrayList<>();
        List<Double> rowsShown = new ArrayList<>();
        StringBuilder perKey = new StringBuilder();
        String filter = "node:verify timeout";
        StringBuilder typed = new StringBuilder();
        for (char c : filter.toCharArray()) {
            typed.append(c);
            boolean indexing = FxWait.fx(() -> model.runList().selected() != null && model.runList().selected().indexing());
            if (!indexing) {
                break;
            }
            awaitedText = typed.toString().strip();
            appliedAt = 0;
            shownAt = 0;
            echoedAt = 0;
            awaitedEcho = typed.toString();
            long pressed = System.nanoTime();
            robot.write(c);
            FxWait.waitUntil("\"" + typed + "\" shown in the field", 20, () -> echoedAt != 0);
            echoes.add((echoedAt - pressed) / 1e6);
            FxWait.waitUntil("rows for \"" + typed + "\" drawn", 30, () -> shownAt != 0);
            rowsShown.add((shownAt - pressed) / 1e6);
            perKey.append(String.format(" %s=%.0f/%.0f", typed.toString().replace(" ", "_"), echoes.getLast(), rowsShown.getLast()));
        }
        echoField = null;
        System.out.println("keystrokes while indexing (echo/rows ms):" + perKey);
        assertTrue(echoes.size() >= 3, "the run was still indexing for at least three keystrokes: " + echoes.size());
        result("indexing_keystrokes", echoes.size(), "keys");
        List<Double> e = new ArrayList<>(echoes);
        e.sort(null);
        List<Double> r = new ArrayList<>(rowsShown);
        r.sort(null);
        result("indexing_keystroke_echo_median_ms", e.get(e.size() / 2), "ms");
        result("indexing_keystroke_echo_max_ms", e.getLast(), "ms");
        result("indexing_keystroke_rows_median_ms", r.get(r.size() / 2), "ms");
        result("indexing_keystroke_rows_max_ms", r.getLast(), "ms");
        robot.type(KeyCode.ESCAPE);
    }

    /**
     * The timeline of the run just indexed: how long after the index its lanes were built, then every frame painted
     * while it is zoomed from the whole run down to a millisecond and back, panned, and scrolled through with every
     * run of every node on a lane of its own (each step waits for its frame). Prints the paint times on the UI
     * thread, the pulse gaps meanwhile, and the bytes the timeline's model holds.
     */
    private void timeline(String prefix) throws Exception {
        phase = prefix + "timeline";
        var timeline = model.timeline();
        FxWait.waitUntil("the index and its timeline built", 60, () -> timelineBuiltAt != 0 && wholeIndexAt != 0);
        result(prefix + "timeline_built_after_index_ms", (timelineBuiltAt - wholeIndexAt) / 1e6, "ms");
        result(prefix + "timeline_model_kib", timeline.model().bytes() / 1024.0, "KiB");
        System.out.printf("%stimeline: %,d lanes, %,d bars, %,d instants%n", prefix, FxWait.fx(() -> timeline.model().laneCount()),
                FxWait.fx(() -> timeline.model().barCount()), FxWait.fx(() -> timeline.model().instantCount()));
        var paints = view.timelineView().paintTimes();
        int gapsFrom = pulses;
        long longestBefore = longestGap;
        longestGap = 0;
        FxWait.fx(() -> {
            paints.clear();
            return null;
        });
        int steps = 0;
        for (var grouping : List.of(dev.omne.inspector.ui.timeline.LaneGrouping.NONE,
                dev.omne.inspector.ui.timeline.LaneGrouping.RUNS)) {
            robot(() -> {
                timeline.lanes().setGrouping(grouping);
                timeline.window().fit();
            });
            FxWait.waitUntil("the lanes regrouped", 60, () -> timeline.lanes().rows().tree().grouping() == grouping);
            robot(() -> timeline.lanes().setAllOpen(true));
            int rows = FxWait.fx(() -> timeline.lanes().rows().count());
            long middle = FxWait.fx(() -> timeline.model().minMicros() + (timeline.model().maxMicros() - timeline.model().minMicros()) / 3);
            for (double where : new double[] {0, 0.25, 0.5, 0.75, 1}) {
                robot(() -> timeline.lanes().scrollTo(where * timeline.lanes().maxTop()));
                robot(() -> timeline.window().fit());
                for (int zoom = 0; zoom < 40 && FxWait.fx(() -> timeline.window().span()) > 1_000; zoom++) {
                    robot(() -> timeline.window().zoom(1.5, middle));
                    steps++;
                }
                for (int pan = 0; pan < 10; pan++) {
                    robot(() -> timeline.window().pan(0.3));
                    robot(() -> timeline.lanes().scrollBy(7 * dev.omne.inspector.ui.timeline.LanesViewModel.ROW_HEIGHT));
                    steps += 2;
                }
                for (int zoom = 0; zoom < 40 && !FxWait.fx(() -> timeline.window().isFitted()); zoom++) {
                    robot(() -> timeline.window().zoom(1 / 1.5, middle));
                    steps++;
                }
            }
            System.out.printf("%stimeline %s: %,d rows%n", prefix, grouping, rows);
        }
        long[] sorted = FxWait.fx(paints::sorted);
        long[] gapsHere = java.util.Arrays.copyOfRange(gaps, gapsFrom, Math.min(pulses, gaps.length));
        java.util.Arrays.sort(gapsHere);
        System.out.printf("%stimeline: %d steps, %d paints%n", prefix, steps, sorted.length);
        result(prefix + "timeline_paint_median_ms", sorted[sorted.length / 2] / 1e6, "ms");
        result(prefix + "timeline_paint_p99_ms", sorted[(int) (sorted.length * 0.99)] / 1e6, "ms");
        result(prefix + "timeline_paint_max_ms", sorted[sorted.length - 1] / 1e6, "ms");
        result(prefix + "timeline_pulse_gap_p99_ms", gapsHere[(int) (gapsHere.length * 0.99)] / 1e6, "ms");
        result(prefix + "timeline_longest_pulse_gap_ms", longestGap / 1e6, "ms");
        longestGap = Math.max(longestGap, longestBefore);
        robot(() -> {
            timeline.lanes().setGrouping(dev.omne.inspector.ui.timeline.LaneGrouping.NONE);
            timeline.window().fit();
            timeline.lanes().scrollTo(0);
        });
    }

    /** Runs a change on the UI thread and waits until the frame it asks for has been painted. */
    private static void robot(Runnable change) throws Exception {
        WaitForAsyncUtils.asyncFx(change).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * A run of about as many nodes as it has events: 392,000 nodes ({@code stage123.shard0456}, each started and
     * ended, 392 names), and their output to a million lines. Its timeline's lanes built after the index, its
     * node names read, and its frames painted, as for the scale run.
     */
    @Test
    void aRunOfManyNodesHasItsLanesBuiltAndPaintedInTime(FxRobot robot) throws Exception {
        int nodes = 392_000;
        Path project = dir.resolve("many-nodes");
        Path file = project.resolve(".omne/var/runs/" + dev.omne.inspector.ui.testing.TestLogs.RUN + "/events.jsonl");
        Files.createDirectories(file.getParent());
        long t0 = dev.omne.inspector.core.event.Timestamps.parseMicros("2026-04-15T00:00:00Z");
        int written = 0;
        try (var out = Files.newBufferedWriter(file)) {
            java.util.SplittableRandom random = new java.util.SplittableRandom(5);
            for (int i = 0; i < nodes; i++) {
                String node = String.format("stage%03d.shard%04d", i / 1000, i % 1000);
                long ts = t0 + i * 2_000L;
                out.write(manyNodesLine("node.started", node, ts, ",\"kind\":\"bash\",\"name\":\"Shard of stage " + i / 1000 + "\""));
                if (random.nextInt(100) < 55) {
                    out.write(manyNodesLine("node.output", node, ts + 500, ",\"line\":\"working\""));
                    written++;
                }
                out.write(manyNodesLine(random.nextInt(50) == 0 ? "node.failed" : "node.completed", node, ts + 1_500, ""));
                written += 2;
            }
        }
        int lines = written;
        phase = "many nodes: opening";
        awaitedRows = lines;
        long open = System.nanoTime();
        openedAt = open;
        robot.interact(() -> model.open(project));
        FxWait.waitUntil("the whole run indexed", 60, () -> model.eventTable().snapshot() != null && model.eventTable().snapshot().size() == lines
                && model.runList().selected() != null && !model.runList().selected().indexing());
        long indexed = System.nanoTime() - open;
        result("many_nodes_indexed_ms", indexed / 1e6, "ms");
        long namesFrom = System.nanoTime();
        var timeline = model.timeline();
        FxWait.waitUntil("the timeline of every row", 60, () -> timeline.model().rows() == lines);
        FxWait.waitUntil("the lane names of the whole model", 120, () -> timeline.lanes().names().covers(timeline.model()));
        result("many_nodes_names_read_ms", (System.nanoTime() - namesFrom) / 1e6, "ms");
        timeline("many_nodes_");
        assertEquals(nodes, FxWait.fx(() -> timeline.model().laneCount()));
        FxWait.fx(() -> {
            model.shutdown();
            return null;
        });
    }

    private static String manyNodesLine(String type, String node, long micros, String more) {
        return "{\"type\":\"" + type + "\",\"id\":\"ev-" + node + type.charAt(5) + "\",\"ts\":\""
                + dev.omne.inspector.core.event.Timestamps.format(
                java.time.Instant.EPOCH.plusNanos(micros * 1000)) + "\",\"run_id\":\""
                + dev.omne.inspector.ui.testing.TestLogs.RUN + "\",\"node_id\":\"" + node + "\"" + more + "}\n";
    }
}
