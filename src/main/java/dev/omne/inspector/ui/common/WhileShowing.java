package dev.omne.inspector.ui.common;

import javafx.animation.Animation;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * What a View starts it stops when it leaves the screen: an animation (a ticker) that runs only while the View is
 * in a window that shows, and again when it comes back.
 */
public final class WhileShowing {
    private WhileShowing() {
    }

    /** Whether {@code node} is in a scene whose window is showing, as it changes. */
    public static ObservableValue<Boolean> showing(Node node) {
        return node.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false);
    }

    /** Plays {@code animation} while {@code node} shows, and stops it when it does not. */
    public static void play(Node node, Animation animation) {
        showing(node).subscribe(on -> {
            if (on) {
                animation.play();
            } else {
                animation.stop();
            }
        });
    }
}
