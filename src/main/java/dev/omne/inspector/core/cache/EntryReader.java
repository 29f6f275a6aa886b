package dev.omne.inspector.core.cache;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * Reads a cache entry written by {@link EntryWriter}: its meta section checked against its CRC at once, its body as
 * arrays, checked by {@link #bodyChecked()} once read. Any mismatch, a wrong length or a different format is a
 * {@link Damaged} entry, to be ignored.
 */
public final class EntryReader implements Closeable {
    /** The entry is not one this version wrote whole. */
    public static final class Damaged extends IOException {
        public Damaged(String message) {
            super(message);
        }
    }

    /** Bytes read at once from an entry's start. */
    private static final int FIRST_READ = 64 * 1024;

    private final FileChannel channel;
    private final byte[] meta;
    private final long bodyLength;
    private final int bodyCrc;
    private final CRC32 crc = new CRC32();
    private final ByteBuffer buffer;
    private long position;
    private long bodyRead;

    private EntryReader(FileChannel channel) throws IOException {
        this.channel = channel;
        long size = channel.size();
        if (size < EntryWriter.HEADER) {
            throw new Damaged("cut short");
        }
        // One read for the header, the meta section and the body's length when they fit in it (a summary's entry is
        // all meta): entries are read by the thousand when a history opens.
        ByteBuffer head = read(0, (int) Math.min(size, FIRST_READ));
        if (head.getLong() != EntryWriter.MAGIC || head.getInt() != EntryWriter.VERSION) {
            throw new Damaged("not an entry of this format");
        }
        int metaLength = head.getInt();
        int metaCrc = head.getInt();
        if (metaLength < 0 || EntryWriter.HEADER + (long) metaLength + 12 > size) {
            throw new Damaged("cut short");
        }
        ByteBuffer rest = head.remaining() >= metaLength + 12 ? head : read(EntryWriter.HEADER, metaLength + 12);
        meta = new byte[metaLength];
        rest.get(meta);
        CRC32 check = new CRC32();
        check.update(meta);
        if ((int) check.getValue() != metaCrc) {
            throw new Damaged("meta section checksum differs");
        }
        ByteBuffer tail = rest;
        bodyLength = tail.getLong();
        bodyCrc = tail.getInt();
        position = EntryWriter.HEADER + metaLength + 12L;
        if (bodyLength < 0 || position + bodyLength != size) {
            throw new Damaged("cut short or extended: " + size + " bytes");
        }
        buffer = ByteBuffer.allocate((int) Math.min(EntryWriter.CHUNK, Math.max(8, bodyLength)))
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.limit(0);
    }

    /** Opens an entry; null when there is none. */
    public static EntryReader open(Path entry) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(entry, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return null;
        }
        try {
            return new EntryReader(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public byte[] meta() {
        return meta;
    }

    public long bodyLength() {
        return bodyLength;
    }

    public void longs(long[] into, int count) throws IOException {
        for (int i = 0; i < count; ) {
            int n = Math.min(count - i, available(8));
            buffer.asLongBuffer().get(into, i, n);
            buffer.position(buffer.position() + n * 8);
            i += n;
        }
    }

    public void ints(int[] into, int count) throws IOException {
        for (int i = 0; i < count; ) {
            int n = Math.min(count - i, available(4));
            buffer.asIntBuffer().get(into, i, n);
            buffer.position(buffer.position() + n * 4);
            i += n;
        }
    }

    public void bytes(byte[] into, int count) throws IOException {
        for (int i = 0; i < count; ) {
            int n = Math.min(count - i, available(1));
            buffer.get(into, i, n);
            i += n;
        }
    }

    /** Whether the body was read to its end and matches its checksum. */
    public boolean bodyChecked() {
        return bodyRead == bodyLength && !buffer.hasRemaining() && (int) crc.getValue() == bodyCrc;
    }

    /** At least one value of {@code size} bytes buffered; returns how many are. */
    private int available(int size) throws IOException {
        if (buffer.remaining() < size) {
            buffer.compact();
            long want = Math.min(buffer.remaining(), bodyLength - bodyRead);
            int start = buffer.position();
            buffer.limit((int) (start + want));
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position);
                if (n <= 0) {
                    throw new Damaged("cut short");
                }
                position += n;
            }
            crc.update(buffer.array(), start, buffer.position() - start);
            bodyRead += buffer.position() - start;
            buffer.flip();
            if (buffer.remaining() < size) {
                throw new Damaged("the body ends inside a value");
            }
        }
        return buffer.remaining() / size;
    }

    private ByteBuffer read(long at, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (channel.read(b, at + b.position()) <= 0) {
                throw new Damaged("cut short");
            }
        }
        return b.flip();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
