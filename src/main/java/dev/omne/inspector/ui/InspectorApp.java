package dev.omne.inspector.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The window. */
public final class InspectorApp extends Application {
    public static void launchWindow(String[] args) {
        Application.launch(InspectorApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("omne inspector");
        stage.getIcons().addAll(AppIcons.all());
        stage.setScene(new Scene(new Label("omne inspector"), 800, 600));
        stage.show();
    }
}
