package dev.omne.inspector.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.omne.inspector.testing.RunnerAppend;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Other processes that write the way the omne runner does (python3 with fcntl.flock). */
final class Writers {
    private Writers() {
    }

    static Path script() {
        try {
            return Path.of(Writers.class.getResource("tail_writer.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts {@code python3 tail_writer.py ARGS...}, its output kept in {@code logs/name.out}. */
    static Process start(Path logs, String name, String... args) throws IOException {
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>(List.of("python3", script().toString()));
        command.addAll(List.of(args));
        return RunnerAppend.onPath(new ProcessBuilder(command)).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".out").toFile()).start();
    }

    /** Waits for the process to exit 0 within the timeout, or fails with its output. */
    static void await(Process p, Path logs, String name, Duration timeout) throws InterruptedException {
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            fail(name + " did not finish within " + timeout + ": " + output(logs, name));
        }
        assertEquals(0, p.exitValue(), name + " failed: " + output(logs, name));
    }

    static String output(Path logs, String name) {
        try {
            return Files.readString(logs.resolve(name + ".out"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
