package dev.omne.inspector.ui.timeline;

import dev.omne.inspector.ui.common.Action;
import dev.omne.inspector.ui.common.AppIcon;
import dev.omne.inspector.ui.common.Formats;
import dev.omne.inspector.ui.common.Styles;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The timeline's header: its title, how much time and how many lanes it shows, the lane search, the grouping menu
 * and the zoom buttons.
 */
final class TimelineHeader extends HBox {
    private final TimelineViewModel model;
    private final TextField search = new TextField();
    private final Runnable backToLanes;

    TimelineHeader(TimelineViewModel model, ObservableBooleanValue empty, Runnable backToLanes) {
        this.model = model;
        this.backToLanes = backToLanes;
        getStyleClass().add(Styles.PANE_HEADER);
        Label title = new Label("Timeline", AppIcon.TIMELINE.icon());
        title.getStyleClass().add(Styles.TITLE);
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label shown = new Label();
        shown.setId("timeline-shown");
        shown.getStyleClass().add(Styles.MUTED);
        shown.setMinWidth(0);
        Runnable update = () -> shown.setText(model.model().isEmpty() ? "" : "·  "
                + Formats.duration(model.window().span() / 1000) + " shown  ·  "
                + Formats.count(model.model().laneCount()) + (model.model().laneCount() == 1 ? " node" : " nodes"));
        model.window().startProperty().addListener((obs, old, v) -> update.run());
        model.window().endProperty().addListener((obs, old, v) -> update.run());
        model.modelProperty().addListener((obs, old, v) -> update.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        search.setId("lane-search");
        search.getStyleClass().add("lane-search");
        search.setPromptText("Find lane");
        search.setPrefColumnCount(12);
        search.setTooltip(new Tooltip(Action.FIND_LANE.hint("A node id or name: Enter goes to the next, "
                + "Shift+Enter to the one before, Esc back to the lanes")));
        search.textProperty().addListener((obs, old, text) -> model.lanes().search(text));
        search.addEventHandler(KeyEvent.KEY_PRESSED, this::searchKey);
        search.disableProperty().bind(empty);
        Label status = new Label();
        status.setId("lane-search-status");
        status.getStyleClass().add(Styles.MUTED);
        status.textProperty().bind(model.lanes().searchStatusProperty());
        status.setMinWidth(Region.USE_PREF_SIZE);

        MenuButton grouping = groupingMenu();
        grouping.disableProperty().bind(empty);
        Button zoomIn = tool(Action.TIMELINE_ZOOM_IN, "timeline-zoom-in", "Zoom in, around the selected event",
                model::zoomIn);
        Button zoomOut = tool(Action.TIMELINE_ZOOM_OUT, "timeline-zoom-out", "Zoom out", model::zoomOut);
        Button fit = tool(Action.TIMELINE_FIT, "timeline-fit", "Show the whole run (or 0)", model.window()::fit);
        for (Button b : new Button[] {zoomIn, zoomOut, fit}) {
            b.disableProperty().bind(empty);
        }
        getChildren().addAll(title, shown, spacer, search, status, grouping, zoomIn, zoomOut, fit);
    }

    /** Puts the caret in the lane search ({@code /}). */
    void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    TextField searchField() {
        return search;
    }

    private void searchKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER) {
            model.lanes().stepMatch(e.isShiftDown() ? -1 : 1);
        } else if (e.getCode() == KeyCode.ESCAPE) {
            search.clear();
            backToLanes.run();
        } else {
            return;
        }
        e.consume();
    }

    private MenuButton groupingMenu() {
        MenuButton menu = new MenuButton(null, AppIcon.GROUPING.icon());
        menu.setId("lane-grouping");
        menu.getStyleClass().add(Styles.TOOL_BUTTON);
        menu.setFocusTraversable(false);
        menu.setTooltip(new Tooltip("Group the lanes; a group closes to one lane that shows where its members ran"));
        ToggleGroup toggles = new ToggleGroup();
        for (LaneGrouping g : LaneGrouping.values()) {
            RadioMenuItem item = new RadioMenuItem(g.text());
            item.setId("lane-grouping-" + g.name().toLowerCase(java.util.Locale.ROOT));
            item.setToggleGroup(toggles);
            item.setSelected(model.lanes().grouping() == g);
            model.lanes().groupingProperty().addListener((obs, old, now) -> item.setSelected(now == g));
            item.setOnAction(e -> model.lanes().setGrouping(g));
            menu.getItems().add(item);
        }
        MenuItem openAll = new MenuItem("Open All Groups");
        openAll.setId("lane-groups-open");
        openAll.setOnAction(e -> model.lanes().setAllOpen(true));
        MenuItem closeAll = new MenuItem("Close All Groups");
        closeAll.setId("lane-groups-close");
        closeAll.setOnAction(e -> model.lanes().setAllOpen(false));
        menu.getItems().addAll(new SeparatorMenuItem(), openAll, closeAll);
        return menu;
    }

    private Button tool(Action action, String id, String what, Runnable command) {
        Button b = new Button(null, action.icon().icon());
        b.setId(id);
        b.getStyleClass().add(Styles.TOOL_BUTTON);
        b.setFocusTraversable(false);
        b.setTooltip(new Tooltip(action.hint(what)));
        b.setOnAction(e -> {
            command.run();
            backToLanes.run();
        });
        return b;
    }
}
