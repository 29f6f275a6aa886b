package dev.omne.inspector.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCommandTest {
    static final String GOOD = "{\"type\":\"node.started\",\"id\":\"ev-1\",\"ts\":\"2026-04-15T00:00:00Z\","
            + "\"run_id\":\"r\",\"node_id\":\"n1\",\"kind\":\"bash\",\"name\":null,\"model\":null}\n";

    @TempDir
    Path project;

    Path run(String id, String content) throws IOException {
        Path dir = Files.createDirectories(project.resolve(".omne/var/runs").resolve(id));
        if (content != null) {
            Files.writeString(dir.resolve("events.jsonl"), content);
        }
        return dir;
    }

    @Test
    void aCleanVolumeExitsZeroWithTheSummary() throws IOException {
        run("a", GOOD + GOOD);
        run("b", GOOD);
        run("empty", null);
        CliRun r = CliRun.of("check", project.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("3 runs, 3 events, 0 errors, 0 warnings\n", r.out());
    }

    @Test
    void eachDiagnosticIsOneLineInTheCompilerFormat() throws IOException {
        Path dir = run("a", GOOD + "{\"type\":\"x\",\"a\":tru}\n\n{\"id\":1}\n{\"type\":\"x.y\",\"ts\":\"later\"}\n");
        Path file = dir.resolve("events.jsonl").toAbsolutePath();
        CliRun r = CliRun.of("check", project.toString());
        assertEquals(1, r.exit());
        String[] lines = r.out().split("\n");
        assertEquals(4, lines.length, r.out());
        assertTrue(lines[0].startsWith(file + ":2:17: error: "), lines[0]);
        assertEquals(file + ":4: error: missing \"type\" field: the omne runner cannot tell what event this is", lines[1]);
        assertTrue(lines[2].startsWith(file + ":5:20: warning: \"ts\" is not an RFC 3339 timestamp"), lines[2]);
        assertEquals("1 runs, 2 events, 2 errors, 1 warnings", lines[3]);
    }

    @Test
    void warningsAloneExitZero() throws IOException {
        run("a", "{\"type\":\"x.y\"}\n");
        assertEquals(0, CliRun.of("check", project.toString()).exit());
    }

    @Test
    void acceptsAnOmneFolderARunFolderOrAFile() throws IOException {
        Path dir = run("a", GOOD);
        run("b", GOOD + GOOD);
        assertEquals("2 runs, 3 events, 0 errors, 0 warnings\n", CliRun.of("check", project.resolve(".omne").toString()).out());
        assertEquals("1 runs, 1 events, 0 errors, 0 warnings\n", CliRun.of("check", dir.toString()).out());
        assertEquals("1 runs, 1 events, 0 errors, 0 warnings\n",
                CliRun.of("check", dir.resolve("events.jsonl").toString()).out());
        assertEquals("3 runs, 4 events, 0 errors, 0 warnings\n",
                CliRun.of("check", dir.toString(), project.toString()).out());
    }

    @Test
    void usageAndIoProblemsExitTwoWithOneClearLine() throws IOException {
        CliRun missing = CliRun.of("check", project.resolve("nope").toString());
        assertEquals(2, missing.exit());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().contains("no such file or folder"));
        assertFalse(missing.err().contains("Exception"));

        Path plain = Files.createDirectories(project.resolve("plain"));
        CliRun notVolume = CliRun.of("check", plain.toString());
        assertEquals(2, notVolume.exit());
        assertTrue(notVolume.err().contains("no .omne folder"), notVolume.err());

        CliRun noArgs = CliRun.of("check");
        assertEquals(2, noArgs.exit());
        assertTrue(noArgs.err().contains("PATH"));

        assertEquals(2, CliRun.of("check", "--bogus", project.toString()).exit());
    }

    @Test
    void anUnreadableLogIsReportedAndTheOtherRunsAreStillChecked() throws IOException {
        run("a", GOOD);
        Files.createDirectories(project.resolve(".omne/var/runs/b/events.jsonl"));
        run("c", GOOD + GOOD);
        CliRun r = CliRun.of("check", project.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("b/events.jsonl: error: cannot read: not a regular file"), r.out());
        assertTrue(r.out().endsWith("3 runs, 3 events, 1 errors, 0 warnings\n"), r.out());
    }

    @Test
    void aFifoOrABrokenLinkAsTheLogIsReportedWithoutWaitingAndTheOtherRunsAreChecked() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"),
                "mkfifo");
        run("a", GOOD);
        Path fifo = run("fifo", null).resolve("events.jsonl");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertTrue(mkfifo.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && mkfifo.exitValue() == 0);
        Path broken = run("broken", null).resolve("events.jsonl");
        Files.createSymbolicLink(broken, project.resolve("gone.jsonl"));
        Path loop = run("loop", null).resolve("events.jsonl");
        Files.createSymbolicLink(loop, Path.of("events.jsonl"));
        CliRun r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> CliRun.of("check", project.toString()));
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains(fifo + ": error: cannot read: not a regular file (it is a FIFO (named pipe))\n"),
                r.out());
        assertTrue(r.out().contains(broken + ": error: cannot read: a link to " + project.resolve("gone.jsonl")
                + ", which does not exist\n"), r.out());
        assertTrue(r.out().contains(loop + ": error: cannot read: a link to events.jsonl that cannot be followed"),
                r.out());
        assertTrue(r.out().endsWith("4 runs, 1 events, 3 errors, 0 warnings\n"), r.out());
    }

    @Test
    void injectRefusesALogLinkedOutsideTheVolume() throws IOException {
        Path target = Files.writeString(project.resolve("outside.jsonl"), "");
        Path dir = run("r", null);
        Files.createSymbolicLink(dir.resolve("events.jsonl"), target);
        CliRun r = CliRun.of("inject", project.toString(), "--run", "r", "--type", "a.b");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("symbolic link"), r.err());
        assertEquals("", Files.readString(target));
    }

    @Test
    void thePlainFormRunsWithoutTheParserAndSaysTheSame() throws IOException {
        run("a", GOOD + "{\"type\":\"x\",\"a\":tru}\n\n{\"type\":\"x.y\",\"ts\":\"later\"}\n");
        run("b", GOOD);
        Path file = project.resolve(".omne/var/runs/b/events.jsonl");
        for (String[] args : new String[][] {{"check", project.toString()}, {"check", file.toString()},
                {"check", project.toString(), file.toString()}, {"check", project.resolve("missing").toString()}}) {
            assertTrue(CheckRun.isPlain(args), String.join(" ", args));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            int exit = CheckRun.run(args, new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                    new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            CliRun parsed = CliRun.of(args);
            assertEquals(parsed.exit(), exit, String.join(" ", args));
            assertEquals(parsed.out(), out.toString(java.nio.charset.StandardCharsets.UTF_8), String.join(" ", args));
            assertEquals(parsed.err(), err.toString(java.nio.charset.StandardCharsets.UTF_8), String.join(" ", args));
        }
        for (String[] args : new String[][] {{"check"}, {"check", "--help"}, {"check", "--stats"},
                {"check", "--stats", "--stats", "x"}, {"check", "-x", "p"}, {"check", "@args"}, {"check", "--", "p"},
                {"inject", "p"}}) {
            assertFalse(CheckRun.isPlain(args), "the parser's business: " + String.join(" ", args));
        }
        assertTrue(CheckRun.isPlain(new String[] {"check", "--stats", "p"}));
    }

    @Test
    void aPlainCheckLoadsNeitherTheParserNorJackson() throws Exception {
        run("a", GOOD + "not json\n");
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaCommand, "-verbose:class", "-cp", System.getProperty("java.class.path"),
                "dev.omne.inspector.Main", "check", project.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("1 runs, 1 events, 1 errors, 0 warnings"), out);
        assertTrue(out.contains("dev.omne.inspector.core.log.LineJudge"), "the class log is there");
        assertFalse(out.contains("picocli."), "no command-line parser on the plain check path");
        assertFalse(out.contains("com.fasterxml.jackson"), "no Jackson on the plain check path");
    }
}
