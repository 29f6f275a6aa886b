package dev.omne.inspector.core.log;

/** UTF-8 validation, with an all-ASCII fast path since event lines are almost always ASCII. */
final class Utf8 {
    private Utf8() {
    }

    /** Index (relative to {@code off}) of the first byte that starts an invalid sequence, or -1. */
    static int firstInvalid(byte[] b, int off, int len) {
        int end = off + len;
        int i = Bytes.indexOfNonAscii(b, off, end);
        if (i < 0) {
            return -1;
        }
        while (i < end) {
            int c = b[i];
            if (c >= 0) {
                i++;
                continue;
            }
            c &= 0xFF;
            int need;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                min = 0x10000;
            } else {
                return i - off;
            }
            if (i + need >= end) {
                return i - off;
            }
            int cp = c & (0x3F >> need);
            for (int k = 1; k <= need; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    return i - off;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return i - off;
            }
            i += need + 1;
        }
        return -1;
    }
}
