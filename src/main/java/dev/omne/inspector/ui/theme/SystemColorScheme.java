package dev.omne.inspector.ui.theme;

import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

/** The colour scheme the operating system prefers, followed live (light when the platform does not say). */
public interface SystemColorScheme {
    /** The preferred theme; changes on the FX thread when the OS setting changes. */
    ObservableValue<Theme> preferredTheme();

    /** A scheme that never changes: where there is no toolkit (tests) or no OS preference. */
    static SystemColorScheme fixed(Theme theme) {
        ReadOnlyObjectProperty<Theme> value = new ReadOnlyObjectWrapper<>(theme).getReadOnlyProperty();
        return () -> value;
    }

    /** The platform's preference ({@code Platform.getPreferences().colorSchemeProperty()}); needs the toolkit. */
    static SystemColorScheme platform() {
        ReadOnlyObjectProperty<ColorScheme> scheme;
        try {
            scheme = Platform.getPreferences().colorSchemeProperty();
        } catch (RuntimeException e) {
            return fixed(Theme.LIGHT);
        }
        ObjectBinding<Theme> theme = Bindings.createObjectBinding(
                () -> scheme.get() == ColorScheme.DARK ? Theme.DARK : Theme.LIGHT, scheme);
        return () -> theme;
    }
}
