package dev.omne.inspector.ui.app;

import dev.omne.inspector.core.cache.CacheFolder;
import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.event.Ulid;
import dev.omne.inspector.core.history.HistoryVolumes;
import dev.omne.inspector.core.history.RunSummary;
import dev.omne.inspector.core.history.SummaryCache;
import dev.omne.inspector.core.index.IndexCache;
import dev.omne.inspector.core.log.EventLog;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.generate.VolumeGenerator;
import dev.omne.inspector.ui.history.HistoryGridViewModel;
import dev.omne.inspector.ui.session.VolumeSession;
import dev.omne.inspector.ui.testing.FxStage;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The history of a large volume in the real window ({@code BENCH_VOLUME}, by default 2,000 runs of 5,000 lines from
 * {@code generate --history}): with the history on screen, the volume is opened and timed to the first screenful of
 * the grid and to the whole history; every UI pulse is timed meanwhile; the heap after full GCs is measured with the
 * history and again without it (its share); then, live, a new run appears and grows by appends through the locked
 * path, each timed until the grid shows it. The run is removed at the end, so the volume is as it was. Lines starting
 * with {@code RESULT} are read by {@code src/bench/history-window.sh}, which runs this in fresh JVMs and prints medians.
 */
@Tag("benchmark")
class HistoryWindowBenchmarkTest {
    @RegisterExtension
    final FxStage fx = new FxStage(3);

    /** Rows of the grid on screen at the window size used here. */
    static final int SCREENFUL = 30;

    @TempDir
    Path dir;

    private MainWindowViewModel model;
    private MainWindowView view;
    private volatile long lastPulse;
    private volatile long longestGap;
    private volatile boolean recording;

