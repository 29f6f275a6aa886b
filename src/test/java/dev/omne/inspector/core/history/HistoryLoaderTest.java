package dev.omne.inspector.core.history;

import dev.omne.inspector.generate.VolumeGenerator;
import dev.omne.inspector.core.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HistoryLoaderTest {
    @TempDir
    Path project;

    @Test
    void runsAreReadNewestFirstAndHandedOverOneByOne() throws IOException {
        VolumeGenerator.Result generated = HistoryVolumes.generate(project, 12, 200);
        List<String> newestFirst = new ArrayList<>(generated.runs().stream().map(VolumeGenerator.RunFile::runId).toList());
        Collections.reverse(newestFirst); // the generator writes them oldest first
        List<String> seen = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        HistoryLoader.Result result = HistoryLoader.load(HistoryLoader.logs(Volume.open(project)), 1,
                (run, done, total) -> {
                    seen.add(run.runId());
                    counts.add(done);
                    assertEquals(12, total);
                }, () -> false);
        assertEquals(newestFirst, seen);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), counts);
        assertEquals(newestFirst, result.history().runs().stream().map(RunSummary::runId).toList());

        List<String> parallel = Collections.synchronizedList(new ArrayList<>());
        HistoryLoader.load(HistoryLoader.logs(Volume.open(project)), 3, (run, done, total) -> parallel.add(run.runId()),
                () -> false);
        assertEquals(newestFirst.size(), parallel.size());
        assertEquals(newestFirst.stream().sorted().toList(), parallel.stream().sorted().toList());
    }

    @Test
    void anUnreadableLogIsListedAndCancellingStopsTheLoad() throws IOException {
        HistoryVolumes.generate(project, 5, 200);
        String broken = "feature-01kq000000000000000000000j";
        Files.createDirectories(project.resolve(".omne/var/runs").resolve(broken).resolve("events.jsonl"));
        List<RunSummary> handed = new ArrayList<>();
        HistoryLoader.Result result = HistoryLoader.load(HistoryLoader.logs(Volume.open(project)), 1,
                (run, done, total) -> handed.add(run), () -> false);
        assertEquals(5, result.history().runs().size());
        assertEquals(1, result.unreadable().size());
        assertEquals(broken, result.unreadable().getFirst().runId());
        assertEquals("not a regular file (it is a folder)", result.unreadable().getFirst().message());
        assertNull(handed.getFirst(), "the newest run, by its id, is the broken one: handed over as null");

        AtomicInteger read = new AtomicInteger();
        assertThrows(CancellationException.class, () -> HistoryLoader.load(HistoryLoader.logs(Volume.open(project)), 1,
                (run, done, total) -> read.incrementAndGet(), () -> read.get() >= 2));
        assertEquals(2, read.get(), "no run is read once cancelled");
    }
}
