package dev.omne.inspector.core.log;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Opens files for locked appends with the OS lock the omne runner uses. */
interface FileLocker {

    /** Opens {@code file} append + create; its parent folder must exist. */
    LockableFile open(Path file) throws IOException;

    /**
     * Opens a run's log append + create, with no link followed below {@code log.root()}, and refuses (nothing
     * written) anything but a regular file with one link on the runs folder's device. The run folder must exist.
     */
    LockableFile open(RunLogPath log) throws IOException;

    /**
     * The runner's lock (Rust fs2): flock(2) on Linux and macOS, LockFileEx on Windows.
     * FileChannel.lock() is not used on Linux/macOS: it takes fcntl locks, which do not exclude flock holders.
     */
    static FileLocker forThisOs() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return new ChannelFileLocker();
        }
        try {
            return new PosixFileLocker(PosixPlatform.current());
        } catch (PosixPlatform.UnsupportedPlatformException e) {
            return refusing(e.getMessage());
        }
    }

    /** A locker that opens nothing and says why. */
    static FileLocker refusing(String why) {
        return new FileLocker() {
            @Override
            public LockableFile open(Path file) throws IOException {
                throw new IOException(file + ": " + why);
            }

            @Override
            public LockableFile open(RunLogPath log) throws IOException {
                throw new IOException(log.file() + ": " + why);
            }
        };
    }
}
