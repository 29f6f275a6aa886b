package dev.omne.inspector.ui.history;

import dev.omne.inspector.core.history.NodeStatistics;
import dev.omne.inspector.ui.common.Action;
import dev.omne.inspector.ui.common.AppIcon;
import dev.omne.inspector.ui.common.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.Locale;

/**
 * The history of the volume: a bar of filters (pipe, outcome, time range) with the count and the reading progress,
 * the grid of runs by nodes, and under it the node statistics or two runs compared.
 */
public final class HistoryView extends VBox {
    private static final String ALL_PIPES = "All pipes";

    private final HistoryViewModel model;
    private final HistoryGridView grid;
    private final NodeStatisticsView statistics;
    private final RunComparisonView comparison;
    private final TabPane lower = new TabPane();
    private final Tab statisticsTab;
    private final Tab comparisonTab;
    private final SplitPane split;

    public HistoryView(HistoryViewModel model) {
        this.model = model;
        setId("history-view");
        getStyleClass().add("history-view");
        grid = new HistoryGridView(model.grid());
        grid.emptyLabel().textProperty().bind(model.emptyTextProperty());
        statistics = new NodeStatisticsView(model.statistics());
        comparison = new RunComparisonView(model.comparison());

        statisticsTab = new Tab("Node statistics", statisticsPane());
        statisticsTab.setGraphic(AppIcon.STATISTICS.icon());
        statisticsTab.setId("tab-statistics");
        comparisonTab = new Tab("Compare runs", comparison);
        comparisonTab.setGraphic(AppIcon.COMPARE.icon());
        comparisonTab.setId("tab-comparison");
        lower.getTabs().setAll(statisticsTab, comparisonTab);
        lower.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        lower.getStyleClass().add("history-lower");
        lower.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (tab == comparisonTab) {
                model.showComparison();
            } else {
                model.showStatistics();
            }
        });
        model.lowerProperty().addListener((obs, old, now) -> lower.getSelectionModel()
                .select(now == HistoryViewModel.Lower.COMPARISON ? comparisonTab : statisticsTab));

        split = new SplitPane(grid, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(filterBar(), split);
    }

    private HBox filterBar() {
        Label title = new Label("History", AppIcon.HISTORY.icon());
        title.getStyleClass().add(Styles.TITLE);
        title.setMinWidth(Region.USE_PREF_SIZE);

        ComboBox<String> pipe = new ComboBox<>();
        pipe.setId("history-pipe");
        pipe.setTooltip(new Tooltip("Only the runs of one pipe (the run id's part before its ULID)"));
        Runnable fillPipes = () -> {
            String chosen = model.filter().pipeProperty().get();
            pipe.getItems().setAll(ALL_PIPES);
            pipe.getItems().addAll(model.filter().pipes());
            if (chosen != null && !model.filter().pipes().contains(chosen)) {
                pipe.getItems().add(chosen); // still chosen: its runs may come back
            }
            pipe.getSelectionModel().select(chosen == null ? ALL_PIPES : chosen);
        };
        model.filter().pipes().addListener((ListChangeListener<String>) c -> fillPipes.run());
        fillPipes.run();
        pipe.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.filter().pipeProperty().set(ALL_PIPES.equals(now) ? null : now);
            }
        });
        model.filter().pipeProperty().addListener((obs, old, now) -> pipe.getSelectionModel().select(now == null ? ALL_PIPES : now));

        ToggleButton completed = outcome("Completed", AppIcon.COMPLETED, model.filter().completedProperty(), "history-completed");
        ToggleButton failed = outcome("Failed", AppIcon.FAILED, model.filter().failedProperty(), "history-failed");
        ToggleButton unfinished = outcome("Unfinished", AppIcon.RUNNING, model.filter().unfinishedProperty(),
                "history-unfinished");
        HBox outcomes = new HBox(completed, failed, unfinished);
        outcomes.getStyleClass().add("segmented");

        ChoiceBox<TimeRange> range = new ChoiceBox<>();
        range.setId("history-range");
        range.getItems().setAll(TimeRange.values());
        range.valueProperty().bindBidirectional(model.filter().timeRangeProperty());
        range.setTooltip(new Tooltip("Only the runs that started in this time"));

        Label count = new Label();
        count.setId("history-count");
        count.getStyleClass().add(Styles.MUTED);
        count.textProperty().bind(model.countTextProperty());
        count.setMinWidth(Region.USE_PREF_SIZE);

        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(110);
        progress.progressProperty().bind(model.progressProperty());
        Label progressText = new Label();
        progressText.setId("history-progress");
        progressText.textProperty().bind(model.progressTextProperty());
        HBox reading = new HBox(6, progress, progressText);
        reading.setAlignment(Pos.CENTER_LEFT);
        reading.visibleProperty().bind(model.progressTextProperty().isNotEmpty());
        reading.managedProperty().bind(reading.visibleProperty());

        Label problem = new Label("", AppIcon.WARNING.icon());
        problem.getStyleClass().add("history-problem");
        Tooltip problemTip = new Tooltip();
        problemTip.textProperty().bind(model.problemTextProperty());
        problemTip.setWrapText(true);
        problemTip.setMaxWidth(560);
        problem.setTooltip(problemTip);
        problem.textProperty().bind(Bindings.createStringBinding(() -> {
            String text = model.problemTextProperty().get();
            return text.isEmpty() ? "" : text.lines().findFirst().orElse("");
        }, model.problemTextProperty()));
        problem.visibleProperty().bind(model.problemTextProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setMinWidth(0);

        Button compare = new Button("Compare", Action.COMPARE_RUNS.icon().icon());
        compare.setId("history-compare");
        compare.getStyleClass().add(Styles.TOOL_BUTTON);
        compare.setTooltip(new Tooltip(RunComparisonView.compareHint()));
        compare.disableProperty().bind(Bindings.size(model.grid().selectedRuns()).isNotEqualTo(2));
        compare.setOnAction(e -> model.compareChosen());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, title, pipe, outcomes, range, count, reading, problem, gap, compare);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().addAll(Styles.PANE_HEADER, "history-bar");
        return bar;
    }

    private static ToggleButton outcome(String text, AppIcon icon, javafx.beans.property.BooleanProperty shown,
                                        String id) {
        ToggleButton button = new ToggleButton(text, icon.icon());
        button.setId(id);
        button.getStyleClass().add("outcome-toggle");
        button.selectedProperty().bindBidirectional(shown);
        button.setTooltip(new Tooltip("Show the " + text.toLowerCase(Locale.ROOT) + " runs"));
        button.setFocusTraversable(false);
        return button;
    }

    private VBox statisticsPane() {
        ChoiceBox<NodeStatistics.Order> order = new ChoiceBox<>();
        order.setId("statistics-order");
        order.getItems().setAll(NodeStatisticsView.orders());
        order.valueProperty().bindBidirectional(model.statistics().orderProperty());
        order.setConverter(new StringConverter<>() {
            @Override
            public String toString(NodeStatistics.Order o) {
                return o == null ? "" : switch (o) {
                    case FLAKIEST -> "Flakiest first";
                    case SLOWEST -> "Slowest first";
                    case PIPELINE -> "Pipeline order";
                };
            }

            @Override
            public NodeStatistics.Order fromString(String s) {
                return null;
            }
        });
        Label note = new Label("Across the runs shown above; times are per run (retries and loop iterations add up)");
        note.getStyleClass().add(Styles.MUTED);
        note.setMinWidth(0);
        HBox top = new HBox(8, order, note);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("statistics-bar");
        VBox.setVgrow(statistics, Priority.ALWAYS);
        return new VBox(top, statistics);
    }

    /** Focuses the grid (when the history is switched to). */
    public void focusGrid() {
        grid.requestFocus();
    }

    // For tests

    public HistoryGridView gridView() {
        return grid;
    }

    public NodeStatisticsView statisticsView() {
        return statistics;
    }

    public RunComparisonView comparisonView() {
        return comparison;
    }

    /** Keeps the split's position for the next start. */
    public double[] dividers() {
        return split.getDividerPositions();
    }

    public void setDividers(double... positions) {
        split.setDividerPositions(positions);
    }
}
