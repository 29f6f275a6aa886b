package dev.omne.inspector.core.volume;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunSourceTest {
    @TempDir
    Path dir;

    static String event(String runId) {
        return "{\"type\":\"run.started\",\"ts\":\"2026-04-15T00:00:00Z\",\"run_id\":\"" + runId + "\"}\n";
    }

    @Test
    void aPlainFileIsAReadOnlyRunNamedByItsFirstEvent() throws IOException {
        Path file = Files.writeString(dir.resolve("shared-export.jsonl"), "\n{not json\n" + event("feature-01") + event("other"));
        RunSource source = RunSource.ofFile(file);
        assertEquals("feature-01", source.runId());
        assertTrue(source.isPlainFile());
        assertTrue(source.readOnly());
        assertEquals(file, source.file());
    }

    @Test
    void withoutARunIdInsideTheFolderOrFileNameNamesIt() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("copied-run"));
        assertEquals("copied-run", RunSource.ofFile(Files.writeString(folder.resolve("events.jsonl"), "{oops\n")).runId());
        assertEquals("notes", RunSource.ofFile(Files.writeString(dir.resolve("notes.jsonl"), "")).runId());
        assertEquals("notes.txt", RunSource.ofFile(Files.writeString(dir.resolve("notes.txt"), event("a/b"))).runId());
    }

    @Test
    void aVolumesLogIsNamedByItsRunFolder() throws IOException {
        Path runDir = Files.createDirectories(dir.resolve(".omne/var/runs/feature-02"));
        Path file = Files.writeString(runDir.resolve("events.jsonl"), event("something-else"));
        assertEquals("feature-02", RunSource.ofFile(file).runId());
        RunSource ofRun = RunSource.ofRun(Volume.open(dir), "feature-02");
        assertFalse(ofRun.readOnly());
        assertEquals(file.toAbsolutePath(), ofRun.file());
    }

    @Test
    void aMissingFileOrAFolderIsNotASource() throws IOException {
        assertThrows(NoSuchFileException.class, () -> RunSource.ofFile(dir.resolve("nope.jsonl")));
        assertThrows(IOException.class, () -> RunSource.ofFile(dir));
    }
}
