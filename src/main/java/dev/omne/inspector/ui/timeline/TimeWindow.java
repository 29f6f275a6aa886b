package dev.omne.inspector.ui.timeline;

import dev.omne.inspector.core.event.Timestamps;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * The part of the run the timeline shows: a window of time that zooms, pans and fits, and that keeps showing the
 * whole run as it grows until someone zooms or pans. Part of {@link TimelineViewModel}.
 */
public final class TimeWindow {
    /** The narrowest window, in micros. */
    static final long MIN_SPAN = 100;
    static final double ZOOM_STEP = 1.5;

    private final ReadOnlyLongWrapper start = new ReadOnlyLongWrapper(this, "start");
    private final ReadOnlyLongWrapper end = new ReadOnlyLongWrapper(this, "end", 1);
    private final ReadOnlyLongWrapper now = new ReadOnlyLongWrapper(this, "now");
    private final ReadOnlyBooleanWrapper fitted = new ReadOnlyBooleanWrapper(this, "fitted", true);
    private TimelineModel run = TimelineModel.EMPTY;

    TimeWindow(long nowMicros) {
        now.set(nowMicros);
        fit();
    }

    /** Left edge of the window, epoch micros. */
    public ReadOnlyLongProperty startProperty() {
        return start.getReadOnlyProperty();
    }

    public long start() {
        return start.get();
    }

    /** Right edge of the window, epoch micros. */
    public ReadOnlyLongProperty endProperty() {
        return end.getReadOnlyProperty();
    }

    public long end() {
        return end.get();
    }

    public long span() {
        return end.get() - start.get();
    }

    /** The time the running bars are drawn to. */
    public ReadOnlyLongProperty nowProperty() {
        return now.getReadOnlyProperty();
    }

    public long now() {
        return now.get();
    }

    /** Whether the window shows the whole run (and keeps doing so as it grows). */
    public ReadOnlyBooleanProperty fittedProperty() {
        return fitted.getReadOnlyProperty();
    }

    public boolean isFitted() {
        return fitted.get();
    }

    /** The window over {@code width} pixels from {@code x0}. */
    public TimeScale scale(double x0, double width) {
        return new TimeScale(start.get(), end.get(), x0, width);
    }

    /** A new model of the run: a fitted window stays fitted (and grows with it), a zoomed one stays where it is. */
    void setRun(TimelineModel model) {
        boolean wasEmpty = run.isEmpty();
        run = model;
        if (fitted.get() || wasEmpty) {
            fit();
        }
    }

    /** Another run: its window opens fitted. */
    void reset() {
        fitted.set(true);
    }

    /** The whole run's span with a little room: what {@link #fit} shows. */
    public long fitStart() {
        return fitWindow()[0];
    }

    public long fitEnd() {
        return fitWindow()[1];
    }

    private long[] fitWindow() {
        if (run.isEmpty()) {
            long t = now.get();
            return new long[] {t - 60_000_000L, t};
        }
        long from = run.minMicros();
        long to = run.spanEnd(now.get());
        long pad = Math.max(500, (to - from) / 50);
        if (to - from < 1000) {
            pad = 500_000; // a single moment: show a second around it
        }
        return new long[] {from - pad, to + pad};
    }

    /** Shows the whole run (0 or F), and keeps it whole as the run grows. */
    public void fit() {
        long[] w = fitWindow();
        set(w[0], w[1]);
        fitted.set(true);
    }

    public void zoomIn(long aroundMicros) {
        zoom(ZOOM_STEP, aroundMicros);
    }

    public void zoomOut(long aroundMicros) {
        zoom(1 / ZOOM_STEP, aroundMicros);
    }

    /** Zooms by {@code factor} (above 1: in) keeping {@code aroundMicros} where it is on screen. */
    public void zoom(double factor, long aroundMicros) {
        long span = span();
        long newSpan = clampSpan((long) (span / factor));
        if (newSpan == span) {
            return;
        }
        double at = span <= 0 ? 0.5 : (double) (aroundMicros - start.get()) / span;
        long newStart = aroundMicros - Math.round(at * newSpan);
        set(newStart, newStart + newSpan);
        fitted.set(false);
    }

    /** Zooms by {@code factor} and puts {@code centre} in the middle (keyboard zoom on the selected event). */
    public void zoomTo(double factor, long centre) {
        long newSpan = clampSpan((long) (span() / factor));
        long newStart = centre - newSpan / 2;
        set(newStart, newStart + newSpan);
        fitted.set(false);
    }

    private long clampSpan(long span) {
        long[] fit = fitWindow();
        long maxSpan = Math.max(MIN_SPAN * 10, (fit[1] - fit[0]) * 20);
        return Math.max(MIN_SPAN, Math.min(maxSpan, span));
    }

    /** Moves the window by a fraction of its width (Left/Right: -0.1/+0.1). */
    public void pan(double fraction) {
        panBy(Math.round(span() * fraction));
    }

    /** Moves the window by {@code micros} (dragging the lanes). */
    public void panBy(long micros) {
        if (micros == 0) {
            return;
        }
        set(start.get() + micros, end.get() + micros);
        fitted.set(false);
    }

    /** Shows exactly {@code [from, to)} (a range picked on the overview), at least {@link #MIN_SPAN} wide. */
    public void show(long from, long to) {
        long span = clampSpan(Math.max(MIN_SPAN, to - from));
        long middle = from + (to - from) / 2;
        long newStart = span == to - from ? from : middle - span / 2;
        set(newStart, newStart + span);
        long[] fit = fitWindow();
        fitted.set(newStart <= fit[0] && newStart + span >= fit[1]);
        if (fitted.get()) {
            fit();
        }
    }

    /** Pans, if needed, so {@code t} is in view: to the middle when it was out of it. */
    public void reveal(long t) {
        if (t == Timestamps.NONE || run.isEmpty() || t >= start.get() && t <= end.get()) {
            return;
        }
        panBy(t - (start.get() + span() / 2));
    }

    /** Time passed: running bars grow, and a fitted window grows with them. */
    public void tick(long nowMicros) {
        now.set(nowMicros);
        if (fitted.get() && run.isLive(nowMicros)) {
            fit();
        }
    }

    private void set(long from, long to) {
        start.set(from);
        end.set(Math.max(from + 1, to));
    }
}
