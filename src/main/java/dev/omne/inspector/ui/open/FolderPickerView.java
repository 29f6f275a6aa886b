package dev.omne.inspector.ui.open;

import dev.omne.inspector.ui.common.DialogStage;
import dev.omne.inspector.ui.common.Action;
import dev.omne.inspector.ui.common.AppIcon;
import dev.omne.inspector.ui.common.Styles;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;

/**
 * The Open Folder dialog: a path field with the folder above it a key away, what the folder listed is to omne, its
 * subfolders (dot folders too) marked as projects, {@code .omne} folders, runs, beside the home folder and the recent
 * folders; Open says what it opens, and the desktop's own chooser is a button away. Focus starts in the path field.
 */
public final class FolderPickerView extends BorderPane {
    static final String TITLE = "Open Folder";

    private final FolderPickerViewModel model;
    private final TextField path = new TextField();
    private final ListView<FolderRow> folders = new ListView<>();
    private final ListView<Place> places = new ListView<>();
    private final Button open = new Button();
    private boolean syncing;

    FolderPickerView(FolderPickerViewModel model) {
        this.model = model;
        setId("folder-picker");
        getStyleClass().add("picker-dialog");
        getStylesheets().add(Styles.STYLESHEET);

        Label heading = new Label("Open a project, its .omne folder or a run folder");
        heading.getStyleClass().add(Styles.DIALOG_HEADING);
        Label sub = new Label("Dot folders such as .omne are listed. Type or paste a path; Tab completes a folder"
                + " name.");
        sub.getStyleClass().add(Styles.MUTED);
        sub.setWrapText(true);
        VBox top = new VBox(2, heading, sub);
        top.getStyleClass().add(Styles.DIALOG_TOP);

        Button up = new Button(null, Action.FOLDER_UP.icon().icon());
        up.setId("picker-up");
        up.getStyleClass().add(Styles.TOOL_BUTTON);
        up.setTooltip(new Tooltip(Action.FOLDER_UP.hint("The folder above")));
        up.setFocusTraversable(false);
        up.setOnAction(e -> model.up());
        path.setId("picker-path");
        path.getStyleClass().addAll(Styles.MONO, "picker-path");
        path.setPromptText("a folder's path, ~ for home");
        path.textProperty().bindBidirectional(model.pathTextProperty());
        path.setOnAction(e -> model.enter());
        model.textSetProperty().addListener((obs, old, now) -> path.positionCaret(path.getLength()));
        HBox.setHgrow(path, Priority.ALWAYS);
        HBox pathRow = new HBox(4, up, path);
        pathRow.setAlignment(Pos.CENTER_LEFT);

        Label where = new Label();
        where.setId("picker-folder-note");
        where.getStyleClass().add("picker-folder-note");
        where.setMinWidth(0);
        model.shown().markProperty().subscribe(mark -> {
            where.setText(mark.folderNote());
            where.setGraphic(PickerCells.icon(mark, false).icon());
            where.pseudoClassStateChanged(PickerCells.VOLUME, mark.opensProject());
        });
        // One line kept for it whether there is a message or not: the lists never move as one comes and goes.
        Label message = new Label();
        message.setId("picker-message");
        message.setMinWidth(0);
        message.textProperty().bind(Bindings.createStringBinding(() -> model.messageProperty().get() == null ? " "
                : model.messageProperty().get(), model.messageProperty()));
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(model.messageProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(560);
        message.tooltipProperty().bind(Bindings.when(model.messageProperty().isNotNull()).then(whole)
                .otherwise((Tooltip) null));
        model.problemProperty().subscribe(problem -> message.getStyleClass().setAll("label",
                problem ? "field-error" : Styles.MUTED));

        VBox center = new VBox(8, pathRow, where, message, lists(), footer());
        center.getStyleClass().add("picker-center");
        setTop(top);
        setCenter(center);
        setBottom(buttons());
        setPrefSize(860, 580);
        wireKeys();
    }

    /** The places beside the folders listed. */
    private HBox lists() {
        places.setId("picker-places");
        places.getStyleClass().add("picker-places");
        places.setItems(model.places());
        places.setCellFactory(v -> new PickerCells.PlaceCell(model));
        places.setPrefWidth(200);
        places.setMinWidth(140);
        model.shown().folderProperty().addListener((obs, old, now) -> places.refresh());
        places.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && places.getSelectionModel().getSelectedItem() != null) {
                model.go(places.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });

        folders.setId("picker-folders");
        folders.getStyleClass().add("picker-folders");
        folders.setItems(model.shown().rows());
        folders.setCellFactory(v -> new PickerCells.FolderCell(model));
        Label placeholder = new Label();
        placeholder.getStyleClass().add(Styles.PLACEHOLDER_TEXT);
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(Bindings.when(model.shown().busyProperty()).then("Reading the folder…")
                .otherwise(model.shown().placeholderProperty()));
        folders.setPlaceholder(placeholder);
        model.shown().marksReadProperty().addListener((obs, old, now) -> folders.refresh());
        // A folder just listed has no row chosen, nor one in focus: Down chooses the first, Enter opens as Open does.
        model.shown().rows().addListener((javafx.collections.ListChangeListener<FolderRow>) c -> {
            if (folders.getSelectionModel().isEmpty()) {
                folders.getFocusModel().focus(-1);
            }
        });
        folders.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!syncing) {
                model.selectedProperty().set(row);
            }
        });
        model.selectedProperty().addListener((obs, old, row) -> {
            syncing = true;
            try {
                if (row == null) {
                    folders.getSelectionModel().clearSelection();
                } else if (folders.getSelectionModel().getSelectedItem() != row) {
                    int at = folders.getItems().indexOf(row);
                    folders.getSelectionModel().select(at);
                    folders.scrollTo(Math.max(0, at - 3));
                }
            } finally {
                syncing = false;
            }
        });
        HBox.setHgrow(folders, Priority.ALWAYS);
        HBox lists = new HBox(8, places, folders);
        VBox.setVgrow(lists, Priority.ALWAYS);
        return lists;
    }

    private HBox footer() {
        Label summary = new Label();
        summary.setId("picker-summary");
        summary.getStyleClass().add(Styles.MUTED);
        summary.textProperty().bind(model.shown().summaryProperty());
        summary.setMinWidth(0);
        Label keys = new Label("Enter: into the folder · " + Action.DIALOG_ACCEPT.keyText() + ": open · "
                + Action.FOLDER_UP.keyText() + ": up · Tab: complete");
        keys.getStyleClass().add(Styles.MUTED);
        keys.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(8, summary, spacer, keys);
        footer.getStyleClass().add("picker-footer");
        return footer;
    }

    private HBox buttons() {
        Button system = new Button("System chooser…");
        system.setId("picker-system");
        system.setTooltip(new Tooltip("The desktop's own folder chooser" + hiddenKey()));
        system.setOnAction(e -> systemChooser());
        Button cancel = new Button("Cancel");
        cancel.setId("picker-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> model.cancel());
        open.setId("picker-open");
        open.setDefaultButton(true);
        open.textProperty().bind(model.openTextProperty());
        open.disableProperty().bind(model.canOpenProperty().not());
        open.setGraphic(AppIcon.OPEN.icon());
        open.setMaxWidth(420);
        open.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(
                () -> Action.DIALOG_ACCEPT.hint(model.openTextProperty().get()), model.openTextProperty()));
        open.setTooltip(tip);
        open.setOnAction(e -> model.open());
        for (Button b : new Button[] {system, cancel}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, system, spacer, cancel, open);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.getStyleClass().add("picker-buttons");
        return buttons;
    }

    private void wireKeys() {
        path.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean plain = !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown() && !e.isMetaDown();
            if (!plain) {
                return;
            }
            boolean atEnd = path.getCaretPosition() == path.getLength() && path.getSelection().getLength() == 0;
            if ((e.getCode() == KeyCode.TAB || e.getCode() == KeyCode.RIGHT && atEnd) && model.complete()) {
                e.consume();
            } else if (e.getCode() == KeyCode.TAB) {
                // Nothing to complete: on to the folders (Shift+Tab there reaches the places).
                e.consume();
                folders.requestFocus();
            } else if (e.getCode() == KeyCode.DOWN) {
                e.consume();
                intoList();
            }
        });
        path.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            boolean atEnd = path.getCaretPosition() == path.getLength() && path.getSelection().getLength() == 0;
            if (atEnd && !e.isShortcutDown() && !e.isAltDown() && model.typeInField(e.getCharacter())) {
                e.consume();
            }
        });
        folders.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            FolderRow row = folders.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && row != null) {
                model.descend(row);
                e.consume();
            } else if (e.getCode() == KeyCode.BACK_SPACE) {
                model.up();
                e.consume();
            } else if (e.getCode() == KeyCode.UP && folders.getSelectionModel().getSelectedIndex() <= 0) {
                toPath();
                e.consume();
            }
        });
        // Typing in the list types on in the path field.
        folders.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            String typed = e.getCharacter();
            if (!typed.isEmpty() && !Character.isISOControl(typed.charAt(0)) && !e.isShortcutDown() && !e.isAltDown()
                    && !e.isMetaDown()) {
                path.requestFocus();
                model.typeInList(typed);
                e.consume();
            }
        });
        // Before the controls: lists take Esc and Enter for themselves.
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                model.cancel();
                e.consume();
            } else if (Action.DIALOG_ACCEPT.keys().match(e)) {
                model.open();
                e.consume();
            } else if (Action.FOLDER_UP.keys().match(e)) {
                model.up();
                e.consume();
            }
        });
    }

    /** Down in the path field: the list, its first row chosen when none is. */
    private void intoList() {
        if (folders.getItems().isEmpty()) {
            return;
        }
        folders.requestFocus();
        if (folders.getSelectionModel().getSelectedItem() == null) {
            folders.getSelectionModel().select(0);
            folders.getFocusModel().focus(0);
            folders.scrollTo(0);
        }
    }

    private void toPath() {
        path.requestFocus();
        path.positionCaret(path.getLength());
    }

    private void systemChooser() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a project or any folder inside its .omne" + hiddenKey());
        if (model.shown().folder() != null) {
            chooser.setInitialDirectory(model.shown().folder().toFile());
        }
        Window owner = getScene() == null ? null : getScene().getWindow();
        File chosen;
        try {
            chosen = chooser.showDialog(owner);
        } catch (IllegalArgumentException gone) {
            // the folder shown no longer exists: start from the desktop's default one
            chooser.setInitialDirectory(null);
            chosen = chooser.showDialog(owner);
        }
        if (chosen != null) {
            model.openChosen(chosen.toPath());
        }
    }

    /**
     * The key that shows dot folders in the desktop's chooser, in words to add to a title: it hides them and cannot
     * be told otherwise.
     */
    private static String hiddenKey() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String key = os.startsWith("mac") ? "Cmd+Shift+." : os.startsWith("windows") ? null : "Ctrl+H";
        return key == null ? "" : " (" + key + " shows hidden folders such as .omne)";
    }

    /** Opens the dialog over {@code owner}, in the most recent folder, the path field focused; returns its window. */
    public static Stage open(FolderPickerViewModel model, Window owner) {
        FolderPickerView view = new FolderPickerView(model);
        Stage stage = DialogStage.over(owner, TITLE, view, 560);
        stage.setMinHeight(380);
        model.closedProperty().addListener((obs, old, closed) -> {
            if (closed) {
                stage.close();
            }
        });
        stage.setOnHidden(e -> model.cancel());
        stage.setOnShown(e -> Platform.runLater(view::toPath));
        model.start();
        stage.show();
        return stage;
    }

    // For tests

    TextField pathField() {
        return path;
    }

    ListView<FolderRow> folderList() {
        return folders;
    }

    Button openButton() {
        return open;
    }
}
