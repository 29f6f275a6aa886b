package dev.omne.inspector.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the first word of a start means, in a real JVM with no display: a mistyped command is a usage error with
 * the likely command named, and the window with no display says so in one line. Neither prints a stack trace.
 */
class StartWordsTest {
    @TempDir
    Path dir;

    private record Result(int exit, String err) {
    }

    private Result start(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.omne.inspector.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the start ended");
        return new Result(process.exitValue(), err);
    }

    @Test
    void aMistypedCommandIsAUsageErrorThatNamesTheLikelyCommand() throws Exception {
        Result r = start("chek", dir.toString());
        assertEquals(Cli.USAGE_OR_IO, r.exit(), r.err());
        assertTrue(r.err().startsWith("omne-inspector: unknown command 'chek' (did you mean check?)"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void theWindowWithoutADisplaySaysSoInOneLine() throws Exception {
        Result r = start(dir.toString());
        assertEquals(Cli.USAGE_OR_IO, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("no display"), r.err());
    }

    @Test
    void nearestCommandsAreFoundBySmallEdits() {
        assertEquals(1, Cli.distance("chek", "check"));
        assertEquals(1, Cli.distance("exprot", "export"));
        assertEquals(0, Cli.distance("stats", "stats"));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        assertEquals(Cli.USAGE_OR_IO, Cli.unknownCommand("zzzzzzzz", new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8)));
        assertFalse(bytes.toString(StandardCharsets.UTF_8).contains("did you mean"), "no guess that far off");
    }
}
