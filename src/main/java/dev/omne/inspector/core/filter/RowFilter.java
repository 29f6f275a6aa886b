package dev.omne.inspector.core.filter;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.log.Bytes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;

/**
 * Applies a filter to the rows of an index snapshot: the rows that match, in order. Column terms read only
 * the index; text terms read the file once, in large blocks, in a piece of rows per core judged in parallel. A caller that wants to drop an
 * unfinished filter (a newer keystroke arrived) passes a {@code cancelled} check, polled as it goes.
 */
public final class RowFilter {
    private static final int BLOCK = 1 << 20;
    /** Text filters split their rows into up to this many pieces judged in parallel, one per core. */
    private static final int PIECES = Runtime.getRuntime().availableProcessors();
    /** The fewest rows worth a piece of their own. */
    static final int PIECE_ROWS = 4096;

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
        IntPredicate columns = filter.columnsOf(s);
        if (!filter.needsText()) {
            int[] out = new int[Math.max(16, Math.min(toRow - fromRow, 1 << 16))];
            int count = 0;
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
        int pieces = (int) Math.max(1, Math.min(PIECES, (long) (toRow - fromRow) / PIECE_ROWS));
        try (FileChannel channel = FileChannel.open(s.file(), StandardOpenOption.READ)) {
            if (pieces == 1) {
                return scan(s, filter, columns, channel, fromRow, toRow, cancelled);
            }
            // The lines are judged in parallel: each piece reads its own rows' blocks (positional reads of one
            // channel), the first on the calling thread, so a busy pool cannot leave the caller idle.
            List<CompletableFuture<int[]>> rest = new ArrayList<>();
            int step = (toRow - fromRow + pieces - 1) / pieces;
            for (int from = fromRow + step; from < toRow; from += step) {
                int a = from;
                int b = Math.min(toRow, from + step);
                rest.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return scan(s, filter, columns, channel, a, b, cancelled);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, ForkJoinPool.commonPool()));
            }
            int[][] parts = new int[rest.size() + 1][];
            try {
                parts[0] = scan(s, filter, columns, channel, fromRow, Math.min(toRow, fromRow + step), cancelled);
            } finally {
                // The channel stays open until every piece is done with it.
                CompletableFuture.allOf(rest.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
            }
            int total = parts[0].length;
            for (int i = 0; i < rest.size(); i++) {
                try {
                    parts[i + 1] = rest.get(i).join();
                } catch (CompletionException e) {
                    if (e.getCause() instanceof UncheckedIOException io) {
                        throw io.getCause();
                    }
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
                total += parts[i + 1].length;
            }
            int[] out = new int[total];
            int at = 0;
            for (int[] part : parts) {
                System.arraycopy(part, 0, out, at, part.length);
                at += part.length;
            }
            return out;
        }
    }

    /** The matching rows among {@code [fromRow, toRow)}, whose lines are read from {@code channel} in blocks. */
    private static int[] scan(IndexSnapshot s, EventFilter filter, IntPredicate columns, FileChannel channel,
                              int fromRow, int toRow, BooleanSupplier cancelled) throws IOException {
        int[] out = new int[Math.max(16, Math.min(toRow - fromRow, 1 << 12))];
        int count = 0;
        ByteBuffer block = ByteBuffer.allocate(BLOCK);
        long blockStart = -1;
        int blockLength = 0;
        byte[] needle = filter.requiredBytes();
        int hit = -1; // where in the block the needle is next, at or after the line looked at (blockLength: nowhere)
        int rows = s.size();
        for (int row = fromRow; row < toRow; row++) {
            if ((row & 0x3FFF) == 0 && cancelled.getAsBoolean()) {
                throw new Cancelled();
            }
            if (!columns.test(row)) {
                continue;
            }
            long offset = s.offset(row);
            int at = (int) (offset - blockStart);
            if (needle != null && blockStart >= 0 && offset >= blockStart && at < blockLength && row + 1 < rows
                    && s.offset(row + 1) - blockStart <= blockLength) {
                // The line lies whole in the block, before the next row: when the needle is not there before the next
                // row starts, the line cannot match, and it is passed over without looking for its end.
                if (hit < at) {
                    int found = Bytes.indexOf(block.array(), at, blockLength, needle);
                    hit = found < 0 ? blockLength : found;
                }
                if (hit >= s.offset(row + 1) - blockStart) {
                    continue;
                }
            }
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
                hit = -1;
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
        return Arrays.copyOf(out, count);
    }

    private static int newline(byte[] b, int from, int to) {
        return from < 0 ? -1 : Bytes.indexOfNewline(b, from, to);
    }
}
