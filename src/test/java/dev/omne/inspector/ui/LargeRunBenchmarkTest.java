package dev.omne.inspector.ui;

import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.ui.service.AppSettings;
import dev.omne.inspector.ui.service.FxTaskExecutor;
import dev.omne.inspector.ui.service.SettingsStore;
import dev.omne.inspector.ui.service.VolumeSession;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
@ExtendWith(ApplicationExtension.class)
class LargeRunBenchmarkTest {
    static final int EVENTS = 1_000_000;
    static final String RUN = "bulk-01kpfntqeej7vhn935kc0tm9vn";

    @TempDir
    Path dir;

    private MainWindowViewModel model;
    private MainWindowView view;
    private final long[] frameGaps = new long[1 << 16];
    private int frames;
    private long lastFrame;
    private volatile boolean recording;

    @Start
    void start(Stage stage) {
        model = new MainWindowViewModel(new FxTaskExecutor(2), VolumeSession.factory(Platform::runLater),
                new AppSettings(SettingsStore.inMemory()), text -> { }, () -> null, Clock.systemUTC(), ZoneOffset.UTC);
        view = new MainWindowView(model, ZoneOffset.UTC);
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (recording && lastFrame != 0 && frames < frameGaps.length) {
                    frameGaps[frames++] = now - lastFrame;
                }
                lastFrame = now;
            }
        }.start();
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
        long[] g = Arrays.copyOf(frameGaps, frames);
        Arrays.sort(g);
        if (g.length == 0) {
            return what + ": no frames";
        }
        return String.format("%s: %d frames, median %.1f ms, p99 %.1f ms, max %.1f ms", what, g.length,
                g[g.length / 2] / 1e6, g[(int) (g.length * 0.99)] / 1e6, g[g.length - 1] / 1e6);
    }

    @Test
    void aMillionEventRunOpensQuicklyAndScrollsSmoothly(FxRobot robot) throws Exception {
        long t0 = System.nanoTime();
        Path file = generate(dir.resolve("big"));
        System.out.printf("generated %,d events, %,d bytes in %d ms%n", EVENTS, Files.size(file),
                (System.nanoTime() - t0) / 1_000_000);

        frames = 0;
        recording = true;
        long open = System.nanoTime();
        robot.interact(() -> model.open(dir.resolve("big")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                view.eventsView().table().getItems().size() > 0
                        && view.eventsView().table().lookup(".table-row-cell") != null).get());
        long firstRows = System.nanoTime() - open;
        int firstCount = WaitForAsyncUtils.asyncFx(() -> view.eventsView().table().getItems().size()).get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                view.eventsView().table().getItems().size() == EVENTS + 4).get());
        long full = System.nanoTime() - open;
        recording = false;
        System.out.printf("first rows after %d ms (%,d rows shown), all %,d rows after %d ms%n", firstRows / 1_000_000,
                firstCount, EVENTS + 4, full / 1_000_000);
        System.out.println(gaps("frames while loading"));

        // Scroll: 600 steps of a page each through the first part, then 200 jumps across the whole run.
        frames = 0;
        recording = true;
        long scrollStart = System.nanoTime();
        for (int i = 0; i < 600; i++) {
            robot.interact(() -> flow().scrollPixels(600));
        }
        for (int i = 0; i < 200; i++) {
            int target = (int) ((long) i * EVENTS / 200);
            robot.interact(() -> flow().scrollToTop(target));
        }
        recording = false;
        System.out.printf("scrolled 800 steps in %d ms%n", (System.nanoTime() - scrollStart) / 1_000_000);
        System.out.println(gaps("frames while scrolling"));

        // The summaries of the last screenful arrive.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            IndexedCell<?> first = flow().getFirstVisibleCell();
            return first != null && model.eventTable().cachedSummary(first.getIndex()) != null;
        }).get());
        robot.interact(() -> model.eventTable().goToLine("999999"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(999_999L, WaitForAsyncUtils.asyncFx(() ->
                model.eventTable().snapshot().line(model.eventTable().selectedRow())).get());
        assertTrue(firstRows < TimeUnit.SECONDS.toNanos(5));
        WaitForAsyncUtils.asyncFx(() -> model.shutdown()).get(5, TimeUnit.SECONDS);
    }

    private VirtualFlow<?> flow() {
        return (VirtualFlow<?>) view.eventsView().table().lookup(".virtual-flow");
    }
}
