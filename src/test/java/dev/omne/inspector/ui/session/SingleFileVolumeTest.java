package dev.omne.inspector.ui.session;

import dev.omne.inspector.core.index.RunIndex;
import dev.omne.inspector.core.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SingleFileVolumeTest {
    @TempDir
    Path dir;

    @Test
    void aLooseJsonlFileIsAOneRunVolumeThatIsReadOnly() throws Exception {
        Path export = Files.writeString(dir.resolve("bug report.jsonl"),
                "{\"type\":\"run.started\",\"id\":\"e1\",\"ts\":\"2026-04-15T00:00:00Z\",\"run_id\":\"feature-01kpfntqeej7vhn935kc0tm9vn\"}\n"
                        + "{\"type\":\"node.started\",\"id\":\"e2\",\"ts\":\"2026-04-15T00:00:01Z\",\"run_id\":\"feature-01kpfntqeej7vhn935kc0tm9vn\",\"node_id\":\"plan\",\"kind\":\"bash\"}\n");
        byte[] before = Files.readAllBytes(export);
        assertTrue(SingleFileVolume.isLooseFile(export));
        Volume volume = SingleFileVolume.create(export);
        assertEquals(List.of("feature-01kpfntqeej7vhn935kc0tm9vn"), volume.listRuns());
        Path log = volume.eventsFile("feature-01kpfntqeej7vhn935kc0tm9vn");
        assertEquals(2, RunIndex.build(log).snapshot().eventCount());
        assertTrue(volume.whyNotWritable("feature-01kpfntqeej7vhn935kc0tm9vn").isPresent(), "read only");
        assertArrayEquals(before, Files.readAllBytes(export));
    }

    @Test
    void aLogInsideAVolumeIsNotLoose() throws Exception {
        Path run = Files.createDirectories(dir.resolve("p/.omne/var/runs/r"));
        Path log = Files.writeString(run.resolve("events.jsonl"), "{\"type\":\"a.b\"}\n");
        assertFalse(SingleFileVolume.isLooseFile(log));
        assertFalse(SingleFileVolume.isLooseFile(run));
    }
}
