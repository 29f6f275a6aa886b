package dev.omne.inspector.core.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
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
        return new ChannelFile(file, channel);
    }

    private static final class ChannelFile implements LockableFile {
        private final Path file;
        private final FileChannel channel;
        private FileLock lock;

        ChannelFile(Path file, FileChannel channel) {
            this.file = file;
            this.channel = channel;
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
