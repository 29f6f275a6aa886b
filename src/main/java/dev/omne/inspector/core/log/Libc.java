package dev.omne.inspector.core.log;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.omne.inspector.core.os.NativeCalls;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/** The libc calls of the append path on one {@link PosixPlatform}, linked once; linking fails without native access. */
@SuppressWarnings("restricted") // calling libc is the point; the manifest and surefire enable it
final class Libc {
    static final StructLayout CAPTURE = NativeCalls.CAPTURE;
    static final Charset PATH_CHARSET = NativeCalls.PATH_CHARSET;
    private static final ConcurrentHashMap<PosixPlatform, Libc> LINKED = new ConcurrentHashMap<>();
    /** statx: everything up to the device numbers (the buffer itself is 256 bytes). */
    private static final int STATX_SIZE = 256;
    private static final int STATX_BASIC = 0x7ff;
    private static final int AT_EMPTY_PATH = 0x1000;
    private static final long RESOLVE_NO_SYMLINKS = 0x04;
    private static final long RESOLVE_BENEATH = 0x08;

    private final PosixPlatform platform;
    private final MethodHandle open;
    private final MethodHandle openat;
    private final MethodHandle syscall;
    private final MethodHandle flock;
    private final MethodHandle lseek;
    private final MethodHandle write;
    private final MethodHandle ftruncate;
    private final MethodHandle close;
    private final MethodHandle unlinkat;
    private final MethodHandle stat;
    private final MethodHandle statAt;
    /** Set once openat2 answered that it does not exist (kernel before 5.6, or a filter that hides it). */
    private volatile boolean openat2Missing;

