package dev.omne.inspector.ui.session;

import dev.omne.inspector.core.event.EventTypes;
import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.index.IndexSnapshot;

/**
 * Sums up a run's rows into {@link RunFacts}, incrementally: each call looks only at the rows that are new,
 * so following a growing run costs in proportion to what was appended. Used by one thread at a time.
 */
public final class RunFactsBuilder {
    private int events;
    private int malformed;
    private int warnings;
    private long first = Timestamps.NONE;
    private long last = Timestamps.NONE;
    private String endType;
    private String lastType;

    /** Forgets everything: the index was rebuilt from byte 0. */
    public void reset() {
        events = 0;
        malformed = 0;
        warnings = 0;
        first = Timestamps.NONE;
        last = Timestamps.NONE;
        endType = null;
        lastType = null;
    }

    /** Adds rows {@code [fromRow, toRow)} of a snapshot. */
    public RunFacts add(IndexSnapshot snapshot, int fromRow, int toRow) {
        for (int row = fromRow; row < toRow; row++) {
            if (snapshot.isError(row)) {
                malformed++;
                continue;
            }
            events++;
            if (snapshot.hasWarning(row)) {
                warnings++;
            }
            long ts = snapshot.tsMicros(row);
            if (ts != Timestamps.NONE) {
                if (first == Timestamps.NONE) {
                    first = ts;
                }
                last = ts;
            }
            String type = snapshot.type(row);
            lastType = type;
            if (EventTypes.isRunEnd(type)) {
                endType = type;
            } else if (EventTypes.RUN_STARTED.equals(type)) {
                endType = null;
            }
        }
        return facts();
    }

    public RunFacts facts() {
        return new RunFacts(events, malformed, warnings, first, last, endType, lastType);
    }
}
