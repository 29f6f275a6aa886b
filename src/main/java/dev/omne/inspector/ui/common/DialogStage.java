package dev.omne.inspector.ui.common;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The window of one of the app's own dialogs: titled, over its owner and modal to it (when there is one). */
public final class DialogStage {
    private DialogStage() {
    }

    public static Stage over(Window owner, String title, Parent content, double minWidth) {
        Stage stage = new Stage();
        stage.setTitle(title);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setScene(new Scene(content));
        stage.setMinWidth(minWidth);
        return stage;
    }
}
