package dev.omne.inspector;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AOT training run (packaging/package.sh) checks a log, shows the window and ends by itself. */
class StartupTrainingTest {
    @TempDir
    Path dir;

    @Test
    void checksTheLogThenShowsTheWindowAndExits() throws Exception {
        Path log = dir.resolve("events.jsonl");
        Files.writeString(log, """
                {"id":"ev-1","ts":"2026-01-01T00:00:00.000Z","run_id":"r","type":"run.started"}
                not json
                """, StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process training = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-Dglass.platform=Headless", "-Dprism.order=sw", "-D" + StartupTraining.LOG_PROPERTY + "=" + log,
                "-cp", System.getProperty("java.class.path"), Main.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(training.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(training.waitFor(120, TimeUnit.SECONDS), output);
        assertEquals(0, training.exitValue(), output);
    }
}
