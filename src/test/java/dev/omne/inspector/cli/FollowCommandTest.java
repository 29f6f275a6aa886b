package dev.omne.inspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code follow} in this JVM with an stdout the test can close, and as a real process ended by Ctrl-C. */
class FollowCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    static final String OLD = "{\"type\":\"node.started\",\"id\":\"ev-1\",\"ts\":\"2026-04-15T00:00:00Z\","
            + "\"run_id\":\"a\",\"node_id\":\"plan\",\"kind\":\"bash\",\"name\":null,\"model\":null}\n";
    static final String NEW = "{\"type\":\"node.failed\",\"id\":\"ev-2\",\"ts\":\"2026-04-15T00:00:01.5Z\","
            + "\"run_id\":\"a\",\"node_id\":\"build\",\"error\":{\"kind\":\"crash\",\"message\":\"exit 2\"},"
            + "\"attempt\":3,\"note\":\"two words\"}\n";

    @TempDir
    Path project;

    /** An stdout that a test can read while it grows, and close so that every later write fails. */
    static final class LiveOut extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean closed;

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("Broken pipe");
            }
            bytes.write(b, off, len);
            notifyAll();
        }

        synchronized void shut() {
            closed = true;
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        synchronized void await(String what, Predicate<String> condition) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!condition.test(text())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail("timed out waiting for " + what + "; output so far:\n" + text());
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** A follow command running on its own thread. */
    record Running(Thread thread, LiveOut out, ByteArrayOutputStream err, int[] exit) {
        static Running start(String... args) {
            LiveOut out = new LiveOut();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int[] exit = {-1};
            Thread t = Thread.ofPlatform().name("follow-under-test").start(() -> exit[0] = Cli.run(args,
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
            return new Running(t, out, err, exit);
        }

        /** Closes stdout; the command ends at its next write. */
        int endByClosingStdout(Path file) throws Exception {
            out.shut();
            Files.writeString(file, OLD, StandardOpenOption.APPEND);
            thread.join(WAIT.toMillis());
            assertFalse(thread.isAlive(), "follow ended when its stdout closed");
            return exit[0];
        }
    }

    private Path run(String id, String content) throws IOException {
        Path dir = Files.createDirectories(project.resolve(".omne/var/runs").resolve(id));
        Path file = dir.resolve("events.jsonl");
        if (content != null) {
            Files.writeString(file, content);
        }
        return file;
    }

    @Test
    void printsEachNewEventAndEachBadLineAsItArrives() throws Exception {
        Path a = run("a", OLD + "{broken\n");
        Path b = run("b", null);
        Running f = Running.start("follow", project.toString());
        f.out.await("the header", t -> t.contains("\n") && t.startsWith("# following every run in "));
        assertTrue(f.out.text().contains("(2 runs; only new events are printed"), f.out.text());
        Files.writeString(a, NEW + "{\"type\":\"x\",\"a\":tru}\n", StandardOpenOption.APPEND);
        String event = "a 3 2026-04-15T00:00:01.500Z node.failed build error=crash: exit 2"
                + " attempt=3 note=\"two words\"";
        String error = a + ":4:17: error: ";
        f.out.await("the new event and the bad line", t -> t.contains(error));
        Files.writeString(b, OLD);
        f.out.await("b's event", t -> t.contains("b 1 2026-04-15T00:00:00.000Z node.started plan kind=bash\n"));
        List<String> lines = f.out.text().lines().toList();
        assertEquals(event, lines.get(1));
        assertTrue(lines.get(2).startsWith(error), lines.get(2));
        assertFalse(f.out.text().contains("a 1 "), "existing events are not printed by default");
        assertFalse(f.out.text().contains(":2:"), "nor existing bad lines");
        assertEquals(Cli.OK, f.endByClosingStdout(a));
    }

    @Test
    void fromStartPrintsWhatIsThereFirstAndNoticesAreMarked() throws Exception {
        Path a = run("a", OLD + "{broken\n");
        Running f = Running.start("follow", "--from-start", project.resolve(".omne/var/runs/a").toString());
        f.out.await("the existing lines", t -> t.contains(a.toAbsolutePath() + ":2:"));
        assertTrue(f.out.text().startsWith("# following run a in " + project.toAbsolutePath()), f.out.text());
        assertTrue(f.out.text().contains("a 1 2026-04-15T00:00:00.000Z node.started plan kind=bash\n"));
        Files.writeString(a, NEW);
        f.out.await("the truncation notice and the new content",
                t -> t.contains("# notice TRUNCATED a: ") && t.contains("a 1 2026-04-15T00:00:01.500Z node.failed"));
        Files.delete(a);
        f.out.await("the deletion notice", t -> t.contains("# notice DELETED a: "));
        Files.createDirectories(project.resolve(".omne/var/runs/c"));
        assertEquals(Cli.OK, f.endByClosingStdout(run("a", OLD)));
        assertFalse(f.out.text().contains("run added c"), "only run a is followed");
    }

    @Test
    void aRunThatDoesNotExistYetIsWaitedFor() throws Exception {
        run("a", OLD);
        Running f = Running.start("follow", "--run", "later", project.toString());
        f.out.await("the header", t -> t.contains("(waiting for it to appear)"));
        Path later = run("later", OLD);
        f.out.await("the new run", t -> t.contains("# run added later") && t.contains("later 1 "));
        assertEquals(Cli.OK, f.endByClosingStdout(later));
    }

    @Test
    void badArgumentsAreOneLineAndExitTwo() {
        CliRun missing = CliRun.of("follow", project.resolve("nope").toString());
        assertEquals(Cli.USAGE_OR_IO, missing.exit());
        assertTrue(missing.err().contains("no such file or folder"), missing.err());
        CliRun badRun = CliRun.of("follow", "--run", "../x", project.toString());
        assertEquals(Cli.USAGE_OR_IO, badRun.exit());
        assertTrue(badRun.err().startsWith("omne-inspector: run id"), badRun.err());
    }

    @Test
    void ctrlCEndsAFollowingProcess() throws Exception {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"), "sends SIGINT");
        Path a = run("a", OLD);
        Path out = project.resolve("follow.out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "dev.omne.inspector.Main", "follow", project.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            awaitFile(out, p, "# following every run");
            Files.writeString(a, NEW, StandardOpenOption.APPEND);
            awaitFile(out, p, "a 2 2026-04-15T00:00:01.500Z node.failed build");
            Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start();
            assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
            assertTrue(p.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS), "follow ended on Ctrl-C");
            assertEquals(130, p.exitValue(), Files.readString(out));
        } finally {
            p.destroyForcibly();
        }
    }

    private static void awaitFile(Path file, Process owner, String text) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Files.readString(file).contains(text)) {
            if (!owner.isAlive()) {
                fail("follow exited (" + owner.exitValue() + "): " + Files.readString(file));
            }
            if (System.nanoTime() - deadline > 0) {
                fail("no '" + text + "' within " + WAIT + ": " + Files.readString(file));
            }
            Thread.sleep(10); // polling interval of the condition wait, not a stand-in for it
        }
    }

    @Test
    void anEventOverSixteenMebibytesIsPrintedWithTheStartOfItsLine() throws Exception {
        Path file = Files.createDirectories(project.resolve(".omne/var/runs/r")).resolve("events.jsonl");
        String big = "{\"type\":\"x.y\",\"ts\":\"2026-04-15T00:00:00Z\",\"big\":\"" + "b".repeat(17 << 20) + "\"}";
        Files.writeString(file, OLD + big + "\n");
        var snapshot = dev.omne.inspector.core.index.RunIndex.build(file).snapshot();
        try (FollowPrinter.LineReader lines = new FollowPrinter.LineReader(file)) {
            String printed = FollowPrinter.eventLine("r", snapshot, 1, lines);
            assertTrue(printed.startsWith("r 2 2026-04-15T00:00:00.000Z x.y - (a long line, over 16 MiB; it starts "
                    + "{\"type\":\"x.y\""), printed.substring(0, 120));
            assertTrue(printed.length() < 300, "only its start");
            assertFalse(FollowPrinter.eventLine("r", snapshot, 0, lines).contains("long line"));
        }
    }
}
