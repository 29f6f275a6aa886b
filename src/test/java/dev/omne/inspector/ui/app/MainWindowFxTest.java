package dev.omne.inspector.ui.app;

import dev.omne.inspector.ui.events.EventTableView;
import dev.omne.inspector.ui.events.RowList;
import dev.omne.inspector.ui.export.ExportDialogView;
import dev.omne.inspector.ui.export.ExportDialogViewModel;
import dev.omne.inspector.ui.runs.RunItem;
import dev.omne.inspector.ui.testing.TestLogs;
import dev.omne.inspector.ui.testing.TestWindow;
import dev.omne.inspector.ui.timeline.TimelineView;
import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.volume.Volume;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import dev.omne.inspector.ui.testing.FxStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.omne.inspector.ui.testing.FxWait.fx;
import static dev.omne.inspector.ui.testing.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window, headless: opening volumes, the empty state, selecting, malformed lines, following. */
class MainWindowFxTest {
    @RegisterExtension
    final FxStage fx = new FxStage(2);

    static final String FAILED_RUN = "bugfix-01kp8a0nc0z1rnsax81s15v8xb";
    static final String LIVE_RUN = "watch-01kp8g2ehgx5d13nf8d4dden90";

    @TempDir
    Path dir;

    private MainWindowViewModel model;
    private MainWindowView view;
    private final StringBuilder clipboard = new StringBuilder();

    @BeforeEach
    void start() throws Exception {
        TestWindow window = TestWindow.on(fx).clipboard(clipboard::append).size(1200, 760).open();
        model = window.model();
        view = window.view();
    }


    private static String now(int plusMillis) {
        return Timestamps.format(Instant.now().plusMillis(plusMillis));
    }

    private static String line(String type, String run, String node, int plusMillis) {
        return "{\"type\":\"" + type + "\",\"id\":\"ev-" + System.nanoTime() + "\",\"ts\":\"" + now(plusMillis)
                + "\",\"run_id\":\"" + run + "\"" + (node == null ? "" : ",\"node_id\":\"" + node + "\"")
                + (type.equals("node.started") ? ",\"kind\":\"bash\"" : "") + "}";
    }

    /** A volume: a failed run with two malformed lines, and a live run of {@code liveRows} events. */
    private Volume volume(int liveRows) {
        Path project = dir.resolve("project");
        List<String> failed = new ArrayList<>();
        failed.add(line("run.started", FAILED_RUN, null, -60_000));
        for (int i = 0; i < 20; i++) {
            failed.add(line(i % 2 == 0 ? "node.started" : "node.completed", FAILED_RUN, "n" + i / 2, -59_000 + i * 400));
            if (i == 6) {
                failed.add("{\"type\":\"node.completed\",\"node_id\":\"n3\",");
            }
            if (i == 14) {
                failed.add("{'type': 'gate.passed'}");
            }
        }
        failed.add(line("node.failed", FAILED_RUN, "n10", -50_000));
        failed.add(line("run.failed", FAILED_RUN, null, -50_000));
        Volume volume = TestLogs.volume(project, FAILED_RUN, failed);
        List<String> live = new ArrayList<>();
        live.add(line("run.started", LIVE_RUN, null, -5000));
        for (int i = 1; i < liveRows; i++) {
            live.add(line("node.progress", LIVE_RUN, "deploy", -5000 + i));
        }
        TestLogs.write(volume.eventsFile(LIVE_RUN), live);
        return volume;
    }

    /** Opens {@link #volume(int)} and shows its failed run (25 rows). */
    private Volume openFailedRun(FxRobot robot) throws Exception {
        Volume volume = volume(5);
        robot.interact(() -> model.open(volume.root()));
        waitUntil("runs listed", () -> model.runList().visibleRuns().size() == 2);
        // The list draws its rows at the next pulse after its ViewModel has them.
        waitUntil("the failed run drawn in the list", () -> robot.lookup("bugfix").tryQuery().isPresent());
        robot.clickOn("bugfix");
        waitUntil("the failed run's rows show", () -> FAILED_RUN.equals(model.eventTable().runId())
                && table().getItems().size() == 25);
        return volume;
    }

