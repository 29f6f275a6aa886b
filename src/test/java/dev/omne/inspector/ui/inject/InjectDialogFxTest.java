package dev.omne.inspector.ui.inject;

import dev.omne.inspector.ui.app.MainWindowView;
import dev.omne.inspector.ui.app.MainWindowViewModel;
import dev.omne.inspector.ui.testing.TestLogs;
import dev.omne.inspector.core.log.AppendOptions;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.ui.testing.TestWindow;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import dev.omne.inspector.ui.testing.FxStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.omne.inspector.ui.testing.FxWait.fx;
import static dev.omne.inspector.ui.testing.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Inject dialog in the real window, headless: filling it in, appending, a held lock, the keyboard alone. */
class InjectDialogFxTest {
    @RegisterExtension
    final FxStage fx = new FxStage(2);

    static final String RUN = TestLogs.RUN;
    /** A short lock budget, so that the held-lock test does not wait the runner's 5 s. */
    static final Duration BUDGET = Duration.ofMillis(500);

    @TempDir
    Path dir;

    private MainWindowViewModel model;
    private MainWindowView view;

    @BeforeEach
    void start() throws Exception {
        TestWindow window = TestWindow.on(fx).appendOptions(new AppendOptions(BUDGET, Duration.ofMillis(20)))
                .size(1200, 760).open();
        model = window.model();
        view = window.view();
    }


    /** Opens a volume of one run with six events and waits until it is shown and writable. */
    private Volume openRun(FxRobot robot) throws Exception {
        Volume volume = TestLogs.volume(dir.resolve("project"), RUN, TestLogs.events(6));
        robot.interact(() -> model.open(volume.root()));
        waitUntil("the run is shown", () -> RUN.equals(model.eventTable().runId()) && model.eventTable().rowCount() == 6);
        waitUntil("Inject is enabled", () -> model.injectRefusalProperty().get() == null);
        return volume;
    }

    private boolean dialogShowing() {
        return view.injectStage() != null && view.injectStage().isShowing();
    }

    private String preview(FxRobot robot) throws Exception {
        return fx(() -> robot.lookup("#inject-preview").queryAs(TextArea.class).getText());
    }

    @Test
    void fillingTheDialogAppendsTheEventAndLiveFollowShowsItsRowSelected(FxRobot robot) throws Exception {
        Volume volume = openRun(robot);
        Path log = volume.eventsFile(RUN);
        robot.clickOn("#button-inject");
        waitUntil("the dialog is open", this::dialogShowing);
        assertTrue(fx(() -> robot.lookup("#inject-append").queryButton().isDisabled()), "nothing to append yet");

        robot.clickOn("#inject-type").write("node.failed");
        waitUntil("the node is asked for", () -> robot.lookup("#inject-node-error").queryAs(Label.class).getText()
                .contains("needs a node id"));
        // The fields below stay where they are when the message goes: typing lands where it was aimed.
        javafx.scene.Node errorKind = robot.lookup("#inject-error-kind").query();
        double errorKindY = fx(() -> errorKind.localToScene(0, 0).getY());
        robot.clickOn("#inject-node").write("n2");
        waitUntil("the message went", () -> robot.lookup("#inject-node-error").queryAs(Label.class).getText().isBlank());
        assertEquals(errorKindY, fx(() -> errorKind.localToScene(0, 0).getY()), "the next field did not move");
        robot.clickOn("#inject-error-kind").write("gate_failed");
        robot.clickOn("#inject-error-message").write("simulated by hand");
        robot.clickOn("#inject-extra").write("{\"attempt\": 2}");
        waitUntil("Append is enabled", () -> !robot.lookup("#inject-append").queryButton().isDisabled());
        String line = preview(robot);
        assertTrue(line.startsWith("{\"type\":\"node.failed\",\"id\":\"ev-"), line);
        assertTrue(line.endsWith(",\"run_id\":\"" + RUN + "\",\"node_id\":\"n2\",\"error\":{\"kind\":\"gate_failed\","
                + "\"message\":\"simulated by hand\"},\"attempt\":2}"), line);

        robot.clickOn("#inject-append");
        waitUntil("the dialog closed", () -> !dialogShowing());
        List<String> lines = Files.readAllLines(log);
        assertEquals(7, lines.size());
        // The dialog's ts moves each second until the append: the line written is the one previewed last.
        assertTrue(lines.getLast().startsWith("{\"type\":\"node.failed\",\"id\":\"" + fx(() ->
                line.substring(line.indexOf("\"id\":\"") + 6, line.indexOf("\",\"ts\"")))), lines.getLast());
        waitUntil("the row arrives through live follow", () -> model.eventTable().rowCount() == 7);
        waitUntil("and is selected", () -> model.eventTable().selectedRow() == 6
                && view.eventsView().table().getSelectionModel().getSelectedIndex() == 6);
        waitUntil("the detail shows it", () -> model.detail().content() != null && model.detail().content().line() == 7);
        assertEquals("node.failed", fx(() -> model.eventTable().cells().typeText(6)));
    }

