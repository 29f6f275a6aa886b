package dev.omne.inspector.ui.app;

import dev.omne.inspector.ui.common.Action;
import dev.omne.inspector.ui.common.AppIcon;
import dev.omne.inspector.ui.theme.ThemeSetting;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.nio.file.Path;

/**
 * The window's menu bar (File, Edit, View; the system's menu bar where there is one), and the events table's
 * context menu. Every item takes its words, icon and keys from the table of actions ({@link Action}).
 */
final class MenuBarView extends MenuBar {
    private final MainWindowViewModel model;
    private final MainWindowView window;
    private final Menu recentMenu = new Menu("Open Recent", AppIcon.RECENT.icon());

    MenuBarView(MainWindowViewModel model, MainWindowView window) {
        this.model = model;
        this.window = window;
        MenuItem open = item(Action.OPEN_FOLDER, window::chooseFolder);
        open.setId("menu-open");
        MenuItem export = item(Action.EXPORT, window::openExportDialog);
        export.setId("menu-export");
        MenuItem demo = item(Action.OPEN_DEMO, model::openDemo);
        MenuItem quit = item(Action.QUIT, this::quit);
        model.recentFolders().addListener((ListChangeListener<String>) c -> rebuildRecent());
        rebuildRecent();
        CheckMenuItem keepIndexes = new CheckMenuItem(Action.KEEP_INDEXES.text());
        keepIndexes.setId("menu-keep-indexes");
        keepIndexes.selectedProperty().bindBidirectional(model.keepIndexesProperty());
        Menu file = new Menu("File", null, open, recentMenu, demo, new SeparatorMenuItem(), export,
                new SeparatorMenuItem(), keepIndexes, new SeparatorMenuItem(), quit);
        Runnable copyRows = () -> model.eventTable().copies().rows(window.eventsView().selectedRows());
        Runnable copyFileLine = () -> model.eventTable().copies().fileLine(model.eventTable().selectedRow());
        MenuItem copy = item(Action.COPY_ROWS, copyRows);
        MenuItem fileLine = item(Action.COPY_FILE_LINE, copyFileLine);
        MenuItem folder = item(Action.OPEN_CONTAINING_FOLDER, model::openContainingFolder);
        MenuItem copyInMenu = item(Action.COPY_ROWS, copyRows);
        copyInMenu.setText("Copy as JSON Lines");
        window.eventsView().table().setContextMenu(new ContextMenu(copyInMenu,
                item(Action.COPY_FILE_LINE, copyFileLine), item(Action.OPEN_CONTAINING_FOLDER, model::openContainingFolder)));
        MenuItem goTo = item(Action.GO_TO_LINE, window::askLine);
        MenuItem filter = item(Action.FILTER, window.filterBarView()::focusField);
        filter.setId("menu-filter");
        // Esc anywhere in the window clears the filter (a control that uses Esc itself consumes it first).
        MenuItem clearFilter = item(Action.CLEAR_FILTER, () -> model.filterBar().clear());
        clearFilter.disableProperty().bind(model.filterBar().activeProperty().not());
        MenuItem failures = item(Action.FAILURES_ONLY, () -> model.filterBar().toggleFailuresOnly());
        MenuItem find = item(Action.SEARCH_RUNS, window.runsView()::focusSearch);
        MenuItem inject = item(Action.INJECT, window::openInjectDialog);
        inject.setId("menu-inject");
        inject.disableProperty().bind(model.injectRefusalProperty().isNotNull());
        Menu edit = new Menu("Edit", null, copy, fileLine, folder, goTo, new SeparatorMenuItem(), filter, failures,
                clearFilter, find, new SeparatorMenuItem(), inject);

        CheckMenuItem relative = new CheckMenuItem(Action.RELATIVE_TIME.text(), Action.RELATIVE_TIME.icon().icon());
        relative.setAccelerator(Action.RELATIVE_TIME.keys());
        relative.selectedProperty().bindBidirectional(model.eventTable().cells().relativeTimeProperty());
        MenuItem follow = item(Action.FOLLOW, () -> model.eventTable().resumeFollowing());
        MenuItem next = item(Action.NEXT_MALFORMED, () -> model.eventTable().jumps().nextMalformed());
        next.setId("menu-next-malformed");
        MenuItem previous = item(Action.PREVIOUS_MALFORMED, () -> model.eventTable().jumps().previousMalformed());
        MenuItem list = item(Action.LIST_MALFORMED, window.statusBarView()::showDiagnostics);
        CheckMenuItem showTimeline = new CheckMenuItem(Action.TOGGLE_TIMELINE.text(), Action.TOGGLE_TIMELINE.icon().icon());
        showTimeline.setId("menu-show-timeline");
        showTimeline.setAccelerator(Action.TOGGLE_TIMELINE.keys());
        showTimeline.setSelected(window.isTimelineShown());
        showTimeline.setOnAction(e -> window.showTimeline(showTimeline.isSelected()));
        MenuItem showRun = item(Action.SHOW_RUN, () -> model.history().shownProperty().set(false));
        showRun.setId("menu-show-run");
        MenuItem showHistory = item(Action.SHOW_HISTORY, () -> model.history().shownProperty().set(true));
        showHistory.setId("menu-show-history");
        MenuItem compare = item(Action.COMPARE_RUNS, window::compareRuns);
        compare.setId("menu-compare");
        Menu view = new Menu("View", null, showRun, showHistory, compare, new SeparatorMenuItem(), relative,
                showTimeline, new SeparatorMenuItem(), follow, next, previous, list, new SeparatorMenuItem(),
                themeMenu());

        getMenus().addAll(file, edit, view);
        setUseSystemMenuBar(true);
    }

