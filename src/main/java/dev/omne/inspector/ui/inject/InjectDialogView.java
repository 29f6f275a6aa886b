package dev.omne.inspector.ui.inject;

import dev.omne.inspector.ui.common.DialogStage;
import dev.omne.inspector.ui.common.Action;
import dev.omne.inspector.ui.common.Styles;
import dev.omne.inspector.core.volume.RunIds;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;

/**
 * The Inject dialog: run, event type, node, the fields of the type, extra JSON fields, the automatic id and time,
 * a preview of the one line Append writes, and why it cannot be written yet. Enter appends, Escape cancels.
 */
public final class InjectDialogView extends BorderPane {
    static final String TITLE = "Inject Event";

    private final InjectDialogViewModel model;
    private final GridPane grid = new GridPane();
    private final ComboBox<String> run = new ComboBox<>();
    private final ComboBox<String> type = new ComboBox<>();
    private final ComboBox<String> node = new ComboBox<>();
    private final Button append = new Button("Append");
    private final Button cancel = new Button("Cancel");
    private final TextArea extra = new TextArea();
    private final List<Node> focusOrder = new ArrayList<>();
    private int row;

    InjectDialogView(InjectDialogViewModel model) {
        this.model = model;
        getStyleClass().add("inject-dialog");
        getStylesheets().add(Styles.STYLESHEET);
        setId("inject-dialog");

        Label heading = new Label("Append an event to a run");
        heading.getStyleClass().add(Styles.DIALOG_HEADING);
        Label sub = new Label("Written through the locked append path, as omne writes: safe while the run is live.");
        sub.getStyleClass().add(Styles.MUTED);
        sub.setWrapText(true);
        VBox top = new VBox(2, heading, sub);
        top.getStyleClass().add(Styles.DIALOG_TOP);

        grid.getStyleClass().add("inject-grid");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);

        run.setId("inject-run");
        run.setItems(model.runs());
        run.valueProperty().bindBidirectional(model.runProperty());
        run.setCellFactory(v -> new RunIdCell());
        run.setButtonCell(new RunIdCell());
        add("Run", run, model.runErrorProperty(), null);

        type.setId("inject-type");
        editableCombo(type, model.knownTypes(), model.typeProperty(), "e.g. node.failed or run.signal_received");
        add("Event type", type, model.typeErrorProperty(), null);

        node.setId("inject-node");
        editableCombo(node, model.nodes(), model.nodeIdProperty(), "a node of the run, or any id");
        Label nodeLabel = add("Node", node, model.nodeErrorProperty(), null);
        nodeLabel.textProperty().bind(Bindings.when(model.nodeRequiredProperty()).then("Node *").otherwise("Node"));

        add("Kind", field("inject-kind", model.kindProperty(), "bash, command, prompt or loop"), null, model.nodeStartedProperty());
        add("Name", field("inject-name", model.nameProperty(), "a readable name"), null, model.nodeStartedProperty());
        add("Model", field("inject-model", model.modelProperty(), "e.g. opus"), null, model.nodeStartedProperty());

        ComboBox<String> errorKind = new ComboBox<>();
        errorKind.setId("inject-error-kind");
        editableCombo(errorKind, model.knownErrorKinds(), model.errorKindProperty(), "e.g. gate_failed");
        add("Error kind", errorKind, null, model.nodeFailedProperty());
        add("Message", field("inject-error-message", model.errorMessageProperty(), "what went wrong"), null,
                model.nodeFailedProperty());
        add("Gate", field("inject-gate", model.gateProperty(), "e.g. tests"), null, model.gatePassedProperty());

        extra.setId("inject-extra");
        extra.getStyleClass().add(Styles.MONO);
        extra.setPromptText("{\"signal\": \"SIGTERM\"}  (optional: more fields as one JSON object)");
        extra.setPrefRowCount(3);
        extra.setWrapText(true);
        extra.textProperty().bindBidirectional(model.extraFieldsProperty());
        add("Extra fields", extra, model.extraErrorProperty(), null);

        Label id = new Label();
        id.setId("inject-id");
        id.getStyleClass().addAll(Styles.MONO, "inject-auto");
        id.textProperty().bind(model.idProperty());
        Label ts = new Label();
        ts.setId("inject-ts");
        ts.getStyleClass().addAll(Styles.MONO, "inject-auto");
        ts.textProperty().bind(model.tsProperty());
        id.setMinWidth(Region.USE_PREF_SIZE);
        ts.setMinWidth(Region.USE_PREF_SIZE);
        Label auto = new Label("(filled automatically)");
        auto.getStyleClass().add(Styles.MUTED);
        auto.setMinWidth(0);
        HBox autoBox = new HBox(14, labeled("id", id), labeled("ts", ts), auto);
        autoBox.setAlignment(Pos.CENTER_LEFT);
        add("", autoBox, null, null);

