package dev.omne.inspector.core.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * RFC 3339 timestamps. Parsing is done by hand on the hot path (one per indexed line) because
 * {@link DateTimeFormatter} is several times slower; anything unusual falls back to the JDK parser.
 */
public final class Timestamps {
    /** Marks a missing or unreadable timestamp in epoch-microsecond columns. */
    public static final long NONE = Long.MIN_VALUE;

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** Formats as the runner does: UTC, milliseconds, {@code Z}. */
    public static String format(Instant instant) {
        return MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    public static Instant parseInstant(CharSequence text) {
        long micros = parseMicros(text);
        return micros == NONE ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    public static Instant ofMicros(long micros) {
        return micros == NONE ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** Epoch microseconds of an RFC 3339 timestamp, or {@link #NONE} when it is not one. */
    public static long parseMicros(CharSequence s) {
        int n = s.length();
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > 0x7F) {
                return NONE; // RFC 3339 is ASCII
            }
            bytes[i] = (byte) c;
        }
        return parseMicros(bytes, 0, n);
    }

    /** The same for the bytes of a timestamp (as read from a line), without making a string for the usual form. */
    public static long parseMicros(byte[] s, int off, int n) {
        if (n >= 20 && s[off + 4] == '-' && s[off + 7] == '-' && (s[off + 10] == 'T' || s[off + 10] == 't')
                && s[off + 13] == ':' && s[off + 16] == ':') {
            int year = digits(s, off, 4);
            int month = digits(s, off + 5, 2);
            int day = digits(s, off + 8, 2);
            int hour = digits(s, off + 11, 2);
            int minute = digits(s, off + 14, 2);
            int second = digits(s, off + 17, 2);
            int i = 19;
            long micros = 0;
            if (i < n && s[off + i] == '.') {
                i++;
                int start = i;
                while (i < n && s[off + i] >= '0' && s[off + i] <= '9') {
                    if (i - start < 6) {
                        micros = micros * 10 + (s[off + i] - '0');
                    }
                    i++;
                }
                if (i == start) {
                    return NONE;
                }
                for (int k = i - start; k < 6; k++) {
                    micros *= 10;
                }
            }
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
                    && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59
                    && i == n - 1 && (s[off + i] == 'Z' || s[off + i] == 'z')) {
                long days = epochDay(year, month, day);
                return ((days * 86_400L + hour * 3600L + minute * 60L + second) * 1_000_000L) + micros;
            }
        }
        return slowParse(new String(s, off, n, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /**
     * Microseconds within the minute of a timestamp of the usual form whose first 17 bytes ({@code YYYY-MM-DDTHH:MM:})
     * are already known to be valid: the seconds, an optional fraction and the {@code Z}; -1 when the rest is not
     * that. A reader of many timestamps from the same minute parses only this part.
     */
    public static long microsWithinMinute(byte[] s, int off, int n) {
        if (n < 20) {
            return -1;
        }
        int second = digits(s, off + 17, 2);
        if (second < 0 || second > 59) {
            return -1;
        }
        int i = 19;
        long micros = 0;
        if (s[off + i] == '.') {
            i++;
            int start = i;
            while (i < n && s[off + i] >= '0' && s[off + i] <= '9') {
                if (i - start < 6) {
                    micros = micros * 10 + (s[off + i] - '0');
                }
                i++;
            }
            if (i == start) {
                return -1;
            }
            for (int k = i - start; k < 6; k++) {
                micros *= 10;
            }
        }
        if (i != n - 1 || (s[off + i] != 'Z' && s[off + i] != 'z')) {
            return -1;
        }
        return second * 1_000_000L + micros;
    }

    private static int digits(byte[] s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int d = s[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    /** An instant in epoch microseconds, the unit of every time the index keeps. */
    public static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
    }

    private static long slowParse(CharSequence s) {
        try {
            return micros(OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException | ArithmeticException e) {
            return NONE;
        }
    }


    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
