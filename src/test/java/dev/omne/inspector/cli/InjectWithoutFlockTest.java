package dev.omne.inspector.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A file system without flock(2): NFS without a lock daemon answers ENOLCK, some FUSE and network file systems
 * EOPNOTSUPP or EINVAL. No such file system can be mounted here without a server, so the kernel's answer is made
 * real another way: a real {@code inject} process runs under strace, which makes every flock(2) call fail with the
 * errno. The append must refuse with a clear error, never write unlocked.
 */
class InjectWithoutFlockTest {
    static final String BEFORE = "{\"type\":\"run.started\",\"id\":\"e0\",\"ts\":\"2026-04-15T00:00:00Z\",\"run_id\":\"r\"}\n";

    @TempDir
    Path project;

    static boolean straceWorks() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return false;
        }
        try {
            Process p = new ProcessBuilder("strace", "-qq", "-o", "/dev/null", "-e", "trace=flock",
                    "-e", "inject=flock:error=ENOLCK", "flock", "-n", "/dev/null", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() != 0 && p.exitValue() != 127;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @ParameterizedTest
    @CsvSource({"ENOLCK, No locks available, 37", "EOPNOTSUPP, Operation not supported, 95",
            "EINVAL, Invalid argument, 22"})
    void injectRefusesWithAClearErrorAndWritesNothing(String errno, String text, int number) throws Exception {
        assumeTrue(straceWorks(), "needs Linux and strace allowed to trace (ptrace) and inject faults");
        Path file = Files.createDirectories(project.resolve(".omne/var/runs/r")).resolve("events.jsonl");
        Files.writeString(file, BEFORE);
        Path out = project.resolve("inject.out");
        Process p = new ProcessBuilder(List.of("strace", "-f", "-qq", "--seccomp-bpf", "-o", "/dev/null",
                "-e", "trace=flock", "-e", "inject=flock:error=" + errno,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
                "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "dev.omne.inspector.Main",
                "inject", project.toString(), "--run", "r", "--type", "a.b"))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "inject ended");
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), output);
        assertEquals("omne-inspector: file system does not support file locks: " + file + " (" + text + ", errno "
                + number + "); nothing was written\n", output);
        assertArrayEquals(BEFORE.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
    }
}
