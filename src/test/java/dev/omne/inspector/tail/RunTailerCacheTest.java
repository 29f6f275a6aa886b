package dev.omne.inspector.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omne.inspector.core.cache.CacheFolder;
import dev.omne.inspector.core.index.IndexCache;
import dev.omne.inspector.testing.SameThreadExecutor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tailer that keeps every row takes its index from the index cache: reopening an unchanged log reads only its ends
 * (the entry holds the CRC-32C of the bytes it covers), a grown one only what was appended, and the reopened tailer
 * still tells a log written on from one replaced or rewritten in place. The bytes the tailer reads are counted on the
 * channel it opens.
 */
class RunTailerCacheTest {
    private static final int LINES = 3_000;

    @TempDir
    Path dir;

    private IndexCache cache() {
        return new IndexCache(new CacheFolder(dir.resolve("cache"), 1L << 30), 0);
    }

    /**
     * A tailer on the cache whose reads of the log are added to {@code read}; the cache's saves run at once, so the
     * entry is written before the tailer's read returns.
     */
    private static RunTailer tailer(Path file, IndexCache cache, AtomicLong read) {
        return new RunTailer("r", file, new SameThreadExecutor(),
                f -> new CountingChannel(RunTailer.DEFAULT_OPENER.open(f), read), FollowOptions.History.KEEP, cache);
    }

    private static List<Long> rows(RunUpdate update) {
        List<Long> rows = new ArrayList<>();
        for (int row = 0; row < update.snapshot().size(); row++) {
            rows.add(Lines.seq(update.snapshot(), row));
        }
        return rows;
    }

    /** {@code LINES} events, indexed once by a first tailer so that the cache holds the log's entry. */
    private Path cachedLog(IndexCache cache) throws IOException {
        Path file = dir.resolve("events.jsonl");
        Lines.write(file, 0, LINES);
        AtomicLong read = new AtomicLong();
        tailer(file, cache, read).initial();
        assertTrue(read.get() >= Files.size(file), "the first open fingerprints the whole log: " + read.get());
        assertEquals(1, cache.stats().written(), "the entry is written");
        return file;
    }

    /** The same bytes with event {@code seq}'s time changed in one digit: same length, same first and last bytes. */
    private static byte[] withOneEventChanged(byte[] content, long seq, long into) {
        String text = new String(content, StandardCharsets.UTF_8);
        String time = String.format("%02d.%06dZ", seq / 1_000_000, seq % 1_000_000);
        int at = text.indexOf(time);
        String changed = String.format("%02d.%06dZ", into / 1_000_000, into % 1_000_000);
        return (text.substring(0, at) + changed + text.substring(at + time.length())).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void reopeningAnUnchangedLogReadsOnlyItsEnds() throws IOException {
        IndexCache cache = cache();
        Path file = cachedLog(cache);
        AtomicLong read = new AtomicLong();
        RunUpdate reopened = tailer(file, cache, read).initial();
        assertTrue(reopened.reset());
        assertEquals(Lines.seqs(0, LINES), rows(reopened));
        assertEquals(1, cache.stats().fromEntries(), "taken from the entry");
        assertTrue(read.get() <= 2 * RunTailer.HEAD_BYTES, "read " + read.get() + " bytes of " + Files.size(file));

        // Grown since: only the appended bytes (and the ends) are read.
        long before = Files.size(file);
        Lines.append(file, LINES, 40);
        long appended = Files.size(file) - before;
        read.set(0);
        RunUpdate grown = tailer(file, cache, read).initial();
        assertEquals(Lines.seqs(0, LINES + 40), rows(grown));
        assertEquals(2, cache.stats().fromEntries(), "taken from the entry again");
        assertTrue(read.get() <= appended + 2 * RunTailer.HEAD_BYTES, "read " + read.get() + " bytes, appended "
                + appended);
    }

    @Test
    void aReopenedLogRenamedOverByOneThatContinuesItIsFollowedOn() throws IOException {
        IndexCache cache = cache();
        Path file = cachedLog(cache);
        RunTailer tailer = tailer(file, cache, new AtomicLong());
        tailer.initial();
        Path elsewhere = dir.resolve("events.jsonl.new");
        Lines.write(elsewhere, 0, LINES + 5); // what was read, then more: the same log written on
        Files.move(elsewhere, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        RunUpdate u = tailer.poll(false);
        assertFalse(u.reset(), "not read again");
        assertEquals(List.of(), u.notices());
        assertEquals(LINES, u.fromRow());
        assertEquals(Lines.seqs(0, LINES + 5), rows(u));
    }

    @Test
    void aReopenedLogRenamedOverByOneWithAnotherMiddleIsReadFromTheStart() throws IOException {
        IndexCache cache = cache();
        Path file = cachedLog(cache);
        RunTailer tailer = tailer(file, cache, new AtomicLong());
        tailer.initial();
        // The same first and last bytes where the old log ended, and more after them; one event in between differs.
        byte[] other = withOneEventChanged(Lines.lines(0, LINES + 5), LINES / 2, LINES / 2 + 7);
        Path elsewhere = Files.write(dir.resolve("events.jsonl.new"), other);
        Files.move(elsewhere, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        RunUpdate u = tailer.poll(false);
        assertTrue(u.reset(), "read again from the start");
        assertEquals(TailNotice.Kind.REPLACED, u.notices().getFirst().kind());
        List<Long> expected = new ArrayList<>(Lines.seqs(0, LINES + 5));
        expected.set(LINES / 2, (long) LINES / 2 + 7);
        assertEquals(expected, rows(u));
    }

    @Test
    void aReopenedLogRewrittenInPlaceToTheSameSizeIsReadFromTheStart() throws IOException {
        IndexCache cache = cache();
        Path file = cachedLog(cache);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() - 5_000));
        RunTailer tailer = tailer(file, cache, new AtomicLong());
        assertEquals(Lines.seqs(0, LINES), rows(tailer.initial()));
        assertEquals(0, cache.stats().fromEntries(), "its time changed: the entry is not trusted, the log read whole");

        // Its entry is now of this time; a reopened tailer then sees the same-size rewrite.
        RunTailer reopened = tailer(file, cache, new AtomicLong());
        reopened.initial();
        assertEquals(1, cache.stats().fromEntries());
        byte[] changed = withOneEventChanged(Files.readAllBytes(file), 10, 17);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(changed), 0);
        }
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));
        RunUpdate u = reopened.poll(false);
        assertTrue(u.reset());
        assertEquals("the file was rewritten in place: reading it again from the start",
                u.notices().getFirst().message());
        assertEquals(17L, rows(u).get(10));
    }

    /** A channel that adds every byte read to a counter. */
    private static final class CountingChannel extends FileChannel {
        private final FileChannel in;
        private final AtomicLong read;

        CountingChannel(FileChannel in, AtomicLong read) {
            this.in = in;
            this.read = read;
        }

        private int counted(int n) {
            if (n > 0) {
                read.addAndGet(n);
            }
            return n;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return counted(in.read(dst));
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            long n = in.read(dsts, offset, length);
            read.addAndGet(Math.max(0, n));
            return n;
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return counted(in.read(dst, position));
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return in.write(src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            return in.write(srcs, offset, length);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            return in.write(src, position);
        }

        @Override
        public long position() throws IOException {
            return in.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            in.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return in.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            in.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            in.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) {
            throw new UnsupportedOperationException("not counted");
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            return in.transferFrom(src, position, count);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException("not counted");
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return in.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return in.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            in.close();
        }
    }
}
