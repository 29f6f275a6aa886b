package dev.omne.inspector.core.cache;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * Which log a cache entry was made from, and how far: the file's identity (its file key, or its creation time where
 * the file system has none), its size and modification time when the entry was made, the bytes the entry covers
 * (through the last complete line), and fingerprints of the file's first bytes and of the last bytes the entry covers.
 * A log that still has all of that is the same log, unchanged or grown by appends since; anything else (truncated,
 * replaced, rewritten, even to the same size) is not, and the entry is not trusted.
 *
 * @param fileKey       the file system's identity of the file
 * @param size          the file's size when the entry was made
 * @param modifiedNanos its modification time then
 * @param covered       bytes the entry covers, from the start
 * @param headPrint     fingerprint of the first {@link #PRINT_BYTES} covered bytes
 * @param endPrint      fingerprint of the last {@link #PRINT_BYTES} covered bytes
 */
public record LogIdentity(String fileKey, long size, long modifiedNanos, long covered, long headPrint,
                          long endPrint) {
    /** Bytes at each end that are fingerprinted. */
    static final int PRINT_BYTES = 4096;

    /** How a log stands against an entry made from it. */
    public enum Fit {
        /** The same bytes as when the entry was made. */
        UNCHANGED,
        /** The same log with bytes appended since: read it on from {@link #covered()}. */
        GROWN,
        /** Another log, or this one changed other than by appending: the entry must not be used. */
        STALE
    }

    /** The identity of an open log whose first {@code covered} bytes an entry holds. */
    public static LogIdentity of(FileChannel channel, BasicFileAttributes attrs, long covered) throws IOException {
        return new LogIdentity(fileKey(attrs), attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS), covered,
                print(channel, 0, Math.min(PRINT_BYTES, covered)),
                print(channel, Math.max(0, covered - PRINT_BYTES), Math.min(PRINT_BYTES, covered)));
    }

    /** How the log, open as {@code channel} with attributes {@code now}, stands against this entry. */
    public Fit fit(FileChannel channel, BasicFileAttributes now) throws IOException {
        if (!Objects.equals(fileKey, fileKey(now)) || now.size() < size || now.size() < covered) {
            return Fit.STALE;
        }
        boolean sameTime = now.lastModifiedTime().to(TimeUnit.NANOSECONDS) == modifiedNanos;
        if (now.size() == size && !sameTime) {
            return Fit.STALE; // rewritten in place to the same size (or only touched: read again to be sure)
        }
        if (print(channel, 0, Math.min(PRINT_BYTES, covered)) != headPrint
                || print(channel, Math.max(0, covered - PRINT_BYTES), Math.min(PRINT_BYTES, covered)) != endPrint) {
            return Fit.STALE;
        }
        return now.size() == size ? Fit.UNCHANGED : Fit.GROWN;
    }

    public void write(DataOutput out) throws IOException {
        out.writeUTF(fileKey);
        out.writeLong(size);
        out.writeLong(modifiedNanos);
        out.writeLong(covered);
        out.writeLong(headPrint);
        out.writeLong(endPrint);
    }

    public static LogIdentity read(DataInput in) throws IOException {
        return new LogIdentity(in.readUTF(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
    }

    private static String fileKey(BasicFileAttributes attrs) {
        Object key = attrs.fileKey();
        return key != null ? key.toString() : "created " + attrs.creationTime().to(TimeUnit.NANOSECONDS);
    }

    /** CRC-32 and Adler-32 of {@code [from, from + length)}, as one 64-bit fingerprint. */
    private static long print(FileChannel channel, long from, long length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate((int) length);
        while (b.hasRemaining()) {
            if (channel.read(b, from + b.position()) <= 0) {
                return 0; // shorter than it was: the fingerprint cannot match
            }
        }
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, b.limit());
        Adler32 adler = new Adler32();
        adler.update(b.array(), 0, b.limit());
        return crc.getValue() << 32 | adler.getValue();
    }
}