    private TableView<Long> table() {
        return view.eventsView().table();
    }

    /** The visible row cell of a row. */
    private Node rowCell(FxRobot robot, int row) throws Exception {
        return fx(() -> robot.lookup(".table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
                .filter(r -> r.getIndex() == row && r.isVisible() && r.getParent() != null)
                .findFirst().orElseThrow());
    }

    private javafx.scene.control.TableCell<?, ?> typeCell(FxRobot robot, int row) {
        return robot.lookup(".type-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .filter(c -> c.getItem() instanceof Long key && RowList.row(key) == row).findFirst().orElseThrow();
    }

    /** The text a visible cell shows. */
    private String cellText(FxRobot robot, int row, String column) throws Exception {
        return fx(() -> robot.lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .filter(c -> c.getItem() instanceof Long key && RowList.row(key) == row && c.getTableColumn() != null
                        && column.equals(c.getTableColumn().getText()))
                .map(javafx.scene.control.TableCell::getText).findFirst().orElse(null));
    }

    @Test
    void opensAVolumeAndShowsItsRunsNewestFirst(FxRobot robot) throws Exception {
        Volume volume = volume(5);
        robot.interact(() -> model.open(volume.root()));
        waitUntil("both runs are listed", () -> model.runList().visibleRuns().size() == 2);
        ListView<RunItem> list = robot.lookup("#run-list").queryListView();
        assertEquals(LIVE_RUN, fx(() -> list.getItems().getFirst().runId()));
        waitUntil("the newest run is shown", () -> LIVE_RUN.equals(model.eventTable().runId())
                && table().getItems().size() == 5);
        assertTrue(robot.lookup("watch").tryQuery().isPresent(), "the pipe name is shown");
        Label volumeLabel = robot.lookup("#status-volume").queryAs(Label.class);
        assertEquals(volume.root().toString(), fx(volumeLabel::getText));
        assertFalse(fx(() -> view.emptyStateView().isVisible()));
    }

    @Test
    void clickingABarMarksItsNodesEventsAndADraggedRangeFiltersTableAndTimeline(FxRobot robot) throws Exception {
        openFailedRun(robot);
        waitUntil("the failed run's nodes are on the timeline", () -> model.timeline().model().laneCount() == 11);
        TimelineView timeline = view.timelineView();
        // n3's bar: from its node.started to its node.completed.
        int lane = fx(() -> model.timeline().model().laneOf("n3"));
        int bar = fx(() -> model.timeline().model().laneBarFrom(lane));
        int startRow = fx(() -> model.timeline().model().barStartRow(bar));
        long middle = fx(() -> (model.timeline().model().barStart(bar) + model.timeline().model().barEnd(bar)) / 2);
        javafx.geometry.Point2D onBar = fx(() -> timeline.lanesCanvas().localToScreen(timeline.xOf(middle),
                timeline.laneCenterY(lane)));
        robot.clickOn(onBar);
        waitUntil("the bar's first event is selected", () -> model.eventTable().selectedRow() == startRow);
        assertEquals("n3", fx(() -> model.eventTable().chosenNode().nodeProperty().get()));
        assertEquals("n3", fx(() -> model.timeline().chosenNode()));
        // The node's rows are marked in the table, the others are not.
        waitUntil("n3's rows are marked", () -> robot.lookup(".table-row-cell").queryAllAs(javafx.scene.control.TableRow.class)
                .stream().filter(r -> r.getItem() != null && r.isVisible())
                .allMatch(r -> r.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("chosen-node"))
                        == "n3".equals(model.eventTable().cells().nodeText(r.getIndex()))));

        // A range dragged on the axis over the first nodes' time becomes the filter's time range.
        long from = fx(() -> model.timeline().model().barStart(model.timeline().model().laneBarFrom(0)));
        long to = fx(() -> model.timeline().model().barStart(model.timeline().model().laneBarFrom(4)));
        double y = fx(() -> timeline.axisCanvas().getHeight() / 2);
        javafx.geometry.Point2D start = fx(() -> timeline.axisCanvas().localToScreen(timeline.xOf(from) - 1, y));
        javafx.geometry.Point2D end = fx(() -> timeline.axisCanvas().localToScreen(timeline.xOf(to) + 1, y));
        robot.drag(start, javafx.scene.input.MouseButton.PRIMARY).moveTo(end).release(javafx.scene.input.MouseButton.PRIMARY);
        waitUntil("the range is in the filter", () -> model.filterBar().timeRangeProperty().get());
        String text = fx(() -> robot.lookup("#filter-field").queryTextInputControl().getText());
        assertTrue(text.startsWith("after:") && text.contains(" before:"), text);
        waitUntil("the table shows the rows in the range", () -> table().getItems().size() > 0 && table().getItems().size() < 25);
        long after = dev.omne.inspector.core.event.Timestamps.parseMicros(text.substring(6, text.indexOf(' ')));
        long before = dev.omne.inspector.core.event.Timestamps.parseMicros(text.substring(text.indexOf("before:") + 7));
        int shown = fx(() -> model.eventTable().rowCount());
        for (int position = 0; position < shown; position++) {
            int p = position;
            long ts = fx(() -> model.eventTable().snapshot().tsMicros(model.eventTable().rowAt(p)));
            assertTrue(ts >= after && ts < before, "row at " + p + " is inside the range");
        }
        waitUntil("the timeline shows only the nodes in the range", () -> model.timeline().model().laneCount() < 11
                && model.timeline().model().laneCount() > 0);
        robot.type(KeyCode.ESCAPE);
        waitUntil("Esc gives back the whole run", () -> table().getItems().size() == 25
                && model.timeline().model().laneCount() == 11);
    }

    @Test
    void exportsTheSelectedRunAsJsonLinesThroughTheExportDialog(FxRobot robot) throws Exception {
        Volume volume = openFailedRun(robot);
        Path out = dir.resolve("bugfix.jsonl");
        ExportDialogViewModel dialog = fx(() -> model.newExportDialog(view.eventsView().selectedRows()));
        ExportDialogView shown = fx(() -> new ExportDialogView(dialog, null));
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ChoiceBox<dev.omne.inspector.core.export.ExportFormat> format =
                    (javafx.scene.control.ChoiceBox<dev.omne.inspector.core.export.ExportFormat>)
                            shown.getDialogPane().lookup("#export-format");
            format.setValue(dev.omne.inspector.core.export.ExportFormat.JSONL);
            ((javafx.scene.control.CheckBox) shown.getDialogPane().lookup("#export-malformed")).setSelected(true);
        });
        assertTrue(fx(() -> dialog.options().includeMalformed()));
        assertEquals(FAILED_RUN + ".jsonl", fx(dialog::suggestedFileName));
        robot.interact(() -> dialog.export(out));
        waitUntil("the export is written", () -> Files.exists(out) && !dialog.busyProperty().get());
        assertArrayEquals(Files.readAllBytes(volume.eventsFile(FAILED_RUN)), Files.readAllBytes(out));
        Label message = robot.lookup("#status-message").tryQueryAs(Label.class).orElse(null);
        if (message != null) {
            assertTrue(fx(message::getText).startsWith("Exported 25 rows"), fx(message::getText));
        }
    }

    @Test
    void aFolderWithoutOmneShowsTheEmptyStateWithAnOpenButton(FxRobot robot) throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        robot.interact(() -> model.open(plain));
        waitUntil("the empty state shows", () -> view.emptyStateView().isVisible());
        assertEquals("No omne runs here", fx(() -> robot.lookup("#empty-title").queryAs(Label.class).getText()));
        Button open = robot.lookup("#empty-open").queryButton();
        assertTrue(fx(open::isVisible));
        assertEquals("Open folder…", fx(open::getText));
    }

    @Test
    void selectingARunShowsItsEventsAndSelectingAnEventShowsItsJson(FxRobot robot) throws Exception {
        Volume volume = volume(5);
        robot.interact(() -> model.open(volume.root()));
        waitUntil("runs listed", () -> model.runList().visibleRuns().size() == 2);
        waitUntil("the live run is shown", () -> table().getItems().size() == 5);
        waitUntil("its cells show", () -> "deploy".equals(cellText(robot, 1, "Node")));
        // The live run grows while followed: its first rows scroll out of view (their cells are kept aside).
        appendByAnotherProcess(volume.eventsFile(LIVE_RUN), 150);
        waitUntil("the live run grew", () -> table().getItems().size() == 155 && view.eventsView().isAtEnd());
        robot.clickOn("bugfix");
        waitUntil("the failed run's rows show", () -> FAILED_RUN.equals(model.eventTable().runId())
                && table().getItems().size() == 25);
        // Rows of both runs are numbered from 0: every cell must show the newly selected run.
        waitUntil("cells show the failed run", () -> "n0".equals(cellText(robot, 1, "Node")));
        // Types are coloured by what they mean (the stylesheet's tone colours, not the plain text colour).
        javafx.scene.paint.Paint started = fx(() -> typeCell(robot, 1).getTextFill());
        javafx.scene.paint.Paint completed = fx(() -> typeCell(robot, 2).getTextFill());
        assertEquals(javafx.scene.paint.Color.web("#0969da"), started);
        assertEquals(javafx.scene.paint.Color.web("#1a7f37"), completed);
        int checked = 0;
        for (int row = 0; row < 25; row++) {
            int r = row;
            String shown = cellText(robot, row, "Type");
            if (shown != null) {
                assertEquals(fx(() -> model.eventTable().cells().typeText(r)), shown, "row " + row + " shows the failed run");
                checked++;
            }
        }
        assertTrue(checked >= 6, "rows checked: " + checked);
        assertEquals("25 lines: 23 events, 2 malformed", fx(() -> {
            var s = model.eventTable().snapshot();
            return s.size() + " lines: " + s.eventCount() + " events, " + s.errorCount() + " malformed";
        }));
        assertTrue(fx(() -> robot.lookup("#status-malformed").queryButton().getText()).startsWith("2 malformed"));
        robot.clickOn(rowCell(robot, 3));
        waitUntil("the detail shows line 4", () -> model.detail().content() != null && model.detail().content().line() == 4);
        waitUntil("the JSON is shown", () -> robot.lookup("#detail-text").queryAs(javafx.scene.text.TextFlow.class)
                .getChildren().size() > 10);
        assertTrue(fx(() -> model.detail().headerProperty().get()).startsWith("Line 4"));
    }

    @Test
    void f8JumpsToMalformedLinesAndTheDetailMarksTheError(FxRobot robot) throws Exception {
        Volume volume = volume(5);
        robot.interact(() -> model.open(volume.root()));
        waitUntil("runs listed", () -> model.runList().visibleRuns().size() == 2);
        robot.interact(() -> model.runList().select(FAILED_RUN));
        waitUntil("rows show", () -> table().getItems().size() == 25);
        robot.clickOn(table());
        robot.interact(() -> table().getSelectionModel().clearAndSelect(0));
        robot.press(KeyCode.F8).release(KeyCode.F8);
        waitUntil("the first malformed line is selected", () -> table().getSelectionModel().getSelectedIndex() == 8);
        waitUntil("the detail shows the parser's message", () -> robot.lookup("#detail-message").tryQuery()
                .map(Node::isVisible).orElse(false));
        assertTrue(fx(() -> robot.lookup("#detail-message").queryAs(Label.class).getText()).startsWith("Line 9, column"));
        assertTrue(robot.lookup("#error-mark").tryQuery().isPresent(), "the error column is marked");
        robot.press(KeyCode.F8).release(KeyCode.F8);
        waitUntil("the second malformed line", () -> table().getSelectionModel().getSelectedIndex() == 17);
        robot.press(KeyCode.SHIFT, KeyCode.F8).release(KeyCode.F8, KeyCode.SHIFT);
        waitUntil("back to the first", () -> table().getSelectionModel().getSelectedIndex() == 8);
        // The status bar's count opens the list of malformed lines; choosing one goes there.
        robot.clickOn("#status-malformed");
        waitUntil("the list is open", () -> view.statusBarView().isPopupShowing());
        robot.clickOn(robot.lookup("#diagnostics-list .list-cell").nth(1).queryAs(Node.class));
        waitUntil("the chosen line is selected", () -> table().getSelectionModel().getSelectedIndex() == 17);
    }

    @Test
    void theTableFollowsLinesAppendedByAnotherProcessAndPausesWhenScrolledUp(FxRobot robot) throws Exception {
        Volume volume = volume(200);
        Path log = volume.eventsFile(LIVE_RUN);
        robot.interact(() -> model.open(volume.root()));
        waitUntil("the live run is shown at its end", () -> LIVE_RUN.equals(model.eventTable().runId())
                && table().getItems().size() == 200 && view.eventsView().isAtEnd());
        assertTrue(fx(() -> model.eventTable().isFollowing()));

        appendByAnotherProcess(log, 3);
        waitUntil("appended rows arrive", () -> table().getItems().size() == 203);
        waitUntil("the table stays at the end", () -> view.eventsView().isAtEnd());

        // Scrolling up pauses following; rows arriving meanwhile do not move the table.
        robot.moveTo(table());
        robot.scroll(10, javafx.geometry.VerticalDirection.UP);
        waitUntil("following paused", () -> !model.eventTable().isFollowing());
        int firstVisible = fx(() -> view.eventsView().firstVisibleRow());
        appendByAnotherProcess(log, 4);
        waitUntil("rows arrive while paused", () -> table().getItems().size() == 207);
        assertEquals(firstVisible, fx(() -> view.eventsView().firstVisibleRow()), "the view did not jump");
        assertFalse(fx(() -> view.eventsView().isAtEnd()));
        assertEquals(4, fx(() -> model.eventTable().unseenRowsProperty().get()));
        assertTrue(fx(() -> robot.lookup("#status-follow").queryAs(Label.class).getText()).startsWith("Paused"));
        assertTrue(fx(() -> robot.lookup("#follow-chip").queryButton().isVisible()));

        // End resumes.
        robot.clickOn(table());
        robot.press(KeyCode.END).release(KeyCode.END);
        waitUntil("following again at the end", () -> model.eventTable().isFollowing() && view.eventsView().isAtEnd());
        appendByAnotherProcess(log, 2);
        waitUntil("more rows", () -> table().getItems().size() == 209);
        waitUntil("still at the end", () -> view.eventsView().isAtEnd());
    }

    @Test
    void theDemoVolumeOpensWithItsLiveRunGrowing(FxRobot robot) throws Exception {
        robot.interact(() -> model.openDemo());
        waitUntil("the demo's fifteen runs", () -> model.runList().visibleRuns().size() == 15);
        waitUntil("the live run is shown", () -> model.eventTable().runId() != null
                && model.eventTable().runId().startsWith("watch-"));
        int rows = fx(() -> table().getItems().size());
        waitUntil("the driver's events arrive", () -> table().getItems().size() >= rows + 2);
        assertTrue(fx(() -> model.demoOpenProperty().get()));
        assertTrue(fx(() -> model.titleProperty().get()).contains("(demo)"));
    }

    @Test
    void aRunLongerThanTheTablesWindowIsNavigatedWhole(FxRobot robot) throws Exception {
        int rows = EventTableView.WINDOW * 3;
        List<String> lines = new ArrayList<>();
        lines.add(line("run.started", LIVE_RUN, null, -5000));
        for (int i = 1; i < rows; i++) {
            lines.add(i == rows - 7_000 ? "{\"type\":\"node.progress\",\"node_id\":" : line("node.progress", LIVE_RUN, "n" + i, 0));
        }
        Volume volume = TestLogs.volume(dir.resolve("long"), LIVE_RUN, lines);
        robot.interact(() -> model.open(volume.root()));
        waitUntil("the run is shown at its end", () -> model.eventTable().rowCount() == rows && view.eventsView().isAtEnd());
        assertTrue(fx(() -> view.eventsView().runBar().isVisible()), "the whole-run scroll bar");
        assertTrue(fx(() -> table().getItems().size()) <= EventTableView.WINDOW + EventTableView.SLACK);
        assertEquals(rows - 1, cellRowOfLastVisible(robot));

        // F8 from the top finds the malformed line near the end, outside the first window.
        robot.clickOn(table());
        robot.press(KeyCode.HOME).release(KeyCode.HOME);
        waitUntil("the first row", () -> model.eventTable().selectedRow() == 0 && view.eventsView().firstVisibleRow() == 0);
        robot.press(KeyCode.F8).release(KeyCode.F8);
        waitUntil("the malformed line is selected and in view", () -> model.eventTable().selectedRow() == rows - 7_000
                && model.detail().content() != null && model.detail().content().malformed());
        assertEquals(rows - 7_000, fx(() -> view.eventsView().selectedRows().getFirst()));
        assertEquals("malformed", cellText(robot, rows - 7_000, "Type"));

        // Appended rows are followed at the end.
        robot.press(KeyCode.END).release(KeyCode.END);
        waitUntil("following", () -> model.eventTable().isFollowing() && view.eventsView().isAtEnd());
        appendByAnotherProcess(volume.eventsFile(LIVE_RUN), 5);
        waitUntil("the new rows are in view", () -> model.eventTable().rowCount() == rows + 5 && view.eventsView().isAtEnd());
        assertEquals(rows + 4, cellRowOfLastVisible(robot));
    }

    /** The run row of the last row cell in view. */
    private int cellRowOfLastVisible(FxRobot robot) throws Exception {
        return fx(() -> robot.lookup(".table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
                .filter(r -> r.isVisible() && r.getItem() != null && !r.isEmpty())
                .mapToInt(r -> RowList.row((Long) r.getItem())).max().orElse(-1));
    }

    /** Appends lines the way the omne runner does, from another process, under flock(1). */
    @Test
    void unreadableRunsAndOddNamesDoNotBreakTheListAndTheOthersAreFollowed(FxRobot robot) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "needs mkfifo");
        Volume volume = volume(5);
        String fifoRun = "fifo-01kp8g2ehgx5d13nf8d4dden91";
        String folderRun = "folder-01kp8g2ehgx5d13nf8d4dden92";
        String longRun = "p".repeat(228) + "-01kp8g2ehgx5d13nf8d4dden93";
        String unicodeRun = "résumé 名前 ünï-01kp8g2ehgx5d13nf8d4dden94";
        String spacedRun = "a run with spaces";
        assertEquals(255, longRun.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        Files.createDirectories(volume.runDir(fifoRun));
        assertEquals(0, new ProcessBuilder("mkfifo", volume.eventsFile(fifoRun).toString()).start().waitFor());
        Files.createDirectories(volume.eventsFile(folderRun));
        for (String run : List.of(longRun, unicodeRun, spacedRun)) {
            TestLogs.write(volume.eventsFile(run), List.of(line("run.started", run, null, -70_000)));
        }
        robot.interact(() -> model.open(volume.root()));
        waitUntil("every run is listed", () -> model.runList().visibleRuns().size() == 7);
        waitUntil("the unreadable runs say so", () -> model.runList().find(fifoRun).unreadable()
                && model.runList().find(folderRun).unreadable());
        assertTrue(fx(() -> model.runList().find(fifoRun).notice()).contains("FIFO"),
                fx(() -> model.runList().find(fifoRun).notice()));
        waitUntil("the newest run is shown", () -> LIVE_RUN.equals(model.eventTable().runId())
                && table().getItems().size() == 5);
        appendByAnotherProcess(volume.eventsFile(LIVE_RUN), 2);
        waitUntil("the live run is followed", () -> table().getItems().size() == 7);

        ListView<RunItem> list = robot.lookup("#run-list").queryListView();
        robot.interact(() -> list.scrollTo(model.runList().find(longRun)));
        WaitForAsyncUtils.waitForFxEvents();
        List<javafx.scene.control.ListCell<?>> cells = fx(() -> robot.lookup(".run-cell")
                .queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(c -> c.getItem() != null && c.isVisible()).<javafx.scene.control.ListCell<?>>map(c -> c).toList());
        assertFalse(cells.isEmpty());
        double listWidth = fx(list::getWidth);
        for (javafx.scene.control.ListCell<?> cell : cells) {
            assertTrue(fx(cell::getWidth) <= listWidth + 1, "a cell is no wider than the list: " + cell.getItem());
        }
        javafx.scene.control.ListCell<?> longCell = cells.stream()
                .filter(c -> c.getItem() instanceof RunItem r && r.runId().equals(longRun)).findFirst().orElseThrow();
        assertTrue(fx(() -> longCell.getTooltip().getText()).startsWith(longRun), "the tooltip has the whole id");
    }

    private static void appendByAnotherProcess(Path log, int count) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append(line("node.progress", LIVE_RUN, "deploy", i)).append('\n');
        }
        Path chunk = Files.createTempFile(log.getParent(), "chunk", ".jsonl");
        Files.writeString(chunk, lines);
        Process p = new ProcessBuilder("flock", log.toString(), "sh", "-c", "cat \"$1\" >> \"$2\"", "sh",
                chunk.toString(), log.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        Files.delete(chunk);
    }

    @Test
    void typingAFilterNarrowsTheTableFacetsAndFailuresOnlyEditItAndEscClearsIt(FxRobot robot) throws Exception {
        openFailedRun(robot);
        robot.clickOn("#filter-field").write("node:n3");
        waitUntil("only n3's rows show", () -> table().getItems().size() == 2);
        waitUntil("their cells say n3", () -> "n3".equals(cellText(robot, 0, "Node")) && "n3".equals(cellText(robot, 1, "Node")));
        assertEquals("2 of 25 rows", fx(() -> robot.lookup("#filter-summary").queryAs(Label.class).getText()));
        // A facet adds its type to the text, shown plainly.
        javafx.scene.control.ToggleButton completed = fx(() -> robot.lookup(".facet-chip")
                .queryAllAs(javafx.scene.control.ToggleButton.class).stream()
                .filter(c -> "node.completed".equals(c.getUserData())).findFirst().orElseThrow());
        robot.clickOn(completed);
        waitUntil("the facet's type joined the filter", () -> "node:n3 type:node.completed".equals(
                robot.lookup("#filter-field").queryTextInputControl().getText()) && table().getItems().size() == 1);
        // Esc clears the whole filter, from the field and from the table alike.
        robot.type(KeyCode.ESCAPE);
        waitUntil("every row is back", () -> table().getItems().size() == 25
                && robot.lookup("#filter-field").queryTextInputControl().getText().isEmpty());
        robot.clickOn("#toggle-failures-only");
        // Failures only: the failed node, the failed run and the two malformed lines.
        waitUntil("failures only", () -> table().getItems().size() == 4);
        assertEquals("is:failure", fx(() -> robot.lookup("#filter-field").queryTextInputControl().getText()));
        robot.clickOn(rowCell(robot, 0));
        robot.type(KeyCode.ESCAPE);
        waitUntil("Esc in the table cleared it", () -> table().getItems().size() == 25);
        // A bad regular expression is explained and the rows stay.
        robot.clickOn("#filter-field").write("/n(/");
        waitUntil("the error shows", () -> robot.lookup("#filter-error").queryAs(Label.class).isVisible());
        assertTrue(fx(() -> robot.lookup("#filter-error").queryAs(Label.class).getText()).contains("not a regular expression"));
        assertEquals(25, fx(() -> table().getItems().size()));
    }
}
