package dev.omne.inspector.core.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.StandardOpenOption;

/**
 * Windows: FileChannel locks are LockFileEx there, the same lock the runner takes.
 * Not for Linux/macOS, where they are fcntl locks that do not exclude flock holders.
 */
final class ChannelFileLocker implements FileLocker {

    @Override
    public LockableFile open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return new ChannelFile(file, channel, false);
    }

    /**
     * Each folder on the way is looked at without following links (a symbolic link or a junction is no folder
     * then), the log is opened without following a link, and its real path must be where it was asked for.
     */
    @Override
    public LockableFile open(RunLogPath log) throws IOException {
        Path at = log.root();
        List<String> names = new ArrayList<>(log.runsFolder());
        names.add(log.run());
        for (String name : names) {
            at = at.resolve(name);
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(at, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                throw new NoSuchFileException(at.toString(), null, "does not exist; nothing was written");
            }
            if (!attrs.isDirectory()) {
                throw new FileSystemException(at.toString(), null, "is not a plain folder (a link, a junction or a"
                        + " file); event logs are never written through links; nothing was written");
            }
        }
        Path expected = log.runDir().toRealPath().resolve(log.log());
        boolean existed = Files.exists(log.file(), LinkOption.NOFOLLOW_LINKS);
        FileChannel channel = FileChannel.open(log.file(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
        try {
            Path real = log.file().toRealPath();
            if (!real.equals(expected) || !real.startsWith(log.runsDir().toRealPath())) {
                throw new FileSystemException(log.file().toString(), null, "leads to " + real + "; event logs are"
                        + " never written through links; nothing was written");
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new ChannelFile(log.file(), channel, !existed);
    }

    private static final class ChannelFile implements LockableFile {
        private final Path file;
        private final FileChannel channel;
        private final boolean created;
        private FileLock lock;

        ChannelFile(Path file, FileChannel channel, boolean created) {
            this.file = file;
            this.channel = channel;
            this.created = created;
        }

        @Override
        public boolean created() {
            return created;
        }

        @Override
        public void removeCreated() throws IOException {
            if (created && channel.size() == 0) {
                // Windows deletes an open file once its last handle closes.
                Files.deleteIfExists(file);
            }
        }

        @Override
        public boolean tryLock() throws IOException {
            try {
                lock = channel.tryLock();
                return lock != null;
            } catch (OverlappingFileLockException e) {
                // Another channel of this JVM holds it: busy, like any other holder.
                return false;
            } catch (IOException e) {
                throw new IOException("cannot lock " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public int write(byte[] bytes, int offset, int length) throws IOException {
            return channel.write(ByteBuffer.wrap(bytes, offset, length));
        }

        @Override
        public void truncate(long length) throws IOException {
            channel.truncate(length);
        }

        @Override
        public void unlock() throws IOException {
            if (lock != null) {
                FileLock held = lock;
                lock = null;
                held.release();
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
