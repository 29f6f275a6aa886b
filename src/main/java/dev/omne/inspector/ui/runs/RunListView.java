package dev.omne.inspector.ui.runs;

import dev.omne.inspector.ui.common.Action;
import dev.omne.inspector.ui.common.AppIcon;
import dev.omne.inspector.ui.common.Styles;
import dev.omne.inspector.ui.common.Formats;
import dev.omne.inspector.ui.session.RunFacts;
import dev.omne.inspector.ui.runs.RunStatus;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Instant;
import java.time.ZoneId;

/** The runs of the volume, newest first, with a search field. */
public final class RunListView extends VBox {
    private final RunListViewModel model;
    private final ZoneId zone;
    private final TextField search = new TextField();
    private final ListView<RunItem> list = new ListView<>();
    private boolean syncing;

    public RunListView(RunListViewModel model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
        getStyleClass().add("run-list-pane");
        setMinWidth(220);

        Label title = new Label("Runs");
        title.getStyleClass().add(Styles.TITLE);
        search.setPromptText("Search runs  (" + Action.SEARCH_RUNS.keyText() + ")");
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setId("run-search");
        // From the search field, Down or Enter goes on to the list; Escape clears the search.
        search.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case DOWN, ENTER -> {
                    list.requestFocus();
                    if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
                        list.getSelectionModel().selectFirst();
                    }
                    e.consume();
                }
                case ESCAPE -> {
                    search.clear();
                    e.consume();
                }
                default -> {
                }
            }
        });
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox searchBox = new HBox(AppIcon.SEARCH.icon(), search);
        searchBox.getStyleClass().add(Styles.SEARCH_BOX);
        HBox.setHgrow(searchBox, Priority.ALWAYS);
        HBox header = new HBox(title, searchBox);
        header.getStyleClass().add(Styles.PANE_HEADER);

        list.setId("run-list");
        list.getStyleClass().add(Styles.RUN_LIST);
        list.setItems(model.visibleRuns());
        list.setCellFactory(v -> new RunCell());
        // Ctrl+click (Shift+click) a second run to compare the two; the run shown is the one clicked last.
        list.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        Label placeholder = new Label();
        placeholder.getStyleClass().add(Styles.MUTED);
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(240);
        placeholder.textProperty().bind(Bindings.when(model.searchProperty().isEmpty())
                .then("No runs yet.\nRuns appear here as soon as omne starts them.")
                .otherwise("No run matches the search."));
        list.setPlaceholder(new StackPane(placeholder));
        VBox.setVgrow(list, Priority.ALWAYS);

        list.getSelectionModel().selectedItemProperty().addListener((obs, old, run) -> {
            if (!syncing && run != null) {
                model.select(run);
            }
        });
        model.selectedProperty().addListener((obs, old, run) -> showSelection(run));
        // Filtering and re-sorting may drop the list's selection; the model's stays, so put it back.
        model.visibleRuns().addListener((javafx.collections.ListChangeListener<RunItem>) c ->
                showSelection(model.selected()));
        getChildren().addAll(header, list);
    }

    private void showSelection(RunItem run) {
        if (list.getSelectionModel().getSelectedItem() == run) {
            return;
        }
        syncing = true;
        try {
            if (run == null || !list.getItems().contains(run)) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().clearAndSelect(list.getItems().indexOf(run));
                list.scrollTo(run);
            }
        } finally {
            syncing = false;
        }
    }

    /** The runs' context menu (opened on the selected run). */
    public void setRunMenu(javafx.scene.control.MenuItem... items) {
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(items);
        menu.setId("run-context-menu");
        list.setContextMenu(menu);
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    public ListView<RunItem> list() {
        return list;
    }

    /** The runs selected in the list (two of them can be compared). */
    public javafx.collections.ObservableList<RunItem> chosenRuns() {
        return list.getSelectionModel().getSelectedItems();
    }

    /** One run: status icon, pipe and short id, start, duration, events, and a badge of malformed lines. */
    private final class RunCell extends ListCell<RunItem> {
        private final StackPane icon = new StackPane();
        private final Label name = new Label();
        private final Label id = new Label();
        private final Label meta = new Label();
        /** The run's duration: when the line is narrow it gives way whole, never cut in the middle of a number. */
        private final Label duration = new Label();
        /** The event count, never cut: when the line is narrow, the time before it gives way. */
        private final Label count = new Label();
        private final Label badge = new Label("", AppIcon.WARNING.icon());
        private final Label linked = new Label("", AppIcon.LINKED.icon());
        private final Label noticeMark = new Label("", AppIcon.NOTICE.icon());
        private final Tooltip linkedTip = new Tooltip();
        private final Tooltip noticeTip = new Tooltip();
        private final Tooltip cellTip = new Tooltip();
        private final Tooltip iconTip = new Tooltip();
        private final Tooltip badgeTip = new Tooltip();
        private final Tooltip metaTip = new Tooltip();
        private final HBox box;
        private String statusClass;

        /** The start, the duration and the count on one line: the duration is left out when all three do not fit. */
        private final class MetaLine extends HBox {
            MetaLine() {
                super(meta, duration, count);
            }

            @Override
            protected void layoutChildren() {
                double room = getWidth() - snappedLeftInset() - snappedRightInset();
                boolean fits = meta.prefWidth(-1) + duration.prefWidth(-1) + count.prefWidth(-1) <= room;
                if (duration.isManaged() != fits) {
                    duration.setManaged(fits);
                    duration.setVisible(fits);
                }
                super.layoutChildren();
            }
        }

        RunCell() {
            getStyleClass().add(Styles.RUN_CELL);
            // Never wider than the list: long text is cut with an ellipsis instead of scrolling sideways.
            setPrefWidth(0);
            name.getStyleClass().add(Styles.RUN_NAME);
            id.getStyleClass().addAll(Styles.RUN_ID, Styles.MONO);
            meta.getStyleClass().add(Styles.RUN_META);
            badge.getStyleClass().add(Styles.BADGE);
            // Long (up to 255 bytes), unicode and spaced names are cut with an ellipsis; the tooltip has the whole id.
            name.setMinWidth(0);
            name.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
            id.setMinWidth(0);
            id.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
            badge.setMinWidth(Region.USE_PREF_SIZE);
            linked.getStyleClass().add(Styles.RUN_MARK);
            noticeMark.getStyleClass().add(Styles.RUN_MARK);
            linked.setMinWidth(Region.USE_PREF_SIZE);
            noticeMark.setMinWidth(Region.USE_PREF_SIZE);
            linked.setTooltip(linkedTip);
            noticeMark.setTooltip(noticeTip);
            meta.setMinWidth(0);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox titleLine = new HBox(6, name, id, gap, linked, noticeMark, badge);
            titleLine.setAlignment(Pos.CENTER_LEFT);
            count.getStyleClass().add(Styles.RUN_META);
            count.setMinWidth(Region.USE_PREF_SIZE);
            duration.getStyleClass().add(Styles.RUN_META);
            duration.setMinWidth(Region.USE_PREF_SIZE);
            HBox metaLine = new MetaLine();
            metaLine.setAlignment(Pos.CENTER_LEFT);
            VBox text = new VBox(2, titleLine, metaLine);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            icon.setMinWidth(24);
            box = new HBox(8, icon, text);
            box.setAlignment(Pos.CENTER_LEFT);
            iconTip.setShowDelay(Duration.millis(300));
            cellTip.setShowDelay(Duration.millis(600));
            Tooltip.install(icon, iconTip);
            badge.setTooltip(badgeTip);
            meta.setTooltip(metaTip);
        }

        @Override
        protected void updateItem(RunItem run, boolean empty) {
            super.updateItem(run, empty);
            if (statusClass != null) {
                getStyleClass().remove(statusClass);
                statusClass = null;
            }
            if (empty || run == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            RunStatus status = run.status();
            statusClass = "status-" + status.name().toLowerCase(java.util.Locale.ROOT);
            getStyleClass().add(statusClass);
            FontIcon statusIcon = switch (status) {
                case RUNNING -> AppIcon.RUNNING.icon();
                case COMPLETED -> AppIcon.COMPLETED.icon();
                case FAILED -> AppIcon.FAILED.icon();
                case UNKNOWN -> AppIcon.UNKNOWN.icon();
            };
            boolean reading = run.indexing() || run.awaitingRead();
            icon.getChildren().setAll(run.unreadable() ? AppIcon.UNREADABLE.icon()
                    : reading ? AppIcon.INDEXING.icon()
                    : run.logGone() ? AppIcon.LOG_GONE.icon() : statusIcon);
            iconTip.setText(run.unreadable() ? run.statusExplanation()
                    : reading ? "Indexing the log…"
                    : run.logGone() ? "The log file was deleted" : run.statusExplanation());
            linked.setVisible(run.isLinkedOutside());
            linked.setManaged(run.isLinkedOutside());
            linkedTip.setText(run.linkText());
            boolean hasNotice = run.notice() != null;
            noticeMark.setVisible(hasNotice);
            noticeMark.setManaged(hasNotice);
            noticeTip.setText(hasNotice ? run.notice() : "");
            name.setText(run.pipe());
            id.setText(run.idSuffix());
            long now = model.nowMillis();
            RunFacts facts = run.facts();
            StringBuilder line = new StringBuilder();
            String lasted = "";
            if (facts.hasTimes()) {
                line.append(Formats.ago(run.startMicros(), Instant.ofEpochMilli(now), zone)).append("  ·  ");
                long millis = run.durationMillis(now);
                if (millis >= 0) {
                    lasted = Formats.duration(millis) + "  ·  ";
                }
            }
            String counted;
            if (run.unreadable()) {
                counted = "log unreadable";
            } else if (run.awaitingRead()) {
                counted = "reading…";
            } else {
                counted = Formats.shortCount(facts.events()) + (facts.events() == 1 ? " event" : " events")
                        + (run.indexing() ? " so far" : "");
            }
            meta.setText(line.toString());
            duration.setText(lasted);
            count.setText(counted);
            int malformed = facts.malformed();
            badge.setVisible(malformed > 0);
            badge.setManaged(malformed > 0);
            badge.setText(Formats.count(malformed));
            badgeTip.setText(malformed + (malformed == 1 ? " malformed line" : " malformed lines"));
            metaTip.setText((facts.hasTimes() ? "Started " + Formats.exact(run.startMicros(), zone)
                    + "\nLast event " + Formats.exact(facts.lastTsMicros(), zone) : "No event with a time yet")
                    + "\n" + Formats.count(facts.events()) + (facts.events() == 1 ? " event" : " events"));
            cellTip.setText(run.runId() + "  (" + status.label() + ")");
            setTooltip(cellTip);
            setText(null);
            setGraphic(box);
        }
    }
}
