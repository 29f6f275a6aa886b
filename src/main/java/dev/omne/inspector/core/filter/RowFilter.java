package dev.omne.inspector.core.filter;

import dev.omne.inspector.core.index.IndexSnapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Applies a filter to the rows of an index snapshot: the rows that match, in order. Column terms read only
 * the index; text terms read the file once, sequentially, in large blocks. A caller that wants to drop an
 * unfinished filter (a newer keystroke arrived) passes a {@code cancelled} check, polled as it goes.
 */
public final class RowFilter {
    private static final int BLOCK = 1 << 20;

    private RowFilter() {
    }

    /** Thrown when {@code cancelled} turned true; the partial result is discarded. */
    public static final class Cancelled extends RuntimeException {
        public Cancelled() {
            super("filter cancelled", null, false, false);
        }
    }

    public static int[] apply(IndexSnapshot s, EventFilter filter, BooleanSupplier cancelled) throws IOException {
        return apply(s, filter, 0, s.size(), cancelled);
    }

    /** Matching rows among {@code [fromRow, toRow)}. */
    public static int[] apply(IndexSnapshot s, EventFilter filter, int fromRow, int toRow, BooleanSupplier cancelled)
            throws IOException {
        int[] out = new int[Math.max(16, Math.min(toRow - fromRow, 1 << 16))];
        int count = 0;
        java.util.function.IntPredicate columns = filter.columnsOf(s);
        if (!filter.needsText()) {
            for (int row = fromRow; row < toRow; row++) {
                if ((row & 0xFFFF) == 0 && cancelled.getAsBoolean()) {
                    throw new Cancelled();
                }
                if (columns.test(row)) {
                    if (count == out.length) {
                        out = Arrays.copyOf(out, count * 2);
                    }
                    out[count++] = row;
                }
            }
            return Arrays.copyOf(out, count);
        }
        try (FileChannel channel = FileChannel.open(s.file(), StandardOpenOption.READ)) {
            ByteBuffer block = ByteBuffer.allocate(BLOCK);
            long blockStart = -1;
            int blockLength = 0;
            for (int row = fromRow; row < toRow; row++) {
                if ((row & 0x3FFF) == 0 && cancelled.getAsBoolean()) {
                    throw new Cancelled();
                }
                if (!columns.test(row)) {
                    continue;
                }
                long offset = s.offset(row);
                int at = (int) (offset - blockStart);
                int end = blockStart < 0 || offset < blockStart ? -1 : newline(block.array(), at, blockLength);
                if (end < 0) {
                    // The line is not wholly in the block: load a block starting at it.
                    block.clear();
                    blockStart = offset;
                    blockLength = 0;
                    while (block.hasRemaining()) {
                        int n = channel.read(block, blockStart + blockLength);
                        if (n <= 0) {
                            break;
                        }
                        blockLength += n;
                    }
                    at = 0;
                    end = newline(block.array(), 0, blockLength);
                    if (end < 0) {
                        end = blockLength; // the last line, or longer than a block: judge what we have
                    }
                }
                if (filter.matchesText(block.array(), at, end - at)) {
                    if (count == out.length) {
                        out = Arrays.copyOf(out, count * 2);
                    }
                    out[count++] = row;
                }
            }
        }
        return Arrays.copyOf(out, count);
    }

    private static int newline(byte[] b, int from, int to) {
        if (from < 0) {
            return -1;
        }
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