        Label previewTitle = new Label("The line that will be appended");
        previewTitle.getStyleClass().add("inject-section");
        TextArea preview = new TextArea();
        preview.setId("inject-preview");
        preview.getStyleClass().addAll(Styles.MONO, "inject-preview");
        preview.setEditable(false);
        preview.setWrapText(true);
        preview.setPrefRowCount(3);
        preview.setFocusTraversable(false);
        preview.textProperty().bind(Bindings.createStringBinding(() -> model.previewProperty().get().isEmpty()
                ? "(nothing yet: " + firstProblem() + ")" : model.previewProperty().get(),
                model.previewProperty(), model.typeErrorProperty(), model.nodeErrorProperty(),
                model.extraErrorProperty(), model.otherErrorProperty(), model.runErrorProperty()));
        preview.pseudoClassStateChanged(Styles.PENDING, model.previewProperty().get().isEmpty());
        model.previewProperty().addListener((obs, old, now) -> preview.pseudoClassStateChanged(Styles.PENDING, now.isEmpty()));
        Label other = errorLabel(model.otherErrorProperty());
        other.setId("inject-other-error");
        VBox previewBox = new VBox(4, previewTitle, preview, other);
        previewBox.getStyleClass().add("inject-preview-box");

        Label status = new Label();
        status.setId("inject-status");
        status.getStyleClass().add("inject-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.visibleProperty().bind(model.statusProperty().isNotNull());
        status.managedProperty().bind(status.visibleProperty());
        model.statusIsErrorProperty().addListener((obs, old, error) -> status.pseudoClassStateChanged(Styles.MALFORMED, error));
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);

