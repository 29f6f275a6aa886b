package dev.omne.inspector.ui.open;

import dev.omne.inspector.ui.app.MainWindowView;
import dev.omne.inspector.ui.app.MainWindowViewModel;
import dev.omne.inspector.ui.testing.FxStage;
import dev.omne.inspector.ui.testing.TestLogs;
import dev.omne.inspector.ui.testing.TestWindow;
import dev.omne.inspector.ui.theme.Theme;
import dev.omne.inspector.ui.theme.ThemeSetting;
import dev.omne.inspector.ui.theme.WindowThemes;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.omne.inspector.ui.testing.FxWait.fx;
import static dev.omne.inspector.ui.testing.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Open Folder dialog in the real window, headless: the keyboard alone takes it into a project's .omne and opens
 * the project.
 */
class FolderPickerFxTest {
    @RegisterExtension
    final FxStage fx = new FxStage(2);

    static final String RUN_A = "feature-01kp0f9mwaex93qzkd21j9az2y";
    static final String RUN_B = "bugfix-01kp8a0nc0z1rnsax81s15v8xb";

    @TempDir
    Path dir;

    private MainWindowViewModel model;
    private MainWindowView view;
    private Path shop;

    @BeforeEach
    void start() throws Exception {
        shop = dir.resolve("shop");
        TestLogs.volume(shop, RUN_A, TestLogs.events(4));
        TestLogs.volume(shop, RUN_B, TestLogs.events(2));
        Files.createDirectories(shop.resolve(".git"));
        Files.createDirectories(shop.resolve("src"));
        TestWindow window = TestWindow.on(fx).size(1200, 760).open();
        model = window.model();
        view = window.view();
    }

    private Stage picker() {
        return view.pickerStage();
    }

    private boolean pickerShowing() {
        return picker() != null && picker().isShowing();
    }

    private boolean focusIn(String id) {
        Node owner = picker().getScene().getFocusOwner();
        for (Node n = owner; n != null; n = n.getParent()) {
            if (id.equals(n.getId())) {
                return true;
            }
        }
        return false;
    }

    /** The cells of the folder list that show a row: name and note. */
    private List<String> rowsShown(FxRobot robot) throws Exception {
        return fx(() -> robot.from(picker().getScene().getRoot()).lookup(".folder-cell").queryAllAs(ListCell.class)
                .stream().filter(c -> !c.isEmpty() && c.isVisible() && c.getItem() != null)
                .map(c -> ((FolderRow) c.getItem()).name() + "|" + ((Label) c.lookup(".folder-note")).getText())
                .sorted().toList());
    }

    private String text(FxRobot robot, String id) throws Exception {
        return fx(() -> robot.from(picker().getScene().getRoot()).lookup(id).queryLabeled().getText());
    }

    private void key(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        List<KeyCode> reversed = new java.util.ArrayList<>(List.of(keys));
        java.util.Collections.reverse(reversed);
        robot.release(reversed.toArray(KeyCode[]::new));
    }

    /** Ctrl+O in the window; waits until the dialog shows with its path field focused. */
    private void openPicker(FxRobot robot) throws Exception {
        robot.clickOn("#status-bar");
        key(robot, KeyCode.CONTROL, KeyCode.O);
        waitUntil("the dialog is open with the path field focused", () -> pickerShowing() && picker().isFocused()
                && focusIn("picker-path"));
        robot.targetWindow(picker());
    }

