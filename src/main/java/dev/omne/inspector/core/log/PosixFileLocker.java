package dev.omne.inspector.core.log;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Linux and macOS: a real flock(2) through the FFM API, the lock the runner (Rust fs2) takes. */
final class PosixFileLocker implements FileLocker {

    /** Constants that differ between Linux and macOS. */
    enum Os {
        // O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK; EWOULDBLOCK; ENOLCK, ENOTSUP,
        // EOPNOTSUPP; ELOOP.
        // O_NOFOLLOW: an events file that is a symbolic link is never written through, even if swapped in late.
        // O_NONBLOCK: opening a FIFO for writing fails at once (ENXIO) instead of waiting for a reader; on a regular
        // file it changes nothing.
        LINUX(0x1 | 0x40 | 0x400 | 0x80000 | 0x20000 | 0x800, 11, 37, 95, 95, 40),
        MACOS(0x1 | 0x200 | 0x8 | 0x1000000 | 0x100 | 0x4, 35, 77, 45, 102, 62);

        final int openFlags;
        final int ewouldblock;
        private final int enolck;
        private final int enotsup;
        private final int eopnotsupp;
        final int eloop;

        Os(int openFlags, int ewouldblock, int enolck, int enotsup, int eopnotsupp, int eloop) {
            this.eloop = eloop;
            this.openFlags = openFlags;
            this.ewouldblock = ewouldblock;
            this.enolck = enolck;
            this.enotsup = enotsup;
            this.eopnotsupp = eopnotsupp;
        }

        /** flock(2) errors that mean "this file system has no such locks". */
        boolean lockUnsupported(int errno) {
            return errno == enolck || errno == enotsup || errno == eopnotsupp || errno == EINVAL;
        }
    }

    // Same numbers on Linux and macOS.
    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int EINTR = 4;
    static final int ENXIO = 6;
    static final int ESPIPE = 29;
    static final int EACCES = 13;
    static final int EINVAL = 22;
    private static final int LOCK_EX = 2;
    private static final int LOCK_NB = 4;
    private static final int LOCK_UN = 8;
    private static final int SEEK_END = 2;
    private static final int MODE_0644 = 0644;

    private final Os os;

    PosixFileLocker(Os os) {
        this.os = os;
    }

