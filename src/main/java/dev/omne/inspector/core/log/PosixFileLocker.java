package dev.omne.inspector.core.log;

import static dev.omne.inspector.core.log.PosixPlatform.EACCES;
import static dev.omne.inspector.core.log.PosixPlatform.EEXIST;
import static dev.omne.inspector.core.log.PosixPlatform.EINTR;
import static dev.omne.inspector.core.log.PosixPlatform.ENOENT;
import static dev.omne.inspector.core.log.PosixPlatform.ENOTDIR;
import static dev.omne.inspector.core.log.PosixPlatform.ENXIO;
import static dev.omne.inspector.core.log.PosixPlatform.EPERM;
import static dev.omne.inspector.core.log.PosixPlatform.ESPIPE;
import static dev.omne.inspector.core.log.PosixPlatform.EXDEV;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Linux and macOS: a real flock(2) through the FFM API, the lock the runner (Rust fs2) takes.
 *
 * <p>A run's log ({@link RunLogPath}) is opened one folder at a time from the project folder, none of them
 * through a link: on Linux with openat2 and {@code RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS} (kernel 5.6 and later),
 * elsewhere, or where openat2 is missing, by openat with {@code O_NOFOLLOW} for each name (and
 * {@code O_NOFOLLOW_ANY} on macOS). What was opened is then checked on the descriptor itself: a regular file with one
 * link, on the runs folder's device. Checking names first and opening after would leave a gap in which another
 * process swaps in a link; descriptors leave none.
 */
final class PosixFileLocker implements FileLocker {
    private static final int LOCK_EX = 2;
    private static final int LOCK_NB = 4;
    private static final int LOCK_UN = 8;
    private static final int SEEK_END = 2;
    private static final int MODE_0644 = 0644;

    private final PosixPlatform platform;
    /** False: walk one name at a time as where openat2 is missing (tests of that path). */
    private final boolean openat2;

    PosixFileLocker(PosixPlatform platform) {
        this(platform, true);
    }

    PosixFileLocker(PosixPlatform platform, boolean openat2) {
        this.platform = platform;
        this.openat2 = openat2;
    }

    @Override
    public LockableFile open(Path file) throws IOException {
        Libc libc = Libc.of(platform);
        Arena arena = Arena.ofConfined();
        try {
            MemorySegment errno = arena.allocate(Libc.CAPTURE);
            MemorySegment cPath = arena.allocateFrom(file.toAbsolutePath().toString(), Libc.PATH_CHARSET);
            int fd;
            do {
                fd = libc.open(errno, cPath, platform.appendFlags() | platform.creat(), MODE_0644);
            } while (fd < 0 && Libc.errno(errno) == EINTR);
            if (fd < 0) {
                throw openFailure(file, Libc.errno(errno), libc);
            }
            PosixFile opened = new PosixFile(file, fd, -1, null, false, arena, errno, libc, platform);
            try {
                opened.requireSeekable();
            } catch (IOException e) {
                opened.close();
                throw e;
            }
            return opened;
        } catch (IOException | RuntimeException | Error e) {
            if (arena.scope().isAlive()) {
                arena.close();
            }
            throw e;
        }
    }

    @Override
    public LockableFile open(RunLogPath log) throws IOException {
        Libc libc = Libc.of(platform);
        Arena arena = Arena.ofConfined();
        MemorySegment errno = arena.allocate(Libc.CAPTURE);
        int root = -1;
        int runs = -1;
        int run = -1;
        int fd = -1;
        boolean created = false;
        try {
            root = libc.retry(errno, () -> libc.open(errno, arena.allocateFrom(log.root().toAbsolutePath().toString(),
                    Libc.PATH_CHARSET), platform.rdonly() | platform.directory() | platform.cloexec(), 0));
            if (root < 0) {
                throw failure(log.root(), "cannot open the project folder", Libc.errno(errno), libc);
            }
            runs = beneath(libc, arena, errno, root, String.join("/", log.runsFolder()), platform.folderFlags(), 0);
            if (runs < 0) {
                throw folderFailure(log.root(), log.runsDir(), Libc.errno(errno), libc);
            }
            run = beneath(libc, arena, errno, runs, log.run(), platform.folderFlags(), 0);
            if (run < 0) {
                int e = Libc.errno(errno);
                throw e == ENOENT ? new NoSuchFileException(log.runDir().toString(), null,
                        "the run folder does not exist; nothing was written")
                        : folderFailure(log.runsDir(), log.runDir(), e, libc);
            }
            fd = beneath(libc, arena, errno, run, log.log(), platform.appendFlags(), 0);
            while (fd < 0 && Libc.errno(errno) == ENOENT) {
                // Not there yet: create it, and know that this open created it (to remove it if the write fails).
                fd = beneath(libc, arena, errno, run, log.log(),
                        platform.appendFlags() | platform.creat() | platform.excl(), MODE_0644);
                created = fd >= 0;
                if (fd < 0 && Libc.errno(errno) == EEXIST) {
                    fd = beneath(libc, arena, errno, run, log.log(), platform.appendFlags(), 0);
                }
            }
            if (fd < 0) {
                throw openFailure(log.file(), Libc.errno(errno), libc);
            }
            Stat folder = libc.stat(errno, runs, log.runsDir());
            Stat file = libc.stat(errno, fd, log.file());
            if (!file.isRegular()) {
                throw notRegular(log.file());
            }
            if (file.links() != 1) {
                throw new FileSystemException(log.file().toString(), null, file.links() == 0
                        ? "was removed while it was being opened; nothing was written"
                        : "has " + file.links() + " hard links: the same file is also reachable by another name,"
                        + " which may be outside the volume or another run's log; event logs are only appended to"
                        + " files with one link; nothing was written");
            }
            if (file.device() != folder.device()) {
                throw new FileSystemException(log.file().toString(), null, "is on another file system than the"
                        + " runs folder " + log.runsDir() + " (a mount inside the volume); nothing was written");
            }
            libc.close(errno, root);
            libc.close(errno, runs);
            root = -1;
            runs = -1;
            PosixFile opened = new PosixFile(log.file(), fd, run, log.log(), created, arena, errno, libc, platform);
            fd = -1;
            run = -1;
            return opened;
        } catch (IOException | RuntimeException | Error e) {
            if (created && fd >= 0) {
                // Refused after creating it (on another device, say): leave nothing behind.
                libc.unlinkat(errno, run, arena.allocateFrom(log.log(), Libc.PATH_CHARSET));
            }
            for (int open : new int[] {fd, run, runs, root}) {
                if (open >= 0) {
                    libc.close(errno, open);
                }
            }
            arena.close();
            throw e;
        }
    }

