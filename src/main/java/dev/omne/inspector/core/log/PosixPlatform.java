package dev.omne.inspector.core.log;

import java.util.Locale;

/**
 * The numbers libc wants on one POSIX system: open flags, errno values, how to stat a descriptor. They differ
 * between operating systems and, for open flags, between Linux architectures (on aarch64 {@code 0x20000} is
 * O_LARGEFILE, not O_NOFOLLOW as on x86-64), so each supported pair is written out and any other is refused: a
 * wrong flag would silently drop the guard against writing through a link.
 *
 * @param name         the system and architecture, for messages
 * @param linux        Linux (openat2, statx) rather than macOS (O_NOFOLLOW_ANY, fstat)
 * @param wronly       O_WRONLY
 * @param rdonly       O_RDONLY
 * @param creat        O_CREAT
 * @param excl         O_EXCL
 * @param append       O_APPEND
 * @param nonblock     O_NONBLOCK: opening a FIFO for writing fails at once (ENXIO) instead of waiting for a reader
 * @param cloexec      O_CLOEXEC
 * @param nofollow     O_NOFOLLOW: the last name of a path may not be a symbolic link
 * @param directory    O_DIRECTORY
 * @param nofollowAny  O_NOFOLLOW_ANY (macOS): no name of the path may be a symbolic link; 0 where there is none
 * @param openat2      the openat2 system call's number (Linux), 0 where there is none
 * @param statSymbol   the libc function that fills the stat buffer for a descriptor (statx on Linux, whose buffer
 *                     is the same on every architecture; fstat with 64-bit inodes on macOS)
 * @param atSymlinkNofollow AT_SYMLINK_NOFOLLOW
 */
record PosixPlatform(String name, boolean linux, int wronly, int rdonly, int creat, int excl, int append,
                     int nonblock, int cloexec, int nofollow, int directory, int nofollowAny, long openat2,
                     String statSymbol, int atSymlinkNofollow, Errno errno) {

    /**
     * errno values that differ between Linux and macOS (the others used are the same on both).
     *
     * @param ewouldblock flock(LOCK_NB) found the lock taken
     * @param enolck      no locks available (NFS without a lock daemon)
     * @param enotsup     not supported
     * @param eopnotsupp  operation not supported
     * @param eloop       a symbolic link where none may be
     * @param enosys      no such system call (openat2 on a kernel before 5.6)
     */
    record Errno(int ewouldblock, int enolck, int enotsup, int eopnotsupp, int eloop, int enosys) {
        static final Errno LINUX = new Errno(11, 37, 95, 95, 40, 38);
        static final Errno MACOS = new Errno(35, 77, 45, 102, 62, 78);
    }

    // Same numbers on Linux and macOS.
    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int EINTR = 4;
    static final int ENXIO = 6;
    static final int EACCES = 13;
    static final int EEXIST = 17;
    static final int EXDEV = 18;
    static final int ENOTDIR = 20;
    static final int EISDIR = 21;
    static final int EINVAL = 22;
    static final int ESPIPE = 29;

    /** x86-64 and the architectures that use the kernel's generic flags (riscv64). */
    private static PosixPlatform linuxGeneric(String arch) {
        return new PosixPlatform("Linux on " + arch, true, 0x1, 0x0, 0x40, 0x80, 0x400, 0x800, 0x80000, 0x20000,
                0x10000, 0, 437, "statx", 0x100, Errno.LINUX);
    }

    /** arm64: O_DIRECTORY and O_NOFOLLOW move down (0x20000 is O_LARGEFILE there). */
    private static PosixPlatform linuxArm64() {
        return new PosixPlatform("Linux on aarch64", true, 0x1, 0x0, 0x40, 0x80, 0x400, 0x800, 0x80000, 0x8000,
                0x4000, 0, 437, "statx", 0x100, Errno.LINUX);
    }

    /** macOS on both architectures; x86-64 needs the 64-bit-inode variant of fstat by name. */
    private static PosixPlatform macos(String arch, String fstat) {
        return new PosixPlatform("macOS on " + arch, false, 0x1, 0x0, 0x200, 0x800, 0x8, 0x4, 0x1000000, 0x100,
                0x100000, 0x20000000, 0, fstat, 0x20, Errno.MACOS);
    }

    /** This JVM's system. */
    static PosixPlatform current() throws UnsupportedPlatformException {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /**
     * The constants of {@code osName} on {@code osArch} (as the JVM names them), or an exception saying that
     * appends are not set up there.
     */
    static PosixPlatform of(String osName, String osArch) throws UnsupportedPlatformException {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            switch (arch) {
                case "amd64", "x86_64" -> {
                    return linuxGeneric("x86-64");
                }
                case "aarch64", "arm64" -> {
                    return linuxArm64();
                }
                case "riscv64" -> {
                    return linuxGeneric("riscv64");
                }
                default -> {
                    // fall through to the refusal
                }
            }
        } else if (os.contains("mac") || os.contains("darwin")) {
            switch (arch) {
                case "aarch64", "arm64" -> {
                    return macos("arm64", "fstat");
                }
                case "amd64", "x86_64" -> {
                    return macos("x86-64", "fstat$INODE64");
                }
                default -> {
                    // fall through to the refusal
                }
            }
        }
        throw new UnsupportedPlatformException("cannot append to event logs on " + osName + " (" + osArch
                + "): the open flags that keep writes inside a run are known for Linux on x86-64, aarch64 and"
                + " riscv64, macOS on arm64 and x86-64, and Windows; nothing was written");
    }

    /** The flags that open a log for locked appends: append, never through a link as its last name, never a FIFO. */
    int appendFlags() {
        return wronly | append | cloexec | nofollow | nonblock;
    }

    /** The fstatat function that goes with {@link #statSymbol} on macOS. */
    String statAtSymbol() {
        return statSymbol.replace("fstat", "fstatat");
    }

    /** The flags that open a folder on the way to a log. */
    int folderFlags() {
        return rdonly | directory | cloexec | nofollow;
    }

    /** flock(2) errors that mean "this file system has no such locks". */
    boolean lockUnsupported(int e) {
        return e == errno.enolck || e == errno.enotsup || e == errno.eopnotsupp || e == EINVAL;
    }

    /** A system or architecture whose constants are not written out here. */
    static final class UnsupportedPlatformException extends java.io.IOException {
        private static final long serialVersionUID = 1L;

        UnsupportedPlatformException(String message) {
            super(message);
        }
    }
}
