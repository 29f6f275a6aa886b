package dev.omne.inspector.core.log;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Word-at-a-time byte search: it runs over every byte of a log (its newlines, a filter's literal). */
public final class Bytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Bytes() {
    }

    /** Index of the first {@code \n} in {@code b[from, to)}, or -1. */
    public static int indexOfNewline(byte[] b, int from, int to) {
        return indexOf(b, from, to, (byte) '\n');
    }

    /** Index of the first {@code value} in {@code b[from, to)}, or -1. */
    public static int indexOf(byte[] b, int from, int to, byte value) {
        long pattern = ONES * (value & 0xFF);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ pattern;
            // The lowest high bit set marks the first byte equal to value (higher ones may be borrows).
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the first occurrence of {@code needle} (not empty) in {@code b[from, to)}, or -1. */
    public static int indexOf(byte[] b, int from, int to, byte[] needle) {
        // Look for the needle's least common byte in a log's text, then compare the rest around it.
        int k = rarest(needle);
        byte key = needle[k];
        int n = needle.length;
        for (int i = indexOf(b, from + k, to - (n - 1 - k), key); i >= 0;
             i = indexOf(b, i + 1, to - (n - 1 - k), key)) {
            int start = i - k;
            if (java.util.Arrays.equals(b, start, start + n, needle, 0, n)) {
                return start;
            }
        }
        return -1;
    }

    /** The needle's byte least likely in JSON text: quotes and separators are everywhere, lower case letters often. */
    private static int rarest(byte[] needle) {
        int best = 0;
        int bestScore = Integer.MAX_VALUE;
        for (int i = 0; i < needle.length; i++) {
            byte c = needle[i];
            int score = switch (c) {
                case '"' -> 100;
                case ':', ',', ' ' -> 50;
                default -> c >= 'a' && c <= 'z' ? 30 : c >= '0' && c <= '9' ? 20 : 10;
            };
            if (score < bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }
}
