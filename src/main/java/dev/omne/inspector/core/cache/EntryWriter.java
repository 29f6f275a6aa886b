package dev.omne.inspector.core.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * Writes a cache entry: a header, a small <em>meta</em> section and an optional large <em>body</em>, each with its
 * length and a CRC-32, so that a reader can trust the meta section without reading the body, and notices any entry
 * that was cut short or changed.
 *
 * <pre>
 *   8 bytes  magic "omnecach"
 *   int      format version
 *   int      meta length, int meta CRC-32, meta bytes
 *   long     body length, int body CRC-32, body bytes (little-endian arrays)
 * </pre>
 */
public final class EntryWriter {
    static final long MAGIC = 0x6f6d6e6563616368L; // "omnecach"
    /** 2: an index entry holds the CRC-32C of the bytes it covers (a follower's fingerprint of them). */
    static final int VERSION = 2;
    static final int HEADER = 8 + 4 + 4 + 4;
    static final int CHUNK = 1 << 20;

    /** What an entry holds. */
    public interface Content {
        byte[] meta();

        /** Bytes {@link #writeBody} writes (0 for none). */
        long bodyLength();

        void writeBody(Body body) throws IOException;
    }

    /** The body as it is written: arrays in little-endian order, checksummed as they go. */
    public static final class Body {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        private final CRC32 crc = new CRC32();
        private long written;

        private Body(FileChannel channel) {
            this.channel = channel;
        }

        public void longs(long[] values, int count) throws IOException {
            for (int i = 0; i < count; ) {
                int n = Math.min(count - i, room(8));
                buffer.asLongBuffer().put(values, i, n);
                buffer.position(buffer.position() + n * 8);
                i += n;
            }
        }

        public void ints(int[] values, int count) throws IOException {
            for (int i = 0; i < count; ) {
                int n = Math.min(count - i, room(4));
                buffer.asIntBuffer().put(values, i, n);
                buffer.position(buffer.position() + n * 4);
                i += n;
            }
        }

        public void bytes(byte[] values, int count) throws IOException {
            for (int i = 0; i < count; ) {
                int n = Math.min(count - i, room(1));
                buffer.put(values, i, n);
                i += n;
            }
        }

        /** Room for at least one value of {@code size} bytes, in values. */
        private int room(int size) throws IOException {
            if (buffer.remaining() < size) {
                flush();
            }
            return buffer.remaining() / size;
        }

        private void flush() throws IOException {
            buffer.flip();
            crc.update(buffer.array(), 0, buffer.limit());
            while (buffer.hasRemaining()) {
                written += channel.write(buffer);
            }
            buffer.clear();
        }
    }

    private EntryWriter() {
    }

    /** Writes {@code content} to {@code file} (created or emptied); returns the bytes written. */
    static long write(Path file, Content content) throws IOException {
        byte[] meta = content.meta();
        CRC32 metaCrc = new CRC32();
        metaCrc.update(meta);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.CREATE)) {
            ByteBuffer head = ByteBuffer.allocate(HEADER + meta.length + 12);
            head.putLong(MAGIC).putInt(VERSION).putInt(meta.length).putInt((int) metaCrc.getValue()).put(meta);
            long bodyLength = content.bodyLength();
            head.putLong(bodyLength).putInt(0); // the body's CRC, filled in below
            head.flip();
            while (head.hasRemaining()) {
                channel.write(head);
            }
            Body body = new Body(channel);
            content.writeBody(body);
            body.flush();
            if (body.written != bodyLength) {
                throw new IOException("the body was " + body.written + " bytes, announced " + bodyLength);
            }
            ByteBuffer crc = ByteBuffer.allocate(4).putInt((int) body.crc.getValue()).flip();
            channel.write(crc, HEADER + meta.length + 8);
            return HEADER + meta.length + 12 + bodyLength;
        }
    }
}
