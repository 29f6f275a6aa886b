package dev.omne.inspector.ui.events;

import dev.omne.inspector.ui.common.Action;
import dev.omne.inspector.ui.common.AppIcon;
import dev.omne.inspector.ui.common.Styles;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.volume.RunIds;
import dev.omne.inspector.ui.common.Formats;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The events of the selected run in a virtualized table, under a header with the run's name and the View
 * menu's buttons. Its parts: the columns and cells ({@link EventCells}), the window of rows the table holds
 * ({@link RowWindowController}) and the gestures that pause and resume following ({@link FollowGestures}).
 */
public final class EventTableView extends StackPane {
    static final double ROW_HEIGHT = 24;
    private static final javafx.css.PseudoClass ACTIVE = javafx.css.PseudoClass.getPseudoClass("active");

    /** Rows the table holds at most; see {@link RowList}. */
    public static final int WINDOW = 4_000;
    /** Rows a window at the end of a growing run may take on before it is moved. */
    public static final int SLACK = 2_000;
    private final EventTableViewModel model;
    private final TableView<Long> table = new TableView<>();
    private final Button followChip = new Button();
    /** A scroll bar over the whole run, shown instead of the table's own while the run is windowed. */
    private final ScrollBar runBar = new ScrollBar();
    private final RowWindowController rows;
    private HBox headerBar;

    public EventTableView(EventTableViewModel model) {
        this.model = model;
        setMinWidth(420);
        setMinHeight(140);
        table.setId("event-table");
        table.getStyleClass().add(Styles.EVENT_TABLE);
        table.setFixedCellSize(ROW_HEIGHT);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.getStyleClass().add("table-placeholder");
        placeholder.textProperty().bind(model.emptyTextProperty());
        table.setPlaceholder(placeholder);
        new EventCells(model).install(table);

        followChip.setId("follow-chip");
        followChip.getStyleClass().add(Styles.FOLLOW_CHIP);
        followChip.setGraphic(AppIcon.FOLLOWING.icon());
        followChip.setTooltip(new Tooltip(Action.FOLLOW.hint("Go to the end and follow new events")));
        followChip.setOnAction(e -> {
            model.resumeFollowing();
            table.requestFocus();
        });
        followChip.visibleProperty().bind(model.followingProperty().not().and(model.rowsProperty().isNotNull())
                .and(model.unseenRowsProperty().greaterThan(0)));
        model.unseenRowsProperty().addListener((obs, old, n) ->
                followChip.setText(n.intValue() + (n.intValue() == 1 ? " new event" : " new events") + " · End to follow"));
        StackPane.setAlignment(followChip, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(followChip, new Insets(0, 24, 16, 0));
        runBar.setId("run-scroll-bar");
        runBar.setOrientation(Orientation.VERTICAL);
        runBar.setVisible(false);
        runBar.setManaged(false);
        HBox.setHgrow(table, Priority.ALWAYS);
        StackPane tableLayer = new StackPane(new HBox(table, runBar), followChip);
        VBox.setVgrow(tableLayer, Priority.ALWAYS);
        getChildren().add(new VBox(header(), tableLayer));

        rows = new RowWindowController(model, table, runBar);
        new FollowGestures(model, table, runBar, rows::isAtEnd);
    }

    public TableView<Long> table() {
        return table;
    }

    /** Adds a tool to the header, before the view's own buttons. */
    public void addTool(Node tool) {
        int at = headerBar.getChildren().size() - 4;
        headerBar.getChildren().add(at, tool);
    }

    /** The run's name and line count, and buttons for what the View menu does (with their shortcuts). */
    private HBox header() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE);
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label id = new Label();
        id.getStyleClass().addAll(Styles.MUTED, Styles.MONO);
        id.setMinWidth(Region.USE_PREF_SIZE);
        Label lines = new Label();
        lines.getStyleClass().add(Styles.MUTED);
        lines.setMinWidth(0);
        Runnable update = () -> {
            String run = model.runId();
            title.setText(run == null ? "Events" : RunIds.pipeName(run));
            id.setText(run == null ? "" : RunIds.shortId(run));
            IndexSnapshot s = model.snapshot();
            lines.setText(s == null ? "" : "·  " + Formats.count(s.size()) + (s.size() == 1 ? " line" : " lines"));
        };
        model.snapshotProperty().addListener((obs, old, s) -> update.run());
        model.rowsProperty().addListener((obs, old, r) -> update.run());
        model.runIdProperty().addListener((obs, old, r) -> update.run());
        update.run();

        ToggleButton relative = new ToggleButton("Since start", AppIcon.TIME.icon());
        relative.setId("toggle-relative-time");
        relative.selectedProperty().bindBidirectional(model.cells().relativeTimeProperty());
        relative.setTooltip(new Tooltip(Action.RELATIVE_TIME.hint("Show times relative to the run's start")));
        Button previous = iconButton(Action.PREVIOUS_MALFORMED, "Previous malformed line", model.jumps()::previousMalformed);
        Button next = iconButton(Action.NEXT_MALFORMED, "Next malformed line", model.jumps()::nextMalformed);
        var noErrors = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.snapshot() == null || model.snapshot().errorCount() == 0, model.snapshotProperty());
        previous.disableProperty().bind(noErrors);
        next.disableProperty().bind(noErrors);
        Button follow = iconButton(Action.FOLLOW, "Go to the end and follow new events", () -> {
            model.resumeFollowing();
            table.requestFocus();
        });
        follow.setId("button-follow");
        model.followingProperty().addListener((obs, old, on) -> follow.pseudoClassStateChanged(ACTIVE, on));
        follow.pseudoClassStateChanged(ACTIVE, model.isFollowing());
        for (javafx.scene.control.ButtonBase b : List.of(relative, previous, next, follow)) {
            b.setFocusTraversable(false);
            b.getStyleClass().add(Styles.TOOL_BUTTON);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(title, id, lines, spacer, relative, previous, next, follow);
        headerBar = bar;
        bar.getStyleClass().add(Styles.PANE_HEADER);
        return bar;
    }

    private static Button iconButton(Action action, String tooltip, Runnable command) {
        Button button = new Button(null, action.icon().icon());
        button.setTooltip(new Tooltip(action.hint(tooltip)));
        button.setOnAction(e -> command.run());
        return button;
    }

    /** The scroll bar over the whole run (shown for runs longer than a window). */
    public ScrollBar runBar() {
        return runBar;
    }

    /** The selected rows of the run (not table positions: the filter may hide rows in between). */
    public List<Integer> selectedRows() {
        return rows.selectedRows();
    }

    /** Whether the last row is fully in view (or there is nothing to scroll). */
    public boolean isAtEnd() {
        return rows.isAtEnd();
    }

    /** The run row first in view, or -1. */
    public int firstVisibleRow() {
        return rows.firstVisibleRow();
    }
}
