package dev.omne.inspector.core.event;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * ULIDs (48-bit millisecond time + 80 random bits, Crockford base32), lowercase like omne's run ids: the one place
 * they are written and read.
 */
public final class Ulid {
    /** Length of a ULID in characters. */
    public static final int LENGTH = 26;
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ulid() {
    }

    public static String next() {
        return of(Instant.now().toEpochMilli(), RANDOM);
    }

    /** A ULID for a time and a source of randomness. */
    public static String of(long epochMillis, RandomGenerator random) {
        char[] out = new char[LENGTH];
        encode(out, 0, epochMillis, random.nextLong(), random.nextLong());
        return new String(out);
    }

    /** The id the inspector gives an event it writes: {@code ev-} and a ULID. */
    public static String eventId() {
        return "ev-" + next();
    }

    /**
     * Writes a ULID into {@code out} at {@code offset} without making a string (the generator writes millions):
     * the time, then 60 random bits of {@code high} and 20 of {@code low}.
     */
    public static void encode(char[] out, int offset, long epochMillis, long high, long low) {
        long t = epochMillis;
        for (int i = 9; i >= 0; i--) {
            out[offset + i] = ALPHABET[(int) (t & 31)];
            t >>>= 5;
        }
        long a = high;
        for (int i = 10; i < 22; i++) {
            out[offset + i] = ALPHABET[(int) (a & 31)];
            a >>>= 5;
        }
        long b = low;
        for (int i = 22; i < LENGTH; i++) {
            out[offset + i] = ALPHABET[(int) (b & 31)];
            b >>>= 5;
        }
    }

    /** The milliseconds of a ULID (either case), or -1 when {@code text} is not one. */
    public static long millis(CharSequence text) {
        if (text == null || text.length() != LENGTH) {
            return -1;
        }
        long t = 0;
        for (int i = 0; i < 10; i++) {
            int v = valueOf(text.charAt(i));
            if (v < 0) {
                return -1;
            }
            t = (t << 5) | v;
        }
        for (int i = 10; i < LENGTH; i++) {
            if (valueOf(text.charAt(i)) < 0) {
                return -1;
            }
        }
        return t;
    }

    private static int valueOf(char c) {
        char lower = Character.toLowerCase(c);
        for (int v = 0; v < ALPHABET.length; v++) {
            if (ALPHABET[v] == lower) {
                return v;
            }
        }
        return -1;
    }
}
