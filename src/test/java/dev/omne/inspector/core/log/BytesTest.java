package dev.omne.inspector.core.log;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The word-at-a-time searches find what a byte-by-byte search finds, at every alignment and range. */
class BytesTest {
    private static int naive(byte[] b, int from, int to, byte[] needle) {
        outer:
        for (int i = from; i + needle.length <= to; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (b[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void searchesAgreeWithAByteByByteLook() {
        SplittableRandom random = new SplittableRandom(3);
        byte[] alphabet = "\"a:\n\u0080\u00ffZ1_".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int found = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] b = new byte[random.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                b[i] = alphabet[random.nextInt(alphabet.length)];
            }
            int from = b.length == 0 ? 0 : random.nextInt(b.length + 1);
            int to = from + random.nextInt(b.length - from + 1);
            byte one = alphabet[random.nextInt(alphabet.length)];
            assertEquals(naive(b, from, to, new byte[] {one}), Bytes.indexOf(b, from, to, one));
            assertEquals(naive(b, from, to, new byte[] {'\n'}), Bytes.indexOfNewline(b, from, to));
            byte[] needle = new byte[1 + random.nextInt(4)];
            for (int i = 0; i < needle.length; i++) {
                needle[i] = alphabet[random.nextInt(alphabet.length)];
            }
            int expected = naive(b, from, to, needle);
            assertEquals(expected, Bytes.indexOf(b, from, to, needle), "round " + round);
            found += expected >= 0 ? 1 : 0;
        }
        assertEquals(true, found > 1_000, found + " needles found");
    }
}