    @Override
    public LockableFile open(Path file) throws IOException {
        Libc.check();
        Arena arena = Arena.ofConfined();
        try {
            MemorySegment errno = arena.allocate(Libc.CAPTURE);
            MemorySegment cPath = arena.allocateFrom(file.toAbsolutePath().toString(), Libc.PATH_CHARSET);
            while (true) {
                int fd = Libc.open(errno, cPath, os.openFlags, MODE_0644);
                if (fd >= 0) {
                    // A pipe or socket cannot seek: it is no log, and a write to it would vanish or block.
                    if (Libc.lseek(errno, fd, 0L, SEEK_END) < 0) {
                        int e = Libc.errno(errno);
                        Libc.close(errno, fd);
                        throw e == ESPIPE ? notRegular(file) : failure(file, "cannot read the length", e);
                    }
                    return new PosixFile(file, fd, arena, errno, os);
                }
                int e = Libc.errno(errno);
                if (e == os.eloop) {
                    throw new FileSystemException(file.toString(), null,
                            "is a symbolic link; event logs are never written through links");
                }
                if (e == ENXIO) {
                    throw notRegular(file);
                }
                if (e != EINTR) {
                    throw failure(file, "cannot open for appending", e);
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            arena.close();
            throw e;
        }
    }

    private static IOException notRegular(Path file) {
        return new FileSystemException(file.toString(), null, "is not a regular file (a FIFO, socket or device);"
                + " events are only appended to regular files; nothing was written");
    }

    static IOException failure(Path file, String what, int errno) {
        String reason = what + ": " + Libc.strerror(errno) + " (errno " + errno + ")";
        return switch (errno) {
            case EACCES, EPERM -> new AccessDeniedException(file.toString(), null, reason);
            case ENOENT -> new NoSuchFileException(file.toString(), null, reason);
            default -> new FileSystemException(file.toString(), null, reason);
        };
    }

    private static final class PosixFile implements LockableFile {
        private final Path file;
        private final int fd;
        private final Arena arena;
        private final MemorySegment errno;
        private final Os os;
        private boolean closed;

        PosixFile(Path file, int fd, Arena arena, MemorySegment errno, Os os) {
            this.file = file;
            this.fd = fd;
            this.arena = arena;
            this.errno = errno;
            this.os = os;
        }

        @Override
        public boolean tryLock() throws IOException {
            while (true) {
                if (Libc.flock(errno, fd, LOCK_EX | LOCK_NB) == 0) {
                    return true;
                }
                int e = Libc.errno(errno);
                if (e == os.ewouldblock) {
                    return false;
                }
                if (os.lockUnsupported(e)) {
                    throw new IOException("file system does not support file locks: " + file + " ("
                            + Libc.strerror(e) + ", errno " + e + "); nothing was written");
                }
                if (e != EINTR) {
                    throw failure(file, "cannot lock", e);
                }
            }
        }

        @Override
        public long size() throws IOException {
            long end = Libc.lseek(errno, fd, 0L, SEEK_END);
            if (end < 0) {
                int e = Libc.errno(errno);
                throw e == ESPIPE ? notRegular(file) : failure(file, "cannot read the length", e);
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
                MemorySegment.copy(bytes, offset, buffer, JAVA_BYTE, 0, length);
                while (true) {
                    long n = Libc.write(errno, fd, buffer, length);
                    if (n >= 0) {
                        return (int) n;
                    }
                    int e = Libc.errno(errno);
                    if (e != EINTR) {
                        throw failure(file, "cannot append", e);
                    }
                }
            }
        }

        @Override
        public void truncate(long length) throws IOException {
            while (Libc.ftruncate(errno, fd, length) != 0) {
                int e = Libc.errno(errno);
                if (e != EINTR) {
                    throw failure(file, "cannot truncate", e);
                }
            }
        }

        @Override
        public void unlock() throws IOException {
            while (Libc.flock(errno, fd, LOCK_UN) != 0) {
                int e = Libc.errno(errno);
                if (e != EINTR) {
                    throw failure(file, "cannot unlock", e);
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
                // No retry on EINTR: Linux has already released the descriptor.
                if (Libc.close(errno, fd) != 0) {
                    int e = Libc.errno(errno);
                    if (e != EINTR) {
                        throw failure(file, "cannot close", e);
                    }
                }
            } finally {
                arena.close();
            }
        }
    }

    /** The libc calls, linked once; linking fails when native access is denied. */
    @SuppressWarnings("restricted") // calling libc is the point; the manifest and surefire enable it
    private static final class Libc {
        static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
        static final Charset PATH_CHARSET = pathCharset();
        private static final VarHandle ERRNO =
                CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

        private static final MethodHandle OPEN;
        private static final MethodHandle FLOCK;
        private static final MethodHandle LSEEK;
        private static final MethodHandle WRITE;
        private static final MethodHandle FTRUNCATE;
        private static final MethodHandle CLOSE;
        private static final MethodHandle STRERROR;
        private static final RuntimeException LINK_FAILURE;

        static {
            MethodHandle open = null;
            MethodHandle flock = null;
            MethodHandle lseek = null;
            MethodHandle write = null;
            MethodHandle ftruncate = null;
            MethodHandle close = null;
            MethodHandle strerror = null;
            RuntimeException failure = null;
            try {
                Linker.Option errno = Linker.Option.captureCallState("errno");
                // open is variadic: the mode is the first variadic argument.
                open = link("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
                        errno, Linker.Option.firstVariadicArg(2));
                flock = link("flock", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), errno);
                lseek = link("lseek", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT), errno);
                write = link("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), errno);
                ftruncate = link("ftruncate", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG), errno);
                close = link("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT), errno);
                strerror = link("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
            } catch (IllegalCallerException e) {
                failure = new IllegalStateException("cannot lock event logs: native access is disabled for this"
                        + " program (start Java with --enable-native-access=ALL-UNNAMED)", e);
            } catch (RuntimeException e) {
                failure = new IllegalStateException("cannot lock event logs: " + e.getMessage(), e);
            }
            OPEN = open;
            FLOCK = flock;
            LSEEK = lseek;
            WRITE = write;
            FTRUNCATE = ftruncate;
            CLOSE = close;
            STRERROR = strerror;
            LINK_FAILURE = failure;
        }

        private Libc() {
        }

        private static MethodHandle link(String name, FunctionDescriptor descriptor, Linker.Option... options) {
            Linker linker = Linker.nativeLinker();
            MemorySegment symbol = linker.defaultLookup().find(name)
                    .orElseThrow(() -> new IllegalStateException("libc has no " + name + "()"));
            return linker.downcallHandle(symbol, descriptor, options);
        }

        /** Java encodes file names with sun.jnu.encoding; use the same bytes. */
        private static Charset pathCharset() {
            try {
                return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
            } catch (RuntimeException e) {
                return StandardCharsets.UTF_8;
            }
        }

        static void check() throws IOException {
            if (LINK_FAILURE != null) {
                throw new IOException(LINK_FAILURE.getMessage(), LINK_FAILURE);
            }
        }

        static int errno(MemorySegment capture) {
            return (int) ERRNO.get(capture, 0L);
        }

        static int open(MemorySegment capture, MemorySegment path, int flags, int mode) {
            try {
                return (int) OPEN.invokeExact(capture, path, flags, mode);
            } catch (Throwable t) {
                throw unexpected(t);
            }
        }

        static int flock(MemorySegment capture, int fd, int operation) {
            try {
                return (int) FLOCK.invokeExact(capture, fd, operation);
            } catch (Throwable t) {
                throw unexpected(t);
            }
        }

        static long lseek(MemorySegment capture, int fd, long offset, int whence) {
            try {
                return (long) LSEEK.invokeExact(capture, fd, offset, whence);
            } catch (Throwable t) {
                throw unexpected(t);
            }
        }

        static long write(MemorySegment capture, int fd, MemorySegment buffer, long count) {
            try {
                return (long) WRITE.invokeExact(capture, fd, buffer, count);
            } catch (Throwable t) {
                throw unexpected(t);
            }
        }

        static int ftruncate(MemorySegment capture, int fd, long length) {
            try {
                return (int) FTRUNCATE.invokeExact(capture, fd, length);
            } catch (Throwable t) {
                throw unexpected(t);
            }
        }

        static int close(MemorySegment capture, int fd) {
            try {
                return (int) CLOSE.invokeExact(capture, fd);
            } catch (Throwable t) {
                throw unexpected(t);
            }
        }

        static String strerror(int errno) {
            try {
                MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
                return text.equals(MemorySegment.NULL)
                        ? "error " + errno
                        : text.reinterpret(4096).getString(0, StandardCharsets.UTF_8);
            } catch (Throwable t) {
                return "error " + errno;
            }
        }

        private static RuntimeException unexpected(Throwable t) {
            if (t instanceof RuntimeException r) {
                return r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            return new IllegalStateException(t);
        }
    }
}
