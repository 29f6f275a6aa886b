package dev.omne.inspector.ui.common;

import dev.omne.inspector.core.event.Timestamps;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatsTest {
    private static final long T = Timestamps.parseMicros("2026-04-15T10:00:00.250Z");

    @Test
    void clockAndExactTimes() {
        assertEquals("10:00:00.250", Formats.clock(T, ZoneOffset.UTC));
        assertEquals("12:00:00.250", Formats.clock(T, ZoneOffset.ofHours(2)));
        assertEquals("2026-04-15 10:00:00.250 +00:00", Formats.exact(T, ZoneOffset.UTC));
        assertEquals("", Formats.clock(Timestamps.NONE, ZoneOffset.UTC));
    }

    @Test
    void timeSinceStart() {
        assertEquals("+00:00.000", Formats.sinceStart(T, T));
        assertEquals("+01:02.500", Formats.sinceStart(T + 62_500_000, T));
        assertEquals("+1:00:00.000", Formats.sinceStart(T + 3_600_000_000L, T));
        assertEquals("", Formats.sinceStart(Timestamps.NONE, T));
    }

    @Test
    void deltas() {
        assertEquals("+0 ms", Formats.delta(0));
        assertEquals("+12 ms", Formats.delta(12_000));
        assertEquals("+1.204 s", Formats.delta(1_204_000));
        assertEquals("+3m 05s", Formats.delta(185_000_000));
        assertEquals("+2h 10m", Formats.delta(7_800_000_000L));
        assertEquals("-5 ms", Formats.delta(-5_000));
    }

    @Test
    void durationsAndAgo() {
        assertEquals("850 ms", Formats.duration(850));
        assertEquals("12.3 s", Formats.duration(12_340));
        assertEquals("4 min 05 s", Formats.duration(245_000));
        assertEquals("2 h 03 min", Formats.duration(7_380_000));
        Instant now = Instant.parse("2026-04-15T10:05:00Z");
        assertEquals("just now", Formats.ago(Timestamps.parseMicros("2026-04-15T10:04:58Z"), now, ZoneOffset.UTC));
        assertEquals("4 min ago", Formats.ago(T, now, ZoneOffset.UTC));
        assertEquals("2026-03-01", Formats.ago(Timestamps.parseMicros("2026-03-01T10:00:00Z"), now, ZoneOffset.UTC));
    }

    @Test
    void compactDurationsFitANarrowCell() {
        assertEquals("", Formats.compactDuration(-1));
        assertEquals("0 ms", Formats.compactDuration(0));
        assertEquals("850 ms", Formats.compactDuration(850));
        assertEquals("12.3 s", Formats.compactDuration(12_340));
        assertEquals("4m 05s", Formats.compactDuration(245_000));
        assertEquals("2h 03m", Formats.compactDuration(7_380_000));
        assertEquals("3d 04h", Formats.compactDuration((3 * 24 + 4) * 3_600_000L));
    }

    @Test
    void countsAndBytes() {
        assertEquals("1,234,567", Formats.count(1_234_567));
        assertEquals("99,999", Formats.shortCount(99_999));
        assertEquals("234k", Formats.shortCount(234_567));
        assertEquals("1.2M", Formats.shortCount(1_234_567));
        assertEquals("512 B", Formats.bytes(512));
        assertEquals("230 MB", Formats.bytes(230_000_000));
        assertEquals("1.5 kB", Formats.bytes(1_500));
    }
}
