package dev.omne.inspector.ui.theme;

import dev.omne.inspector.ui.events.RowList;
import dev.omne.inspector.ui.testing.TestLogs;
import dev.omne.inspector.ui.app.MainWindowView;
import dev.omne.inspector.ui.app.MainWindowViewModel;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.ui.app.AppSettings;
import dev.omne.inspector.ui.app.SettingsStore;
import dev.omne.inspector.ui.testing.TestWindow;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Popup;
import javafx.stage.Window;
import dev.omne.inspector.ui.testing.FxStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.omne.inspector.ui.testing.FxWait.fx;
import static dev.omne.inspector.ui.testing.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window, headless: the theme button, Ctrl+Shift+D and the Theme menu restyle every window. */
class ThemeFxTest {
    @RegisterExtension
    final FxStage fx = new FxStage(2);

    /** The stylesheet's -omne-text in each theme: a table cell's text fill. */
    static final Color LIGHT_TEXT = Color.web("#1f2328");
    static final Color DARK_TEXT = Color.web("#e6e9ee");

    @TempDir
    Path dir;

    private final SettingsStore store = SettingsStore.inMemory();
    private MainWindowViewModel model;
    private MainWindowView view;

    @BeforeEach
    void start() throws Exception {
        TestWindow window = TestWindow.on(fx).settings(store).size(1100, 700).open();
        model = window.model();
        view = window.view();
    }


    private TableView<Long> table() {
        return view.eventsView().table();
    }

    /** A finished run of ten node events and a malformed line, shown in the table. */
    private void openRun(FxRobot robot) throws Exception {
        List<String> lines = new ArrayList<>(TestLogs.events(10));
        lines.add(3, "{\"type\":\"node.completed\",");
        // Finished, so that it opens at its first row (a run still being written opens at its end).
        lines.add(TestLogs.event("run.completed", 30, null));
        Volume volume = TestLogs.volume(dir.resolve("project"), TestLogs.RUN, lines);
        robot.interact(() -> model.open(volume.root()));
        waitUntil("the run's rows show", () -> table().getItems().size() == 12);
        waitUntil("its cells show", () -> nodeCell(robot).isPresent());
    }

    /** The topmost paint of a region's background (the colour one sees), or null. */
    private static Paint background(Region region) {
        Background b = region.getBackground();
        return b == null || b.getFills().isEmpty() ? null : b.getFills().getLast().getFill();
    }