    /**
     * Opens {@code relative} (plain names joined by '/') beneath the folder {@code dirfd}, following no link on
     * the way; -1 with errno set when it cannot.
     */
    private int beneath(Libc libc, Arena arena, MemorySegment errno, int dirfd, String relative, int flags, int mode) {
        if (openat2 && platform.linux() && libc.hasOpenat2()) {
            int fd = libc.retry(errno, () -> libc.openat2(errno, dirfd,
                    arena.allocateFrom(relative, Libc.PATH_CHARSET), flags, mode));
            if (fd >= 0 || !libc.openat2Missing(Libc.errno(errno))) {
                return fd;
            }
        }
        return walk(libc, arena, errno, dirfd, relative, flags, mode);
    }

    /** The fallback: openat one name at a time, each with O_NOFOLLOW (and O_NOFOLLOW_ANY where there is one). */
    private int walk(Libc libc, Arena arena, MemorySegment errno, int dirfd, String relative, int flags, int mode) {
        String[] names = relative.split("/");
        int at = dirfd;
        try {
            for (int i = 0; i < names.length; i++) {
                boolean last = i == names.length - 1;
                int f = (last ? flags : platform.folderFlags()) | platform.nofollow() | platform.nofollowAny();
                MemorySegment name = arena.allocateFrom(names[i], Libc.PATH_CHARSET);
                int from = at;
                int next = libc.retry(errno, () -> libc.openat(errno, from, name, f, last ? mode : 0));
                if (at != dirfd) {
                    closeKeepingErrno(libc, errno, at);
                }
                at = next;
                if (next < 0) {
                    return -1;
                }
            }
            return at;
        } catch (RuntimeException | Error e) {
            if (at != dirfd && at >= 0) {
                libc.close(errno, at);
            }
            throw e;
        }
    }

    private static void closeKeepingErrno(Libc libc, MemorySegment errno, int fd) {
        int saved = Libc.errno(errno);
        libc.close(errno, fd);
        Libc.setErrno(errno, saved);
    }

    private IOException folderFailure(Path from, Path folder, int e, Libc libc) {
        // O_DIRECTORY | O_NOFOLLOW on a link answers ENOTDIR: look at the names again, only to word the refusal.
        if (isLinkError(e) || (e == ENOTDIR && linkOnTheWay(from, folder))) {
            return throughLink(folder);
        }
        if (e == ENOTDIR) {
            return new FileSystemException(folder.toString(), null, "is not a folder; nothing was written");
        }
        return failure(folder, "cannot open the folder", e, libc);
    }

    private static boolean linkOnTheWay(Path from, Path to) {
        Path at = from;
        for (Path name : from.relativize(to)) {
            at = at.resolve(name);
            if (Files.isSymbolicLink(at)) {
                return true;
            }
        }
        return false;
    }

    private boolean isLinkError(int e) {
        return e == platform.errno().eloop() || e == EXDEV;
    }

    private static IOException throughLink(Path path) {
        return new FileSystemException(path.toString(), null, "is reached through a symbolic link (or one was swapped"
                + " in while it was being opened); event logs are never written through links; nothing was written");
    }

    private IOException openFailure(Path file, int e, Libc libc) {
        if (isLinkError(e)) {
            return new FileSystemException(file.toString(), null,
                    "is a symbolic link; event logs are never written through links");
        }
        if (e == ENXIO) {
            return notRegular(file);
        }
        return failure(file, "cannot open for appending", e, libc);
    }

