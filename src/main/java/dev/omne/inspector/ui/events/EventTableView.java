package dev.omne.inspector.ui.events;

import dev.omne.inspector.core.event.EventTypes;
import dev.omne.inspector.ui.common.Action;
import dev.omne.inspector.ui.common.AppIcon;
import dev.omne.inspector.ui.common.Styles;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.volume.RunIds;
import dev.omne.inspector.ui.common.Formats;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.List;
import java.util.function.IntFunction;

/**
 * The events of the selected run in a virtualized table. Items are row numbers; cells read their text from
 * the ViewModel (the index, or lines read in the background). Reports the user's scrolling so the model can
 * follow or pause, and carries out the model's requests to reveal a row.
 */
public final class EventTableView extends StackPane {
    static final double ROW_HEIGHT = 24;
    private static final javafx.css.PseudoClass ACTIVE = javafx.css.PseudoClass.getPseudoClass("active");
    private static final javafx.css.PseudoClass CHOSEN_NODE = javafx.css.PseudoClass.getPseudoClass("chosen-node");
    private static final javafx.css.PseudoClass WINDOWED = javafx.css.PseudoClass.getPseudoClass("windowed");

    /** Rows the table holds at most; see {@link RowList}. */
    public static final int WINDOW = 4_000;
    /** Rows a window at the end of a growing run may take on before it is moved. */
    public static final int SLACK = 2_000;
    /** A window is moved when the view comes this close to one of its ends. */
    static final int MARGIN = 1_000;

    private final EventTableViewModel model;
    private final TableView<Long> table = new TableView<>();
    private final Button followChip = new Button();
    /** A scroll bar over the whole run, shown instead of the table's own while the run is windowed. */
    private final ScrollBar runBar = new ScrollBar();
    private RowList window = new RowList(0, 0);
    private RowList source;
    private final javafx.collections.ListChangeListener<Long> sourceGrew = c -> sourceGrew();
    private boolean syncingSelection;
    private boolean syncingBar;
    private boolean afterScrollScheduled;
    private VirtualFlow<?> hookedFlow;
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
        table.setItems(window);
        model.rowsProperty().addListener((obs, old, rows) -> attach(rows));
        Label placeholder = new Label();
        placeholder.getStyleClass().add("table-placeholder");
        placeholder.textProperty().bind(model.emptyTextProperty());
        table.setPlaceholder(placeholder);

