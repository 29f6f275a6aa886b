package dev.omne.inspector.ui;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.volume.RunIds;
import dev.omne.inspector.ui.model.Formats;
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
final class EventTableView extends StackPane {
    static final double ROW_HEIGHT = 24;
    private static final javafx.css.PseudoClass ACTIVE = javafx.css.PseudoClass.getPseudoClass("active");

    private final EventTableViewModel model;
    private final TableView<Long> table = new TableView<>();
    private final Button followChip = new Button();
    private boolean syncingSelection;

    EventTableView(EventTableViewModel model) {
        this.model = model;
        setMinWidth(420);
        setMinHeight(140);
        table.setId("event-table");
        table.getStyleClass().add(Styles.EVENT_TABLE);
        table.setFixedCellSize(ROW_HEIGHT);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        table.itemsProperty().bind(model.rowsProperty());
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
        table.getColumns().add(column("Kind", 72, model::kindText, null));
        table.getColumns().add(summaryColumn());
        for (TableColumn<Long, ?> c : table.getColumns()) {
            c.setSortable(false);
            c.setReorderable(false);
        }
        table.setRowFactory(t -> new EventRow());

        followChip.setId("follow-chip");
        followChip.getStyleClass().add(Styles.FOLLOW_CHIP);
        followChip.setGraphic(AppIcon.FOLLOWING.icon());
        followChip.setTooltip(new Tooltip("Go to the end and follow new events (End)"));
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
        StackPane tableLayer = new StackPane(table, followChip);
        VBox.setVgrow(tableLayer, Priority.ALWAYS);
        getChildren().add(new VBox(header(), tableLayer));

        wireSelection();
        wireFollowing();
        model.revealProperty().addListener((obs, old, reveal) -> {
            if (reveal != null) {
                reveal(reveal);
            }
        });
    }

    TableView<Long> table() {
        return table;
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
        relative.setTooltip(new Tooltip("Show times relative to the run's start (Ctrl+T)"));
        Button previous = iconButton(AppIcon.PREVIOUS, "Previous malformed line (Shift+F8)", model::previousMalformed);
        Button next = iconButton(AppIcon.NEXT, "Next malformed line (F8)", model::nextMalformed);
        var noErrors = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.snapshot() == null || model.snapshot().errorCount() == 0, model.snapshotProperty());
        previous.disableProperty().bind(noErrors);
        next.disableProperty().bind(noErrors);
        Button follow = iconButton(AppIcon.FOLLOWING, "Go to the end and follow new events (End)", () -> {
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
        bar.getStyleClass().add(Styles.PANE_HEADER);
        return bar;
    }

    private static Button iconButton(AppIcon icon, String tooltip, Runnable action) {
        Button button = new Button(null, icon.icon());
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(e -> action.run());
        return button;
    }

    List<Integer> selectedRows() {
        return List.copyOf(table.getSelectionModel().getSelectedIndices());
    }

    private void wireSelection() {
        table.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (!syncingSelection) {
                model.select(index.intValue());
            }
        });
        model.selectedRowProperty().addListener((obs, old, row) -> {
            int r = row.intValue();
            if (table.getSelectionModel().getSelectedIndex() == r && table.getSelectionModel().getSelectedIndices().size() <= 1) {
                return;
            }
            syncingSelection = true;
            try {
                if (r < 0) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().clearAndSelect(r);
                    table.getFocusModel().focus(r);
                }
            } finally {
                syncingSelection = false;
            }
        });
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
    boolean isAtEnd() {
        VirtualFlow<?> flow = flow();
        int count = table.getItems() == null ? 0 : table.getItems().size();
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

    /** Index of the first row in view, or -1. */
    int firstVisibleRow() {
        VirtualFlow<?> flow = flow();
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        return first == null ? -1 : first.getIndex();
    }

    private VirtualFlow<?> flow() {
        return table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow ? flow : null;
    }

    private void reveal(EventTableViewModel.Reveal reveal) {
        // Let the skin take in rows that were just added before measuring or scrolling.
        table.layout();
        VirtualFlow<?> flow = flow();
        int row = reveal.row();
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
    }

    // Columns and cells

    private TableColumn<Long, Long> column(String title, double width, IntFunction<String> text,
                                                 IntFunction<String> tooltip, String... styles) {
        TableColumn<Long, Long> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(width * 0.8);
        column.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue()));
        column.setCellFactory(c -> new TextCell(text, tooltip, styles));
        return column;
    }

    private TableColumn<Long, Long> typeColumn() {
        TableColumn<Long, Long> column = new TableColumn<>("Type");
        column.setPrefWidth(140);
        column.setMinWidth(120);
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
        private String toneClass;

        TypeCell() {
            getStyleClass().add(Styles.TYPE_CELL);
        }

        @Override
        protected void updateItem(Long item, boolean empty) {
            super.updateItem(item, empty);
            if (toneClass != null) {
                getStyleClass().remove(toneClass);
                toneClass = null;
            }
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            int row = RowList.row(item);
            TypeTone tone = model.typeTone(row);
            toneClass = Styles.tone(tone);
            getStyleClass().add(toneClass);
            setText(model.typeText(row));
            if (tone == TypeTone.MALFORMED && malformedIcon == null) {
                malformedIcon = AppIcon.MALFORMED.icon();
            }
            setGraphic(tone == TypeTone.MALFORMED ? malformedIcon : null);
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
            if (empty || text == null) {
                setText(null);
                getStyleClass().remove(Styles.PLACEHOLDER_TEXT);
                return;
            }
            setText(text);
            if (EventTableViewModel.PLACEHOLDER.equals(text)) {
                if (!getStyleClass().contains(Styles.PLACEHOLDER_TEXT)) {
                    getStyleClass().add(Styles.PLACEHOLDER_TEXT);
                }
            } else {
                getStyleClass().remove(Styles.PLACEHOLDER_TEXT);
            }
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
        }
    }
}
