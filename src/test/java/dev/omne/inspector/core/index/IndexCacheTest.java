package dev.omne.inspector.core.index;

import dev.omne.inspector.core.cache.CacheFolder;
import dev.omne.inspector.core.log.LogCheck;
import dev.omne.inspector.testing.SameThreadExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The index cache gives exactly the index of the log as it is now: from its entry when the log is the same (unchanged
 * or grown), and read whole again when it is not the same log (truncated, replaced, rewritten to the same size) or
 * when the entry is damaged. How each test knows the entry was used: a byte in the middle of the log is changed behind
 * the cache's back (size, time and the fingerprinted ends kept), which only a read of the whole log would see.
 */
class IndexCacheTest {
    static ExecutorService pool;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    private CacheFolder folder() {
        return new CacheFolder(dir.resolve("cache"), 1L << 30);
    }

    /** A cache that keeps entries of any log, however small, and writes them before {@code open} returns. */
    private IndexCache cache() {
        return new IndexCache(folder(), 0);
    }

    private Path log(byte[] content) throws IOException {
        return Files.write(dir.resolve("events.jsonl"), content);
    }

    private static RunIndex open(IndexCache cache, Path file) throws IOException {
        return cache.open(file, SAME_THREAD, 2, true);
    }

    /** Runs saves at once, so a test sees the entry as soon as {@code open} returns. */
    private static final ExecutorService SAME_THREAD = new SameThreadExecutor();

    static IndexSnapshot fresh(Path file) throws IOException {
        return RunIndex.build(file, pool, 3, true).snapshot();
    }

