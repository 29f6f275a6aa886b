package dev.omne.inspector.core.volume;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VolumeTest {
    @TempDir
    Path project;

    Path runs() {
        return project.resolve(".omne/var/runs");
    }

    @Test
    void runsAreListedSortedIncludingARunWithoutALog() throws IOException {
        Files.createDirectories(runs().resolve("zeta-2"));
        Files.createDirectories(runs().resolve("alpha-1"));
        Files.createDirectories(runs().resolve("mid"));
        Files.writeString(runs().resolve("alpha-1/events.jsonl"), "{\"type\":\"x.y\"}\n");
        Files.writeString(runs().resolve("stray-file"), "not a run");
        Volume volume = Volume.open(project);
        assertEquals(List.of("alpha-1", "mid", "zeta-2"), volume.listRuns());
        assertEquals(runs().resolve("mid/events.jsonl"), volume.eventsFile("mid"));
        assertFalse(Files.exists(volume.eventsFile("mid")));
    }

    @Test
    void aMissingRunsFolderMeansNoRuns() throws IOException {
        Files.createDirectories(project.resolve(".omne"));
        assertEquals(List.of(), Volume.open(project).listRuns());
        assertEquals(List.of(), Volume.at(project.resolve("elsewhere")).listRuns());
    }

    @Test
    void runExistsTrueAndFalse() throws IOException {
        Files.createDirectories(runs().resolve("r1"));
        Volume volume = Volume.open(project);
        assertTrue(volume.runExists("r1"));
        assertFalse(volume.runExists("r2"));
    }

    @Test
    void opensAtTheProjectItsOmneFolderOrOneRunFolder() throws IOException {
        Files.createDirectories(runs().resolve("r1"));
        Path root = project.toAbsolutePath().normalize();
        assertEquals(root, Volume.open(project).root());
        assertEquals(root, Volume.open(project.resolve(".omne")).root());
        Volume atRun = Volume.open(runs().resolve("r1"));
        assertEquals(root, atRun.root());
        assertEquals("r1", atRun.focusRun().orElseThrow());
        assertTrue(Volume.open(project).focusRun().isEmpty());
    }

    @Test
    void anyFolderInsideAVolumeOpensThatVolume() throws IOException {
        Files.createDirectories(runs().resolve("r1/attachments"));
        Path root = project.toAbsolutePath().normalize();
        for (String inside : List.of(".omne/var", ".omne/var/runs", ".omne/var/runs/r1/attachments")) {
            assertEquals(root, Volume.open(project.resolve(inside)).root(), inside);
        }
        assertTrue(Volume.open(project.resolve(".omne/var/runs")).focusRun().isEmpty());
        assertEquals("r1", Volume.open(runs().resolve("r1/attachments")).focusRun().orElseThrow());
    }

    @Test
    void aFolderWithoutOmneIsNotAVolume() throws IOException {
        Path plain = Files.createDirectories(project.resolve("plain"));
        NotAVolumeException e = assertThrows(NotAVolumeException.class, () -> Volume.open(plain));
        assertTrue(e.getMessage().contains("no .omne folder"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "../x", "a\\b", "nul\0byte", "/abs"})
    void badRunIdsAreRefusedBeforeAnyFileIsTouched(String id) {
        Volume volume = Volume.at(project);
        InvalidRunIdException e = assertThrows(InvalidRunIdException.class, () -> volume.eventsFile(id));
        assertFalse(e.getMessage().isBlank());
        assertThrows(InvalidRunIdException.class, () -> volume.runExists(id));
        assertFalse(Files.exists(project.resolve(".omne")), "nothing created");
    }

    @Test
    void runIdParts() {
        assertEquals("feature", RunIds.pipeName("feature-01kpfntqeej7vhn935kc0tm9vn"));
        assertEquals("0tm9vn", RunIds.shortId("feature-01kpfntqeej7vhn935kc0tm9vn"));
        assertEquals("pipe-01", RunIds.pipeName("pipe-01"));
    }
}