    private static Optional<TableCell<?, ?>> nodeCell(FxRobot robot) {
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getItem() instanceof Long key && RowList.row(key) == 0 && c.getTableColumn() != null
                        && "Node".equals(c.getTableColumn().getText()) && c.getText() != null)
                .<TableCell<?, ?>>map(c -> c).findFirst();
    }

    private static TableRow<?> row(FxRobot robot, int index) {
        return robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getIndex() == index && r.isVisible() && r.getParent() != null).findFirst().orElseThrow();
    }

    /** What the table shows right now: its background, row 0's background, a cell's text, the malformed row's. */
    private List<Paint> rendered(FxRobot robot) throws Exception {
        return fx(() -> List.of(background(table()), background(row(robot, 0)),
                nodeCell(robot).orElseThrow().getTextFill(), background(row(robot, 3))));
    }

    private void waitForTheme(FxRobot robot, Theme theme) throws Exception {
        Color surface = WindowThemes.fill(theme);
        Color text = theme == Theme.DARK ? DARK_TEXT : LIGHT_TEXT;
        waitUntil("the table is drawn " + theme, () -> {
            List<Paint> now = List.of(background(table()), background(row(robot, 0)),
                    nodeCell(robot).orElseThrow().getTextFill());
            return view.getScene().getRoot().getStyleClass().contains(theme.styleClass())
                    && surface.equals(now.get(0)) && surface.equals(now.get(1)) && text.equals(now.get(2));
        });
        assertFalse(fx(() -> view.getScene().getRoot().getStyleClass().contains(theme.opposite().styleClass())));
        assertEquals(surface, fx(() -> view.getScene().getFill()), "the scene's fill, seen before the first frame");
    }

    @Test
    void theButtonAndCtrlShiftDRestyleTheTableAndTheChoiceIsSaved(FxRobot robot) throws Exception {
        openRun(robot);
        assertEquals(Theme.LIGHT, fx(() -> model.theme().effectiveProperty().get()));
        waitForTheme(robot, Theme.LIGHT);
        List<Paint> light = rendered(robot);

        robot.clickOn("#button-theme");
        waitForTheme(robot, Theme.DARK);
        List<Paint> dark = rendered(robot);
        for (int i = 0; i < light.size(); i++) {
            assertNotEquals(light.get(i), dark.get(i), "paint " + i + " changes with the theme");
        }
        assertTrue(((Color) dark.get(0)).getBrightness() < 0.3, "a dark table: " + dark.get(0));
        assertTrue(((Color) dark.get(3)).getRed() > ((Color) dark.get(3)).getBlue(), "the malformed row stays red");
        assertEquals(ThemeSetting.DARK, new AppSettings(store).themeSetting(), "saved at once");

        // Focus in the window (a click would select whichever row is under it, and selection changes colours).
        robot.interact(() -> table().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        waitForTheme(robot, Theme.LIGHT);
        assertEquals(light, rendered(robot));
        assertEquals(ThemeSetting.LIGHT, new AppSettings(store).themeSetting());
    }

    @Test
    void theThemeMenuChoosesSystemLightOrDark(FxRobot robot) throws Exception {
        openRun(robot);
        MenuBar bar = (MenuBar) fx(view::getTop);
        RadioMenuItem system = (RadioMenuItem) menuItem(bar, "menu-theme-system");
        RadioMenuItem light = (RadioMenuItem) menuItem(bar, "menu-theme-light");
        RadioMenuItem dark = (RadioMenuItem) menuItem(bar, "menu-theme-dark");
        assertTrue(fx(system::isSelected), "nothing saved yet: follow the OS");
        robot.interact(dark::fire);
        waitForTheme(robot, Theme.DARK);
        assertTrue(fx(dark::isSelected));
        assertFalse(fx(system::isSelected));
        robot.interact(light::fire);
        waitForTheme(robot, Theme.LIGHT);
        assertEquals(ThemeSetting.LIGHT, new AppSettings(store).themeSetting());
        robot.interact(() -> model.theme().toggle());
        assertTrue(fx(dark::isSelected), "the switch shows as the explicit choice");
        robot.interact(system::fire);
        waitForTheme(robot, Theme.LIGHT);
        assertEquals(ThemeSetting.SYSTEM, new AppSettings(store).themeSetting());
    }

    private static MenuItem menuItem(MenuBar bar, String id) {
        List<MenuItem> all = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            collect(menu, all);
        }
        return all.stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    private static void collect(Menu menu, List<MenuItem> into) {
        for (MenuItem item : menu.getItems()) {
            into.add(item);
            if (item instanceof Menu sub) {
                collect(sub, into);
            }
        }
    }

    @Test
    void aDialogOrPopupOpenedAfterTheSwitchIsDarkToo(FxRobot robot) throws Exception {
        openRun(robot);
        robot.clickOn("#button-theme");
        waitForTheme(robot, Theme.DARK);

        // Focus in the window (a click would select whichever row is under it, and selection changes colours).
        robot.interact(() -> table().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil("the Go to Line dialog shows", () -> dialogPane().isPresent());
        DialogPane pane = fx(() -> dialogPane().orElseThrow());
        waitUntil("the dialog is drawn dark", () -> WindowThemes.DARK_FILL.equals(background(pane)));
        Scene scene = fx(pane::getScene);
        assertTrue(fx(() -> scene.getRoot().getStyleClass().contains("theme-dark")));
        assertEquals(WindowThemes.DARK_FILL, fx(scene::getFill));
        javafx.scene.control.Label content = fx(() -> (javafx.scene.control.Label) pane.lookup(".content.label"));
        if (content != null) {
            assertEquals(DARK_TEXT, fx(content::getTextFill));
        }
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil("the dialog is closed", () -> dialogPane().isEmpty());

        // Switching while a popup is open restyles it too.
        robot.interact(() -> view.statusBarView().showDiagnostics());
        waitUntil("the diagnostics popup shows", () -> view.statusBarView().isPopupShowing());
        Parent box = fx(() -> (Parent) Window.getWindows().stream().filter(w -> w instanceof Popup && w.isShowing())
                .map(w -> ((Popup) w).getContent().getFirst()).findFirst().orElseThrow());
        assertTrue(fx(() -> box.getStyleClass().contains("theme-dark")));
        waitUntil("the popup is drawn dark", () -> WindowThemes.DARK_FILL.equals(background((Region) box)));
        robot.interact(() -> model.theme().toggle());
        waitUntil("the open popup turns light", () -> box.getStyleClass().contains("theme-light")
                && WindowThemes.LIGHT_FILL.equals(background((Region) box)));
        robot.interact(() -> view.statusBarView().showDiagnostics());
    }

    private Optional<DialogPane> dialogPane() {
        return Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                        && w.getScene().getRoot() != view)
                .map(w -> w.getScene().getRoot().lookup(".dialog-pane"))
                .filter(n -> n instanceof DialogPane).map(n -> (DialogPane) n).findFirst();
    }
}