    private void quit() {
        if (window.getScene() != null && window.getScene().getWindow() instanceof Stage stage) {
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            if (stage.isShowing()) {
                stage.close();
            }
        }
    }

    /** View > Theme: System, Light, Dark, and Ctrl+Shift+D to switch between light and dark. */
    private Menu themeMenu() {
        ToggleGroup group = new ToggleGroup();
        RadioMenuItem system = themeItem("System", ThemeSetting.SYSTEM, "menu-theme-system", group);
        RadioMenuItem light = themeItem("Light", ThemeSetting.LIGHT, "menu-theme-light", group);
        RadioMenuItem dark = themeItem("Dark", ThemeSetting.DARK, "menu-theme-dark", group);
        MenuItem toggle = item(Action.TOGGLE_THEME, model.theme()::toggle);
        toggle.setId("menu-theme-toggle");
        Menu menu = new Menu("Theme", AppIcon.THEME.icon(), system, light, dark, new SeparatorMenuItem(), toggle);
        menu.setId("menu-theme");
        return menu;
    }

    private RadioMenuItem themeItem(String text, ThemeSetting setting, String id, ToggleGroup group) {
        RadioMenuItem item = new RadioMenuItem(text);
        item.setId(id);
        item.setToggleGroup(group);
        item.setSelected(model.theme().settingProperty().get() == setting);
        model.theme().settingProperty().addListener((obs, old, now) -> item.setSelected(now == setting));
        item.setOnAction(e -> model.theme().set(setting));
        return item;
    }

    /** A menu item of an action: its words, icon and key combination from the table of actions. */
    static MenuItem item(Action action, Runnable command) {
        MenuItem item = new MenuItem(action.text(), action.icon() == null ? null : action.icon().icon());
        if (action.keys() != null) {
            item.setAccelerator(action.keys());
        }
        item.setOnAction(e -> command.run());
        return item;
    }

    private void rebuildRecent() {
        recentMenu.getItems().clear();
        for (String folder : model.recentFolders()) {
            MenuItem item = new MenuItem(folder);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> model.open(Path.of(folder)));
            recentMenu.getItems().add(item);
        }
        if (model.recentFolders().isEmpty()) {
            MenuItem none = new MenuItem("No recent folders");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        } else {
            MenuItem clear = new MenuItem("Clear Recent Folders");
            clear.setOnAction(e -> model.clearRecentFolders());
            recentMenu.getItems().addAll(new SeparatorMenuItem(), clear);
        }
    }

}
