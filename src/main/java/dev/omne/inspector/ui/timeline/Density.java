package dev.omne.inspector.ui.timeline;

import java.util.Arrays;

/**
 * How many events (and how many failures) happened when, over a whole run: a histogram of at most
 * {@link #BUCKETS} buckets whose width doubles as the run grows, so its memory stays the same at any event count
 * and a growing run only adds to it. Immutable; {@link Builder} makes one.
 */
public final class Density {
    /** Buckets at most; the overview strip is about as many pixels wide. */
    static final int BUCKETS = 2048;

    public static final Density EMPTY = new Density(0, 1, new int[0], new int[0]);

    private final long origin;
    private final long width;
    private final int[] failures;
    /** Events before each bucket: {@code sums[i]} is the count of buckets {@code [0, i)}. */
    private final long[] sums;
    private final long[] failureSums;
    private final int maxCount;

    private Density(long origin, long width, int[] counts, int[] failures) {
        this.origin = origin;
        this.width = width;
        this.failures = failures;
        this.sums = prefix(counts);
        this.failureSums = prefix(failures);
        int max = 0;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        this.maxCount = max;
    }

    private static long[] prefix(int[] values) {
        long[] out = new long[values.length + 1];
        for (int i = 0; i < values.length; i++) {
            out[i + 1] = out[i] + values[i];
        }
        return out;
    }

    public boolean isEmpty() {
        return sums[sums.length - 1] == 0;
    }

    /** Events counted. */
    public long total() {
        return sums[sums.length - 1];
    }

    public long failureTotal() {
        return failureSums[failureSums.length - 1];
    }

    /** The width of a bucket, in micros. */
    public long bucketMicros() {
        return width;
    }

    /** The most events in one bucket. */
    public int maxCount() {
        return maxCount;
    }

    /**
     * Events in {@code [from, to)}, a bucket cut by either end counted in proportion (so a strip drawn at any
     * width shows the same total).
     */
    public double eventsBetween(long from, long to) {
        return at(sums, to) - at(sums, from);
    }

    /** Failures in the buckets that {@code [from, to)} touches: a failure is never lost between two pixels. */
    public long failuresBetween(long from, long to) {
        int buckets = failures.length;
        if (buckets == 0 || to <= from) {
            return 0;
        }
        long first = Math.floorDiv(from - origin, width);
        long last = Math.floorDiv(to - 1 - origin, width);
        if (last < 0 || first >= buckets) {
            return 0;
        }
        int a = (int) Math.max(0, first);
        int b = (int) Math.min(buckets - 1, last);
        return failureSums[b + 1] - failureSums[a];
    }

    /** The cumulative count at time {@code t}, interpolated within its bucket. */
    private double at(long[] cumulative, long t) {
        int buckets = cumulative.length - 1;
        if (buckets == 0) {
            return 0;
        }
        double position = (double) (t - origin) / width;
        if (position <= 0) {
            return 0;
        }
        if (position >= buckets) {
            return cumulative[buckets];
        }
        int i = (int) position;
        return cumulative[i] + (position - i) * (cumulative[i + 1] - cumulative[i]);
    }

    /** Adds events one by one, in any time order; the width doubles whenever the times no longer fit. */
    static final class Builder {
        private long base; // absolute bucket number (time / width) of counts[0]
        private long width = 1;
        private int[] counts = new int[BUCKETS];
        private int[] failures = new int[BUCKETS];
        private int lo = Integer.MAX_VALUE; // used buckets, relative to base
        private int hi = Integer.MIN_VALUE;

        void add(long ts, boolean failure) {
            long bucket = Math.floorDiv(ts, width);
            if (lo > hi) {
                base = bucket;
            }
            long at = bucket - base;
            if (at < 0 || at >= BUCKETS) {
                relayout(bucket);
                at = Math.floorDiv(ts, width) - base;
            }
            int i = (int) at;
            counts[i]++;
            if (failure) {
                failures[i]++;
            }
            lo = Math.min(lo, i);
            hi = Math.max(hi, i);
        }

        /** Doubles the width until the used buckets and {@code bucket} fit, then starts the window at the lowest. */
        private void relayout(long bucket) {
            long from = Math.min(base + lo, bucket);
            long to = Math.max(base + hi, bucket);
            long factor = 1;
            while (Math.floorDiv(to, factor) - Math.floorDiv(from, factor) >= BUCKETS) {
                factor *= 2;
            }
            long newBase = Math.floorDiv(from, factor);
            int[] c = new int[BUCKETS];
            int[] f = new int[BUCKETS];
            int newLo = Integer.MAX_VALUE;
            int newHi = Integer.MIN_VALUE;
            for (int i = lo; i <= hi; i++) {
                if (counts[i] == 0) {
                    continue;
                }
                int j = (int) (Math.floorDiv(base + i, factor) - newBase);
                c[j] += counts[i];
                f[j] += failures[i];
                newLo = Math.min(newLo, j);
                newHi = Math.max(newHi, j);
            }
            counts = c;
            failures = f;
            lo = newLo;
            hi = newHi;
            base = newBase;
            width *= factor;
        }

        Density build() {
            if (lo > hi) {
                return EMPTY;
            }
            return new Density(base * width + (long) lo * width, width, Arrays.copyOfRange(counts, lo, hi + 1),
                    Arrays.copyOfRange(failures, lo, hi + 1));
        }
    }
}