    static IOException notRegular(Path file) {
        return new FileSystemException(file.toString(), null, "is not a regular file (a FIFO, socket or device);"
                + " events are only appended to regular files; nothing was written");
    }

    static IOException failure(Path file, String what, int errno, Libc libc) {
        String reason = what + ": " + libc.strerror(errno) + " (errno " + errno + ")";
        return switch (errno) {
            case EACCES, EPERM -> new AccessDeniedException(file.toString(), null, reason);
            case ENOENT -> new NoSuchFileException(file.toString(), null, reason);
            default -> new FileSystemException(file.toString(), null, reason);
        };
    }

    /** What fstat says about an open file. */
    record Stat(long device, long inode, long links, int mode) {
        private static final int S_IFMT = 0170000;
        private static final int S_IFREG = 0100000;

        boolean isRegular() {
            return (mode & S_IFMT) == S_IFREG;
        }
    }

    private static final class PosixFile implements LockableFile {
        private final Path file;
        private final int fd;
        /** The run folder holding the log, kept open to remove a log this open created; -1 for a plain path. */
        private final int folder;
        private final String name;
        private final boolean created;
        private final Arena arena;
        private final MemorySegment errno;
        private final Libc libc;
        private final PosixPlatform platform;
        private boolean closed;

        PosixFile(Path file, int fd, int folder, String name, boolean created, Arena arena, MemorySegment errno,
                  Libc libc, PosixPlatform platform) {
            this.file = file;
            this.fd = fd;
            this.folder = folder;
            this.name = name;
            this.created = created;
            this.arena = arena;
            this.errno = errno;
            this.libc = libc;
            this.platform = platform;
        }

        /** A pipe or socket cannot seek: it is no log, and a write to it would vanish or block. */
        void requireSeekable() throws IOException {
            size();
        }

        @Override
        public boolean tryLock() throws IOException {
            while (true) {
                if (libc.flock(errno, fd, LOCK_EX | LOCK_NB) == 0) {
                    return true;
                }
                int e = Libc.errno(errno);
                if (e == platform.errno().ewouldblock()) {
                    return false;
                }
                if (platform.lockUnsupported(e)) {
                    throw new IOException("file system does not support file locks: " + file + " ("
                            + libc.strerror(e) + ", errno " + e + "); nothing was written");
                }
                if (e != EINTR) {
                    throw failure(file, "cannot lock", e, libc);
                }
            }
        }

        @Override
        public long size() throws IOException {
            long end = libc.lseek(errno, fd, 0L, SEEK_END);
            if (end < 0) {
                int e = Libc.errno(errno);
                throw e == ESPIPE ? notRegular(file) : failure(file, "cannot read the length", e, libc);
            }
            return end;
        }

        @Override
        public int write(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            try (Arena call = Arena.ofConfined()) {
                MemorySegment buffer = call.allocate(length);
                MemorySegment.copy(bytes, offset, buffer, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, length);
                while (true) {
                    long n = libc.write(errno, fd, buffer, length);
                    if (n >= 0) {
                        return (int) n;
                    }
                    int e = Libc.errno(errno);
                    if (e != EINTR) {
                        throw failure(file, "cannot append", e, libc);
                    }
                }
            }
        }

        @Override
        public void truncate(long length) throws IOException {
            while (libc.ftruncate(errno, fd, length) != 0) {
                int e = Libc.errno(errno);
                if (e != EINTR) {
                    throw failure(file, "cannot truncate", e, libc);
                }
            }
        }

        @Override
        public boolean created() {
            return created;
        }

        @Override
        public void removeCreated() throws IOException {
            if (!created || folder < 0) {
                return;
            }
            if (size() != 0) {
                throw new IOException(file + " was created for this append and is not empty: kept");
            }
            // Only the name that still leads to this very file: another may have been put in its place.
            Stat mine = libc.stat(errno, fd, file);
            Stat named = libc.statAt(errno, folder, arena.allocateFrom(name, Libc.PATH_CHARSET), file);
            if (named == null || named.device() != mine.device() || named.inode() != mine.inode()) {
                return;
            }
            if (libc.unlinkat(errno, folder, arena.allocateFrom(name, Libc.PATH_CHARSET)) != 0) {
                throw failure(file, "cannot remove the empty log this append created", Libc.errno(errno), libc);
            }
        }

        @Override
        public void unlock() throws IOException {
            while (libc.flock(errno, fd, LOCK_UN) != 0) {
                int e = Libc.errno(errno);
                if (e != EINTR) {
                    throw failure(file, "cannot unlock", e, libc);
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (folder >= 0) {
                    libc.close(errno, folder);
                }
                // No retry on EINTR: Linux has already released the descriptor.
                if (libc.close(errno, fd) != 0) {
                    int e = Libc.errno(errno);
                    if (e != EINTR) {
                        throw failure(file, "cannot close", e, libc);
                    }
                }
            } finally {
                arena.close();
            }
        }
    }
}
