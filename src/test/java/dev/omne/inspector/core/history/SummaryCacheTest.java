package dev.omne.inspector.core.history;

import dev.omne.inspector.core.cache.CacheFolder;
import dev.omne.inspector.core.log.LineJudge;
import dev.omne.inspector.core.log.ScannedLine;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.generate.VolumeGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A history read through the summary cache is the history read from the logs: the first time, from its entries when
 * the logs did not change, read on from where an entry ends when a log grew, and read whole when a log is no longer
 * the same or its entry is damaged. How a test knows an entry was used: a line is broken behind the cache's back
 * (the log's size, time and fingerprinted ends kept), which only a whole read would count.
 */
class SummaryCacheTest {
    @TempDir
    Path dir;

    private SummaryCache cache() {
        return new SummaryCache(new CacheFolder(dir.resolve("cache"), 1L << 30), 0);
    }

    private static List<RunSummary> load(Path project, SummaryCache cache) throws IOException {
        HistoryLoader.Result result = HistoryLoader.load(HistoryLoader.logs(Volume.open(project)), 2,
                HistoryLoader.Listener.NONE, () -> false, cache.source());
        return result.history().runs();
    }

    private static void breakALineBehindTheCachesBack(Path file) throws IOException {
        FileTime time = Files.getLastModifiedTime(file);
        byte[] content = Files.readAllBytes(file);
        int at = content.length / 2;
        while (!anEventStartsAt(content, at)) {
            at++;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(at);
            raf.write('X');
        }
        Files.setLastModifiedTime(file, time);
    }

    /** Whether a line that is an event starts at {@code at}. */
    private static boolean anEventStartsAt(byte[] content, int at) {
        if (content[at - 1] != '\n') {
            return false;
        }
        int end = at;
        while (content[end] != '\n') {
            end++;
        }
        ScannedLine judged = new ScannedLine();
        new LineJudge().judge(content, at, end - at, judged);
        return judged.outcome() == ScannedLine.Outcome.EVENT;
    }

    @Test
    void aHistoryReadThroughTheCacheIsTheHistoryOfTheLogs() throws IOException {
        Path project = dir.resolve("project");
        VolumeGenerator.Result generated = HistoryVolumes.generate(project, 20, 400);
        List<RunSummary> plain = load(project, SummaryCache.OFF);
        assertEquals(plain, load(project, cache()), "the first read, which writes the entries");
        try (var entries = Files.list(dir.resolve("cache"))) {
            assertEquals(20, entries.count());
        }
        assertEquals(plain, load(project, cache()), "from the entries");

        Path changed = generated.runs().get(7).file();
        breakALineBehindTheCachesBack(changed);
        List<RunSummary> cached = load(project, cache());
        assertEquals(plain, cached, "the entries were used: the broken line is not counted");
        assertNotEquals(plain, load(project, SummaryCache.OFF), "a whole read counts it");
    }

    @Test
    void aGrownRunIsReadOnFromWhereItsSummaryEnds() throws IOException {
        Path project = dir.resolve("project");
        VolumeGenerator.Result generated = HistoryVolumes.generate(project, 3, 600);
        Path file = generated.runs().get(1).file();
        byte[] content = Files.readAllBytes(file);
        String runId = generated.runs().get(1).runId();
        SummaryCache cache = cache();
        // Cut at a line's end, in the middle of a line, then grown line by line to the whole log.
        int[] cuts = {content.length / 3, content.length / 3 + 40, content.length / 2, content.length * 3 / 4 + 7,
                content.length - 1, content.length};
        for (int cut : cuts) {
            Files.write(file, Arrays.copyOf(content, cut));
            assertEquals(RunSummaryBuilder.read(runId, file), cache.read(runId, file), "cut at " + cut);
            assertEquals(RunSummaryBuilder.read(runId, file), cache.read(runId, file), "again at " + cut);
        }
        // Grown after a line broken behind the cache's back: only the appended part is read.
        Files.write(file, Arrays.copyOf(content, content.length / 2));
        RunSummary half = cache.read(runId, file);
        breakALineBehindTheCachesBack(file);
        Files.write(file, Arrays.copyOfRange(content, content.length / 2, content.length), StandardOpenOption.APPEND);
        RunSummary grown = cache.read(runId, file);
        Files.write(dir.resolve("whole.jsonl"), content);
        RunSummary whole = RunSummaryBuilder.read(runId, dir.resolve("whole.jsonl"));
        assertEquals(whole.events(), grown.events(), "the broken line still counted as the event it was");
        assertEquals(whole.malformed(), grown.malformed());
        assertEquals(whole.nodes(), grown.nodes());
        assertTrue(grown.rows() > half.rows());
    }

    @Test
    void aReplacedOrTruncatedLogOrADamagedEntryIsReadWhole() throws IOException {
        Path project = dir.resolve("project");
        VolumeGenerator.Result generated = HistoryVolumes.generate(project, 4, 500);
        Path file = generated.runs().get(0).file();
        String runId = generated.runs().get(0).runId();
        SummaryCache cache = cache();
        cache.read(runId, file);

        Files.copy(generated.runs().get(1).file(), dir.resolve("other.jsonl"));
        Files.move(dir.resolve("other.jsonl"), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertEquals(RunSummaryBuilder.read(runId, file), cache.read(runId, file), "replaced");

        byte[] content = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(content, content.length / 3));
        assertEquals(RunSummaryBuilder.read(runId, file), cache.read(runId, file), "truncated");

        Path entry = new CacheFolder(dir.resolve("cache"), 1L << 30).entry(file, SummaryCache.KIND);
        byte[] good = Files.readAllBytes(entry);
        breakALineBehindTheCachesBack(file);
        for (byte[] damaged : List.of(Arrays.copyOf(good, good.length - 3), flip(good, good.length / 2), new byte[7])) {
            Files.write(entry, damaged);
            assertEquals(RunSummaryBuilder.read(runId, file), cache.read(runId, file), "a damaged entry");
        }
        assertEquals(RunSummaryBuilder.read("another-run", file), cache.read("another-run", file),
                "an entry of another run id is not used");
    }

    private static byte[] flip(byte[] b, int at) {
        byte[] out = b.clone();
        out[at] ^= 0x01;
        return out;
    }
}
