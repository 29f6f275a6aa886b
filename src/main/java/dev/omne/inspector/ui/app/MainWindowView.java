package dev.omne.inspector.ui.app;

import dev.omne.inspector.ui.export.ExportDialogView;
import dev.omne.inspector.ui.export.ExportDialogViewModel;
import dev.omne.inspector.ui.inject.InjectDialogView;
import dev.omne.inspector.ui.inject.InjectDialogViewModel;
import dev.omne.inspector.ui.open.FolderPickerView;
import dev.omne.inspector.ui.common.Action;
import dev.omne.inspector.ui.common.AppIcon;
import dev.omne.inspector.ui.common.Styles;
import dev.omne.inspector.ui.common.WhileShowing;
import dev.omne.inspector.ui.detail.DetailView;
import dev.omne.inspector.ui.events.EventTableView;
import dev.omne.inspector.ui.filter.FilterBarView;
import dev.omne.inspector.ui.history.HistoryView;
import dev.omne.inspector.ui.runs.RunListView;
import dev.omne.inspector.ui.theme.WindowThemes;
import dev.omne.inspector.ui.timeline.TimelineView;
import dev.omne.inspector.ui.theme.Theme;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.time.ZoneId;

/** The window's content: menu bar, runs | (timeline / events / detail), status bar, and the empty state. */
public final class MainWindowView extends BorderPane {
    static final String MAIN_SPLIT = "main";
    static final String EVENTS_SPLIT = "events";
    static final String HISTORY_SPLIT = "history";

    private final MainWindowViewModel model;
    private final RunListView runs;
    private final EventTableView events;
    private final FilterBarView filterBar;
    private final DetailView detail;
    private final TimelineView timeline;
    private final StatusBarView statusBar;
    private final EmptyStateView emptyState;
    private final HistoryView history;
    private final javafx.scene.control.TabPane views = new javafx.scene.control.TabPane();
    private final SplitPane split;
    private final EventsSplitPane eventsSplit;
    private Stage injectStage;
    private Stage pickerStage;
    /** Keeps this window and the windows it opens in the effective theme. */
    private final WindowThemes themes;

