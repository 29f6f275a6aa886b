package dev.omne.inspector.ui.history;

import dev.omne.inspector.core.event.Timestamps;

import java.time.Duration;

/** The history filter's time range: runs that started within the last hour, day, week, 30 days, or any time. */
public enum TimeRange {
    ALL("Any time", null),
    HOUR("Last hour", Duration.ofHours(1)),
    DAY("Last 24 hours", Duration.ofDays(1)),
    WEEK("Last 7 days", Duration.ofDays(7)),
    MONTH("Last 30 days", Duration.ofDays(30));

    private final String text;
    private final Duration span;

    TimeRange(String text, Duration span) {
        this.text = text;
        this.span = span;
    }

    public String text() {
        return text;
    }

    /** The earliest start kept at {@code nowMicros}, or {@link Timestamps#NONE} for any time. */
    public long fromMicros(long nowMicros) {
        return span == null ? Timestamps.NONE : nowMicros - span.toNanos() / 1000;
    }

    @Override
    public String toString() {
        return text;
    }
}
