package dev.omne.inspector.ui.export;

import dev.omne.inspector.ui.common.Styles;
import dev.omne.inspector.core.export.ExportFormat;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.File;
import java.util.Optional;

/** File > Export…: the choices of an {@link ExportDialogViewModel}, then a file chooser for the target. */
public final class ExportDialogView extends Dialog<ButtonType> {
    static final ButtonType EXPORT = new ButtonType("Export…", ButtonBar.ButtonData.OK_DONE);

    private final ExportDialogViewModel model;

    public ExportDialogView(ExportDialogViewModel model, Window owner) {
        this.model = model;
        setTitle("Export " + (model.runId() == null ? "events" : model.runId()));
        if (owner != null) {
            initOwner(owner);
        }
        getDialogPane().getStylesheets().add(Styles.STYLESHEET);
        getDialogPane().getButtonTypes().addAll(EXPORT, ButtonType.CANCEL);

        ChoiceBox<ExportFormat> format = new ChoiceBox<>();
        format.setId("export-format");
        format.getItems().setAll(ExportFormat.values());
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(ExportFormat f) {
                return f == null ? "" : switch (f) {
                    case JSONL -> "JSON lines (.jsonl)";
                    case CSV -> "CSV (.csv)";
                    case TRACE -> "Trace for Perfetto (.json)";
                };
            }

            @Override
            public ExportFormat fromString(String s) {
                return null;
            }
        });
        format.valueProperty().bindBidirectional(model.formatProperty());

        CheckBox malformed = new CheckBox("Include malformed lines");
        malformed.setId("export-malformed");
        malformed.selectedProperty().bindBidirectional(model.includeMalformedProperty());
        malformed.disableProperty().bind(model.malformedAppliesProperty().not());

        TextField filter = new TextField();
        filter.setId("export-filter");
        filter.setPromptText("optional filter, as in the events filter");
        filter.textProperty().bindBidirectional(model.filterTextProperty());
        Label error = new Label();
        error.setId("export-filter-error");
        error.setWrapText(true);
        error.textProperty().bind(model.filterErrorProperty());
        error.visibleProperty().bind(model.filterErrorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        error.getStyleClass().add("field-error");

        ToggleGroup group = new ToggleGroup();
        RadioButton all = new RadioButton("The whole run");
        all.setUserData(ExportDialogViewModel.Scope.RUN);
        RadioButton selected = new RadioButton("Selected rows");
        selected.setId("export-scope-selection");
        selected.setUserData(ExportDialogViewModel.Scope.SELECTION);
        selected.disableProperty().bind(model.selectionAvailableProperty().not());
        all.setToggleGroup(group);
        selected.setToggleGroup(group);
        group.selectToggle(model.scopeProperty().get() == ExportDialogViewModel.Scope.SELECTION ? selected : all);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.scopeProperty().set((ExportDialogViewModel.Scope) now.getUserData());
            }
        });

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Format:"), format);
        grid.add(malformed, 1, 1);
        grid.addRow(2, new Label("Filter:"), filter);
        grid.add(error, 1, 3);
        grid.addRow(4, new Label("Rows:"), new HBox(12, all, selected));
        Label rowsExplained = new Label();
        rowsExplained.setId("export-rows-explained");
        rowsExplained.getStyleClass().add(Styles.MUTED);
        rowsExplained.setWrapText(true);
        rowsExplained.textProperty().bind(model.rowsExplained());
        grid.add(rowsExplained, 1, 5);
        filter.setPrefColumnCount(32);
        getDialogPane().setContent(grid);
        getDialogPane().lookupButton(EXPORT).disableProperty().bind(Bindings.createBooleanBinding(
                () -> !model.isValid(), model.filterErrorProperty(), model.scopeProperty()));
    }

    /** Shows the dialog, then the file chooser, and starts the export. */
    public static void open(ExportDialogViewModel model, Window owner) {
        ExportDialogView dialog = new ExportDialogView(model, owner);
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isEmpty() || answer.get() != EXPORT) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export to");
        chooser.setInitialFileName(model.suggestedFileName());
        chooser.setInitialDirectory(model.initialFolder().toFile());
        String ext = model.formatProperty().get().extension();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                model.formatProperty().get().id() + " files", "*" + ext));
        File target = chooser.showSaveDialog(owner);
        if (target != null) {
            model.export(target.toPath());
        }
    }
}
