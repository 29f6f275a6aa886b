package dev.omne.inspector.ui.history;

import dev.omne.inspector.core.history.NodeRun;
import dev.omne.inspector.core.history.RunComparison;
import dev.omne.inspector.ui.common.Action;
import dev.omne.inspector.ui.common.AppIcon;
import dev.omne.inspector.ui.common.CanvasStyle;
import dev.omne.inspector.ui.common.Styles;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.CssMetaData;
import javafx.css.PseudoClass;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Paint;

import java.util.List;
import java.util.function.Function;

/**
 * Two runs compared: their headings, B's time against A's, where they first diverge (the row marked), a row per
 * node with both times, the difference, how it ended in each (with the error kind of a failure); beside it both timelines on one axis from their
 * starts. The filter field and "Differences only" apply to both runs. Double-click a row's A or B side to open that
 * run at the node.
 */
public final class RunComparisonView extends VBox {
    private static final PseudoClass DIVERGES = PseudoClass.getPseudoClass("diverges");
    private static final StyleablePropertyFactory<RunComparisonView> CSS =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());
    private final CanvasStyle<RunComparisonView> colours = new CanvasStyle<>(CSS);
    private final StyleableObjectProperty<Paint> surface = colours.colour(this, "surfaceColor", "-omne-history-surface", v -> v.surface, "#ffffff");
    private final StyleableObjectProperty<Paint> laneAlt = colours.colour(this, "laneAltColor", "-omne-history-row-alt", v -> v.laneAlt, "#f6f7f9");
    private final StyleableObjectProperty<Paint> text = colours.colour(this, "textColor", "-omne-history-text", v -> v.text, "#1f2328");
    private final StyleableObjectProperty<Paint> muted = colours.colour(this, "mutedColor", "-omne-history-muted", v -> v.muted, "#656d76");
    private final StyleableObjectProperty<Paint> grid = colours.colour(this, "gridColor", "-omne-history-grid", v -> v.grid, "#d5d9df");
    private final StyleableObjectProperty<Paint> completed = colours.colour(this, "completedColor", "-omne-history-mark-completed", v -> v.completed, "#1a7f37");
    private final StyleableObjectProperty<Paint> failed = colours.colour(this, "failedColor", "-omne-history-mark-failed", v -> v.failed, "#cf222e");
    private final StyleableObjectProperty<Paint> running = colours.colour(this, "runningColor", "-omne-history-mark-running", v -> v.running, "#2f6fdb");
    private final StyleableObjectProperty<Paint> divergence = colours.colour(this, "divergenceColor", "-omne-history-divergence", v -> v.divergence, "#fff8c5");

    private final RunComparisonViewModel model;
    private final ComparisonTimelinePainter painter = new ComparisonTimelinePainter();
    private final Canvas timeline = new Canvas();
    private final ScrollPane timelineScroll = new ScrollPane(timeline);
    private final TableView<RunComparison.Row> table = new TableView<>();

    public RunComparisonView(RunComparisonViewModel model) {
        this.model = model;
        setId("run-comparison");
        getStyleClass().add("run-comparison");

        Label titleA = new Label();
        titleA.setId("compare-title-a");
        Label titleB = new Label();
        titleB.setId("compare-title-b");
        Label badgeA = badge("A");
        Label badgeB = badge("B");
        Label difference = new Label();
        difference.getStyleClass().add(Styles.MUTED);
        Label divergenceText = new Label();
        divergenceText.setId("compare-divergence");
        divergenceText.getStyleClass().add("divergence-banner");
        divergenceText.setMinWidth(0);

        TextField filter = new TextField();
        filter.setId("compare-filter");
        filter.setPromptText("Filter nodes of both runs");
        filter.textProperty().bindBidirectional(model.filterProperty());
        filter.setPrefColumnCount(16);
        CheckBox differences = new CheckBox("Differences only");
        differences.setId("compare-differences");
        differences.selectedProperty().bindBidirectional(model.differencesOnlyProperty());
        differences.setTooltip(new Tooltip("Only nodes that ended differently, or that only one run reached"));
        Button swap = new Button("Swap", AppIcon.SWAP.icon());
        swap.getStyleClass().add(Styles.TOOL_BUTTON);
        swap.setOnAction(e -> model.swap());
        swap.setTooltip(new Tooltip("B becomes A and A becomes B"));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        titleA.setMinWidth(0);
        titleB.setMinWidth(0);
        difference.setMinWidth(Region.USE_PREF_SIZE);
        HBox lineA = new HBox(6, badgeA, titleA, gap, swap);
        lineA.setAlignment(Pos.CENTER_LEFT);
        Region gapB = new Region();
        HBox.setHgrow(gapB, Priority.ALWAYS);
        HBox lineB = new HBox(6, badgeB, titleB, gapB, difference);
        lineB.setAlignment(Pos.CENTER_LEFT);
        Region gapF = new Region();
        HBox.setHgrow(gapF, Priority.ALWAYS);
        HBox lineF = new HBox(8, divergenceText, gapF, filter, differences);
        lineF.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(divergenceText, Priority.SOMETIMES);
        VBox head = new VBox(4, lineA, lineB, lineF);
        head.getStyleClass().add("compare-head");

        buildTable();
        timelineScroll.setFitToWidth(true);
        timelineScroll.getStyleClass().add("compare-timeline");
        timeline.widthProperty().bind(timelineScroll.widthProperty().subtract(16));
        SplitPane split = new SplitPane(table, timelineScroll);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, Priority.ALWAYS);

        Label empty = new Label();
        empty.setId("compare-empty");
        empty.getStyleClass().add(Styles.MUTED);
        empty.setWrapText(true);
        empty.textProperty().bind(model.emptyTextProperty());
        VBox content = new VBox(head, split);
        VBox.setVgrow(content, Priority.ALWAYS);
        StackPane stack = new StackPane(content, empty);
        VBox.setVgrow(stack, Priority.ALWAYS);
        getChildren().add(stack);

        Runnable update = () -> {
            boolean some = model.comparison() != null;
            content.setVisible(some);
            empty.setVisible(!some);
            titleA.setText(model.runTitle(true));
            titleB.setText(model.runTitle(false));
            difference.setText(model.differenceText());
            divergenceText.setText(model.divergenceText());
            divergenceText.pseudoClassStateChanged(DIVERGES, some && model.comparison().divergence() != null);
            paintTimeline();
        };
        model.comparisonProperty().addListener((obs, old, c) -> update.run());
        model.rows().addListener((ListChangeListener<RunComparison.Row>) c -> paintTimeline());
        timeline.widthProperty().addListener((obs, old, w) -> paintTimeline());
        colours.onChange(this::paintTimeline);
        update.run();
    }

    private static Label badge(String side) {
        Label badge = new Label(side);
        badge.getStyleClass().addAll("run-badge", "run-badge-" + side.toLowerCase(java.util.Locale.ROOT));
        return badge;
    }

    private void buildTable() {
        table.setId("compare-table");
        table.getStyleClass().add("compare-table");
        table.setItems(model.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("Node", 120, row -> row.nodeId(), row -> row.name(), false),
                column("A", 62, row -> model.timeText(row.a()), null, true),
                column("B", 62, row -> model.timeText(row.b()), null, true),
                column("B − A", 70, model::differenceText, null, true),
                column("A ended", 110, row -> model.outcomeText(row.a()), row -> model.errorTooltip(row.a()), false),
                column("B ended", 110, row -> model.outcomeText(row.b()), row -> model.errorTooltip(row.b()), false)));
        table.getColumns().forEach(c -> c.setSortable(false));
        table.setRowFactory(t -> new TableRow<>() {
            {
                setOnMouseClicked(e -> {
                    if (e.getClickCount() == 2 && !isEmpty()) {
                        // The side of the row clicked: B's columns open B, the rest A.
                        boolean b = e.getTarget() instanceof javafx.scene.Node n && isOfB(n);
                        model.open(getItem(), !b || getItem().b() == null);
                    }
                });
            }

            @Override
            protected void updateItem(RunComparison.Row row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(DIVERGES, !empty && row != null && model.isDivergence(row));
            }
        });
        model.comparisonProperty().addListener((obs, old, c) -> table.refresh());
    }

    private static boolean isOfB(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n instanceof TableCell<?, ?> cell) {
                String title = cell.getTableColumn() == null ? "" : cell.getTableColumn().getText();
                return title.startsWith("B");
            }
        }
        return false;
    }

    private static TableColumn<RunComparison.Row, RunComparison.Row> column(
            String title, double width, Function<RunComparison.Row, String> text,
            Function<RunComparison.Row, String> tooltip, boolean number) {
        TableColumn<RunComparison.Row, RunComparison.Row> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(f -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            {
                if (number) {
                    getStyleClass().add(Styles.NUMBER_CELL);
                }
            }

            @Override
            protected void updateItem(RunComparison.Row row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(text.apply(row));
                String t = tooltip == null ? null : tooltip.apply(row);
                tip.setText(t);
                setTooltip(t == null ? null : tip);
            }
        });
        return c;
    }

    private void paintTimeline() {
        List<RunComparison.Row> rows = model.rows();
        timeline.setHeight(ComparisonTimelinePainter.height(rows.size()));
        RunComparison c = model.comparison();
        String diverges = null;
        if (c != null && c.divergence() != null) {
            NodeRun at = c.divergence().nodeA() != null ? c.divergence().nodeA() : c.divergence().nodeB();
            diverges = at.nodeId();
        }
        painter.paint(timeline.getGraphicsContext2D(), timeline.getWidth(), timeline.getHeight(), c, rows, diverges,
                new ComparisonTimelinePainter.Colours(surface.get(), laneAlt.get(), text.get(), muted.get(), grid.get(),
                        completed.get(), failed.get(), running.get(), divergence.get()));
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    /** For tests: the rows' table. */
    TableView<RunComparison.Row> table() {
        return table;
    }

    /** The hint of the compare command, for the history's button. */
    static String compareHint() {
        return Action.COMPARE_RUNS.hint("Compare the two runs chosen (Shift+click a second row)");
    }
}
