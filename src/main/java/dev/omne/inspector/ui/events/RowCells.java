package dev.omne.inspector.ui.events;

import dev.omne.inspector.core.event.EventTypes;
import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.log.Diagnostic;
import dev.omne.inspector.ui.common.Formats;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.time.ZoneId;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * What the table's cheap cells say, straight from the index columns (line, time, delta, type, node, kind, and
 * whether a row is malformed or warned): cheap enough to work out each time a cell asks. Every method takes a
 * table position; a position the table does not show gives empty text.
 */
public final class RowCells {
    /** The Type cell of a line that is no event: one word, short enough for the column's usual width. */
    public static final String MALFORMED = "malformed";
    private final Supplier<IndexSnapshot> snapshot;
    private final IntUnaryOperator rowAt;
    private final ZoneId zone;
    private final BooleanProperty relativeTime = new SimpleBooleanProperty(this, "relativeTime");
    private long startMicros = Timestamps.NONE;

    /** @param rowAt the run's row at a table position, or -1 where the table shows none */
    RowCells(Supplier<IndexSnapshot> snapshot, IntUnaryOperator rowAt, ZoneId zone) {
        this.snapshot = snapshot;
        this.rowAt = rowAt;
        this.zone = zone;
    }

    /** Times relative to the run's start instead of the time of day. */
    public BooleanProperty relativeTimeProperty() {
        return relativeTime;
    }

    /** The rows are of {@code s} now: times since the start count from its first time (within its first rows). */
    void startAt(IndexSnapshot s) {
        startMicros = Timestamps.NONE;
        int limit = s == null ? 0 : Math.min(s.size(), 1000);
        for (int row = 0; row < limit; row++) {
            long ts = s.tsMicros(row);
            if (ts != Timestamps.NONE) {
                startMicros = ts;
                return;
            }
        }
    }

    public String lineText(int position) {
        int row = rowAt.applyAsInt(position);
        return row >= 0 ? Long.toString(snapshot.get().line(row)) : "";
    }

    public String timeText(int position) {
        int row = rowAt.applyAsInt(position);
        if (row < 0) {
            return "";
        }
        long ts = snapshot.get().tsMicros(row);
        return relativeTime.get() ? Formats.sinceStart(ts, startMicros) : Formats.clock(ts, zone);
    }

    public String timeTooltip(int position) {
        int row = rowAt.applyAsInt(position);
        return row >= 0 ? Formats.exact(snapshot.get().tsMicros(row), zone) : "";
    }

    /** Time since the previous event that has a time. */
    public String deltaText(int position) {
        int row = rowAt.applyAsInt(position);
        if (row < 0) {
            return "";
        }
        IndexSnapshot s = snapshot.get();
        long ts = s.tsMicros(row);
        if (ts == Timestamps.NONE) {
            return "";
        }
        for (int r = row - 1; r >= 0 && r >= row - 64; r--) {
            long before = s.tsMicros(r);
            if (before != Timestamps.NONE) {
                return Formats.delta(ts - before);
            }
        }
        return "";
    }

    public String typeText(int position) {
        int row = rowAt.applyAsInt(position);
        if (row < 0) {
            return "";
        }
        String type = snapshot.get().type(row);
        return type == null ? MALFORMED : type;
    }

    public EventTypes.Tone typeTone(int position) {
        int row = rowAt.applyAsInt(position);
        return row >= 0 ? EventTypes.tone(snapshot.get().type(row)) : EventTypes.Tone.OTHER;
    }

    public String nodeText(int position) {
        int row = rowAt.applyAsInt(position);
        if (row < 0) {
            return "";
        }
        String node = snapshot.get().node(row);
        return node == null ? "" : node;
    }

    public String kindText(int position) {
        int row = rowAt.applyAsInt(position);
        if (row < 0) {
            return "";
        }
        String kind = snapshot.get().nodeKind(snapshot.get().nodeId(row));
        return kind == null ? "" : kind;
    }

    public boolean isMalformed(int position) {
        int row = rowAt.applyAsInt(position);
        return row >= 0 && snapshot.get().isError(row);
    }

    public boolean hasWarning(int position) {
        int row = rowAt.applyAsInt(position);
        return row >= 0 && snapshot.get().hasWarning(row);
    }

    public String warningText(int position) {
        int row = rowAt.applyAsInt(position);
        if (row < 0) {
            return null;
        }
        Diagnostic d = snapshot.get().diagnostic(row);
        return d == null ? null : d.message();
    }
}