    /** Replaces the path field's text with {@code text}, typed. */
    private void type(FxRobot robot, String text) {
        key(robot, KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
    }

    @Test
    void theKeyboardTakesItIntoTheProjectsDotOmneAndOpensTheProject(FxRobot robot) throws Exception {
        openPicker(robot);
        // The field shows the folder listed, the caret at its end: a / typed there starts a new path.
        robot.write(shop.toString());
        key(robot, KeyCode.ENTER);
        waitUntil("the project is listed, .omne included", () -> picker().getScene().lookup("#picker-folders") != null
                && view.pickerStage().isShowing() && rowsShown(robot).size() == 3);
        waitUntil("and marked", () -> rowsShown(robot).contains(".omne|omne folder of project shop"));
        assertEquals(List.of(".git|", ".omne|omne folder of project shop", "src|"), rowsShown(robot));
        assertEquals("omne project shop · 2 runs", text(robot, "#picker-folder-note"));
        assertEquals("Open project shop", text(robot, "#picker-open"));

        key(robot, KeyCode.DOWN);
        waitUntil("Down goes into the list at its first row", () -> focusIn("picker-folders")
                && ".git".equals(selectedName()));
        key(robot, KeyCode.DOWN);
        waitUntil(".omne is chosen", () -> ".omne".equals(selectedName()));
        key(robot, KeyCode.ENTER);
        waitUntil("Enter goes into .omne", () -> text(robot, "#picker-folder-note")
                .equals("The .omne folder of project shop · 2 runs")
                && rowsShown(robot).equals(List.of("var|inside project shop")));
        assertEquals(shop.resolve(".omne") + File.separator,
                fx(() -> ((javafx.scene.control.TextField) picker().getScene().lookup("#picker-path")).getText()));
        assertEquals("Open project shop", text(robot, "#picker-open"));

        key(robot, KeyCode.CONTROL, KeyCode.ENTER);
        waitUntil("the dialog closed", () -> !pickerShowing());
        waitUntil("the window shows the project's runs", () -> model.volumeProperty().get() != null
                && model.volumeProperty().get().root().equals(shop) && model.runList().visibleRuns().size() == 2);
        assertEquals(shop.toString(), fx(() -> model.recentFolders().getFirst()));
    }

    private String selectedName() {
        FolderRow row = ((javafx.scene.control.ListView<?>) picker().getScene().lookup("#picker-folders"))
                .getSelectionModel().getSelectedItem() instanceof FolderRow r ? r : null;
        return row == null ? null : row.name();
    }

    @Test
    void aMissingPathSaysSoTabCompletesAndEscCancels(FxRobot robot) throws Exception {
        openPicker(robot);
        Path missing = dir.resolve("nowhere");
        type(robot, missing.toString());
        key(robot, KeyCode.ENTER);
        waitUntil("the dialog says there is no such folder", () -> text(robot, "#picker-message")
                .equals("There is no folder " + missing));
        assertTrue(pickerShowing(), "the dialog stays");

        // Tab completes the name, and the list goes into the folder.
        type(robot, shop + File.separator + ".o");
        key(robot, KeyCode.TAB);
        waitUntil("Tab completed .omne and shows it",
                () -> rowsShown(robot).equals(List.of("var|inside project shop")));
        assertTrue(focusIn("picker-path"), "the focus stays in the path field");
        assertEquals(" ", text(robot, "#picker-message"), "typing cleared the message");
        // Alt+Up goes to the folder above, .omne chosen there.
        key(robot, KeyCode.ALT, KeyCode.UP);
        waitUntil("Alt+Up shows the project with .omne chosen", () -> ".omne".equals(selectedName())
                && text(robot, "#picker-folder-note").startsWith("omne project shop"));

        key(robot, KeyCode.ESCAPE);
        waitUntil("Esc closed it", () -> !pickerShowing());
        assertEquals(null, fx(() -> model.volumeProperty().get()), "nothing was opened");
    }

    @Test
    void theDialogTakesTheWindowsTheme(FxRobot robot) throws Exception {
        robot.interact(() -> model.theme().set(ThemeSetting.DARK));
        openPicker(robot);
        waitUntil("the dialog is dark", () -> picker().getScene().getRoot().getStyleClass().contains("theme-dark")
                && WindowThemes.fill(Theme.DARK).equals(background()));
        robot.interact(() -> model.theme().set(ThemeSetting.LIGHT));
        waitUntil("and follows a switch to light", () -> picker().getScene().getRoot().getStyleClass()
                .contains("theme-light") && WindowThemes.fill(Theme.LIGHT).equals(background()));
    }

    /** The colour the dialog's root is painted with. */
    private javafx.scene.paint.Paint background() {
        javafx.scene.layout.Background b = ((javafx.scene.layout.Region) picker().getScene().getRoot()).getBackground();
        return b == null || b.getFills().isEmpty() ? null : b.getFills().getFirst().getFill();
    }
}
