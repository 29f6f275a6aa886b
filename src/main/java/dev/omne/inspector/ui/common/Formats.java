package dev.omne.inspector.ui.common;

import dev.omne.inspector.core.event.Timestamps;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times, durations and counts as people read them. Plain functions, tested without a toolkit. */
public final class Formats {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);
    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xxx", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private Formats() {
    }

    /**
     * Text as one line shows it: control characters (a carriage return, a tab, NUL…) and line separators written
     * as escapes ({@code \\r}, {@code \\t}, {@code \\x00}, {@code \\u2028}), so a row never breaks in two.
     */
    public static String oneLine(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = switch (c) {
                case '\r' -> "\\r";
                case '\n' -> "\\n";
                case '\t' -> "\\t";
                case '\u2028', '\u2029', '\u0085' -> String.format(Locale.ROOT, "\\u%04x", (int) c);
                default -> c < 0x20 || c == 0x7f ? String.format(Locale.ROOT, "\\x%02x", (int) c) : null;
            };
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** {@code 1,234,567}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A count for tight places: {@code 12,345}, {@code 234k}, {@code 1.2M}. */
    public static String shortCount(long n) {
        if (n < 100_000) {
            return count(n);
        }
        if (n < 1_000_000) {
            return n / 1000 + "k";
        }
        return String.format(Locale.ROOT, "%.1fM", n / 1e6);
    }

    /** Wall-clock time of day with milliseconds, e.g. {@code 14:03:07.412}; empty when there is no time. */
    public static String clock(long micros, ZoneId zone) {
        if (micros == Timestamps.NONE) {
            return "";
        }
        return CLOCK.format(Timestamps.ofMicros(micros).atZone(zone));
    }

    /** Full date, time and offset, e.g. {@code 2026-04-15 14:03:07.412 +02:00}, for tooltips. */
    public static String exact(long micros, ZoneId zone) {
        if (micros == Timestamps.NONE) {
            return "no time";
        }
        return EXACT.format(Timestamps.ofMicros(micros).atZone(zone));
    }

    /** Offset from the run's start, e.g. {@code +00:12.345} or {@code +1:02:03.004}. */
    public static String sinceStart(long micros, long startMicros) {
        if (micros == Timestamps.NONE || startMicros == Timestamps.NONE) {
            return "";
        }
        long d = micros - startMicros;
        String sign = d < 0 ? "-" : "+";
        d = Math.abs(d);
        long millis = d / 1000;
        long h = millis / 3_600_000;
        long m = millis / 60_000 % 60;
        long s = millis / 1000 % 60;
        long ms = millis % 1000;
        return h > 0 ? String.format(Locale.ROOT, "%s%d:%02d:%02d.%03d", sign, h, m, s, ms)
                : String.format(Locale.ROOT, "%s%02d:%02d.%03d", sign, m, s, ms);
    }

    /** Gap to the previous event, compact: {@code +12 ms}, {@code +1.204 s}, {@code +3m 05s}, {@code +2h 10m}. */
    public static String delta(long micros) {
        if (micros == Timestamps.NONE) {
            return "";
        }
        String sign = micros < 0 ? "-" : "+";
        long d = Math.abs(micros);
        if (d < 1000) {
            return d == 0 ? "+0 ms" : sign + d + " µs";
        }
        if (d < 1_000_000) {
            return sign + d / 1000 + " ms";
        }
        if (d < 60_000_000) {
            return String.format(Locale.ROOT, "%s%.3f s", sign, d / 1e6);
        }
        long s = d / 1_000_000;
        if (s < 3600) {
            return String.format(Locale.ROOT, "%s%dm %02ds", sign, s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format(Locale.ROOT, "%s%dh %02dm", sign, s / 3600, s / 60 % 60);
        }
        return String.format(Locale.ROOT, "%s%dd %02dh", sign, s / 86_400, s / 3600 % 24);
    }

    /** A duration: {@code 850 ms}, {@code 12.3 s}, {@code 4 min 05 s}, {@code 2 h 03 min}, {@code 3 d 04 h}. */
    public static String duration(long millis) {
        if (millis < 0) {
            return "";
        }
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long s = millis / 1000;
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s / 60 % 60);
        }
        return String.format(Locale.ROOT, "%d d %02d h", s / 86_400, s / 3600 % 24);
    }

    /**
     * A duration for a narrow cell: {@code 850 ms}, {@code 12.3 s}, {@code 4m 05s}, {@code 2h 03m}, {@code 3d 04h};
     * empty when unknown (negative).
     */
    public static String compactDuration(long millis) {
        if (millis < 0) {
            return "";
        }
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long s = millis / 1000;
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format(Locale.ROOT, "%dh %02dm", s / 3600, s / 60 % 60);
        }
        return String.format(Locale.ROOT, "%dd %02dh", s / 86_400, s / 3600 % 24);
    }

    /** How long ago: {@code just now}, {@code 42 s ago}, {@code 5 min ago}, {@code 3 h ago}, {@code 2 d ago}, or a date. */
    public static String ago(long micros, Instant now, ZoneId zone) {
        if (micros == Timestamps.NONE) {
            return "";
        }
        long s = (now.toEpochMilli() - micros / 1000) / 1000;
        if (s < 0) {
            return "in the future";
        }
        if (s < 10) {
            return "just now";
        }
        if (s < 60) {
            return s + " s ago";
        }
        if (s < 3600) {
            return s / 60 + " min ago";
        }
        if (s < 86_400) {
            return s / 3600 + " h ago";
        }
        if (s < 14 * 86_400) {
            return s / 86_400 + " d ago";
        }
        return DAY.format(Timestamps.ofMicros(micros).atZone(zone));
    }

    /** {@code 1.2 MB}, {@code 230 MB}, {@code 512 B}. */
    public static String bytes(long n) {
        if (n < 1000) {
            return n + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }
}