    public MainWindowView(MainWindowViewModel model, ZoneId zone) {
        this.model = model;
        getStyleClass().add("main-window");
        getStylesheets().add(Styles.STYLESHEET);
        runs = new RunListView(model.runList(), zone);
        events = new EventTableView(model.eventTable());
        filterBar = new FilterBarView(model.filterBar());
        filterBar.setOnLeave(() -> events.table().requestFocus());
        detail = new DetailView(model.detail());
        timeline = new TimelineView(model.timeline(), zone);
        statusBar = new StatusBarView(model.statusBar());
        emptyState = new EmptyStateView(this::chooseFolder, model::openDemo);

        // A layout saved before the timeline (one divider) does not match and falls back to these.
        eventsSplit = new EventsSplitPane(timeline, events, detail, model.settings().splits(EVENTS_SPLIT, 0.42, 0.72),
                model.settings().timelineShown());
        eventsSplit.setDetailCompact(model.detail().content() == null);
        model.detail().contentProperty().addListener((obs, old, content) -> eventsSplit.setDetailCompact(content == null));
        javafx.scene.layout.VBox.setVgrow(eventsSplit.node(), javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.VBox eventsArea = new javafx.scene.layout.VBox(filterBar, eventsSplit.node());
        history = new HistoryView(model.history());
        history.setDividers(model.settings().splits(HISTORY_SPLIT, 0.55));
        split = new SplitPane(runs, viewTabs(eventsArea));
        split.setOrientation(Orientation.HORIZONTAL);
        SplitPane.setResizableWithParent(runs, false);
        split.setDividerPositions(model.settings().splits(MAIN_SPLIT, 0.22));

        StackPane center = new StackPane(split, emptyState);
        model.emptyStateProperty().addListener((obs, old, state) -> showEmptyState(state));
        showEmptyState(model.emptyStateProperty().get());

        // Enter or Right in the runs list goes on to the run's events.
        runs.list().addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if ((e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.RIGHT) && !events.table().getItems().isEmpty()) {
                events.table().requestFocus();
                e.consume();
            }
        });
        // Esc clears the filter wherever the menu says so: lists and tables take Esc for themselves (to cancel an
        // edit they never start here), so it is taken before them; a text field keeps its own Esc.
        // On the scene, not this root: with no focus owner (a focused chip just replaced) keys go to the scene only.
        javafx.event.EventHandler<javafx.scene.input.KeyEvent> escClears = e -> {
            if (e.getCode() == KeyCode.ESCAPE && !e.isShortcutDown() && !e.isAltDown() && model.filterBar().isActive()
                    && !(getScene() != null && getScene().getFocusOwner() instanceof javafx.scene.control.TextInputControl)) {
                model.filterBar().clear();
                e.consume();
            }
        };
        sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removeEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, escClears);
            }
            if (scene != null) {
                scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, escClears);
            }
        });
        WindowThemes.mark(this, model.theme().effectiveProperty().get());
        model.theme().effectiveProperty().addListener((obs, old, theme) -> WindowThemes.mark(this, theme));
        themes = new WindowThemes(this, model.theme().effectiveProperty());
        statusBar.getChildren().add(themeButton());

        events.addTool(injectButton());
        MenuItem compareInMenu = MenuBarView.item(Action.COMPARE_RUNS, this::compareRuns);
        compareInMenu.setAccelerator(null); // the menu bar's item has the keys
        compareInMenu.setId("run-menu-compare");
        compareInMenu.disableProperty().bind(javafx.beans.binding.Bindings.size(runs.chosenRuns()).isNotEqualTo(2));
        runs.setRunMenu(injectMenuItem(), compareInMenu);
        setTop(new MenuBarView(model, this));
        setCenter(center);
        setBottom(statusBar);
        setMinSize(720, 420);
        wireDragAndDrop();

        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(15), e -> model.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        WhileShowing.play(this, ticker);
    }

    /** The single run and the history, one at a time beside the runs (Ctrl+1, Ctrl+2). */
    private javafx.scene.control.TabPane viewTabs(Node runArea) {
        javafx.scene.control.Tab run = new javafx.scene.control.Tab(Action.SHOW_RUN.text(), runArea);
        run.setGraphic(Action.SHOW_RUN.icon().icon());
        run.setId("tab-run");
        run.setTooltip(new javafx.scene.control.Tooltip(Action.SHOW_RUN.hint("The selected run: timeline, events, detail")));
        javafx.scene.control.Tab runs = new javafx.scene.control.Tab(Action.SHOW_HISTORY.text(), history);
        runs.setGraphic(Action.SHOW_HISTORY.icon().icon());
        runs.setId("tab-history");
        runs.setTooltip(new javafx.scene.control.Tooltip(Action.SHOW_HISTORY.hint(
                "Every run by node, node statistics, two runs compared")));
        views.getTabs().setAll(run, runs);
        views.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        views.getStyleClass().add("view-tabs");
        views.setId("view-tabs");
        views.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) ->
                model.history().shownProperty().set(tab == runs));
        model.history().shownProperty().addListener((obs, old, shown) -> {
            views.getSelectionModel().select(shown ? runs : run);
            Platform.runLater(shown ? history::focusGrid : () -> events.table().requestFocus());
        });
        return views;
    }

    /** Ctrl+D: the two runs chosen in the history's grid, else the two selected in the runs list. */
    void compareRuns() {
        var chosen = runs.chosenRuns();
        if (model.history().shownProperty().get() && model.history().grid().canCompare()) {
            model.history().compareChosen();
        } else if (chosen.size() == 2) {
            model.compareRuns(chosen.get(0).runId(), chosen.get(1).runId());
        } else if (model.history().grid().canCompare()) {
            model.history().shownProperty().set(true);
            model.history().compareChosen();
        } else {
            model.statusBar().showMessage("Choose two runs to compare: Ctrl+click a second run in the list, or"
                    + " Shift+click a second row of the history");
        }
    }

    private void showEmptyState(EmptyState state) {
        emptyState.setVisible(state != null);
        split.setVisible(state == null);
        if (state != null) {
            emptyState.show(state);
        }
    }

    /** The status bar's sun/moon button: switches between light and dark. */
    private Node themeButton() {
        javafx.scene.control.Button button = new javafx.scene.control.Button();
        button.setId("button-theme");
        button.getStyleClass().addAll(Styles.TOOL_BUTTON, "theme-button");
        button.setFocusTraversable(false);
        button.setOnAction(e -> model.theme().toggle());
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        button.setTooltip(tip);
        Runnable update = () -> {
            boolean dark = model.theme().effectiveProperty().get() == Theme.DARK;
            button.setGraphic(dark ? AppIcon.LIGHT_THEME.icon() : AppIcon.DARK_THEME.icon());
            tip.setText(Action.TOGGLE_THEME.hint(dark ? "Switch to the light theme" : "Switch to the dark theme"));
        };
        model.theme().effectiveProperty().addListener((obs, old, now) -> update.run());
        update.run();
        return button;
    }

    /** Ctrl+O: the Open Folder dialog, which lists dot folders such as .omne (the desktop's chooser is a button in it). */
    void chooseFolder() {
        pickerStage = FolderPickerView.open(model.newFolderPicker(), getScene() == null ? null : getScene().getWindow());
    }

    /** The events header's Inject button; disabled with the reason as its tooltip when the run cannot be written. */
    private Node injectButton() {
        javafx.scene.control.Button button = new javafx.scene.control.Button("Inject", Action.INJECT.icon().icon());
        button.setId("button-inject");
        button.getStyleClass().add(Styles.TOOL_BUTTON);
        button.setFocusTraversable(false);
        button.setOnAction(e -> openInjectDialog());
        button.disableProperty().bind(model.injectRefusalProperty().isNotNull());
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                model.injectRefusalProperty().get() == null ? Action.INJECT.hint("Append an event to this run")
                        : model.injectRefusalProperty().get(), model.injectRefusalProperty()));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        // A disabled control gets no mouse events, so the tooltip sits on a wrapper that does.
        StackPane wrapper = new StackPane(button);
        wrapper.setId("inject-button-wrapper");
        javafx.scene.control.Tooltip.install(wrapper, tip);
        return wrapper;
    }

    private MenuItem injectMenuItem() {
        MenuItem inject = MenuBarView.item(Action.INJECT, this::openInjectDialog);
        inject.setAccelerator(null); // the menu bar's item has the keys
        inject.setId("run-menu-inject");
        inject.disableProperty().bind(model.injectRefusalProperty().isNotNull());
        return inject;
    }

    /** Ctrl+I: the Inject dialog for the selected run. */
    public void openInjectDialog() {
        if (model.injectRefusalProperty().get() != null) {
            model.statusBar().showMessage(model.injectRefusalProperty().get());
            return;
        }
        InjectDialogViewModel dialog = model.newInjectDialog();
        if (dialog != null) {
            injectStage = InjectDialogView.open(dialog, getScene() == null ? null : getScene().getWindow());
        }
    }

    /** Ctrl+E: the Export dialog for the shown run. */
    public void openExportDialog() {
        ExportDialogViewModel dialog = model.newExportDialog(events.selectedRows());
        if (dialog != null) {
            ExportDialogView.open(dialog, getScene() == null ? null : getScene().getWindow());
        }
    }

    void askLine() {
        if (model.eventTable().snapshot() == null) {
            return;
        }
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle("Go to Line");
        dialog.setHeaderText(null);
        dialog.setContentText("Line number:");
        dialog.getDialogPane().getStylesheets().add(Styles.STYLESHEET);
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        dialog.showAndWait().ifPresent(text -> {
            if (model.eventTable().jumps().goToLine(text)) {
                Platform.runLater(() -> events.table().requestFocus());
            }
        });
    }

    private void wireDragAndDrop() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean done = false;
            if (e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty()) {
                model.open(e.getDragboard().getFiles().getFirst().toPath());
                done = true;
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    boolean isTimelineShown() {
        return eventsSplit.isTimelineShown();
    }

    /** Ctrl+Shift+T: hides the timeline (the events take its room) or shows it again; kept for the next start. */
    void showTimeline(boolean shown) {
        if (!shown && timeline.isFocusWithin()) {
            events.table().requestFocus();
        }
        eventsSplit.setTimelineShown(shown);
        model.settings().setTimelineShown(shown);
    }

    /** Keeps the split positions for the next start. */
    void saveLayout() {
        model.settings().setSplits(MAIN_SPLIT, split.getDividerPositions());
        model.settings().setSplits(EVENTS_SPLIT, eventsSplit.positions());
        model.settings().setSplits(HISTORY_SPLIT, history.dividers());
    }

    /** Restores the window's size and position, if they still fit a screen. */
    static void restoreBounds(Stage stage, AppSettings settings) {
        settings.bounds().ifPresent(b -> {
            boolean onScreen = !javafx.stage.Screen.getScreensForRectangle(b.x(), b.y(), b.width(), b.height()).isEmpty();
            if (onScreen) {
                stage.setX(b.x());
                stage.setY(b.y());
            }
            stage.setWidth(b.width());
            stage.setHeight(b.height());
            stage.setMaximized(b.maximized());
        });
    }

    void saveBounds(Stage stage) {
        if (!stage.isMaximized()) {
            model.settings().setBounds(new AppSettings.Bounds(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight(), false));
        } else {
            model.settings().bounds().ifPresentOrElse(
                    b -> model.settings().setBounds(new AppSettings.Bounds(b.x(), b.y(), b.width(), b.height(), true)),
                    () -> model.settings().setBounds(new AppSettings.Bounds(stage.getX(), stage.getY(), 1200, 800, true)));
        }
    }

    // For tests

    RunListView runsView() {
        return runs;
    }

    FilterBarView filterBarView() {
        return filterBar;
    }

    public EventTableView eventsView() {
        return events;
    }

    TimelineView timelineView() {
        return timeline;
    }

    EventsSplitPane eventsSplit() {
        return eventsSplit;
    }

    public HistoryView historyView() {
        return history;
    }

    public StatusBarView statusBarView() {
        return statusBar;
    }

    /** The last Open Folder dialog opened, or null. */
    public Stage pickerStage() {
        return pickerStage;
    }

    /** The last Inject dialog opened, or null. */
    public Stage injectStage() {
        return injectStage;
    }

    Node emptyStateView() {
        return emptyState;
    }
}
