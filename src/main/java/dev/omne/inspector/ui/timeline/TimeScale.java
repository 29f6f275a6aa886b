package dev.omne.inspector.ui.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Where a time is drawn: the window {@code [start, end)} in epoch micros laid over the pixels {@code [x0, x0 + width)},
 * and the ticks worth labelling at that scale (round steps in the run's time zone). Immutable; every canvas of the
 * timeline (overview, axis, lanes) draws through one.
 */
public record TimeScale(long start, long end, double x0, double width) {
    /** Round steps between ticks, in micros: from a microsecond to a week. */
    private static final long[] STEPS = {
            1, 2, 5, 10, 20, 50, 100, 200, 500,
            1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000,
            1_000_000, 2_000_000, 5_000_000, 10_000_000, 15_000_000, 30_000_000,
            60_000_000, 120_000_000, 300_000_000, 600_000_000, 900_000_000, 1_800_000_000,
            3_600_000_000L, 7_200_000_000L, 10_800_000_000L, 21_600_000_000L, 43_200_000_000L,
            86_400_000_000L, 172_800_000_000L, 604_800_000_000L};
    private static final DateTimeFormatter MICRO = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS", Locale.ROOT);
    private static final DateTimeFormatter MILLI = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    /** Ticks drawn at most, whatever the numbers say. */
    private static final int MAX_TICKS = 2000;

    public TimeScale {
        if (end <= start) {
            end = start + 1;
        }
        width = Math.max(1, width);
    }

    /** Ticks at round times: {@code times} in order, {@code step} apart. */
    public record Ticks(long[] times, long step) {
    }

    public long span() {
        return end - start;
    }

    /** Pixels per micro. */
    public double scale() {
        return width / span();
    }

    /** The x of a time. */
    public double xOf(long micros) {
        return x0 + (micros - start) * width / span();
    }

    /** The time at an x. */
    public long timeAt(double x) {
        return start + Math.round((x - x0) * span() / width);
    }

    /** How many micros {@code pixels} span. */
    public long micros(double pixels) {
        return Math.round(pixels * span() / width);
    }

    /** The same window over other pixels. */
    public TimeScale over(double x0, double width) {
        return new TimeScale(start, end, x0, width);
    }

    /** Ticks at least {@code minPixels} apart, on round times of {@code zone} (midnight, the hour, ...). */
    public Ticks ticks(ZoneId zone, double minPixels) {
        double perPixel = (double) span() / width;
        long step = STEPS[STEPS.length - 1];
        for (long s : STEPS) {
            if (s / perPixel >= minPixels) {
                step = s;
                break;
            }
        }
        long offset = zone.getRules().getOffset(Instant.ofEpochSecond(Math.floorDiv(start, 1_000_000L)))
                .getTotalSeconds() * 1_000_000L;
        long first = Math.floorDiv(start + offset, step) * step - offset;
        int n = (int) Math.max(0, Math.min(MAX_TICKS, (end - first) / step + 1));
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = first + i * step;
        }
        return new Ticks(times, step);
    }

    /** A tick's label: as precise as the step between ticks needs. */
    public static String label(long micros, long step, ZoneId zone) {
        DateTimeFormatter f = step < 1_000 ? MICRO : step < 1_000_000 ? MILLI : step < 60_000_000 ? SECOND
                : step < 86_400_000_000L ? MINUTE : DAY;
        return f.format(Instant.EPOCH.plusNanos(micros * 1000).atZone(zone));
    }

    /** The date of a time, for the corner left of the ticks. */
    public static String date(long micros, ZoneId zone) {
        return DATE.format(Instant.EPOCH.plusNanos(micros * 1000).atZone(zone));
    }
}