    /** Every row, name, kind and diagnostic the same. */
    static void assertSameIndex(IndexSnapshot expected, IndexSnapshot actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": rows");
        assertEquals(expected.bytes(), actual.bytes(), what + ": bytes");
        assertEquals(expected.nextLine(), actual.nextLine(), what + ": next line");
        assertEquals(expected.errorCount(), actual.errorCount(), what + ": errors");
        assertEquals(expected.warningCount(), actual.warningCount(), what + ": warnings");
        assertEquals(expected.diagnostics(), actual.diagnostics(), what + ": diagnostics");
        for (int row = 0; row < expected.size(); row++) {
            String at = what + ", row " + row;
            assertEquals(expected.offset(row), actual.offset(row), at);
            assertEquals(expected.line(row), actual.line(row), at);
            assertEquals(expected.tsMicros(row), actual.tsMicros(row), at);
            assertEquals(expected.type(row), actual.type(row), at);
            assertEquals(expected.node(row), actual.node(row), at);
            assertEquals(expected.isError(row), actual.isError(row), at);
            assertEquals(expected.hasWarning(row), actual.hasWarning(row), at);
            assertEquals(expected.nodeKind(expected.nodeId(row)), actual.nodeKind(actual.nodeId(row)), at);
        }
    }

    /**
     * Changes one byte in the middle of the log (a type name's letter, so that a line read again gets another type)
     * and puts the file's modification time back: its size, time and fingerprinted ends are as they were.
     */
    private static String changeBehindTheCachesBack(Path file) throws IOException {
        FileTime time = Files.getLastModifiedTime(file);
        byte[] content = Files.readAllBytes(file);
        int at = indexOf(content, "\"type\":\"node.completed\"".getBytes(StandardCharsets.UTF_8), content.length / 2);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(at + "\"type\":\"node.".length());
            raf.write('C');
        }
        Files.setLastModifiedTime(file, time);
        return "node.Completed";
    }

    /** Breaks a good line in the middle of the log, keeping its size, time and fingerprinted ends. */
    private static void breakALineBehindTheCachesBack(Path file) throws IOException {
        FileTime time = Files.getLastModifiedTime(file);
        byte[] content = Files.readAllBytes(file);
        int at = indexOf(content, "\"type\":\"node.completed\"".getBytes(StandardCharsets.UTF_8), content.length / 2);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(at);
            raf.write('X');
        }
        Files.setLastModifiedTime(file, time);
    }

    private static int indexOf(byte[] content, byte[] what, int from) {
        for (int i = from; i + what.length <= content.length; i++) {
            if (Arrays.equals(content, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    private static byte[] content(int lines, long seed) {
        return HostileLines.generate(seed, lines, 37);
    }

    @Test
    void anUnchangedLogIsIndexedFromItsEntry() throws IOException {
        Path file = log(content(20_000, 1));
        IndexCache cache = cache();
        IndexSnapshot first = open(cache, file).snapshot();
        assertSameIndex(fresh(file), first, "first open");
        assertTrue(Files.exists(folder().entry(file, IndexCache.KIND)), "the entry is written");

        String changed = changeBehindTheCachesBack(file);
        IndexSnapshot reopened = open(new IndexCache(folder(), 0), file).snapshot();
        assertSameIndex(first, reopened, "reopened from the entry");
        assertFalse(reopened.types().contains(changed), "the middle of the log was not read again");
        assertTrue(fresh(file).types().contains(changed), "a whole read sees the change");
    }

    @Test
    void aGrownLogIsReadOnlyFromWhereItsEntryEnds() throws IOException {
        byte[] content = content(30_000, 2);
        int cut = content.length * 2 / 3;
        while (content[cut - 1] != '\n') {
            cut++;
        }
        Path file = log(Arrays.copyOf(content, cut));
        open(cache(), file);
        String changed = changeBehindTheCachesBack(file);
        Files.write(file, Arrays.copyOfRange(content, cut, content.length), StandardOpenOption.APPEND);

        IndexSnapshot grown = open(cache(), file).snapshot();
        assertFalse(grown.types().contains(changed), "the part the entry covers was not read again");
        Path plain = Files.write(dir.resolve("plain.jsonl"), content);
        IndexSnapshot expected = fresh(plain);
        assertEquals(expected.size(), grown.size());
        assertEquals(expected.diagnostics().size(), grown.diagnostics().size());
        for (int row = 0; row < expected.size(); row++) {
            assertEquals(expected.line(row), grown.line(row), "row " + row);
            assertEquals(expected.offset(row), grown.offset(row), "row " + row);
            if (!"node.Completed".equals(grown.type(row))) {
                assertEquals(expected.type(row), grown.type(row), "row " + row);
            }
        }
    }

    @Test
    void aLogThatIsNoLongerTheSameIsReadWholeAgain() throws IOException {
        byte[] content = content(20_000, 3);
        Path file = log(content);
        IndexCache cache = cache();

        // truncated: shorter than the entry
        open(cache, file);
        Files.write(file, Arrays.copyOf(content, content.length / 2));
        assertSameIndex(fresh(file), open(cache, file).snapshot(), "truncated");

        // truncated and grown back past the entry's size with other lines
        open(cache, file);
        byte[] other = content(25_000, 30);
        Files.write(file, other);
        assertSameIndex(fresh(file), open(cache, file).snapshot(), "truncated and rewritten longer");

        // replaced by another file (renamed over it)
        open(cache, file);
        Path next = Files.write(dir.resolve("next.jsonl"), content(20_000, 4));
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertSameIndex(fresh(file), open(cache, file).snapshot(), "replaced");

        // rewritten in place to the same size: only the modification time tells
        open(cache, file);
        byte[] same = Files.readAllBytes(file);
        int at = indexOf(same, "\"type\":\"node.completed\"".getBytes(StandardCharsets.UTF_8), same.length / 2);
        same[at + "\"type\":\"node.".length()] = 'C';
        FileTime before = Files.getLastModifiedTime(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(same);
        }
        // As a rewrite a moment later leaves it (whatever the file system's clock granularity).
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 2000));
        IndexSnapshot rewritten = open(cache, file).snapshot();
        assertTrue(rewritten.types().contains("node.Completed"), "read again: the change is seen");
        assertSameIndex(fresh(file), rewritten, "rewritten to the same size");

        // the same size and time, but its first bytes changed
        open(cache, file);
        FileTime time = Files.getLastModifiedTime(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(2);
            raf.write('X');
        }
        Files.setLastModifiedTime(file, time);
        assertSameIndex(fresh(file), open(cache, file).snapshot(), "first bytes changed");
    }

    @Test
    void aDamagedEntryIsIgnoredAndMadeAgain() throws IOException {
        Path file = log(content(20_000, 5));
        IndexSnapshot expected = fresh(file);
        Path entry = folder().entry(file, IndexCache.KIND);
        open(cache(), file);
        byte[] good = Files.readAllBytes(entry);
        String changed = changeBehindTheCachesBack(file);
        // Each damaged entry is ignored: the log is read whole (the changed byte is seen) and the entry made again.
        List<byte[]> damaged = List.of(
                flip(good, good.length - 100),            // in the body (the columns)
                flip(good, 40),                           // in the meta section
                flip(good, 3),                            // in the magic
                Arrays.copyOf(good, good.length / 2),     // cut in half
                Arrays.copyOf(good, good.length - 1),     // one byte short
                Arrays.copyOf(good, good.length + 7),     // longer
                new byte[0],
                "not an entry at all".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < damaged.size(); i++) {
            Files.write(entry, damaged.get(i));
            IndexSnapshot opened = open(cache(), file).snapshot();
            assertTrue(opened.types().contains(changed), "damage " + i + ": the log was read whole");
            assertSameIndex(fresh(file), opened, "damage " + i);
            assertFalse(Arrays.equals(damaged.get(i), Files.readAllBytes(entry)), "damage " + i + ": made again");
            Files.write(entry, good); // the next round starts from the good entry of the unchanged log
        }
        assertSameIndex(expected, open(cache(), file).snapshot(), "the good entry, unchanged log");
    }

    private static byte[] flip(byte[] b, int at) {
        byte[] out = b.clone();
        out[at] ^= 0x20;
        return out;
    }

    @Test
    void aLastLineWithoutNewlineIsNotKeptAndIsReadWhenItEnds() throws IOException {
        byte[] content = content(10_000, 6);
        int cut = content.length - 30;
        Path file = log(Arrays.copyOf(content, cut));
        IndexSnapshot partial = open(cache(), file).snapshot();
        assertSameIndex(fresh(file), partial, "a finished read judges the partial line");
        Files.write(file, Arrays.copyOfRange(content, cut, content.length), StandardOpenOption.APPEND);
        assertSameIndex(fresh(file), open(cache(), file).snapshot(), "the line completed");

        // A follower's open holds the partial line back, as an index being extended does.
        Files.write(file, Arrays.copyOf(content, cut));
        RunIndex live = cache().open(file, SAME_THREAD, 2, false);
        assertEquals(cut - live.committedOffset(), live.pendingBytes());
        Files.write(file, Arrays.copyOfRange(content, cut, content.length), StandardOpenOption.APPEND);
        byte[] tail = Arrays.copyOfRange(content, cut, content.length);
        live.extend(tail, 0, tail.length);
        live.finish();
        assertSameIndex(fresh(file), live.snapshot(), "held back, then extended");
    }

    @Test
    void checkTakesItsCountsAndDiagnosticsFromTheEntry() throws IOException {
        byte[] content = content(20_000, 7);
        int cut = content.length / 2;
        Path file = log(Arrays.copyOf(content, cut));
        IndexCache cache = cache();
        assertEquals(LogCheck.check(file), cache.check(file), "no entry yet");
        assertEquals(LogCheck.check(file), cache.check(file), "from its own entry, partial last line included");
        Files.write(file, Arrays.copyOfRange(content, cut, content.length), StandardOpenOption.APPEND);
        assertEquals(LogCheck.check(file), cache.check(file), "grown");
        assertEquals(LogCheck.check(file), cache.check(file), "grown, from the entry written then");

        // The window's entry (with the index) serves check too, and check does not overwrite it.
        open(cache, file);
        Path entry = folder().entry(file, IndexCache.KIND);
        long windowEntry = Files.size(entry);
        LogCheck.Result before = LogCheck.check(file);
        breakALineBehindTheCachesBack(file);
        LogCheck.Result fromEntry = cache.check(file);
        assertEquals(Files.size(entry), windowEntry, "check keeps the window's entry");
        assertEquals(before, fromEntry, "the entry was used: the line broken behind its back is not seen");
        assertEquals(before.errors() + 1, LogCheck.check(file).errors(), "a whole read sees it");

        Files.write(file, Arrays.copyOf(content, cut)); // truncated
        assertEquals(LogCheck.check(file), cache.check(file), "truncated");
    }

    /** {@code check}'s own entries (counts and diagnostics, no index) are judged by the same identity. */
    @Test
    void checkNoticesEveryChangeOfTheLog() throws IOException {
        byte[] content = content(20_000, 13);
        Path file = log(content);
        IndexCache cache = cache();
        Path entry = folder().entry(file, IndexCache.KIND);
        List<java.util.function.Consumer<Path>> changes = List.of(
                f -> write(f, Arrays.copyOf(content, content.length / 3)),                     // truncated
                f -> write(f, content(21_000, 14)),                                            // rewritten longer
                f -> append(f, content(300, 15)),                                              // appended
                f -> {                                                                         // replaced
                    Path next = dir.resolve("next.jsonl");
                    write(next, content(20_000, 16));
                    try {
                        Files.move(next, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                },
                f -> {                                                                         // same size, rewritten
                    try {
                        FileTime time = Files.getLastModifiedTime(f);
                        breakALineBehindTheCachesBack(f);
                        Files.setLastModifiedTime(f, FileTime.fromMillis(time.toMillis() + 2000));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        for (int i = 0; i < changes.size(); i++) {
            assertEquals(LogCheck.check(file), cache.check(file), "change " + i + ": before");
            assertTrue(Files.exists(entry), "change " + i + ": check keeps an entry");
            long usedBefore = cache.stats().fromEntries();
            changes.get(i).accept(file);
            assertEquals(LogCheck.check(file), cache.check(file), "change " + i + ": after");
            assertEquals(i == 2 ? usedBefore + 1 : usedBefore, cache.stats().fromEntries(),
                    "change " + i + ": only an appended log is read on from its entry");
        }
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void append(Path file, byte[] content) {
        try {
            Files.write(file, content, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void smallLogsAndTheCacheOffKeepNothing() throws IOException {
        Path file = log(content(200, 8));
        IndexCache cache = new IndexCache(folder(), 1 << 20);
        assertSameIndex(fresh(file), open(cache, file).snapshot(), "small");
        assertEquals(LogCheck.check(file), cache.check(file));
        assertSameIndex(fresh(file), open(IndexCache.OFF, file).snapshot(), "off");
        assertEquals(LogCheck.check(file), IndexCache.OFF.check(file));
        assertFalse(Files.exists(folder().dir()), "nothing written");
    }

    @Test
    void theFolderStaysWithinItsBoundTheEntriesUsedLongestAgoGoingFirst() throws IOException, InterruptedException {
        long bound = 3L << 20;
        CacheFolder small = new CacheFolder(dir.resolve("cache"), bound);
        IndexCache cache = new IndexCache(small, 0);
        Path[] logs = new Path[8];
        for (int i = 0; i < logs.length; i++) {
            logs[i] = Files.write(dir.resolve("log" + i + ".jsonl"), content(12_000, 100 + i));
            open(cache, logs[i]);
            Files.setLastModifiedTime(small.entry(logs[i], IndexCache.KIND), FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        // log0's entry is used again: it becomes the youngest.
        open(cache, logs[0]);
        small.evict();
        assertTrue(small.size() <= bound, small.size() + " bytes in the folder");
        assertTrue(Files.exists(small.entry(logs[0], IndexCache.KIND)), "just used: kept");
        assertTrue(Files.exists(small.entry(logs[7], IndexCache.KIND)), "the newest: kept");
        assertFalse(Files.exists(small.entry(logs[1], IndexCache.KIND)), "used longest ago: gone first");
        for (Path log : logs) {
            assertSameIndex(fresh(log), open(cache, log).snapshot(), log.getFileName().toString());
        }
    }

    @Test
    void aFolderThatCannotBeWrittenOnlyMeansNothingIsKept() throws IOException {
        Path file = log(content(5_000, 9));
        Path notAFolder = Files.writeString(dir.resolve("a-file"), "x");
        IndexCache cache = new IndexCache(new CacheFolder(notAFolder.resolve("cache"), 1L << 30), 0);
        assertSameIndex(fresh(file), open(cache, file).snapshot(), "opened");
        assertEquals(LogCheck.check(file), cache.check(file));
        assertEquals("x", Files.readString(notAFolder));
    }

    /**
     * A cache folder that cannot be written (a shared, read-only cache): its entries are still used, a log without
     * one is read whole, a stale one is ignored though it cannot be removed, and nothing is written or left behind.
     */
    @Test
    void aReadOnlyFolderIsUsedButNeverWritten() throws IOException, InterruptedException {
        Path kept = log(content(20_000, 11));
        Path other = Files.write(dir.resolve("other.jsonl"), content(20_000, 12));
        IndexSnapshot expected = fresh(kept);
        open(cache(), kept);
        Path folder = folder().dir();
        List<String> before = listing(folder);
        Runnable writable = makeReadOnly(folder);
        try {
            IndexCache cache = cache();
            String changed = changeBehindTheCachesBack(kept);
            IndexSnapshot opened = open(cache, kept).snapshot();
            assertFalse(opened.types().contains(changed), "the entry was used: the changed byte is not seen");
            assertSameIndex(expected, opened, "from the read-only entry");
            assertEquals(1, cache.stats().fromEntries());

            assertSameIndex(fresh(other), open(cache, other).snapshot(), "no entry: read whole");
            assertEquals(LogCheck.check(other), cache.check(other));

            Files.write(kept, Arrays.copyOf(content(20_000, 11), 40_000)); // truncated: the entry is stale
            assertSameIndex(fresh(kept), open(cache, kept).snapshot(), "a stale entry is ignored");
            assertEquals(LogCheck.check(kept), cache.check(kept));
            assertEquals(0, cache.stats().written(), "nothing written");
            assertEquals(before, listing(folder), "the folder is as it was: the stale entry stays, no temporary file");
        } finally {
            writable.run();
        }
    }

    private static List<String> listing(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * Makes {@code folder} refuse new and removed files: its write permission taken away, or where that does not stop
     * this process (it runs as root), the immutable attribute set with {@code chattr +i}. Returns what undoes it; the
     * test is reported as not run (an assumption) when neither works here.
     */
    private static Runnable makeReadOnly(Path folder) throws IOException, InterruptedException {
        java.util.Set<java.nio.file.attribute.PosixFilePermission> mode = Files.getPosixFilePermissions(folder);
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        Runnable undo = () -> {
            try {
                Files.setPosixFilePermissions(folder, mode);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        if (refusesWrites(folder)) {
            return undo;
        }
        undo.run();
        Process chattr = new ProcessBuilder("chattr", "+i", folder.toString()).redirectErrorStream(true).start();
        String said = new String(chattr.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        boolean set = chattr.waitFor() == 0;
        Runnable unset = () -> {
            try {
                new ProcessBuilder("chattr", "-i", folder.toString()).inheritIO().start().waitFor();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        if (set && refusesWrites(folder)) {
            return unset;
        }
        if (set) {
            unset.run();
        }
        org.junit.jupiter.api.Assumptions.abort("no way to make a folder read-only for this process here (it runs as"
                + " root and chattr +i failed: " + said + ")");
        return undo;
    }

    private static boolean refusesWrites(Path folder) {
        try {
            Files.delete(Files.createFile(folder.resolve("probe")));
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