    @BeforeEach
    void start() throws Exception {
        fx.start(stage -> {
            // BENCH_CACHE names the cache folder: the window then keeps indexes and run summaries there, as
            // InspectorApp's does in the platform's cache folder (empty for a cold start, filled by a previous one).
            String cacheDir = System.getenv("BENCH_CACHE");
            CacheFolder folder = cacheDir == null ? null : new CacheFolder(Path.of(cacheDir), CacheFolder.DEFAULT_MAX_BYTES);
            IndexCache indexes = folder == null ? IndexCache.OFF : new IndexCache(folder, IndexCache.DEFAULT_MIN_BYTES);
            SummaryCache summaries = folder == null ? SummaryCache.OFF
                    : new SummaryCache(folder, IndexCache.DEFAULT_MIN_BYTES);
            model = new MainWindowViewModel(fx.tasks(), VolumeSession.factory(Platform::runLater, () -> indexes),
                    new AppSettings(SettingsStore.inMemory()), text -> { }, () -> null, Clock.systemUTC(), ZoneOffset.UTC);
            if (folder != null) {
                model.history().useStoredSummaries(volume -> summaries.source());
            }
            view = new MainWindowView(model, ZoneOffset.UTC);
            stage.setScene(new Scene(view, 1400, 900));
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    if (recording && lastPulse != 0) {
                        longestGap = Math.max(longestGap, t - lastPulse);
                    }
                    lastPulse = t;
                }
            }.start();
        });
        fx.onClose(model::shutdown);
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    private static void result(String key, double value) {
        System.out.printf(java.util.Locale.ROOT, "RESULT %s %.1f%n", key, value);
    }

    /** Waits for the next pulse after now: what the model holds then is on screen. */
    private void nextPulse() throws Exception {
        long after = System.nanoTime();
        waitUntil(10, () -> lastPulse > after);
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void aLargeVolumesHistoryFillsNewestFirstAndStaysLive(FxRobot robot) throws Exception {
        Path project = System.getenv("BENCH_VOLUME") != null ? Path.of(System.getenv("BENCH_VOLUME"))
                : dir.resolve("history");
        if (!Files.isDirectory(project.resolve(".omne"))) {
            VolumeGenerator.generate(project, HistoryVolumes.options(200, 2000));
        }
        int runs = Volume.open(project).listRuns().size();
        System.out.printf("volume %s: %d runs; %d cores; load average %.2f%n", project, runs,
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        long heapBefore = heapAfterGc();

        // The history is on screen when the volume opens (Ctrl+2 first).
        robot.interact(() -> model.history().shownProperty().set(true));
        recording = true;
        long open = System.nanoTime();
        robot.interact(() -> model.open(project));
        // A run counts once its summary is on screen: a row the session only announced has nothing read yet.
        waitUntil(120, () -> summedUp(Math.min(SCREENFUL, runs)));
        nextPulse();
        long firstRows = System.nanoTime() - open;
        waitUntil(900, () -> model.history().grid().rowCount() == runs && summedUp(runs)
                && model.history().progressTextProperty().get().isEmpty());
        nextPulse();
        long whole = System.nanoTime() - open;
        long gapLoading = longestGap;
        result("first_screen_ms", firstRows / 1e6);
        result("whole_history_ms", whole / 1e6);
        result("longest_pulse_gap_loading_ms", gapLoading / 1e6);
        // The runs list has every run indexed once the session's watcher is through (the window's own work).
        waitUntil(900, () -> model.runList().visibleRuns().size() == runs
                && model.runList().visibleRuns().stream().noneMatch(r -> r.indexing() || r.snapshot() == null));
        long sessionDone = System.nanoTime() - open;
        result("session_indexed_ms", sessionDone / 1e6);

        long heapWith = heapAfterGc();
        result("heap_after_gc_mib", heapWith / 1048576.0);
        result("heap_over_empty_jvm_mib", (heapWith - heapBefore) / 1048576.0);

        // Live: a run appears, then grows by appends through the locked path; each timed until the grid shows it.
        longestGap = 0;
        String runId = "feature-" + Ulid.next().toLowerCase(java.util.Locale.ROOT);
        Path log = Volume.open(project).eventsFile(runId);
        try {
            Files.createDirectories(log.getParent());
            long appear = System.nanoTime();
            append(log, runId, 0, 100);
            waitUntil(60, () -> model.history().grid().rowCount() == runs + 1
                    && runId.equals(model.history().grid().run(0).runId()));
            nextPulse();
            result("new_run_shown_ms", (System.nanoTime() - appear) / 1e6);
            double[] growth = new double[5];
            int lines = 100;
            for (int i = 0; i < growth.length; i++) {
                long t = System.nanoTime();
                append(log, runId, lines, 200);
                lines += 200;
                int expected = lines;
                waitUntil(60, () -> {
                    RunSummary top = model.history().grid().run(0);
                    return top.runId().equals(runId) && top.events() == expected;
                });
                nextPulse();
                growth[i] = (System.nanoTime() - t) / 1e6;
                Thread.sleep(300);
            }
            java.util.Arrays.sort(growth);
            result("growth_shown_median_ms", growth[growth.length / 2]);
            result("growth_shown_max_ms", growth[growth.length - 1]);
            result("longest_pulse_gap_live_ms", longestGap / 1e6);
        } finally {
            try (Stream<Path> files = Files.walk(log.getParent())) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        waitUntil(60, () -> model.history().grid().rowCount() == runs);

        // The history's share of the heap: the same window without it.
        robot.interact(() -> model.history().close());
        long heapWithout = heapAfterGc();
        result("history_heap_mib", (heapWith - heapWithout) / 1048576.0);
        assertEquals(0, fx(() -> model.history().grid().rowCount()));
    }

    /** Whether the grid's first {@code rows} rows (newest first) are there, each with its log summed up. */
    private boolean summedUp(int rows) {
        HistoryGridViewModel grid = model.history().grid();
        if (grid.rowCount() < rows) {
            return false;
        }
        for (int i = 0; i < rows; i++) {
            if (grid.run(i).rows() == 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code count} events of three nodes, with times from now, appended one by one through the locked path. */
    private static void append(Path log, String runId, int from, int count) throws Exception {
        for (int i = from; i < from + count; i++) {
            String ts = Timestamps.format(Instant.now());
            String node = "step-" + (i / 100);
            String type = i == 0 ? "run.started" : i % 100 == 1 ? "node.started" : i % 100 == 99 ? "node.completed"
                    : "node.progress";
            String line = "{\"type\":\"" + type + "\",\"id\":\"" + Ulid.eventId()
                    + "\",\"ts\":\"" + ts + "\",\"run_id\":\"" + runId + "\""
                    + (i == 0 ? "" : ",\"node_id\":\"" + node + "\"")
                    + (type.equals("node.started") ? ",\"kind\":\"bash\"" : "") + "}";
            EventLog.append(log, line);
        }
    }
}
