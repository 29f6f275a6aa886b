package dev.omne.inspector.core.log;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real full file system (a 64 KiB tmpfs): an append that runs out of space leaves no partial line. */
class FullDiskTest {
    @TempDir
    Path tmp;
    Path mount;
    boolean mounted;

    @BeforeEach
    void mountTinyFileSystem() throws Exception {
        Assumptions.assumeTrue(Procs.isLinux(), "tmpfs is Linux");
        mount = Files.createDirectories(tmp.resolve("tiny"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        mounted = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here (needs root and mount rights): " + out.strip());
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            new ProcessBuilder("umount", mount.toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aWriteThatRunsOutOfSpaceIsCutBackToTheLineBefore() throws IOException {
        Path file = mount.resolve("run/events.jsonl");
        Files.createDirectories(file.getParent());
        // 61,000 bytes of events: the last page has 440 bytes free, so the kernel writes part of a long line.
        StringBuilder content = new StringBuilder();
        int i = 0;
        while (content.length() < 61_000 - 300) {
            content.append(String.format("{\"type\":\"a.b\",\"ts\":\"2026-04-15T00:00:00Z\",\"seq\":%d,\"pad\":\"%s\"}%n", i++, "x".repeat(40)));
        }
        String head = "{\"type\":\"a.b\",\"ts\":\"2026-04-15T00:00:00Z\",\"pad\":\"";
        int padding = 61_000 - content.length() - head.length() - 3;
        content.append(head).append("y".repeat(padding)).append("\"}\n");
        Files.writeString(file, content);
        byte[] before = Files.readAllBytes(file);
        // Fill the rest of the file system so the events file can grow by no more than its last page.
        Files.write(mount.resolve("filler"), new byte[4096]);
        String longLine = "{\"type\":\"c.d\",\"pad\":\"" + "z".repeat(2000) + "\"}";
        IOException e = assertThrows(IOException.class, () -> EventLog.append(file, longLine));
        assertTrue(e.getMessage().toLowerCase().contains("space"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "no partial line is left behind");
        ReadResult read = EventReader.read(file);
        assertEquals(61_000, before.length);
        assertEquals(0, read.diagnostics().size(), "every line intact");
        assertEquals(i + 1, read.events().size());
    }
}
