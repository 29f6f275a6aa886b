package dev.omne.inspector.core.export;

import dev.omne.inspector.core.index.IndexSnapshot;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Reads the lines of indexed rows back from their file, by offset, through one large block: asked for lines
 * in file order it reads the file once, sequentially, in big reads, and holds one block (plus the longest
 * line asked for) in memory. Reading stops at the snapshot's end, so bytes appended since are never seen.
 */
final class LineReader implements Closeable {
    static final int BLOCK = 1 << 20;
    private static final int MAX_LINE = 1 << 30;

    private final java.nio.file.Path file;
    private final long limit;
    private FileChannel channel;
    private byte[] block = new byte[BLOCK];
    private long blockStart;
    private int blockLength;

    /** After {@link #line}: where the line is in {@link #buffer()}, without its {@code \n}. */
    private int lineOff;
    private int lineLen;

    /** Opens the file on the first read, so that a snapshot with no rows needs no file. */
    LineReader(IndexSnapshot snapshot) {
        this.file = snapshot.file();
        this.limit = snapshot.bytes();
    }

    /**
     * Loads the line starting at {@code offset} whole (up to 1 GiB: an event the csv and trace formats take apart
     * must be in memory; jsonl copies lines of any length through {@link #copyLine}). It is then at {@link #lineOffset()}, {@link #lineLength()} in {@link #buffer()}, without its
     * {@code \n} (a {@code \r} before it stays), until the next call.
     */
    void line(long offset) throws IOException {
        int at = ensure(offset);
        int end = newline(at);
        while (end < 0 && blockStart + blockLength < limit) {
            if (at > 0) {
                load(offset); // move the line to the start of the block, then read on
                at = 0;
            } else if (blockLength == block.length) {
                if (block.length >= MAX_LINE) {
                    throw new IOException("the line at byte " + offset + " is over 1 GiB long: too long to export"
                            + " in this format (jsonl copies it)");
                }
                byte[] bigger = new byte[block.length * 2];
                System.arraycopy(block, 0, bigger, 0, blockLength);
                block = bigger;
                fill();
            } else {
                fill();
            }
            end = newline(at);
        }
        lineOff = at;
        lineLen = (end < 0 ? blockLength : end) - at;
    }

    byte[] buffer() {
        return block;
    }

    int lineOffset() {
        return lineOff;
    }

    int lineLength() {
        return lineLen;
    }

    /**
     * Copies the line starting at {@code offset} to {@code out}, byte for byte with its {@code \n}, however
     * long it is. Returns false when the line is the last of the file and has no {@code \n}.
     */
    boolean copyLine(long offset, OutputStream out) throws IOException {
        long position = offset;
        while (true) {
            int at = ensure(position);
            int end = newline(at);
            if (end >= 0) {
                out.write(block, at, end + 1 - at);
                return true;
            }
            out.write(block, at, blockLength - at);
            position = blockStart + blockLength;
            if (position >= limit) {
                return false;
            }
        }
    }

    /** Makes sure {@code position} is inside the block, loading a block there if not; returns its index. */
    private int ensure(long position) throws IOException {
        if (position < 0 || position >= limit) {
            throw new IOException("byte " + position + " is outside the indexed " + limit + " bytes of the log");
        }
        if (position < blockStart || position >= blockStart + blockLength) {
            load(position);
        }
        return (int) (position - blockStart);
    }

    /** Starts the block at {@code position}, keeping bytes already held from there on. */
    private void load(long position) throws IOException {
        long heldEnd = blockStart + blockLength;
        if (position >= blockStart && position < heldEnd) {
            int keep = (int) (heldEnd - position);
            System.arraycopy(block, (int) (position - blockStart), block, 0, keep);
            blockStart = position;
            blockLength = keep;
        } else {
            blockStart = position;
            blockLength = 0;
        }
        fill();
    }

    /** Reads on after the block's bytes until it is full or the indexed end is reached. */
    private void fill() throws IOException {
        if (channel == null) {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        }
        ByteBuffer buffer = ByteBuffer.wrap(block, blockLength, block.length - blockLength);
        long want = Math.min(block.length, limit - blockStart);
        while (blockLength < want) {
            buffer.limit((int) want);
            int n = channel.read(buffer, blockStart + blockLength);
            if (n < 0) {
                throw new IOException("the log is shorter than when it was indexed (" + (blockStart + blockLength)
                        + " of " + limit + " bytes): it was changed or replaced");
            }
            blockLength += n;
        }
    }

    private int newline(int from) {
        for (int i = from; i < blockLength; i++) {
            if (block[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
