package dev.omne.inspector.core.log;

import static org.junit.jupiter.api.Assertions.fail;

import dev.omne.inspector.testing.Tools;
import dev.omne.inspector.testing.RunnerAppend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Other processes for lock tests: lock holders, probes and writers. Output goes to files in {@code logs}. */
final class Procs {
    private Procs() {
    }

    static boolean hasFlockAndPython() {
        return Tools.isLinux() && Tools.works("flock", "--version") && Tools.works("python3", "-c", "import fcntl");
    }

    static Process start(Path logs, String name, List<String> command) throws IOException {
        Files.createDirectories(logs);
        return RunnerAppend.onPath(new ProcessBuilder(command)).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".out").toFile()).start();
    }

    /** Runs to completion and returns the exit code; fails the test if it outlives the timeout. */
    static int run(Path logs, String name, Duration timeout, List<String> command)
            throws IOException, InterruptedException {
        Process p = start(logs, name, command);
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            fail(name + " did not finish within " + timeout + "; output: " + output(logs, name));
        }
        return p.exitValue();
    }

    static String output(Path logs, String name) {
        try {
            return Files.readString(logs.resolve(name + ".out"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Ends a process this test started, first politely by condition, then by force. */
    static void reap(Process p) throws InterruptedException {
        if (p != null && !p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
