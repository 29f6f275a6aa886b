package dev.omne.inspector.core.volume;

import dev.omne.inspector.core.log.EventLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Volumes with odd entries: each is listed or skipped sensibly, and writes never leave the volume. */
class OddVolumeTest {
    @TempDir
    Path tmp;

    Path project() {
        return tmp.resolve("project");
    }

    Path runs() {
        return project().resolve(".omne/var/runs");
    }

    @Test
    void oddNamesAreRunsAndOddEntriesAreSkipped() throws IOException {
        String longName = "r" + "x".repeat(254);
        for (String name : List.of("with space", "unicod\u00e9-\u4e16\u754c", longName, ".hidden")) {
            Files.createDirectories(runs().resolve(name));
        }
        Files.writeString(runs().resolve("a-file-not-a-run"), "x");
        assertEquals(List.of(longName, "unicod\u00e9-\u4e16\u754c", "with space").stream().sorted().toList(),
                Volume.open(project()).listRuns());
    }

    @Test
    void aRunFolderLinkedOutsideIsListedButNeverWrittenThrough() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("elsewhere/run"));
        Files.writeString(outside.resolve("events.jsonl"), "{\"type\":\"a.b\"}\n");
        Files.createDirectories(runs());
        Files.createSymbolicLink(runs().resolve("linked"), outside);
        Files.createDirectories(runs().resolve("normal"));
        Volume volume = Volume.open(project());
        assertEquals(List.of("linked", "normal"), volume.listRuns());
        assertTrue(volume.isLinkedOutside("linked"));
        assertFalse(volume.isLinkedOutside("normal"));
        assertTrue(volume.whyNotWritable("linked").orElseThrow().contains("through a link"));
        assertTrue(volume.whyNotWritable("normal").isEmpty());
    }

    @Test
    void aLinkedLogIsRefusedByTheVolumeAndByTheAppendItself() throws IOException {
        Path target = Files.writeString(tmp.resolve("target.jsonl"), "{\"type\":\"a.b\"}\n");
        byte[] before = Files.readAllBytes(target);
        Path run = Files.createDirectories(runs().resolve("r"));
        Files.createSymbolicLink(run.resolve("events.jsonl"), target);
        Volume volume = Volume.open(project());
        assertTrue(volume.whyNotWritable("r").orElseThrow().contains("symbolic link"));
        assertTrue(volume.isLinkedOutside("r"));
        IOException e = assertThrows(IOException.class, () -> EventLog.append(run.resolve("events.jsonl"), "{\"type\":\"c.d\"}"));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(target));
    }

    @Test
    void aLogThatIsAFolderIsNotWritable() throws IOException {
        Files.createDirectories(runs().resolve("r/events.jsonl"));
        assertTrue(Volume.open(project()).whyNotWritable("r").orElseThrow().contains("not a regular file"));
    }

    @Test
    void aRunsFolderThatIsALinkInsideTheVolumeIsFine() throws IOException {
        Path real = Files.createDirectories(project().resolve("real-runs/r1"));
        Files.createDirectories(project().resolve(".omne/var"));
        Files.createSymbolicLink(runs(), real.getParent());
        Volume volume = Volume.open(project());
        assertEquals(List.of("r1"), volume.listRuns());
        assertTrue(volume.whyNotWritable("r1").orElseThrow().contains("through a link"),
                "writes only go to the runs folder itself, resolved");
    }
}
