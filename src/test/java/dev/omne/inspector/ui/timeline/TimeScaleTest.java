package dev.omne.inspector.ui.timeline;

import dev.omne.inspector.core.event.Timestamps;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeScaleTest {
    static final long T0 = Timestamps.parseMicros("2026-04-15T10:00:00Z");

    @Test
    void timesAndPixelsMapBothWays() {
        TimeScale s = new TimeScale(T0, T0 + 1_000_000, 200, 500);
        assertEquals(200, s.xOf(T0), 1e-9);
        assertEquals(700, s.xOf(T0 + 1_000_000), 1e-9);
        assertEquals(450, s.xOf(T0 + 500_000), 1e-9);
        assertEquals(T0 + 500_000, s.timeAt(450));
        assertEquals(2_000, s.micros(1));
        assertEquals(T0 - 2_000, s.timeAt(199), "left of the area: before the window");
        for (long t = T0; t < T0 + 1_000_000; t += 37_000) {
            assertEquals(t, s.timeAt(s.xOf(t)), 2_000 / 2.0 + 1);
        }
        assertEquals(1, new TimeScale(T0, T0, 0, 0).span(), "an empty window is a micro wide");
    }

    @Test
    void ticksFallOnRoundTimesOfTheZoneAtLeastTheirSpacingApart() {
        TimeScale day = new TimeScale(T0, T0 + 86_400_000_000L, 0, 960);
        TimeScale.Ticks ticks = day.ticks(ZoneOffset.UTC, 96);
        assertEquals(3 * 3_600_000_000L, ticks.step(), "every three hours on 960 pixels");
        for (long t : ticks.times()) {
            assertEquals(0, Math.floorMod(t, ticks.step()), "on the hour in UTC");
            assertTrue(t >= T0 - ticks.step() && t <= day.end());
        }
        assertTrue(ticks.step() * day.scale() >= 96);
        // In a zone half an hour off UTC, the ticks are round there.
        ZoneId india = ZoneId.of("Asia/Kolkata");
        TimeScale.Ticks local = day.ticks(india, 96);
        long offset = 5L * 3_600_000_000L + 1_800_000_000L;
        for (long t : local.times()) {
            assertEquals(0, Math.floorMod(t + offset, local.step()));
        }
        TimeScale milli = new TimeScale(T0, T0 + 2_000, 0, 1000);
        assertTrue(milli.ticks(ZoneOffset.UTC, 96).step() < 1_000);
    }

    @Test
    void labelsAreAsPreciseAsTheirStep() {
        long t = T0 + 1_234_567;
        assertEquals("10:00:01.234567", TimeScale.label(t, 100, ZoneOffset.UTC));
        assertEquals("10:00:01.234", TimeScale.label(t, 10_000, ZoneOffset.UTC));
        assertEquals("10:00:01", TimeScale.label(t, 5_000_000, ZoneOffset.UTC));
        assertEquals("10:00", TimeScale.label(t, 600_000_000, ZoneOffset.UTC));
        assertEquals("Apr 15", TimeScale.label(t, 86_400_000_000L, ZoneOffset.UTC));
        assertEquals("2026-04-15", TimeScale.date(t, ZoneOffset.UTC));
    }

    @Test
    void aTickLabelThatWouldRunPastTheRightEdgeGoesLeftOfItsTickInstead() {
        // 200 px of axis from x=100; labels 30 px wide.
        assertEquals(124, AxisPainter.labelX(120, 30, 300, 100));
        assertEquals(256, AxisPainter.labelX(290, 30, 300, 160), "left of the last tick, whole");
        assertTrue(Double.isNaN(AxisPainter.labelX(290, 30, 300, 270)), "never over the label before it");
    }
}
