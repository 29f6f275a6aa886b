package dev.omne.inspector.ui.app;

import dev.omne.inspector.ui.common.Action;
import dev.omne.inspector.ui.common.AppIcon;
import dev.omne.inspector.ui.common.Styles;
import dev.omne.inspector.ui.events.DiagnosticRow;
import dev.omne.inspector.core.log.Diagnostic;
import dev.omne.inspector.ui.common.Formats;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.util.Duration;

/**
 * Volume path, the shown run's events and malformed lines (a button opening their list), follow state, load
 * progress and the latest message.
 */
public final class StatusBarView extends HBox {
    private final StatusBarViewModel model;
    private final Button malformed = new Button();
    private final Popup popup = new Popup();
    private final ListView<DiagnosticRow> list = new ListView<>();

    StatusBarView(StatusBarViewModel model) {
        this.model = model;
        getStyleClass().add(Styles.STATUS_BAR);
        setId("status-bar");

        Label volume = new Label();
        volume.setId("status-volume");
        volume.setGraphic(AppIcon.OPEN.icon());
        volume.textProperty().bind(model.volumePathProperty());
        volume.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        volume.setMinWidth(80);
        volume.setMaxWidth(420);
        Tooltip volumeTip = new Tooltip();
        volumeTip.textProperty().bind(model.volumePathProperty());
        volume.setTooltip(volumeTip);
        volume.visibleProperty().bind(model.volumePathProperty().isNotEmpty());
        volume.managedProperty().bind(volume.visibleProperty());

        Label message = new Label();
        message.setId("status-message");
        message.setMinWidth(0);
        message.setTextOverrun(OverrunStyle.ELLIPSIS);
        message.textProperty().bind(model.messageProperty());
        // A long notice is cut with an ellipsis; its tooltip has it whole.
        Tooltip messageTip = new Tooltip();
        messageTip.textProperty().bind(model.messageProperty());
        message.tooltipProperty().bind(Bindings.when(model.messageProperty().isEmpty())
                .then((Tooltip) null).otherwise(messageTip));
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        PauseTransition fade = new PauseTransition(Duration.seconds(10));
        fade.setOnFinished(e -> model.showMessage(""));
        model.messageProperty().addListener((obs, old, text) -> {
            if (text != null && !text.isEmpty()) {
                fade.playFromStart();
            }
        });

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.progressProperty().bind(model.progressProperty());
        spinner.setPrefSize(16, 16);
        spinner.setMaxSize(16, 16);
        Label progressText = new Label();
        progressText.setId("status-progress");
        progressText.textProperty().bind(model.progressTextProperty());
        progressText.setMinWidth(Region.USE_PREF_SIZE);
        HBox progress = new HBox(6, spinner, progressText);
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(model.busyProperty());

        Label events = new Label();
        events.setId("status-events");
        events.setMinWidth(Region.USE_PREF_SIZE);
        events.textProperty().bind(Bindings.createStringBinding(() -> model.runShownProperty().get()
                ? Formats.count(model.eventsProperty().get()) + (model.eventsProperty().get() == 1 ? " event" : " events")
                : "", model.eventsProperty(), model.runShownProperty()));

        malformed.setId("status-malformed");
        malformed.getStyleClass().add(Styles.MALFORMED_BUTTON);
        malformed.setGraphic(AppIcon.MALFORMED.icon());
        malformed.setFocusTraversable(false);
        malformed.setMinWidth(Region.USE_PREF_SIZE);
        malformed.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = model.malformedProperty().get();
            int w = model.warningsProperty().get();
            return Formats.count(n) + " malformed" + (w > 0 ? ", " + Formats.count(w) + (w == 1 ? " warning" : " warnings") : "");
        }, model.malformedProperty(), model.warningsProperty()));
        malformed.visibleProperty().bind(model.runShownProperty());
        malformed.managedProperty().bind(model.runShownProperty());
        model.malformedProperty().addListener((obs, old, n) ->
                malformed.pseudoClassStateChanged(Styles.HAS_ERRORS, n.intValue() > 0));
        malformed.setTooltip(new Tooltip("List the malformed lines (" + Action.NEXT_MALFORMED.keyText() + ": next, "
                + Action.PREVIOUS_MALFORMED.keyText() + ": previous)"));
        malformed.setOnAction(e -> togglePopup());

        Label follow = new Label();
        follow.setId("status-follow");
        follow.getStyleClass().addAll(Styles.STATUS_ITEM, "follow");
        follow.setMinWidth(Region.USE_PREF_SIZE);
        Runnable updateFollow = () -> {
            follow.setText(model.followText());
            boolean paused = model.runShownProperty().get() && !model.followingProperty().get();
            follow.pseudoClassStateChanged(Styles.PAUSED, paused);
            follow.setGraphic(!model.runShownProperty().get() ? null
                    : paused ? AppIcon.PAUSED.icon() : AppIcon.FOLLOWING.icon());
            follow.setTooltip(new Tooltip(paused ? "Not following the end: new events are added below without"
                    + " moving the table. End goes to the end and follows." : "New events are shown as they are appended"));
        };
        model.followingProperty().addListener((obs, old, v) -> updateFollow.run());
        model.unseenProperty().addListener((obs, old, v) -> updateFollow.run());
        model.runShownProperty().addListener((obs, old, v) -> updateFollow.run());
        updateFollow.run();

        getChildren().addAll(volume, message, progress, events, malformed, follow);
        buildPopup();
    }

    private void buildPopup() {
        list.setId("diagnostics-list");
        list.setPrefSize(560, 280);
        list.setCellFactory(v -> new ListCell<>() {
            private final Label where = new Label();
            private final Label what = new Label();
            private final HBox box = new HBox(10, where, what);

            {
                where.getStyleClass().add(Styles.MONO);
                where.setMinWidth(Region.USE_PREF_SIZE);
                what.setMinWidth(0);
                box.setAlignment(Pos.CENTER_LEFT);
                // As wide as the list, never wider: a long message ends in an ellipsis (its tooltip has it all).
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(DiagnosticRow item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                Diagnostic d = item.diagnostic();
                where.setText("line " + d.line() + (d.column() > 0 ? ":" + d.column() : ""));
                where.setGraphic(d.isError() ? AppIcon.MALFORMED.icon() : AppIcon.WARNING.icon());
                what.setText(d.message());
                what.setTooltip(new Tooltip(d.message()));
                setGraphic(box);
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() >= 1 && list.getSelectionModel().getSelectedItem() != null) {
                choose();
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                choose();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                popup.hide();
            }
        });
        Label empty = new Label("No malformed lines in this run");
        empty.getStyleClass().add(Styles.MUTED);
        list.setPlaceholder(empty);
        VBox box = new VBox(list);
        // A popup is a scene of its own: "root" gives it the stylesheet's colour variables.
        box.getStyleClass().addAll("root", Styles.DIAGNOSTICS_POPUP);
        box.getStylesheets().add(Styles.STYLESHEET);
        popup.getContent().add(box);
        popup.setAutoHide(true);
        popup.setHideOnEscape(true);
    }

    private void choose() {
        DiagnosticRow chosen = list.getSelectionModel().getSelectedItem();
        if (chosen != null) {
            popup.hide();
            model.goToDiagnostic(chosen.row());
        }
    }

    private void togglePopup() {
        if (popup.isShowing()) {
            popup.hide();
            return;
        }
        list.getItems().setAll(model.diagnostics());
        Bounds b = malformed.localToScreen(malformed.getBoundsInLocal());
        if (b == null) {
            return;
        }
        popup.show(malformed, Math.max(0, b.getMaxX() - 560), b.getMinY() - 290);
        list.requestFocus();
        int current = model.selectedRow();
        int at = 0;
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).row() == current) {
                at = i;
            }
        }
        if (!list.getItems().isEmpty()) {
            list.getSelectionModel().select(at);
            list.scrollTo(at);
        }
    }

    public boolean isPopupShowing() {
        return popup.isShowing();
    }

    public void showDiagnostics() {
        togglePopup();
    }
}
