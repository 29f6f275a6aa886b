package dev.omne.inspector.ui.app;

import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.ui.testing.TestWindow;
import javafx.animation.AnimationTimer;
import javafx.scene.control.skin.VirtualFlow;
import org.junit.jupiter.api.Tag;
import dev.omne.inspector.ui.testing.FxStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opens a 1M-event run in the real window and measures: time to the first rows, time to the full index, the
 * longest gap between frames while it loads, and frame times while scrolling through it. Run with
 * {@code ./mvnw test -Dtest=LargeRunBenchmarkTest -Dsurefire.excludedGroups=none}.
 */
@Tag("benchmark")
class LargeRunBenchmarkTest {
    @RegisterExtension
    final FxStage fx = new FxStage(2);

    static final int EVENTS = 1_000_000;
    static final String RUN = "bulk-01kpfntqeej7vhn935kc0tm9vn";

    @TempDir
    Path dir;

    private MainWindowViewModel model;
    private MainWindowView view;
    private final long[] frameGaps = new long[1 << 16];
    private final long[] frameCpu = new long[1 << 16];
    private long lastCpu;
    private int frames;
    private long lastFrame;
    private volatile boolean recording;

    @BeforeEach
    void start() throws Exception {
        TestWindow window = TestWindow.on(fx).size(1400, 900).setUp(m -> {
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    if (recording && lastFrame != 0 && frames < frameGaps.length) {
                        frameCpu[frames] = cpu - lastCpu;
                        frameGaps[frames++] = now - lastFrame;
                    }
                    lastFrame = now;
                    lastCpu = cpu;
                }
            }.start();
        }).open();
        model = window.model();
        view = window.view();
    }

    static Path generate(Path project) throws Exception {
        Path file = Volume.at(project).eventsFile(RUN);
        Files.createDirectories(file.getParent());
        Random random = new Random(7);
        String[] nodes = {"plan", "implement", "review", "test", "lint", "docs", "package", "deploy"};
        String[] kinds = {"bash", "command", "prompt", "loop"};
        long t = Instant.parse("2026-04-15T08:00:00Z").toEpochMilli();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < EVENTS; i++) {
                t += 1 + random.nextInt(900);
                String ts = Instant.ofEpochMilli(t).toString();
                String node = nodes[random.nextInt(nodes.length)] + "-" + (i / 3);
                String head = "{\"type\":\"%s\",\"id\":\"ev-%07d\",\"ts\":\"" + ts + "\",\"run_id\":\"" + RUN
                        + "\",\"node_id\":\"" + node + "\"";
                switch (i % 3) {
                    case 0 -> out.write(String.format(head, "node.started", i) + ",\"kind\":\""
                            + kinds[random.nextInt(4)] + "\",\"name\":\"step " + node + " of the bulk pipeline\",\"model\":null}\n");
                    case 1 -> out.write(String.format(head, "gate.passed", i) + ",\"gate\":\"lint\",\"exit_code\":0,"
                            + "\"duration_ms\":" + random.nextInt(90_000) + ",\"attempt\":1,\"host\":\"ci-runner-04\"}\n");
                    default -> out.write(String.format(head, "node.completed", i) + ",\"duration_ms\":"
                            + random.nextInt(900_000) + ",\"output_bytes\":" + random.nextInt(1 << 20)
                            + ",\"attempt\":1,\"exit_code\":0}\n");
                }
                if (i % 250_000 == 1000) {
                    out.write("{\"type\":\"node.completed\",\"id\":\"ev-torn\",\"ts\":\"" + ts + "\",\"run_id\":\n");
                }
            }
        }
        return file;
    }

    private String gaps(String what) {
        int longest = 0;
        for (int i = 1; i < frames; i++) {
            if (frameGaps[i] > frameGaps[longest]) {
                longest = i;
            }
        }
        String cpuOfLongest = frames == 0 ? "" : String.format(" (the UI thread ran %.1f ms of the longest)",
                frameCpu[longest] / 1e6);
        long[] c = Arrays.copyOf(frameCpu, frames);
        Arrays.sort(c);
        if (c.length > 0) {
            cpuOfLongest += String.format("; UI thread CPU a frame: median %.1f ms, p99 %.1f ms", c[c.length / 2] / 1e6,
                    c[(int) (c.length * 0.99)] / 1e6);
        }
        long[] g = Arrays.copyOf(frameGaps, frames);
        Arrays.sort(g);
        if (g.length == 0) {
            return what + ": no frames";
        }
        return String.format("%s: %d frames, median %.1f ms, p99 %.1f ms, max %.1f ms%s", what, g.length,
                g[g.length / 2] / 1e6, g[(int) (g.length * 0.99)] / 1e6, g[g.length - 1] / 1e6, cpuOfLongest);
    }

    @Test
    void aMillionEventRunOpensQuicklyAndScrollsSmoothly(FxRobot robot) throws Exception {
        long t0 = System.nanoTime();
        Path file = generate(dir.resolve("big"));
        System.out.printf("generated %,d events, %,d bytes in %d ms%n", EVENTS, Files.size(file),
                (System.nanoTime() - t0) / 1_000_000);

        frames = 0;
        recording = true;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long fxThread = WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().threadId()).get();
        long fxCpu0 = threads.getThreadCpuTime(fxThread);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long processCpu0 = os.getProcessCpuTime();
        long open = System.nanoTime();
        robot.interact(() -> model.open(dir.resolve("big")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                view.eventsView().table().getItems().size() > 0
                        && view.eventsView().table().lookup(".table-row-cell") != null).get());
        long firstRows = System.nanoTime() - open;
        long fxCpuFirst = threads.getThreadCpuTime(fxThread) - fxCpu0;
        long processCpuFirst = os.getProcessCpuTime() - processCpu0;
        int firstCount = WaitForAsyncUtils.asyncFx(() -> model.eventTable().rowCount()).get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                model.eventTable().rowCount() == EVENTS + 4).get());
        long full = System.nanoTime() - open;
        recording = false;
        System.out.printf("first rows after %d ms (%,d rows shown), all %,d rows after %d ms%n", firstRows / 1_000_000,
                firstCount, EVENTS + 4, full / 1_000_000);
        System.out.println(gaps("frames while loading"));
        System.out.printf("CPU until first rows: UI thread %d ms, whole process %d ms (wall %d ms); load average %.1f%n",
                fxCpuFirst / 1_000_000, processCpuFirst / 1_000_000, firstRows / 1_000_000, os.getSystemLoadAverage());
        System.out.printf("CPU until all rows: UI thread %d ms, whole process %d ms%n",
                (threads.getThreadCpuTime(fxThread) - fxCpu0) / 1_000_000, (os.getProcessCpuTime() - processCpu0) / 1_000_000);

        // Scroll as a person would, one step per frame: a wheel (7,200 px/s, about 300 rows a second), then
        // dragging the scroll bar from the top to the bottom of the run in four seconds.
        scrollFor(robot, "wheel scrolling", 4, f -> f.scrollPixels(120));
        long dragStart = System.nanoTime();
        assertTrue(WaitForAsyncUtils.asyncFx(() -> view.eventsView().runBar().isVisible()).get(),
                "a run this long gets the whole-run scroll bar");
        scrollFor(robot, "dragging the scroll bar over all rows", 4, f -> {
            var bar = view.eventsView().runBar();
            bar.setValue(Math.min(1, (System.nanoTime() - dragStart) / 4e9) * bar.getMax());
        });
        robot.interact(() -> view.eventsView().runBar().setValue(view.eventsView().runBar().getMax()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(WaitForAsyncUtils.asyncFx(() -> view.eventsView().isAtEnd()).get(), "the bar's end is the run's end");
        scrollFor(robot, "wheel scrolling up from the end", 3, f -> f.scrollPixels(-120));

        // The summaries of the last screenful arrive.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            int first = view.eventsView().firstVisibleRow();
            return first >= 0 && model.eventTable().texts().cached(first) != null;
        }).get());
        robot.interact(() -> model.eventTable().jumps().goToLine("999999"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(999_999L, WaitForAsyncUtils.asyncFx(() ->
                model.eventTable().snapshot().line(model.eventTable().selectedRow())).get());
        assertTrue(firstRows < TimeUnit.SECONDS.toNanos(5));
        WaitForAsyncUtils.asyncFx(() -> model.shutdown()).get(5, TimeUnit.SECONDS);
    }

    /** Scrolls once per frame for some seconds, and reports the frame times meanwhile. */
    private void scrollFor(FxRobot robot, String what, int seconds, java.util.function.Consumer<VirtualFlow<?>> step)
            throws Exception {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        robot.interact(() -> {
            frames = 0;
            recording = true;
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (System.nanoTime() > end) {
                        stop();
                        recording = false;
                        done.countDown();
                        return;
                    }
                    step.accept(flow());
                }
            }.start();
        });
        assertTrue(done.await(seconds + 30L, TimeUnit.SECONDS));
        System.out.println(gaps("frames while " + what));
    }

    private VirtualFlow<?> flow() {
        return (VirtualFlow<?>) view.eventsView().table().lookup(".virtual-flow");
    }
}
