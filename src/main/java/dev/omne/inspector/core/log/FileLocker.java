package dev.omne.inspector.core.log;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Opens files for locked appends with the OS lock the omne runner uses. */
interface FileLocker {

    /** Opens {@code file} append + create; its parent folder must exist. */
    LockableFile open(Path file) throws IOException;

    /**
     * The runner's lock (Rust fs2): flock(2) on Linux and macOS, LockFileEx on Windows.
     * FileChannel.lock() is not used on Linux/macOS: it takes fcntl locks, which do not exclude flock holders.
     */
    static FileLocker forThisOs() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return new ChannelFileLocker();
        }
        if (os.contains("linux")) {
            return new PosixFileLocker(PosixFileLocker.Os.LINUX);
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return new PosixFileLocker(PosixFileLocker.Os.MACOS);
        }
        return file -> {
            throw new IOException("cannot lock " + file + ": file locking is not supported on "
                    + System.getProperty("os.name") + " (only Linux, macOS and Windows)");
        };
    }
}
