package dev.omne.inspector.ui.theme;

import java.util.Locale;

/** The colours the window is drawn in. */
public enum Theme {
    LIGHT,
    DARK;

    /** The stylesheet's class for this theme on a scene's root: {@code theme-light}, {@code theme-dark}. */
    public String styleClass() {
        return "theme-" + name().toLowerCase(Locale.ROOT);
    }

    public Theme opposite() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
