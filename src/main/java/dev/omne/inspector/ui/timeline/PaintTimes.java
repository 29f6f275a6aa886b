package dev.omne.inspector.ui.timeline;

import java.util.Arrays;

/** How long the timeline's last paints took on the UI thread: the window benchmark reads them. */
public final class PaintTimes {
    private final long[] nanos = new long[4096];
    private int count;

    void add(long paintNanos) {
        nanos[count % nanos.length] = paintNanos;
        count++;
    }

    /** The paints recorded since the last {@link #clear} (the latest 4,096 at most), in nanoseconds, sorted. */
    public long[] sorted() {
        long[] out = Arrays.copyOf(nanos, Math.min(count, nanos.length));
        Arrays.sort(out);
        return out;
    }

    /** Paints since the last {@link #clear}. */
    public int count() {
        return count;
    }

    public void clear() {
        count = 0;
    }
}