        table.getColumns().add(column("Line", 68, model::lineText, null, "number-cell", "line-cell"));
        TableColumn<Long, Long> time = column("Time", 108, model::timeText, model::timeTooltip, Styles.NUMBER_CELL);
        model.relativeTimeProperty().addListener((obs, old, relative) -> {
            time.setText(relative ? "Since start" : "Time");
            table.refresh();
        });
        time.setText(model.relativeTimeProperty().get() ? "Since start" : "Time");
        table.getColumns().add(time);
        table.getColumns().add(column("Delta", 86, model::deltaText, null, Styles.NUMBER_CELL));
        table.getColumns().add(typeColumn());
        table.getColumns().add(column("Node", 120, model::nodeText, null));
        table.getColumns().add(column("Kind", 84, model::kindText, null));
        table.getColumns().add(summaryColumn());
        for (TableColumn<Long, ?> c : table.getColumns()) {
            c.setSortable(false);
            c.setReorderable(false);
        }
        table.setRowFactory(t -> new EventRow());

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
        runBar.valueProperty().addListener((obs, old, value) -> {
            if (!syncingBar) {
                jumpTo((int) Math.round(value.doubleValue()));
            }
        });
        runBar.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> model.userScrolled(false));
        runBar.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> checkAtEndLater());
        HBox.setHgrow(table, Priority.ALWAYS);
        StackPane tableLayer = new StackPane(new HBox(table, runBar), followChip);
        VBox.setVgrow(tableLayer, Priority.ALWAYS);
        getChildren().add(new VBox(header(), tableLayer));

        wireSelection();
        wireFollowing();
        table.skinProperty().addListener((obs, old, skin) -> Platform.runLater(this::hookFlow));
        attach(model.rowsProperty().get());
        model.revealProperty().addListener((obs, old, reveal) -> {
            if (reveal != null) {
                reveal(reveal);
            }
        });
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
        relative.selectedProperty().bindBidirectional(model.relativeTimeProperty());
        relative.setTooltip(new Tooltip(Action.RELATIVE_TIME.hint("Show times relative to the run's start")));
        Button previous = iconButton(Action.PREVIOUS_MALFORMED, "Previous malformed line", model::previousMalformed);
        Button next = iconButton(Action.NEXT_MALFORMED, "Next malformed line", model::nextMalformed);
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
        int base = window.base();
        return table.getSelectionModel().getSelectedIndices().stream().map(i -> model.rowAt(i + base)).toList();
    }

    private void wireSelection() {
        table.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (!syncingSelection) {
                model.select(index.intValue() < 0 ? -1 : index.intValue() + window.base());
            }
        });
        model.selectedPositionProperty().addListener((obs, old, position) -> showSelection());
        model.chosenNodeProperty().addListener((obs, old, node) -> table.refresh());
    }

    /** Shows the model's selected row, when it is in the window (a reveal moves the window to it). */
    private void showSelection() {
        int local = model.selectedPosition() - window.base();
        var selection = table.getSelectionModel();
        if (model.selectedPosition() >= 0 && selection.getSelectedIndex() == local && selection.getSelectedIndices().size() <= 1) {
            return;
        }
        syncingSelection = true;
        try {
            if (model.selectedPosition() < 0 || local < 0 || local >= window.size()) {
                selection.clearSelection();
            } else {
                selection.clearAndSelect(local);
                table.getFocusModel().focus(local);
            }
        } finally {
            syncingSelection = false;
        }
    }

    // The window of rows the table holds

    /** The model shows another run (or a rebuilt index): a new window at its start, until a reveal moves it. */
    private void attach(RowList rows) {
        if (source != null) {
            source.removeListener(sourceGrew);
        }
        source = rows;
        source.addListener(sourceGrew);
        setWindow(new RowList(0, Math.min(source.size(), WINDOW + SLACK)));
    }

    /**
     * Rows were appended: a window that reached the run's end takes them in, up to its slack; any other
     * window stays as it is, so the rows in view never move.
     */
    private void sourceGrew() {
        int total = source.size();
        if (window.end() == knownTotal) {
            window.growTo(Math.min(total, window.base() + WINDOW + SLACK));
        }
        knownTotal = total;
        updateMode();
        updateRunBar();
    }

    /** The run's row count the window was last set or grown for. */
    private int knownTotal;

    private void setWindow(RowList next) {
        window = next;
        knownTotal = source == null ? 0 : source.size();
        syncingSelection = true;
        try {
            table.setItems(next);
        } finally {
            syncingSelection = false;
        }
        showSelection();
        updateMode();
        updateRunBar();
    }

    /** A run too long for one window gets the whole-run scroll bar instead of the table's own. */
    private void updateMode() {
        boolean windowed = knownTotal > WINDOW + SLACK;
        if (runBar.isVisible() != windowed) {
            runBar.setVisible(windowed);
            runBar.setManaged(windowed);
            table.pseudoClassStateChanged(WINDOWED, windowed);
        }
    }

    /** Moves the window so that it holds run row {@code row} well inside it. */
    private void centerWindowOn(int row) {
        int total = source.size();
        int base = Math.max(0, Math.min(row - WINDOW / 2, total - WINDOW));
        setWindow(new RowList(base, Math.min(total - base, WINDOW)));
    }

    /** Makes sure the window holds {@code row} with room around it (or ends at the run's end, for END). */
    private void ensureInWindow(int row, EventTableViewModel.Placement placement) {
        int total = source.size();
        if (placement == EventTableViewModel.Placement.END) {
            if (window.end() != total) {
                int base = Math.max(0, total - WINDOW);
                setWindow(new RowList(base, total - base));
            }
            return;
        }
        boolean inside = row >= window.base() && row < window.end();
        boolean nearStart = window.base() > 0 && row - window.base() < MARGIN;
        boolean nearEnd = window.end() < total && window.end() - row < MARGIN;
        if (!inside || nearStart || nearEnd) {
            centerWindowOn(row);
        }
    }

    private void hookFlow() {
        VirtualFlow<?> flow = flow();
        if (flow != null && flow != hookedFlow) {
            hookedFlow = flow;
            flow.positionProperty().addListener((obs, old, p) -> afterScrollLater());
        }
    }

    private void afterScrollLater() {
        if (!afterScrollScheduled) {
            afterScrollScheduled = true;
            Platform.runLater(() -> {
                afterScrollScheduled = false;
                afterScroll();
            });
        }
    }

    /** The view moved: near an end of a window that is not the run's end, move the window along. */
    private void afterScroll() {
        VirtualFlow<?> flow = flow();
        if (flow == null || source == null) {
            return;
        }
        // Cells follow the position only at the next layout: bring them up to date before reading them.
        table.layout();
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (first != null && last != null) {
            boolean nearStart = window.base() > 0 && first.getIndex() < MARGIN;
            boolean nearEnd = window.end() < source.size() && window.size() - last.getIndex() < MARGIN;
            if (nearStart || nearEnd) {
                int top = window.base() + first.getIndex();
                double offset = first.getLayoutY();
                centerWindowOn(top);
                table.layout();
                flow.scrollToTop(top - window.base());
                flow.scrollPixels(-offset);
            }
        }
        updateRunBar();
    }

    /** The whole-run scroll bar: where the view is in the run. */
    private void updateRunBar() {
        if (!runBar.isVisible() || source == null) {
            return;
        }
        VirtualFlow<?> flow = flow();
        int visible = flow == null ? 20 : (int) Math.max(1, flow.getViewportLength() / ROW_HEIGHT);
        int total = source.size();
        syncingBar = true;
        try {
            runBar.setMin(0);
            runBar.setMax(Math.max(0, total - visible));
            runBar.setVisibleAmount(visible);
            runBar.setUnitIncrement(1);
            runBar.setBlockIncrement(visible);
            runBar.setValue(isAtEnd() ? runBar.getMax() : Math.max(0, firstVisibleRow()));
        } finally {
            syncingBar = false;
        }
    }

    /** The user moved the whole-run scroll bar to row {@code row}. */
    private void jumpTo(int row) {
        if (source == null) {
            return;
        }
        ensureInWindow(row, EventTableViewModel.Placement.TOP);
        table.layout();
        VirtualFlow<?> flow = flow();
        if (flow != null) {
            if (row >= runBar.getMax()) {
                flow.setPosition(1.0);
            } else {
                flow.scrollToTop(row - window.base());
            }
        }
    }

    /**
     * Following: a gesture towards the top (wheel up, Page Up, grabbing the scroll bar, ...) pauses at once;
     * after any gesture, being at the end resumes. New rows themselves never count as a gesture.
     */
    private void wireFollowing() {
        table.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                model.userScrolled(false);
            }
            checkAtEndLater();
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            KeyCode code = e.getCode();
            if (code == KeyCode.END && !e.isShiftDown()) {
                e.consume();
                model.resumeFollowing();
                return;
            }
            if (code == KeyCode.HOME && !e.isShiftDown()) {
                // The run's first row, not the window's.
                e.consume();
                model.goToPosition(0);
                return;
            }
            if (code == KeyCode.UP || code == KeyCode.PAGE_UP || code == KeyCode.HOME || code == KeyCode.KP_UP) {
                model.userScrolled(false);
            }
            if (code == KeyCode.DOWN || code == KeyCode.PAGE_DOWN || code == KeyCode.KP_DOWN) {
                checkAtEndLater();
            }
        });
        table.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (isOnScrollBar(e.getPickResult().getIntersectedNode())) {
                model.userScrolled(false);
            }
        });
        table.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (isOnScrollBar(e.getPickResult().getIntersectedNode())) {
                checkAtEndLater();
            }
        });
    }

    private static boolean isOnScrollBar(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof ScrollBar bar) {
                return bar.getOrientation() == Orientation.VERTICAL;
            }
            if (n instanceof TableView) {
                return false;
            }
        }
        return false;
    }

    private void checkAtEndLater() {
        Platform.runLater(() -> {
            if (isAtEnd()) {
                model.userScrolled(true);
            }
        });
    }

    /** Whether the last row is fully in view (or there is nothing to scroll). */
    public boolean isAtEnd() {
        VirtualFlow<?> flow = flow();
        int count = table.getItems() == null ? 0 : table.getItems().size();
        if (source != null && window.end() < source.size()) {
            return false;
        }
        if (flow == null || count == 0) {
            return true;
        }
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (last == null) {
            return true;
        }
        return last.getIndex() >= count - 1
                && last.getLayoutY() + last.getHeight() <= flow.getViewportLength() + 1.5;
    }

    /** The run row first in view, or -1. */
    public int firstVisibleRow() {
        VirtualFlow<?> flow = flow();
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        return first == null ? -1 : window.base() + first.getIndex();
    }

    private VirtualFlow<?> flow() {
        return table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow ? flow : null;
    }

    private void reveal(EventTableViewModel.Reveal reveal) {
        if (source == null || reveal.row() >= source.size()) {
            return;
        }
        ensureInWindow(reveal.row(), reveal.placement());
        showSelection();
        // Let the skin take in rows that were just added before measuring or scrolling.
        table.layout();
        VirtualFlow<?> flow = flow();
        int row = reveal.row() - window.base();
        if (flow == null) {
            table.scrollTo(row);
            return;
        }
        switch (reveal.placement()) {
            case END -> {
                flow.scrollTo(row);
                flow.setPosition(1.0);
            }
            case TOP -> flow.scrollToTop(row);
            case CENTER -> {
                int visible = (int) Math.max(1, flow.getViewportLength() / ROW_HEIGHT);
                IndexedCell<?> first = flow.getFirstVisibleCell();
                IndexedCell<?> last = flow.getLastVisibleCell();
                boolean inView = first != null && last != null && row > first.getIndex() && row < last.getIndex();
                if (!inView) {
                    flow.scrollToTop(Math.max(0, row - visible / 2));
                }
            }
            case VISIBLE -> flow.scrollTo(row);
        }
        updateRunBar();
    }

    // Columns and cells

    private TableColumn<Long, Long> column(String title, double width, IntFunction<String> text,
                                                 IntFunction<String> tooltip, String... styles) {
        TableColumn<Long, Long> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        // Numbers (line, time, delta) must never be clipped: they keep their width in a narrow window.
        boolean numbers = java.util.Arrays.asList(styles).contains(Styles.NUMBER_CELL) || title.equals("Line");
        column.setMinWidth(numbers ? width : width * 0.8);
        column.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue()));
        column.setCellFactory(c -> new TextCell(text, tooltip, styles));
        return column;
    }

    private TableColumn<Long, Long> typeColumn() {
        TableColumn<Long, Long> column = new TableColumn<>("Type");
        column.setPrefWidth(140);
        column.setMinWidth(140);
        column.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue()));
        column.setCellFactory(c -> new TypeCell());
        return column;
    }

    private TableColumn<Long, String> summaryColumn() {
        TableColumn<Long, String> column = new TableColumn<>("Summary");
        column.setPrefWidth(480);
        column.setMinWidth(160);
        column.setCellValueFactory(f -> summary(f.getValue()));
        column.setCellFactory(c -> new SummaryCell());
        return column;
    }

    private ObservableValue<String> summary(Long item) {
        return model.summary(RowList.row(item));
    }

    /**
     * Gives a cell its tooltip only when the pointer first rests on it: a screenful of cells would otherwise
     * build dozens of tooltip popups that nobody looks at, on the UI thread, just as a run opens.
     */
    private static void tooltipOnHover(IndexedCell<?> cell, java.util.function.Supplier<String> text, double delayMillis) {
        cell.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            String s = cell.isEmpty() ? null : text.get();
            if (s == null || s.isEmpty()) {
                cell.setTooltip(null);
                return;
            }
            Tooltip tip = cell.getTooltip();
            if (tip == null) {
                tip = new Tooltip();
                tip.setShowDelay(Duration.millis(delayMillis));
                tip.setWrapText(true);
                tip.setMaxWidth(640);
                cell.setTooltip(tip);
            }
            tip.setText(s);
        });
    }

    /** A cell whose text (and tooltip) come from the row number. */
    private static final class TextCell extends TableCell<Long, Long> {
        private final IntFunction<String> text;

        TextCell(IntFunction<String> text, IntFunction<String> tooltipText, String... styles) {
            this.text = text;
            getStyleClass().addAll(styles);
            if (tooltipText != null) {
                tooltipOnHover(this, () -> getItem() == null ? null : tooltipText.apply(RowList.row(getItem())), 400);
            }
        }

        @Override
        protected void updateItem(Long item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : text.apply(RowList.row(item)));
        }
    }

    /** The event type, coloured by what it means; a malformed line says so with an icon. */
    private final class TypeCell extends TableCell<Long, Long> {
        private Node malformedIcon;
        private javafx.css.PseudoClass tone;

        TypeCell() {
            getStyleClass().add(Styles.TYPE_CELL);
        }

        @Override
        protected void updateItem(Long item, boolean empty) {
            super.updateItem(item, empty);
            // Pseudo-classes, not style classes: switching them is cheap, as it must be while rows fly by.
            javafx.css.PseudoClass next = empty || item == null ? null : Styles.tone(model.typeTone(RowList.row(item)));
            if (next != tone) {
                if (tone != null) {
                    pseudoClassStateChanged(tone, false);
                }
                if (next != null) {
                    pseudoClassStateChanged(next, true);
                }
                tone = next;
            }
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            int row = RowList.row(item);
            boolean malformed = model.typeTone(row) == EventTypes.Tone.MALFORMED;
            setText(model.typeText(row));
            if (malformed && malformedIcon == null) {
                malformedIcon = AppIcon.MALFORMED.icon();
            }
            setGraphic(malformed ? malformedIcon : null);
        }
    }

    /** The one-line summary, read from the file in the background: a placeholder until it arrives. */
    private final class SummaryCell extends TableCell<Long, String> {
        SummaryCell() {
            getStyleClass().add(Styles.SUMMARY_CELL);
            tooltipOnHover(this, () -> {
                String text = getItem();
                return text == null || text.length() < 60 || EventTableViewModel.PLACEHOLDER.equals(text) ? null : text;
            }, 700);
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            pseudoClassStateChanged(Styles.PENDING, !empty && EventTableViewModel.PLACEHOLDER.equals(text));
        }
    }

    /** A row: marked when its line is malformed, or is an event with a warning. */
    private final class EventRow extends TableRow<Long> {
        EventRow() {
            tooltipOnHover(this, () -> {
                Long item = getItem();
                int row = item == null ? -1 : RowList.row(item);
                return row >= 0 && model.hasWarning(row) && !model.isMalformed(row) ? "Warning: " + model.warningText(row)
                        : null;
            }, 500);
        }

        @Override
        protected void updateItem(Long item, boolean empty) {
            super.updateItem(item, empty);
            int row = empty || item == null ? -1 : RowList.row(item);
            boolean malformed = row >= 0 && model.isMalformed(row);
            boolean warned = row >= 0 && !malformed && model.hasWarning(row);
            pseudoClassStateChanged(Styles.MALFORMED, malformed);
            pseudoClassStateChanged(Styles.WARNING, warned);
            pseudoClassStateChanged(CHOSEN_NODE, row >= 0 && model.isOfChosenNode(row));
        }
    }
}
