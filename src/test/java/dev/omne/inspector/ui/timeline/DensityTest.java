package dev.omne.inspector.ui.timeline;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DensityTest {
    @Test
    void keepsEveryEventWhileItsBucketsWidenAndNeverHoldsMoreThanItsBuckets() {
        Density.Builder b = new Density.Builder();
        Random random = new Random(3);
        long t0 = 1_776_000_000_000_000L;
        int failures = 0;
        int n = 200_000;
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            // mostly forward, sometimes back a little, over four days
            times[i] = t0 + (long) i * 1_700_000 + random.nextInt(5_000_000) - 2_500_000;
            boolean failed = random.nextInt(50) == 0;
            failures += failed ? 1 : 0;
            b.add(times[i], failed);
        }
        Density d = b.build();
        assertEquals(n, d.total());
        assertEquals(failures, d.failureTotal());
        long span = n * 1_700_000L + 5_000_000;
        assertTrue(d.bucketMicros() * Density.BUCKETS >= span / 2, "wide enough for the run");
        assertTrue(d.bucketMicros() <= span, "not wider than needed");
        // Any cut of the run counts what lies in it, to within the two buckets its ends cut.
        long from = t0 + 40_000L * 1_700_000;
        long to = t0 + 120_000L * 1_700_000;
        long exact = 0;
        for (long t : times) {
            exact += t >= from && t < to ? 1 : 0;
        }
        double counted = d.eventsBetween(from, to);
        assertEquals(exact, counted, 2.0 * d.maxCount(), "events between two times");
        assertEquals(n, d.eventsBetween(t0 - 10_000_000_000L, t0 + 10_000_000_000_000L), 1e-6, "all of them");
    }

    @Test
    void aFailureShowsInAnyPixelItTouches() {
        Density.Builder b = new Density.Builder();
        for (int i = 0; i < 1000; i++) {
            b.add(1_000_000L * i, i == 500);
        }
        Density d = b.build();
        long at = 500_000_000L;
        assertEquals(1, d.failuresBetween(at - 1, at + 1));
        assertEquals(1, d.failuresBetween(at, at + 1), "a range one micro wide");
        assertEquals(0, d.failuresBetween(0, 100_000_000L));
        assertEquals(0, d.failuresBetween(at + 2 * d.bucketMicros(), at + 3 * d.bucketMicros()));
    }

    @Test
    void anEventLongBeforeTheRestWidensTheBucketsToHoldBoth() {
        Density.Builder b = new Density.Builder();
        b.add(1_000_000_000L, false);
        b.add(1_000_000_100L, false);
        b.add(10L, true);
        Density d = b.build();
        assertEquals(3, d.total());
        assertEquals(1, d.failuresBetween(0, 100));
        assertEquals(2, d.eventsBetween(500_000_000L, 2_000_000_000L), 1e-9);
        assertTrue(Density.EMPTY.isEmpty());
        assertEquals(0, Density.EMPTY.eventsBetween(0, Long.MAX_VALUE / 2), 0);
    }
}
