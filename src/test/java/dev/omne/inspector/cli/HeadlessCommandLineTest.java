package dev.omne.inspector.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line runs in a JVM that has no JavaFX at all and no display. */
class HeadlessCommandLineTest {
    @TempDir
    Path project;

    @Test
    void checkInjectAndExportRunWithoutJavaFxOnTheClassPath() throws Exception {
        Path run = Files.createDirectories(project.resolve(".omne/var/runs/r"));
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("javafx") && !entry.contains("openjfx") && !entry.contains("testfx"))
                .collect(Collectors.joining(File.pathSeparator));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Process inject = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", classPath,
                "dev.omne.inspector.Main", "inject", project.toString(), "--run", "r", "--type", "gate.passed",
                "--node", "n1", "--field", "gate=lint").redirectErrorStream(true).start();
        String injectOut = new String(inject.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(inject.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, inject.exitValue(), injectOut);
        assertEquals(List.of(injectOut.strip()), Files.readAllLines(run.resolve("events.jsonl")));

        Process check = new ProcessBuilder(java, "-cp", classPath, "dev.omne.inspector.Main", "check",
                project.toString()).redirectErrorStream(true).start();
        String checkOut = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, check.exitValue(), checkOut);
        assertEquals("1 runs, 1 events, 0 errors, 0 warnings", checkOut.strip());
        assertFalse(checkOut.contains("javafx"));

        Process export = new ProcessBuilder(java, "-cp", classPath, "dev.omne.inspector.Main", "export",
                project.toString(), "--format", "jsonl").redirectErrorStream(true).start();
        byte[] exportOut = export.getInputStream().readAllBytes();
        assertTrue(export.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, export.exitValue(), new String(exportOut, StandardCharsets.UTF_8));
        assertEquals(Files.readString(run.resolve("events.jsonl")), new String(exportOut, StandardCharsets.UTF_8));
    }
}
