package dev.omne.inspector.core.event;

import java.security.SecureRandom;
import java.time.Instant;

/** ULIDs (48-bit millisecond time + 80 random bits, Crockford base32), lowercase like omne's run ids. */
public final class Ulid {
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ulid() {
    }

    public static String next() {
        return of(Instant.now().toEpochMilli(), RANDOM);
    }

    /** A ULID for a time and a source of randomness. */
    public static String of(long epochMillis, java.util.Random random) {
        char[] out = new char[26];
        long time = epochMillis;
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        for (int i = 10; i < 26; i++) {
            out[i] = ALPHABET[random.nextInt(32)];
        }
        return new String(out);
    }

    /** The time part of a ULID in epoch milliseconds, or -1 when {@code ulid} is not 26 Crockford characters. */
    public static long millis(CharSequence ulid) {
        if (ulid.length() != 26) {
            return -1;
        }
        long time = 0;
        for (int i = 0; i < 26; i++) {
            int v = digit(ulid.charAt(i));
            if (v < 0 || (i == 0 && v > 7)) {
                return -1;
            }
            if (i < 10) {
                time = time << 5 | v;
            }
        }
        return time;
    }

    private static int digit(char c) {
        char lower = Character.toLowerCase(c);
        for (int i = 0; i < ALPHABET.length; i++) {
            if (ALPHABET[i] == lower) {
                return i;
            }
        }
        return -1;
    }

    /** The id the inspector gives an event it writes: {@code ev-} and a ULID. */
    public static String eventId() {
        return "ev-" + next();
    }
}
