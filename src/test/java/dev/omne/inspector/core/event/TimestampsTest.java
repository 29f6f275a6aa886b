package dev.omne.inspector.core.event;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimestampsTest {
    @ParameterizedTest
    @ValueSource(strings = {"2026-04-15T00:00:00Z", "2026-04-15T00:00:00.5Z", "2026-04-15T23:59:59.123456789Z",
            "1970-01-01T00:00:00Z", "2000-02-29T12:00:00.001Z", "2026-04-15T02:00:00+02:00", "1969-12-31T23:59:59.9Z",
            "2026-04-15t00:00:00z"})
    void agreesWithTheJdk(String text) {
        Instant expected = OffsetDateTime.parse(text.toUpperCase()).toInstant();
        long micros = expected.getEpochSecond() * 1_000_000L + expected.getNano() / 1000;
        assertEquals(micros, Timestamps.parseMicros(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-04-15", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
            "2026-04-15T24:00:00Z", "2026-04-15T00:00:00", "2026-04-15T00:00:00.Z", "2026-04-15T00:00:00Zjunk"})
    void refusesWhatIsNotRfc3339(String text) {
        assertEquals(Timestamps.NONE, Timestamps.parseMicros(text));
    }

    @Test
    void randomInstantsRoundTripThroughFormat() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(0, 4_102_444_800_000L));
            assertEquals(instant, Timestamps.parseInstant(Timestamps.format(instant)));
        }
    }
}