    @Test
    void aLockHeldByAnotherProcessPastTheBudgetShowsAnErrorAndWritesNothing(FxRobot robot) throws Exception {
        Volume volume = openRun(robot);
        Path log = volume.eventsFile(RUN);
        byte[] before = Files.readAllBytes(log);
        robot.interact(view::openInjectDialog);
        waitUntil("the dialog is open", this::dialogShowing);
        robot.clickOn("#inject-type").write("run.marked");
        waitUntil("Append is enabled", () -> !robot.lookup("#inject-append").queryButton().isDisabled());

        Process holder = new ProcessBuilder("flock", "-x", log.toString(), "sh", "-c", "echo locked; sleep 30")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());
            robot.clickOn("#inject-append");
            waitUntil("it says it is waiting", () -> {
                String status = robot.lookup("#inject-status").queryAs(Label.class).getText();
                return status != null && status.startsWith("Waiting for another process");
            });
            try {
                waitUntil("the error is shown", () -> {
                    String status = robot.lookup("#inject-status").queryAs(Label.class).getText();
                    return status != null && status.endsWith("Nothing was written.");
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; the dialog says: "
                        + fx(() -> robot.lookup("#inject-status").queryAs(Label.class).getText())
                        + "; dialog open: " + dialogShowing() + "; log grew: "
                        + (Files.size(log) != before.length), e);
            }
            assertEquals("Another process held the lock on events.jsonl for more than 500 ms. Nothing was written.",
                    fx(() -> robot.lookup("#inject-status").queryAs(Label.class).getText()));
            assertTrue(dialogShowing(), "the dialog stays open");
            for (String button : List.of("#inject-cancel", "#inject-append")) {
                javafx.scene.control.Button b = robot.lookup(button).queryButton();
                assertTrue(fx(() -> b.getWidth() >= b.prefWidth(-1)), button + " keeps its words beside the message");
            }
            assertArrayEquals(before, Files.readAllBytes(log), "the file is unchanged");
            assertTrue(fx(() -> !robot.lookup("#inject-append").queryButton().isDisabled()), "may try again");
        } finally {
            // The holder keeps the lock far longer than any loaded machine needs to reach the budget.
            holder.descendants().forEach(ProcessHandle::destroy);
            holder.destroy();
            holder.waitFor(5, TimeUnit.SECONDS);
        }
        assertArrayEquals(before, Files.readAllBytes(log), "still unchanged");
    }

    @Test
    void theKeyboardAloneOpensFillsAppendsAndCancels(FxRobot robot) throws Exception {
        Volume volume = openRun(robot);
        Path log = volume.eventsFile(RUN);
        robot.clickOn(view.eventsView().table());
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        waitUntil("the dialog is open", this::dialogShowing);
        waitUntil("the type field has the focus", () -> view.injectStage().isFocused()
                && view.injectStage().getScene().getFocusOwner() != null
                && isIn(view.injectStage().getScene().getFocusOwner(), "inject-type"));
        // TestFX writes text into the scene of its target window: the dialog's, as for a person typing.
        robot.targetWindow(view.injectStage());
        robot.write("gate.passed");
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        waitUntil("Tab goes to the node", () -> isIn(view.injectStage().getScene().getFocusOwner(), "inject-node"));
        robot.write("n1");
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        waitUntil("then to the gate", () -> {
            return isIn(view.injectStage().getScene().getFocusOwner(), "inject-gate");
        });
        robot.write("tests");
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        waitUntil("then to the extra fields", () -> isIn(view.injectStage().getScene().getFocusOwner(), "inject-extra"));
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        waitUntil("Tab leaves the extra fields for Cancel", () -> isIn(view.injectStage().getScene().getFocusOwner(), "inject-cancel"));
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        waitUntil("then Append", () -> isIn(view.injectStage().getScene().getFocusOwner(), "inject-append"));
        assertEquals("", fx(() -> robot.lookup("#inject-extra").queryAs(TextArea.class).getText()), "no tab typed");
        String line = preview(robot);
        assertTrue(line.contains("\"node_id\":\"n1\",\"gate\":\"tests\"}"), line);
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntil("Enter appended and closed the dialog", () -> !dialogShowing());
        waitUntil("the line is in the file", () -> Files.readAllLines(log).size() == 7);
        assertTrue(Files.readAllLines(log).getLast().endsWith("\"node_id\":\"n1\",\"gate\":\"tests\"}"));
        waitUntil("the row is selected", () -> model.eventTable().selectedRow() == 6);

        // Escape closes without writing.
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        waitUntil("the dialog is open again", () -> dialogShowing() && view.injectStage().isFocused());
        robot.targetWindow(view.injectStage());
        robot.write("run.marked");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil("Escape closed it", () -> !dialogShowing());
        assertEquals(7, Files.readAllLines(log).size());
    }

    @Test
    void aRunThatCannotBeWrittenDisablesInjectWithTheReason(FxRobot robot) throws Exception {
        Volume volume = openRun(robot);
        // A second run whose log is a link to a file elsewhere: read, never written through.
        String linked = "linked-01kpfntqeej7vhn935kc0tm9vz";
        Path outside = TestLogs.write(dir.resolve("elsewhere.jsonl"), TestLogs.events(2));
        Files.createDirectories(volume.runDir(linked));
        Files.createSymbolicLink(volume.eventsFile(linked), outside);
        waitUntil("the linked run is listed", () -> model.runList().find(linked) != null);
        robot.interact(() -> model.runList().select(linked));
        waitUntil("Inject is disabled", () -> model.injectRefusalProperty().get() != null);
        String reason = fx(() -> model.injectRefusalProperty().get());
        assertTrue(reason.contains("is a symbolic link"), reason);
        assertTrue(fx(() -> robot.lookup("#button-inject").queryButton().isDisabled()));
        javafx.scene.control.Tooltip tip = fx(() -> (javafx.scene.control.Tooltip)
                robot.lookup("#inject-button-wrapper").query().getProperties().get("javafx.scene.control.Tooltip"));
        assertNotNull(tip);
        assertEquals(reason, fx(tip::getText));
        robot.clickOn(view.eventsView().table());
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(dialogShowing());
        // Back on the writable run, Inject is enabled again.
        robot.interact(() -> model.runList().select(RUN));
        waitUntil("Inject is enabled", () -> model.injectRefusalProperty().get() == null);
        assertFalse(fx(() -> robot.lookup("#button-inject").queryButton().isDisabled()));
    }

    @Test
    void theRunsContextMenuOpensTheDialogForThatRun(FxRobot robot) throws Exception {
        openRun(robot);
        robot.rightClickOn(robot.lookup("#run-list .list-cell").nth(0).queryAs(javafx.scene.Node.class));
        waitUntil("the menu shows", () -> robot.lookup("Inject Event…").tryQuery().isPresent());
        robot.clickOn("Inject Event…");
        waitUntil("the dialog is open", this::dialogShowing);
        assertEquals(RUN, fx(() -> robot.lookup("#inject-run").queryComboBox().getValue()));
        robot.targetWindow(view.injectStage());
        robot.clickOn("#inject-cancel");
        waitUntil("closed", () -> !dialogShowing());
    }

    private static boolean isIn(javafx.scene.Node node, String id) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (id.equals(n.getId())) {
                return true;
            }
        }
        return false;
    }
}