        append.setId("inject-append");
        append.setDefaultButton(true);
        append.disableProperty().bind(model.canAppendProperty().not());
        append.setOnAction(e -> model.append());
        cancel.setId("inject-cancel");
        cancel.setCancelButton(true);
        // Cancel works while an append waits for the lock too: it stops the wait, and nothing is written.
        cancel.setOnAction(e -> model.cancel());
        model.closedProperty().addListener((obs, old, closed) -> {
            if (closed) {
                close();
            }
        });
        // The buttons keep their words whatever the status beside them says.
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        append.setMinWidth(Region.USE_PREF_SIZE);
        status.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);
        HBox buttons = new HBox(8, status, spacer, cancel, append);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.getStyleClass().add("inject-buttons");

        focusOrder.removeIf(n -> n.getParent() == null);
        focusOrder.addAll(List.of(cancel, append));
        VBox center = new VBox(12, grid, previewBox);
        center.getStyleClass().add("inject-center");
        setTop(top);
        setCenter(center);
        setBottom(buttons);
        setPrefWidth(780);
        // Fields come and go with the type: the window grows to fit them.
        for (ObservableBooleanValue shown : List.of(model.nodeStartedProperty(), model.nodeFailedProperty(),
                model.gatePassedProperty())) {
            shown.addListener((obs, old, now) -> javafx.application.Platform.runLater(this::fitWindow));
        }

        model.doneProperty().addListener((obs, old, done) -> {
            if (done) {
                close();
            }
        });
        // Tab and Shift+Tab go through the fields shown, in order: the editor of extra fields does not keep Tab,
        // and an editable combo box does not pass it on twice.
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown() && !e.isAltDown() && !e.isMetaDown()) {
                e.consume();
                traverse(!e.isShiftDown());
            }
        });
        // Ctrl+Enter appends from anywhere, the extra-fields editor included.
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (Action.DIALOG_ACCEPT.keys().match(e)) {
                e.consume();
                model.append();
            }
        });
    }

    /** Moves the focus to the next (or previous) field shown and enabled, wrapping around. */
    private void traverse(boolean forward) {
        Node owner = getScene() == null ? null : getScene().getFocusOwner();
        int at = -1;
        for (int i = 0; i < focusOrder.size() && at < 0; i++) {
            for (Node n = owner; n != null; n = n.getParent()) {
                if (n == focusOrder.get(i)) {
                    at = i;
                    break;
                }
            }
        }
        int size = focusOrder.size();
        for (int step = 1; step <= size; step++) {
            int next = Math.floorMod((at < 0 ? (forward ? -1 : 0) : at) + (forward ? step : -step), size);
            Node candidate = focusOrder.get(next);
            if (candidate.isVisible() && !candidate.isDisabled() && candidate.getParent() != null
                    && candidate.getParent().isVisible()) {
                candidate.requestFocus();
                return;
            }
        }
    }

    private String firstProblem() {
        for (ObservableStringValue p : List.of(model.runErrorProperty(), model.typeErrorProperty(),
                model.nodeErrorProperty(), model.extraErrorProperty(), model.otherErrorProperty())) {
            if (p.get() != null) {
                return p.get();
            }
        }
        return "fill in the event";
    }

    /** Opens the dialog over {@code owner}, with the type field focused; returns its window. */
    public static Stage open(InjectDialogViewModel model, Window owner) {
        InjectDialogView view = new InjectDialogView(model);
        Stage stage = DialogStage.over(owner, TITLE, view, 600);
        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        stage.setOnShown(e -> {
            ticker.play();
            view.type.requestFocus();
        });
        stage.setOnHidden(e -> ticker.stop());
        stage.show();
        return stage;
    }

    private void fitWindow() {
        if (getScene() != null && getScene().getWindow() != null) {
            getScene().getWindow().sizeToScene();
        }
    }

    private void close() {
        if (getScene() != null && getScene().getWindow() instanceof Stage stage) {
            stage.close();
        }
    }

    private static void editableCombo(ComboBox<String> combo, javafx.collections.ObservableList<String> items,
                                      StringProperty value, String prompt) {
        combo.setEditable(true);
        combo.setItems(items);
        combo.setPromptText(prompt);
        combo.setMaxWidth(Double.MAX_VALUE);
        combo.getEditor().textProperty().bindBidirectional(value);
        combo.getEditor().getStyleClass().add(Styles.MONO);
        combo.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null && !chosen.equals(value.get())) {
                value.set(chosen);
            }
        });
    }

    private static TextField field(String id, StringProperty value, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static HBox labeled(String name, Label value) {
        Label label = new Label(name);
        label.getStyleClass().add(Styles.MUTED);
        HBox box = new HBox(4, label, value);
        box.setAlignment(Pos.BASELINE_LEFT);
        return box;
    }

    /**
     * A field's error, on one line kept for it whether there is an error or not: fields never move when a message
     * comes or goes (typing would land in another field). A long message ends in an ellipsis; its tooltip has it all.
     */
    private static Label errorLabel(ObservableStringValue error) {
        Label label = new Label();
        label.getStyleClass().add("field-error");
        label.setWrapText(false);
        label.setMinWidth(0);
        label.textProperty().bind(Bindings.createStringBinding(() -> error.get() == null ? " " : error.get(), error));
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(error);
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        label.tooltipProperty().bind(Bindings.when(Bindings.isNotNull(error)).then(tip)
                .otherwise((javafx.scene.control.Tooltip) null));
        return label;
    }

    /** A labelled field with its error below it, shown only when {@code shown} is true (always when null). */
    private Label add(String name, Node field, ObservableStringValue error, ObservableBooleanValue shown) {
        Label label = new Label(name);
        label.setLabelFor(field);
        label.getStyleClass().add("field-label");
        if (field instanceof Region region) {
            region.setMaxWidth(Double.MAX_VALUE);
        }
        Node cell = field;
        if (error != null) {
            Label message = errorLabel(error);
            message.setId(field.getId() == null ? null : field.getId() + "-error");
            cell = new VBox(3, field, message);
        }
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        focusOrder.add(field instanceof HBox ? new Region() : field);
        grid.add(label, 0, row);
        grid.add(cell, 1, row);
        if (shown != null) {
            for (Node n : List.of(label, cell)) {
                n.visibleProperty().bind(shown);
                n.managedProperty().bind(shown);
            }
        }
        row++;
        return label;
    }

    /** A run id in the run chooser: pipe name and short id, the full id as tooltip. */
    private static final class RunIdCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
            } else {
                String pipe = RunIds.pipeName(item);
                String end = RunIds.shortId(item);
                setText(end.equals(pipe) ? pipe : pipe + "  " + end);
                setTooltip(new javafx.scene.control.Tooltip(item));
            }
        }
    }

    // For tests

    ComboBox<String> typeField() {
        return type;
    }

    ComboBox<String> nodeField() {
        return node;
    }

    Button appendButton() {
        return append;
    }
}
