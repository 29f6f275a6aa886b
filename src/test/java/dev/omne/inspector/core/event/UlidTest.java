package dev.omne.inspector.core.event;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ULIDs are written and read in one place: what one writes, the other reads back. */
class UlidTest {
    @Test
    void theTimeWrittenIsTheTimeReadBack() {
        long millis = 1_776_211_200_123L; // 2026-04-15T00:00:00.123Z
        String ulid = Ulid.of(millis, new SplittableRandom(7));
        assertEquals(Ulid.LENGTH, ulid.length());
        assertTrue(ulid.matches("[0-9a-hjkmnp-tv-z]{26}"), ulid);
        assertEquals(millis, Ulid.millis(ulid));
        assertEquals(millis, Ulid.millis(ulid.toUpperCase(java.util.Locale.ROOT)), "Crockford base32 ignores case");
        assertEquals(Ulid.of(millis, new SplittableRandom(7)), ulid, "the same randomness, the same id");
        assertNotEquals(Ulid.of(millis, new SplittableRandom(8)), ulid);
    }

    @Test
    void laterTimesSortLater() {
        SplittableRandom random = new SplittableRandom(1);
        assertTrue(Ulid.of(1000, random).compareTo(Ulid.of(1001, random)) < 0);
    }

    @Test
    void whatIsNoUlidHasNoTime() {
        assertEquals(-1, Ulid.millis("01kp8a0nc0z1rnsax81s15v8x"), "25 characters");
        assertEquals(-1, Ulid.millis("01kp8a0nc0z1rnsax81s15v8xu"), "u is not in the alphabet");
        assertEquals(-1, Ulid.millis(null));
        assertTrue(Ulid.eventId().matches("ev-[0-9a-z]{26}"));
    }
}
