package dev.omne.inspector.ui.open;

import dev.omne.inspector.ui.common.AppIcon;
import dev.omne.inspector.ui.common.Styles;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The rows of the Open Folder dialog's lists: subfolders and places. */
final class PickerCells {
    static final PseudoClass DOT = PseudoClass.getPseudoClass("dot");
    static final PseudoClass VOLUME = PseudoClass.getPseudoClass("volume");
    /** A project or its .omne folder: the rows worth finding among many. */
    static final PseudoClass PROJECT = PseudoClass.getPseudoClass("project");
    static final PseudoClass SHOWN = PseudoClass.getPseudoClass("shown");

    private PickerCells() {
    }

    static AppIcon icon(FolderMark mark, boolean dot) {
        return switch (mark.kind()) {
            case PROJECT -> AppIcon.PROJECT;
            case OMNE -> AppIcon.OMNE_FOLDER;
            case RUN -> AppIcon.RUN_FOLDER;
            case INSIDE -> AppIcon.FOLDER;
            case NONE, UNCHECKED -> dot ? AppIcon.DOT_FOLDER : AppIcon.FOLDER;
        };
    }

    /** A subfolder: its icon, its name (a dot folder's quieter), and what it is to omne. */
    static final class FolderCell extends ListCell<FolderRow> {
        private final StackPane icon = new StackPane();
        private final Label name = new Label();
        private final Label note = new Label();
        private final HBox box;
        private final FolderPickerViewModel model;

        FolderCell(FolderPickerViewModel model) {
            this.model = model;
            getStyleClass().add("folder-cell");
            name.getStyleClass().add("folder-name");
            note.getStyleClass().add("folder-note");
            note.setMinWidth(Region.USE_PREF_SIZE);
            name.setMinWidth(0);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            box = new HBox(8, icon, name, spacer, note);
            box.setAlignment(Pos.CENTER_LEFT);
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null) {
                    model.descend(getItem());
                }
            });
        }

        @Override
        protected void updateItem(FolderRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                icon.getChildren().clear();
                name.setText(null);
                note.setText(null);
                pseudoClassStateChanged(DOT, false);
                pseudoClassStateChanged(VOLUME, false);
                pseudoClassStateChanged(PROJECT, false);
                return;
            }
            FolderMark mark = model.shown().markOf(row);
            icon.getChildren().setAll(icon(mark, row.dot()).icon());
            name.setText(row.name());
            note.setText(mark.rowNote());
            pseudoClassStateChanged(DOT, row.dot());
            pseudoClassStateChanged(VOLUME, mark.opensProject());
            pseudoClassStateChanged(PROJECT,
                    mark.kind() == FolderMark.Kind.PROJECT || mark.kind() == FolderMark.Kind.OMNE);
            setGraphic(box);
        }
    }

    /** Home or a recent folder: its name and where it is; a click goes there. */
    static final class PlaceCell extends ListCell<Place> {
        private final Label name = new Label();
        private final Label where = new Label();
        private final VBox box = new VBox(1, name, where);
        private final FolderPickerViewModel model;

        PlaceCell(FolderPickerViewModel model) {
            this.model = model;
            getStyleClass().add("place-cell");
            where.getStyleClass().addAll(Styles.MUTED, "place-where");
            name.setMinWidth(0);
            where.setMinWidth(0);
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && getItem() != null) {
                    model.go(getItem());
                }
            });
        }

        @Override
        protected void updateItem(Place place, boolean empty) {
            super.updateItem(place, empty);
            setText(null);
            if (empty || place == null) {
                setGraphic(null);
                setTooltip(null);
                pseudoClassStateChanged(SHOWN, false);
                return;
            }
            name.setText(place.name());
            name.setGraphic((place.home() ? AppIcon.HOME : AppIcon.RECENT).icon());
            where.setText(place.where());
            setTooltip(new Tooltip(place.path().toString()));
            pseudoClassStateChanged(SHOWN, model.isShown(place));
            setGraphic(box);
        }
    }
}
