package dev.omne.inspector.ui.history;

import dev.omne.inspector.core.history.NodeStatistics;
import dev.omne.inspector.core.history.NodeStats;
import dev.omne.inspector.ui.common.Styles;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Each node across the runs shown, one row per node: runs, failures, failure rate, p50/p95/max time, the trend, the
 * last failure. In the order chosen above it (flakiest or slowest first, or pipeline order); a column's header
 * sorts by that column instead. Double-click or Enter on a row opens the node's last failure.
 */
public final class NodeStatisticsView extends TableView<NodeStats> {
    private static final StyleablePropertyFactory<NodeStatisticsView> CSS =
            new StyleablePropertyFactory<>(TableView.getClassCssMetaData());
    private final StyleableObjectProperty<Paint> line = colour("lineColor", "-omne-history-trend", v -> v.line, "#0969da");
    private final StyleableObjectProperty<Paint> failed = colour("failedColor", "-omne-history-mark-failed", v -> v.failed, "#cf222e");
    private final StyleableObjectProperty<Paint> muted = colour("mutedColor", "-omne-history-grid", v -> v.muted, "#d5d9df");

    private final NodeStatisticsViewModel model;

    public NodeStatisticsView(NodeStatisticsViewModel model) {
        this.model = model;
        setId("node-statistics");
        getStyleClass().add("node-statistics");
        SortedList<NodeStats> sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<NodeStats, NodeStats> node = column("Node", 170, Comparator.comparing(model::nodeText));
        node.setCellFactory(c -> text(model::nodeText, model::nodeTooltip, false));
        TableColumn<NodeStats, NodeStats> runs = column("Runs", 56, Comparator.comparingInt(NodeStats::runs));
        runs.setCellFactory(c -> text(s -> String.valueOf(s.runs()), null, true));
        TableColumn<NodeStats, NodeStats> failures = column("Failed", 60, Comparator.comparingInt(NodeStats::failures));
        failures.setCellFactory(c -> text(s -> String.valueOf(s.failures()), s -> s.failures()
                + " of its " + s.runs() + " runs had a failed execution (" + s.failedExecutions() + " in all)", true));
        TableColumn<NodeStats, NodeStats> rate = column("Rate", 56, Comparator.comparingDouble(NodeStats::failureRate));
        rate.setCellFactory(c -> text(model::rateText, null, true));
        TableColumn<NodeStats, NodeStats> p50 = timeColumn("p50", NodeStats::p50Micros);
        TableColumn<NodeStats, NodeStats> p95 = timeColumn("p95", NodeStats::p95Micros);
        TableColumn<NodeStats, NodeStats> max = timeColumn("Max", NodeStats::maxMicros);
        TableColumn<NodeStats, NodeStats> trend = new TableColumn<>("Trend");
        trend.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        trend.setCellFactory(c -> new SparklineCell(model, this));
        trend.setSortable(false);
        trend.setPrefWidth(SparklineCell.WIDTH + 16);
        trend.setMinWidth(SparklineCell.WIDTH + 16);
        TableColumn<NodeStats, NodeStats> last = column("Last failure", 260, Comparator.comparing(model::lastFailureText));
        last.setCellFactory(c -> text(model::lastFailureText, model::lastFailureTooltip, false));
        getColumns().setAll(List.of(node, runs, failures, rate, p50, p95, max, trend, last));

        Label placeholder = new Label();
        placeholder.getStyleClass().add(Styles.MUTED);
        placeholder.textProperty().bind(model.emptyTextProperty());
        setPlaceholder(placeholder);
        setRowFactory(t -> {
            TableRow<NodeStats> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    model.openLastFailure(row.getItem());
                }
            });
            return row;
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && getSelectionModel().getSelectedItem() != null) {
                model.openLastFailure(getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        // Choosing an order in the menu above sorts by it: a header's sort would hide that order.
        model.orderProperty().addListener((obs, old, now) -> getSortOrder().clear());
        for (StyleableObjectProperty<Paint> c : List.of(line, failed, muted)) {
            c.addListener((obs, old, v) -> refresh());
        }
    }

    private TableColumn<NodeStats, NodeStats> column(String title, double width, Comparator<NodeStats> order) {
        TableColumn<NodeStats, NodeStats> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setComparator(order);
        c.setPrefWidth(width);
        return c;
    }

    private TableColumn<NodeStats, NodeStats> timeColumn(String title, ToLongFunction<NodeStats> time) {
        TableColumn<NodeStats, NodeStats> c = column(title, 70, Comparator.comparingLong(time));
        c.setCellFactory(f -> text(s -> model.timeText(time.applyAsLong(s)), null, true));
        // Longest first is what a header click on a time usually wants.
        c.setSortType(TableColumn.SortType.DESCENDING);
        return c;
    }

    private static TableCell<NodeStats, NodeStats> text(Function<NodeStats, String> text,
                                                       Function<NodeStats, String> tooltip, boolean number) {
        return new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            {
                if (number) {
                    getStyleClass().add(Styles.NUMBER_CELL);
                }
                tip.setWrapText(true);
                tip.setMaxWidth(480);
            }

            @Override
            protected void updateItem(NodeStats s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(text.apply(s));
                String t = tooltip == null ? null : tooltip.apply(s);
                tip.setText(t);
                setTooltip(t == null ? null : tip);
            }
        };
    }

    private StyleableObjectProperty<Paint> colour(String name, String css,
                                                  Function<NodeStatisticsView, StyleableProperty<Paint>> get,
                                                  String initial) {
        return (StyleableObjectProperty<Paint>) CSS.createStyleablePaintProperty(this, name, css, get,
                Color.web(initial));
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return CSS.getCssMetaData();
    }

    Paint lineColour() {
        return line.get();
    }

    Paint failedColour() {
        return failed.get();
    }

    Paint mutedColour() {
        return muted.get();
    }

    /** The orders offered above the table. */
    static List<NodeStatistics.Order> orders() {
        return List.of(NodeStatistics.Order.FLAKIEST, NodeStatistics.Order.SLOWEST, NodeStatistics.Order.PIPELINE);
    }
}
