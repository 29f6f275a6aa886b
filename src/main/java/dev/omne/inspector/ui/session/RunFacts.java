package dev.omne.inspector.ui.session;

import dev.omne.inspector.core.event.Timestamps;

/**
 * What a run's index says, summed up once when rows arrive so that the runs list never walks a run's rows.
 *
 * @param events        rows that are events
 * @param malformed     rows that are not events (error lines)
 * @param warnings      events with a warning
 * @param firstTsMicros timestamp of the first event that has one, or {@link Timestamps#NONE}
 * @param lastTsMicros  timestamp of the last event that has one, or {@link Timestamps#NONE}
 * @param endType       {@code run.completed} or {@code run.failed} when the run has ended, else null
 * @param lastType      the type of the last event, or null
 */
public record RunFacts(int events, int malformed, int warnings, long firstTsMicros, long lastTsMicros,
                       String endType, String lastType) {
    public static final RunFacts EMPTY = new RunFacts(0, 0, 0, Timestamps.NONE, Timestamps.NONE, null, null);

    public boolean hasTimes() {
        return firstTsMicros != Timestamps.NONE;
    }
}
