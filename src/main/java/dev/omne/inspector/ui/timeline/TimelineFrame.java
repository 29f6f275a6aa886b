package dev.omne.inspector.ui.timeline;

/**
 * What one paint of the timeline shows, read from its view models at the start of the paint: the painters draw
 * from this alone.
 *
 * @param lanesScale  the window over the lanes' time area
 * @param ticks       the ticks of that window
 * @param top         how far the lanes are scrolled
 * @param now         the time open bars are drawn to
 * @param rangeFromX  a range being dragged on the axis (x of both ends), or NaN
 */
record TimelineFrame(TimelineModel model, LaneRows rows, TimeScale lanesScale, TimeScale.Ticks ticks, double top,
                     long now, int chosenLane, int markedLane, long markedTime, LanesViewModel lanes,
                     double rangeFromX, double rangeToX) {
}