    private Libc(PosixPlatform platform) {
        this.platform = platform;
        Linker.Option errno = NativeCalls.ERRNO_OPTION;
        // open, openat and syscall are variadic: the mode (or the system call's arguments) are the variadic part.
        open = link("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
                errno, Linker.Option.firstVariadicArg(2));
        openat = link("openat", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
                errno, Linker.Option.firstVariadicArg(3));
        syscall = platform.linux() ? link("syscall", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS,
                ADDRESS, JAVA_LONG), errno, Linker.Option.firstVariadicArg(1)) : null;
        flock = link("flock", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), errno);
        lseek = link("lseek", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT), errno);
        write = link("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), errno);
        ftruncate = link("ftruncate", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG), errno);
        close = link("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT), errno);
        unlinkat = link("unlinkat", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), errno);
        if (platform.linux()) {
            stat = link("statx", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS), errno);
            statAt = stat;
        } else {
            stat = link(platform.statSymbol(), FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS), errno);
            statAt = link(platform.statAtSymbol(), FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS,
                    JAVA_INT), errno);
        }
    }

    /** The calls for {@code platform}, linked on first use. */
    static Libc of(PosixPlatform platform) throws IOException {
        try {
            return LINKED.computeIfAbsent(platform, Libc::new);
        } catch (IllegalCallerException e) {
            throw new IOException("cannot lock event logs: native access is disabled for this program (start Java"
                    + " with --enable-native-access=ALL-UNNAMED)", e);
        } catch (RuntimeException e) {
            throw new IOException("cannot lock event logs: " + e.getMessage(), e);
        }
    }

    private static MethodHandle link(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        return NativeCalls.link(name, descriptor, options);
    }

    static int errno(MemorySegment capture) {
        return NativeCalls.errno(capture);
    }

    static void setErrno(MemorySegment capture, int value) {
        NativeCalls.setErrno(capture, value);
    }

    /** Repeats a call that was interrupted by a signal before it did anything. */
    int retry(MemorySegment capture, IntSupplier call) {
        int result;
        do {
            result = call.getAsInt();
        } while (result < 0 && errno(capture) == PosixPlatform.EINTR);
        return result;
    }

    boolean hasOpenat2() {
        return syscall != null && !openat2Missing;
    }

    /** Whether openat2 failed because it is not there; remembered, so the next open walks at once. */
    boolean openat2Missing(int e) {
        // ENOSYS: a kernel before 5.6. EPERM: a container's seccomp filter that refuses system calls it does not know.
        if (e == platform.errno().enosys() || e == PosixPlatform.EPERM) {
            openat2Missing = true;
            return true;
        }
        return false;
    }

    int open(MemorySegment capture, MemorySegment path, int flags, int mode) {
        try {
            return (int) open.invokeExact(capture, path, flags, mode);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    int openat(MemorySegment capture, int dirfd, MemorySegment path, int flags, int mode) {
        try {
            return (int) openat.invokeExact(capture, dirfd, path, flags, mode);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** openat2 with RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS: no link and no way out of {@code dirfd} on any name. */
    int openat2(MemorySegment capture, int dirfd, MemorySegment path, int flags, int mode) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment how = call.allocate(24, 8);
            how.set(JAVA_LONG, 0, Integer.toUnsignedLong(flags));
            how.set(JAVA_LONG, 8, mode);
            how.set(JAVA_LONG, 16, RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS);
            return (int) (long) syscall.invokeExact(capture, platform.openat2(), (long) dirfd, path, how, 24L);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    int flock(MemorySegment capture, int fd, int operation) {
        try {
            return (int) flock.invokeExact(capture, fd, operation);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    long lseek(MemorySegment capture, int fd, long offset, int whence) {
        try {
            return (long) lseek.invokeExact(capture, fd, offset, whence);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    long write(MemorySegment capture, int fd, MemorySegment buffer, long count) {
        try {
            return (long) write.invokeExact(capture, fd, buffer, count);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    int ftruncate(MemorySegment capture, int fd, long length) {
        try {
            return (int) ftruncate.invokeExact(capture, fd, length);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    int close(MemorySegment capture, int fd) {
        try {
            return (int) close.invokeExact(capture, fd);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    int unlinkat(MemorySegment capture, int dirfd, MemorySegment name) {
        try {
            return (int) unlinkat.invokeExact(capture, dirfd, name, 0);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** fstat of an open descriptor. */
    PosixFileLocker.Stat stat(MemorySegment capture, int fd, Path forMessages) throws IOException {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment buffer = call.allocate(STATX_SIZE, 8);
            int result;
            if (platform.linux()) {
                MemorySegment empty = call.allocateFrom("");
                result = (int) stat.invokeExact(capture, fd, empty, AT_EMPTY_PATH, STATX_BASIC, buffer);
            } else {
                result = (int) stat.invokeExact(capture, fd, buffer);
            }
            if (result != 0) {
                throw PosixFileLocker.failure(forMessages, "cannot stat", errno(capture), this);
            }
            return read(buffer);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** fstatat of a name in a folder, not following a link; null when there is no such name. */
    PosixFileLocker.Stat statAt(MemorySegment capture, int dirfd, MemorySegment name, Path forMessages)
            throws IOException {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment buffer = call.allocate(STATX_SIZE, 8);
            int flags = platform.atSymlinkNofollow();
            int result = platform.linux()
                    ? (int) statAt.invokeExact(capture, dirfd, name, flags, STATX_BASIC, buffer)
                    : (int) statAt.invokeExact(capture, dirfd, name, buffer, flags);
            if (result != 0) {
                int e = errno(capture);
                if (e == PosixPlatform.ENOENT) {
                    return null;
                }
                throw PosixFileLocker.failure(forMessages, "cannot stat", e, this);
            }
            return read(buffer);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** Linux: struct statx, the same on every architecture. macOS: struct stat with 64-bit inodes. */
    private PosixFileLocker.Stat read(MemorySegment b) {
        if (platform.linux()) {
            long links = Integer.toUnsignedLong(b.get(JAVA_INT, 16));
            int mode = Short.toUnsignedInt(b.get(JAVA_SHORT, 28));
            long inode = b.get(JAVA_LONG, 32);
            long device = (Integer.toUnsignedLong(b.get(JAVA_INT, 136)) << 32)
                    | Integer.toUnsignedLong(b.get(JAVA_INT, 140));
            return new PosixFileLocker.Stat(device, inode, links, mode);
        }
        long device = b.get(JAVA_INT, 0);
        int mode = Short.toUnsignedInt(b.get(JAVA_SHORT, 4));
        long links = Short.toUnsignedInt(b.get(JAVA_SHORT, 6));
        long inode = b.get(JAVA_LONG, 8);
        return new PosixFileLocker.Stat(device, inode, links, mode);
    }

    String strerror(int e) {
        return NativeCalls.strerror(e);
    }

    private static RuntimeException unexpected(Throwable t) {
        return NativeCalls.unexpected(t);
    }
}
