package dev.omne.inspector.core.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CacheFolderTest {
    @TempDir
    Path dir;

    @Test
    void thePlatformsCacheFolder() {
        Path home = Path.of("/home/ada");
        assertEquals(Path.of("/home/ada/.cache"), CacheFolder.platformCacheHome("Linux", home, Map.<String, String>of()::get));
        assertEquals(Path.of("/xdg"), CacheFolder.platformCacheHome("Linux", home, Map.of("XDG_CACHE_HOME", "/xdg")::get));
        assertEquals(Path.of("/home/ada/.cache"), CacheFolder.platformCacheHome("Linux", home,
                Map.of("XDG_CACHE_HOME", "relative/path")::get), "a relative XDG_CACHE_HOME is ignored, as the spec says");
        assertEquals(Path.of("/home/ada/Library/Caches"), CacheFolder.platformCacheHome("Mac OS X", home,
                Map.of("XDG_CACHE_HOME", "/xdg")::get));
        assertEquals(Path.of("C:\\Users\\ada\\AppData\\Local").toString(), CacheFolder.platformCacheHome("Windows 11",
                home, Map.of("LOCALAPPDATA", "C:\\Users\\ada\\AppData\\Local")::get).toString());
    }

    private static EntryWriter.Content content(byte[] meta, long[] body) {
        return new EntryWriter.Content() {
            @Override
            public byte[] meta() {
                return meta;
            }

            @Override
            public long bodyLength() {
                return body.length * 8L;
            }

            @Override
            public void writeBody(EntryWriter.Body out) throws IOException {
                out.longs(body, body.length);
            }
        };
    }

    @Test
    void anEntryIsReadBackWhole() throws IOException {
        CacheFolder folder = new CacheFolder(dir.resolve("c"), 1L << 30);
        Path entry = folder.entry(dir.resolve("log.jsonl"), "index");
        long[] body = new long[300_000]; // more than one chunk
        for (int i = 0; i < body.length; i++) {
            body[i] = i * 31L - 7;
        }
        assertTrue(folder.write(entry, content(new byte[] {1, 2, 3}, body)));
        try (EntryReader r = EntryReader.open(entry)) {
            assertArrayEquals(new byte[] {1, 2, 3}, r.meta());
            long[] back = new long[body.length];
            r.longs(back, back.length);
            assertArrayEquals(body, back);
            assertTrue(r.bodyChecked());
        }
        assertNull(EntryReader.open(dir.resolve("c/none")));
        assertNotEquals(entry, folder.entry(dir.resolve("other.jsonl"), "index"), "one entry per log");
        assertNotEquals(entry, folder.entry(dir.resolve("log.jsonl"), "summary"), "and per kind");

        byte[] good = Files.readAllBytes(entry);
        good[good.length - 5] ^= 1;
        Files.write(entry, good);
        try (EntryReader r = EntryReader.open(entry)) {
            r.longs(new long[body.length], body.length);
            assertFalse(r.bodyChecked(), "a changed body byte is noticed");
        }
        Files.write(entry, java.util.Arrays.copyOf(good, 30));
        assertThrows(EntryReader.Damaged.class, () -> EntryReader.open(entry));
    }

    @Test
    void temporaryFilesLeftBehindAreRemovedAndTheBoundHolds() throws IOException {
        CacheFolder folder = new CacheFolder(dir.resolve("c"), 100_000);
        for (int i = 0; i < 10; i++) {
            Path entry = folder.entry(dir.resolve("log" + i), "index");
            assertTrue(folder.write(entry, content(new byte[0], new long[2_000])));
            Files.setLastModifiedTime(entry, FileTime.fromMillis(1_000_000_000L + i * 1000L));
        }
        Path orphan = Files.writeString(dir.resolve("c/.tmp-123.part"), "half");
        Files.setLastModifiedTime(orphan, FileTime.fromMillis(System.currentTimeMillis() - 2 * 3600_000L));
        Path fresh = Files.writeString(dir.resolve("c/.tmp-456.part"), "being written");
        folder.evict();
        assertTrue(folder.size() <= 100_000, folder.size() + " bytes");
        assertFalse(Files.exists(orphan), "an old temporary file is removed");
        assertTrue(Files.exists(fresh), "one still being written is not");
        assertTrue(Files.exists(folder.entry(dir.resolve("log9"), "index")), "the newest entry is kept");
        assertFalse(Files.exists(folder.entry(dir.resolve("log0"), "index")), "the oldest goes first");
    }
}
