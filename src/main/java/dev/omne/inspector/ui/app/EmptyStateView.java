package dev.omne.inspector.ui.app;

import dev.omne.inspector.ui.common.AppIcon;
import dev.omne.inspector.ui.common.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Shown instead of the runs and events when there is no volume: what happened and a way on. */
final class EmptyStateView extends VBox {
    private final Label title = new Label();
    private final Label detail = new Label();
    private final Button open;
    private final Hyperlink demo;

    EmptyStateView(Runnable openFolder, Runnable openDemo) {
        getStyleClass().add(Styles.EMPTY_STATE);
        setId("empty-state");
        title.getStyleClass().add(Styles.TITLE);
        title.setId("empty-title");
        detail.getStyleClass().add(Styles.MUTED);
        detail.setWrapText(true);
        detail.setMaxWidth(520);
        detail.setId("empty-detail");
        open = new Button("Open folder…", AppIcon.OPEN.icon());
        open.setId("empty-open");
        open.setDefaultButton(true);
        open.setOnAction(e -> openFolder.run());
        demo = new Hyperlink("or look around the demo volume");
        demo.setOnAction(e -> openDemo.run());
        getChildren().addAll(AppIcon.NO_VOLUME.icon(), title, detail, open, demo);
    }

    void show(EmptyState state) {
        title.setText(state.title());
        detail.setText(state.detail());
        detail.setManaged(!state.detail().isEmpty());
        detail.setVisible(!state.detail().isEmpty());
        for (javafx.scene.Node wayOn : new javafx.scene.Node[] {open, demo}) {
            wayOn.setVisible(!state.busy());
            wayOn.setManaged(!state.busy());
        }
    }
}
