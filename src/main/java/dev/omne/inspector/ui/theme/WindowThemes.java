package dev.omne.inspector.ui.theme;

import dev.omne.inspector.ui.common.Styles;
import dev.omne.inspector.ui.theme.Theme;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.Popup;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The one place the effective theme reaches the screen: the main window and every window it owns (dialogs,
 * popups, menus, tooltips), those opened later included, get the stylesheet, the theme's class on their root
 * ({@code theme-light} or {@code theme-dark}) and, for real windows, the theme's scene fill (no white flash).
 */
public final class WindowThemes {
    /** The scene fill of each theme: the stylesheet's {@code -omne-surface}, what a root is painted with. */
    static final Color LIGHT_FILL = Color.web("#ffffff");
    static final Color DARK_FILL = Color.web("#1e2228");

    private final Node anchor;
    private final ObservableValue<Theme> theme;
    private final ListChangeListener<Window> windowsChanged = c -> {
        while (c.next()) {
            for (Window w : c.getAddedSubList()) {
                if (isOurs(w)) {
                    apply(w.getScene());
                }
            }
        }
    };
    private final ChangeListener<Object> changed = (obs, old, now) -> applyAll();

    /** Themes {@code anchor}'s window and the windows it owns, following {@code theme}. */
    public WindowThemes(Node anchor, ObservableValue<Theme> theme) {
        this.anchor = anchor;
        this.theme = theme;
        // Weak: the global window list must not keep a closed window's view alive.
        Window.getWindows().addListener(new WeakListChangeListener<>(windowsChanged));
        theme.addListener(new WeakChangeListener<>(changed));
        anchor.sceneProperty().addListener(new WeakChangeListener<>(changed));
        applyAll();
    }

    public static Color fill(Theme theme) {
        return theme == Theme.DARK ? DARK_FILL : LIGHT_FILL;
    }

    private void applyAll() {
        apply(anchor.getScene());
        for (Window w : Window.getWindows()) {
            if (isOurs(w)) {
                apply(w.getScene());
            }
        }
    }

    /** The anchor's window, or a window owned by it through any chain of owners. */
    private boolean isOurs(Window w) {
        Window main = anchor.getScene() == null ? null : anchor.getScene().getWindow();
        for (Window at = w; at != null; at = ownerOf(at)) {
            if (at == main) {
                return main != null;
            }
        }
        return false;
    }

    private static Window ownerOf(Window w) {
        if (w instanceof Stage stage) {
            return stage.getOwner();
        }
        if (w instanceof PopupWindow popup) {
            return popup.getOwnerWindow();
        }
        return null;
    }

    private void apply(Scene scene) {
        if (scene == null || scene.getRoot() == null) {
            return;
        }
        Theme now = theme.getValue() == null ? Theme.LIGHT : theme.getValue();
        if (!scene.getStylesheets().contains(Styles.STYLESHEET)) {
            scene.getStylesheets().add(Styles.STYLESHEET);
        }
        mark(scene.getRoot(), now);
        if (scene.getWindow() instanceof Popup popup) {
            // A popup's content may declare itself a root of the stylesheet's colours: it needs the class too.
            for (Node content : popup.getContent()) {
                if (content instanceof Parent p && p.getStyleClass().contains("root")) {
                    mark(p, now);
                }
            }
        }
        if (!(scene.getWindow() instanceof PopupWindow)) {
            scene.setFill(fill(now));
        }
    }

    public static void mark(Node node, Theme theme) {
        node.getStyleClass().remove(theme.opposite().styleClass());
        if (!node.getStyleClass().contains(theme.styleClass())) {
            node.getStyleClass().add(theme.styleClass());
        }
    }
}
