package dev.omne.inspector;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.omne.inspector.testing.Tools;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jar as built ({@code java -jar target/omne-inspector.jar}), run after {@code package} by failsafe: its manifest's
 * class path finds the runtime jars in {@code lib/}, its {@code Enable-Native-Access} lets the append path call
 * flock(2) and JavaFX load its libraries with no warning (and with native access denied to everyone else), its
 * commands run from any folder, its lock is the runner's lock, and the window comes up.
 */
class PackagedJarIT {
    private static final String RESTRICTED = "restricted method";
    private static final String EVENT = "{\"type\":\"run.started\",\"id\":\"e0\",\"ts\":\"2026-04-15T00:00:00Z\","
            + "\"run_id\":\"r\"}\n";

    private static Path jar;
    private static String java;

    @TempDir
    Path project;

    @BeforeAll
    static void findTheJar() {
        String built = System.getProperty("omne.test.jar");
        assertNotNull(built, "failsafe passes the built jar as omne.test.jar");
        jar = Path.of(built);
        assertTrue(Files.isRegularFile(jar), jar + " was built by the package phase");
        java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private record Result(int exit, String out, String err) {
    }

    /** Runs {@code java OPTIONS... -jar JAR ARGS...} in {@code cwd} and waits for it. */
    private static Result run(Path cwd, List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(Arrays.asList(args));
        return exec(cwd, command);
    }

    private static Result exec(Path cwd, List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).start();
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        String out = readAll(p.getInputStream());
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "ended: " + command);
        return new Result(p.exitValue(), out, err.get(10, TimeUnit.SECONDS));
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path runLog() throws IOException {
        Path run = Files.createDirectories(project.resolve(".omne/var/runs/r"));
        Path log = run.resolve("events.jsonl");
        Files.writeString(log, EVENT);
        return log;
    }

    @Test
    void theManifestNamesTheMainClassNativeAccessAndRuntimeJarsThatAreBesideIt() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            Attributes main = manifest.getMainAttributes();
            assertEquals(Main.class.getName(), main.getValue(Attributes.Name.MAIN_CLASS));
            assertEquals("ALL-UNNAMED", main.getValue("Enable-Native-Access"));
            List<String> classPath = List.of(main.getValue(Attributes.Name.CLASS_PATH).split(" "));
            assertTrue(classPath.stream().anyMatch(e -> e.contains("picocli")), classPath.toString());
            assertTrue(classPath.stream().anyMatch(e -> e.contains("jackson-databind")), classPath.toString());
            assertTrue(classPath.stream().anyMatch(e -> e.contains("javafx-graphics")), classPath.toString());
            for (String entry : classPath) {
                assertTrue(Files.isRegularFile(jar.resolveSibling(entry)), entry + " is beside the jar");
            }
            assertTrue(file.stream().noneMatch(e -> (e.getName().startsWith("dev/omne/inspector/bench/") && !e.isDirectory())
                    || e.getName().endsWith("Test.class")), "no tests or benchmarks in the jar");
        }
    }

    @Test
    void injectCheckAndExportRunFromAnotherFolderWithNoNativeAccessWarning(@TempDir Path elsewhere) throws Exception {
        Path log = runLog();
        Result inject = run(elsewhere, List.of(), "inject", project.toString(), "--run", "r", "--type",
                "gate.passed", "--node", "n1", "--field", "gate=lint");
        assertEquals(0, inject.exit(), inject.err());
        assertEquals("", inject.err(), "no warning at all, native access included");
        assertEquals(EVENT + inject.out(), Files.readString(log));

        // Native access denied to everything the manifest does not grant it to: the append path still works.
        Result denied = run(elsewhere, List.of("--illegal-native-access=deny"), "inject", project.toString(),
                "--run", "r", "--type", "gate.passed", "--node", "n2");
        assertEquals(0, denied.exit(), denied.err());
        assertEquals("", denied.err());

        Result check = run(elsewhere, List.of(), "check", project.toString());
        assertEquals(0, check.exit(), check.err());
        assertEquals("1 runs, 3 events, 0 errors, 0 warnings\n", check.out());

        Result export = run(elsewhere, List.of(), "export", project.toString(), "--format", "jsonl");
        assertEquals(0, export.exit(), export.err());
        assertEquals(Files.readString(log), export.out());
    }

    /** The same classes without the manifest (plain class path): the warning the manifest spares the user. */
    @Test
    void withoutTheManifestTheSameAppendWarnsAboutNativeAccess() throws Exception {
        runLog();
        String classPath = jar + File.pathSeparator + jar.resolveSibling("lib") + File.separator + "*";
        Result plain = exec(project, List.of(java, "-cp", classPath, Main.class.getName(), "inject",
                project.toString(), "--run", "r", "--type", "gate.passed"));
        assertEquals(0, plain.exit(), plain.err());
        assertTrue(plain.err().contains(RESTRICTED), plain.err());
    }

    /** The lock the jar takes is flock(2), the runner's: a flock(1) holder makes it wait, then time out. */
    @Test
    void aFlockHolderKeepsTheJarsInjectOutAndItAppendsOnceTheLockIsFree() throws Exception {
        Assumptions.assumeTrue(Tools.isLinux() && Tools.works("flock", "--version"),
                "needs Linux and flock(1) (util-linux)");
        Path log = runLog();
        Process holder = new ProcessBuilder("flock", "-x", log.toString(), "sh", "-c", "echo locked; exec cat")
                .redirectErrorStream(true).start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("locked", said.readLine(), "the holder took the lock");
            Result blocked = run(project, List.of(), "inject", project.toString(), "--run", "r", "--type", "a.b",
                    "--lock-timeout", "0.5");
            assertEquals(3, blocked.exit(), blocked.err());
            assertTrue(blocked.err().contains("waiting for the lock on " + log), blocked.err());
            assertFalse(blocked.err().contains(RESTRICTED), blocked.err());
            assertEquals(EVENT, Files.readString(log), "nothing written while the lock was held");
        } finally {
            holder.getOutputStream().close(); // cat ends, flock(1) lets go
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        Result free = run(project, List.of(), "inject", project.toString(), "--run", "r", "--type", "a.b");
        assertEquals(0, free.exit(), free.err());
        assertEquals(EVENT + free.out(), Files.readString(log));
    }

    /** The window from the jar: JavaFX from lib/ loads its native libraries under the manifest's native access. */
    @Test
    void theWindowComesUpFromTheJarWithNativeAccessDeniedToAllElse() throws Exception {
        Path log = runLog();
        Result window = run(project, List.of("--illegal-native-access=deny", "-Dglass.platform=Headless",
                "-Dprism.order=sw", "-D" + StartupTraining.LOG_PROPERTY + "=" + log));
        assertEquals(0, window.exit(), window.out() + window.err());
        assertFalse(window.err().contains(RESTRICTED), window.err());
        assertFalse(window.err().contains("Exception"), window.err());
        // JavaFX is loaded as modules (a layer of lib/'s JavaFX jars), so it does not warn about the class path.
        assertFalse(window.err().contains("Unsupported JavaFX configuration"), window.err());
        assertFalse(window.out().contains("Unsupported JavaFX configuration"), window.out());
    }
}
