package dev.omne.inspector.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omne.inspector.core.log.EventLog;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.tail.FollowOptions;
import dev.omne.inspector.tail.RunUpdate;
import dev.omne.inspector.tail.VolumeUpdate;
import dev.omne.inspector.tail.VolumeWatcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A volume on a file system mounted read-only (a small tmpfs, remounted ro): checking and following work as ever;
 * injecting is refused up front with the reason, and nothing is written.
 */
class ReadOnlyVolumeTest {
    static final String LINE = "{\"type\":\"node.started\",\"id\":\"ev-1\",\"ts\":\"2026-04-15T00:00:00Z\","
            + "\"run_id\":\"r\",\"node_id\":\"n1\",\"kind\":\"bash\",\"name\":null,\"model\":null}\n";

    @TempDir
    Path tmp;
    Path mount;
    boolean mounted;

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            return out.isBlank() ? "exit " + p.exitValue() : out.strip();
        }
        return null;
    }

    @BeforeEach
    void mountReadOnlyVolume() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"),
                "tmpfs is Linux");
        mount = Files.createDirectories(tmp.resolve("ro"));
        String failed = run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.toString());
        mounted = failed == null;
        Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here (needs root and mount rights): " + failed);
        for (String run : List.of("a", "b")) {
            Files.createDirectories(mount.resolve(".omne/var/runs").resolve(run));
            Files.writeString(mount.resolve(".omne/var/runs").resolve(run).resolve("events.jsonl"), LINE + LINE);
        }
        Files.createDirectories(mount.resolve(".omne/var/runs/no-log-yet"));
        String remount = run("mount", "-o", "remount,ro", mount.toString());
        Assumptions.assumeTrue(remount == null, "cannot remount the tmpfs read-only: " + remount);
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted && run("umount", mount.toString()) != null) {
            run("umount", "-l", mount.toString());
        }
    }

    @Test
    void everythingButInjectWorksAndInjectSaysWhy() throws Exception {
        Path log = mount.resolve(".omne/var/runs/a/events.jsonl");
        byte[] before = Files.readAllBytes(log);

        CliRun check = CliRun.of("check", mount.toString());
        assertEquals(0, check.exit(), check.err());
        assertEquals("3 runs, 4 events, 0 errors, 0 warnings\n", check.out());

        CompletableFuture<VolumeUpdate> first = new CompletableFuture<>();
        try (VolumeWatcher watcher = VolumeWatcher.start(Volume.open(mount), FollowOptions.DEFAULT, first::complete)) {
            VolumeUpdate update = first.get(20, TimeUnit.SECONDS);
            assertEquals(List.of("a", "b", "no-log-yet"), update.runsAdded());
            assertEquals(List.of(2, 2, 0), update.runs().stream().map(RunUpdate::toRow).toList());
            assertEquals(List.of(), update.allNotices());
            assertTrue(watcher.isRunning());
        }

        Volume volume = Volume.open(mount);
        for (String run : List.of("a", "no-log-yet")) {
            String why = volume.whyNotWritable(run).orElseThrow();
            assertTrue(why.contains(" is on a read-only file system (") && why.contains(mount.toString()), why);
        }

        CliRun inject = CliRun.of("inject", mount.toString(), "--run", "a", "--type", "a.b");
        assertEquals(Cli.USAGE_OR_IO, inject.exit());
        assertEquals("omne-inspector: will not append to run \"a\": " + log + " is on a read-only file system ("
                + volume.whyNotWritable("a").orElseThrow().split("read-only file system \\(", 2)[1] + "\n",
                inject.err());
        assertEquals("", inject.out());
        CliRun noLog = CliRun.of("inject", mount.toString(), "--run", "no-log-yet", "--type", "a.b");
        assertEquals(Cli.USAGE_OR_IO, noLog.exit());
        assertTrue(noLog.err().contains("read-only file system"), noLog.err());

        // And the append path itself, asked directly, fails with the system's word for it.
        IOException e = assertThrows(IOException.class, () -> EventLog.append(log, "{\"type\":\"a.b\"}"));
        assertTrue(e.getMessage().contains("Read-only file system"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(log));
        assertFalse(Files.exists(mount.resolve(".omne/var/runs/no-log-yet/events.jsonl")));
    }
}
