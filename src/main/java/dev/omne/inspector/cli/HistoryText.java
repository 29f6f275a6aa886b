package dev.omne.inspector.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.history.ExecutionOutcome;
import dev.omne.inspector.core.history.NodeRun;
import dev.omne.inspector.core.history.NodeStats;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** How {@code stats} and {@code compare} write times, durations and trends: for a terminal and for JSON. */
final class HistoryText {
    private static final char[] BARS = "▁▂▃▄▅▆▇█".toCharArray();
    /** A run of the trend with no final duration (unfinished, or its node never ended). */
    static final char NO_DURATION = '·';

    private HistoryText() {
    }

    /** Seconds with two decimals ({@code 41.20}), or empty for an unknown duration. */
    static String seconds(long micros) {
        return micros < 0 ? "" : String.format(Locale.ROOT, "%.2f", micros / 1e6);
    }

    /** A signed difference in seconds ({@code +3.10}, {@code -0.52}). */
    static String signedSeconds(long micros) {
        return String.format(Locale.ROOT, "%+.2f", micros / 1e6);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** RFC 3339 UTC ({@code 2026-04-15T15:38:58.042Z}), or empty. */
    static String time(long micros) {
        return micros == Timestamps.NONE ? "" : DateTimeFormatter.ISO_INSTANT.format(Timestamps.ofMicros(micros));
    }

    /** Text on one line, at most {@code max} characters (cut with an ellipsis). */
    static String oneLine(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    /**
     * The newest {@code max} points of a trend as a sparkline, oldest left: each run's duration as a bar from
     * the shortest to the longest shown, {@link #NO_DURATION} where a run has none.
     */
    static String sparkline(List<NodeStats.TrendPoint> trend, int max) {
        List<NodeStats.TrendPoint> shown = trend.subList(Math.max(0, trend.size() - max), trend.size());
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (NodeStats.TrendPoint p : shown) {
            if (p.durationMicros() >= 0) {
                lo = Math.min(lo, p.durationMicros());
                hi = Math.max(hi, p.durationMicros());
            }
        }
        StringBuilder sb = new StringBuilder(shown.size());
        for (NodeStats.TrendPoint p : shown) {
            if (p.durationMicros() < 0) {
                sb.append(NO_DURATION);
            } else {
                int level = hi == lo ? BARS.length / 2 : (int) ((p.durationMicros() - lo) * (BARS.length - 1) / (hi - lo));
                sb.append(BARS[level]);
            }
        }
        return sb.toString();
    }

    /** A node's outcome in a run, with its executions when there were several: {@code completed x3}. */
    static String outcome(NodeRun node) {
        if (node == null) {
            return "";
        }
        ExecutionOutcome outcome = node.outcome();
        String word = outcome == null ? "no execution" : outcome.label();
        return node.executions().size() > 1 ? word + " x" + node.executions().size() : word;
    }

    /** A duration in milliseconds ({@code 1234} or {@code 1234.567}), or null when unknown. */
    static void millis(JsonGenerator g, String field, long micros) throws IOException {
        g.writeFieldName(field);
        if (micros < 0) {
            g.writeNull();
        } else {
            signedMillis(g, micros);
        }
    }

    /** A signed number of milliseconds. */
    static void signedMillis(JsonGenerator g, long micros) throws IOException {
        if (micros % 1000 == 0) {
            g.writeNumber(micros / 1000);
        } else {
            g.writeNumber(micros / 1000.0);
        }
    }

    /** A time as RFC 3339 text, or null. */
    static void time(JsonGenerator g, String field, long micros) throws IOException {
        if (micros == Timestamps.NONE) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, time(micros));
        }
    }

    static void text(JsonGenerator g, String field, String value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, value);
        }
    }
}
