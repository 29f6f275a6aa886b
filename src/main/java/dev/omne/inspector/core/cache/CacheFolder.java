package dev.omne.inspector.core.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * The folder where what was learnt about a log is kept from one start to the next: one entry per log and kind
 * (its index, its run summary), named after the log's path. Entries are written whole to a temporary file and then
 * renamed over the old one, so a reader (in this process or another) sees the old entry or the new one, never a part;
 * each carries checksums ({@link EntryWriter}), so a damaged one is noticed and ignored. The folder is bounded in size:
 * past the bound the entries used longest ago go first. Every failure to write (a read-only folder, a full disk) only
 * means the entry is not kept: nothing here ever stops a log from being read.
 *
 * <p>Thread-safe; several processes may share a folder.
 */
public final class CacheFolder {
    /** System property naming the folder (else the platform's cache folder is used). */
    public static final String DIR_PROPERTY = "omne.cache.dir";
    /** System property that, set to {@code off}, keeps nothing and uses nothing kept. */
    public static final String SWITCH_PROPERTY = "omne.cache";
    /** System property with the bound in MiB. */
    public static final String MAX_MIB_PROPERTY = "omne.cache.max-mib";
    public static final long DEFAULT_MAX_BYTES = 1024L << 20;
    private static final String TEMP_PREFIX = ".tmp-";
    /** A temporary file older than this was left by a process that stopped while writing. */
    private static final long ORPHAN_MILLIS = 60 * 60 * 1000;

    private final Path dir;
    private final long maxBytes;
    /** Bytes written since the folder was last measured; past a tenth of the bound it is measured again. */
    private final AtomicLong writtenSinceEviction = new AtomicLong(Long.MAX_VALUE / 2);

    public CacheFolder(Path dir, long maxBytes) {
        this.dir = dir.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
    }

    /** The folder the system properties name, else the platform's: {@code omne-inspector/index} in its cache folder. */
    public static CacheFolder standard() {
        String configured = System.getProperty(DIR_PROPERTY);
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured)
                : platformCacheHome().resolve("omne-inspector").resolve("index");
        long max = DEFAULT_MAX_BYTES;
        String mib = System.getProperty(MAX_MIB_PROPERTY);
        if (mib != null) {
            try {
                max = Long.parseLong(mib.strip()) << 20;
            } catch (NumberFormatException e) {
                // keep the default
            }
        }
        return new CacheFolder(dir, max);
    }

    /** Whether {@link #SWITCH_PROPERTY} turns the cache off for this process. */
    public static boolean switchedOff() {
        return "off".equalsIgnoreCase(System.getProperty(SWITCH_PROPERTY, "").strip());
    }

    /**
     * Where the platform keeps caches: {@code $XDG_CACHE_HOME} or {@code ~/.cache} on Linux and other Unixes,
     * {@code ~/Library/Caches} on macOS, {@code %LOCALAPPDATA%} on Windows.
     */
    static Path platformCacheHome() {
        return platformCacheHome(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")),
                System::getenv);
    }

    static Path platformCacheHome(String osName, Path home, java.util.function.UnaryOperator<String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.apply("LOCALAPPDATA");
            return local != null && !local.isBlank() ? Path.of(local) : home.resolve("AppData").resolve("Local");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Caches");
        }
        String xdg = env.apply("XDG_CACHE_HOME");
        // The XDG spec: a relative path there is invalid and is ignored.
        return xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache");
    }

    public Path dir() {
        return dir;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The entry of {@code kind} (a file name extension) for the log at {@code log}: named by a hash of its path. */
    public Path entry(Path log, String kind) {
        return entryAt(keyPath(log), kind);
    }

    /** The same for a log whose {@link #keyPath} is already known (telling it costs a system call per folder). */
    public Path entryAt(String keyPath, String kind) {
        return dir.resolve(key(keyPath) + "." + kind);
    }

    /** The path an entry is keyed by: the log's real path when it can be told, else its absolute one. */
    public static String keyPath(Path log) {
        try {
            return log.toRealPath().toString();
        } catch (IOException e) {
            return log.toAbsolutePath().normalize().toString();
        }
    }

    /**
     * 96 bits of the path (FNV-1a and CRC-32): entries of different logs get different names; should two ever meet,
     * the path kept inside the entry tells them apart. (No message digest: loading one costs a {@code check} more
     * time at start than it saves.)
     */
    private static String key(String keyPath) {
        byte[] path = keyPath.getBytes(StandardCharsets.UTF_8);
        long fnv = 0xcbf29ce484222325L;
        for (byte b : path) {
            fnv = (fnv ^ (b & 0xFF)) * 0x100000001b3L;
        }
        CRC32 crc = new CRC32();
        crc.update(path);
        return HexFormat.of().toHexDigits(fnv) + HexFormat.of().toHexDigits((int) crc.getValue());
    }

    /**
     * Writes an entry whole, or not at all: into a temporary file beside it, then renamed over it. Returns whether
     * the entry was written; a failure (the folder read-only, the disk full) leaves the old entry, if any, in place.
     */
    public boolean write(Path entry, EntryWriter.Content content) {
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, TEMP_PREFIX, ".part");
            long bytes = EntryWriter.write(temp, content);
            try {
                Files.move(temp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, entry, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            if (writtenSinceEviction.addAndGet(bytes) > maxBytes / 10) {
                evict();
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // nothing more can be done; a later eviction removes it
                }
            }
        }
    }

    /** Marks an entry as just used, so that the bound takes the entries used longest ago first. */
    public void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException | RuntimeException e) {
            // a read-only folder: the entry is still good, only its age is not updated
        }
    }

    /** Removes an entry found damaged or stale (when the folder allows it). */
    public void discard(Path entry) {
        try {
            Files.deleteIfExists(entry);
        } catch (IOException | RuntimeException e) {
            // a read-only folder: it is ignored all the same
        }
    }

    /** Bytes the entries take now. */
    public long size() {
        long total = 0;
        for (Item item : items()) {
            total += item.bytes;
        }
        return total;
    }

    /** Deletes the entries used longest ago until the folder is within its bound, and temporary files left behind. */
    public synchronized void evict() {
        writtenSinceEviction.set(0);
        List<Item> items = items();
        long total = 0;
        long now = System.currentTimeMillis();
        List<Item> entries = new ArrayList<>();
        for (Item item : items) {
            if (item.path.getFileName().toString().startsWith(TEMP_PREFIX)) {
                if (now - item.modified > ORPHAN_MILLIS) {
                    discard(item.path);
                }
                continue;
            }
            total += item.bytes;
            entries.add(item);
        }
        if (total <= maxBytes) {
            return;
        }
        entries.sort((a, b) -> Long.compare(a.modified, b.modified));
        for (Item item : entries) {
            if (total <= maxBytes) {
                break;
            }
            discard(item.path);
            total -= item.bytes;
        }
    }

    private record Item(Path path, long bytes, long modified) {
    }

    private List<Item> items() {
        List<Item> items = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    if (a.isRegularFile()) {
                        items.add(new Item(p, a.size(), a.lastModifiedTime().toMillis()));
                    }
                } catch (IOException e) {
                    // gone meanwhile (another process evicted it)
                }
            }
        } catch (IOException | RuntimeException e) {
            // no folder yet, or it cannot be listed: nothing to bound
        }
        return items;
    }
}
