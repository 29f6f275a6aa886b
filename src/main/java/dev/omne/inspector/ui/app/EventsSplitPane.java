package dev.omne.inspector.ui.app;

import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;

import java.util.List;

/**
 * The split of timeline, events and event detail, top to bottom: both dividers move and are remembered, the
 * timeline can be hidden (the events take its room) and shown again at its size, and the detail pane keeps to its
 * least height while no event is selected, taking back the height it had once one is.
 */
final class EventsSplitPane {
    private final SplitPane split = new SplitPane();
    private final Node timeline;
    private final Node events;
    private final Region detail;
    /** Where the timeline ends and the detail begins, as fractions of the height, with every pane shown. */
    private double timelineEnd;
    private double detailStart;
    private boolean timelineShown;
    private boolean compact;
    private boolean applying;

    /** @param positions the timeline's end and the detail's start, as fractions of the split's height */
    EventsSplitPane(Node timeline, Node events, Region detail, double[] positions, boolean timelineShown) {
        this.timeline = timeline;
        this.events = events;
        this.detail = detail;
        this.timelineEnd = positions[0];
        this.detailStart = Math.max(positions[0] + 0.05, positions[1]);
        this.timelineShown = timelineShown;
        split.setOrientation(Orientation.VERTICAL);
        split.setId("events-split");
        SplitPane.setResizableWithParent(detail, false);
        SplitPane.setResizableWithParent(timeline, false);
        split.getDividers().addListener((ListChangeListener<SplitPane.Divider>) c -> {
            while (c.next()) {
                for (SplitPane.Divider d : c.getAddedSubList()) {
                    d.positionProperty().addListener((obs, old, now) -> dividerMoved());
                }
            }
        });
        split.heightProperty().addListener((obs, old, h) -> {
            if (compact) {
                apply();
            }
        });
        apply();
    }

    SplitPane node() {
        return split;
    }

    boolean isTimelineShown() {
        return timelineShown;
    }

    /** Hides the timeline (the events take its room) or shows it again at the height it had. */
    void setTimelineShown(boolean shown) {
        if (shown != timelineShown) {
            timelineShown = shown;
            apply();
        }
    }

    /** While no event is selected the detail pane keeps to its least height. */
    void setDetailCompact(boolean isCompact) {
        if (isCompact != compact) {
            compact = isCompact;
            apply();
        }
    }

    /** The timeline's end and the detail's start, as they are with every pane shown and an event selected. */
    double[] positions() {
        return new double[] {timelineEnd, detailStart};
    }

    private void apply() {
        applying = true;
        try {
            List<Node> items = timelineShown ? List.of(timeline, events, detail) : List.of(events, detail);
            if (!split.getItems().equals(items)) {
                split.getItems().setAll(items);
            }
            double start = compact ? compactStart() : detailStart;
            if (timelineShown) {
                split.setDividerPositions(Math.min(timelineEnd, Math.max(0.05, start - 0.08)), start);
            } else {
                split.setDividerPositions(start); // the detail keeps its height; the events take the timeline's
            }
        } finally {
            applying = false;
        }
    }

    /** Where the detail begins at its least height. */
    private double compactStart() {
        double height = split.getHeight();
        if (height <= 0) {
            return detailStart;
        }
        double least = detail.minHeight(-1) + 1;
        return Math.max(timelineShown ? timelineEnd : 0, 1 - least / height);
    }

    private void dividerMoved() {
        if (applying) {
            return;
        }
        List<SplitPane.Divider> dividers = split.getDividers();
        if (timelineShown && dividers.size() == 2) {
            timelineEnd = dividers.get(0).getPosition();
            if (!compact) {
                detailStart = dividers.get(1).getPosition();
            }
        } else if (!timelineShown && dividers.size() == 1 && !compact) {
            detailStart = dividers.get(0).getPosition();
        }
    }
}
