package dev.omne.inspector.ui.timeline;

import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

import java.util.List;
import java.util.function.Function;

/**
 * The timeline's colours as CSS properties of its view ({@code -omne-timeline-*} in the stylesheet, which take the
 * theme's colours), so a theme change repaints it. The painters read them from here.
 */
final class TimelineStyle {
    static final StyleablePropertyFactory<TimelineView> CSS = new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    final StyleableObjectProperty<Paint> completed;
    final StyleableObjectProperty<Paint> failed;
    final StyleableObjectProperty<Paint> running;
    final StyleableObjectProperty<Paint> instant;
    final StyleableObjectProperty<Paint> grid;
    final StyleableObjectProperty<Paint> text;
    final StyleableObjectProperty<Paint> muted;
    final StyleableObjectProperty<Paint> laneAlt;
    final StyleableObjectProperty<Paint> selection;
    final StyleableObjectProperty<Paint> range;
    final StyleableObjectProperty<Paint> match;
    final StyleableObjectProperty<Paint> group;
    final StyleableObjectProperty<Paint> surface;

    TimelineStyle(TimelineView view) {
        completed = colour(view, "completedColor", "-omne-timeline-completed", v -> v.style().completed, "#1a7f37");
        failed = colour(view, "failedColor", "-omne-timeline-failed", v -> v.style().failed, "#cf222e");
        running = colour(view, "runningColor", "-omne-timeline-running", v -> v.style().running, "#2f6fdb");
        instant = colour(view, "instantColor", "-omne-timeline-instant", v -> v.style().instant, "#8250df");
        grid = colour(view, "gridColor", "-omne-timeline-grid", v -> v.style().grid, "#d5d9df");
        text = colour(view, "textColor", "-omne-timeline-text", v -> v.style().text, "#1f2328");
        muted = colour(view, "mutedColor", "-omne-timeline-muted", v -> v.style().muted, "#656d76");
        laneAlt = colour(view, "laneAltColor", "-omne-timeline-lane-alt", v -> v.style().laneAlt, "#f6f7f9");
        selection = colour(view, "selectionColor", "-omne-timeline-selection", v -> v.style().selection, "#dbe7fb");
        range = colour(view, "rangeColor", "-omne-timeline-range", v -> v.style().range, "#2f6fdb");
        match = colour(view, "matchColor", "-omne-timeline-match", v -> v.style().match, "#fff8c5");
        group = colour(view, "groupColor", "-omne-timeline-group", v -> v.style().group, "#eef0f3");
        surface = colour(view, "surfaceColor", "-omne-timeline-surface", v -> v.style().surface, "#ffffff");
    }

    @SuppressWarnings("unchecked")
    private static StyleableObjectProperty<Paint> colour(TimelineView view, String name, String css,
                                                        Function<TimelineView, StyleableObjectProperty<Paint>> get,
                                                        String initial) {
        Function<TimelineView, StyleableProperty<Paint>> property = v -> get.apply(v);
        return (StyleableObjectProperty<Paint>) CSS.createStyleablePaintProperty(view, name, css, property,
                Color.web(initial));
    }

    static List<CssMetaData<? extends Styleable, ?>> cssMetaData() {
        return CSS.getCssMetaData();
    }

    /** Every colour: a change of any repaints. */
    List<ObservableValue<?>> all() {
        return List.of(completed, failed, running, instant, grid, text, muted, laneAlt, selection, range, match, group,
                surface);
    }

    /** The colour of a bar's outcome. */
    Paint of(TimelineModel.Outcome outcome) {
        return switch (outcome) {
            case COMPLETED -> completed.get();
            case FAILED -> failed.get();
            case RUNNING, INTERRUPTED -> running.get();
        };
    }
}
