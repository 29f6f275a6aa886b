package dev.omne.inspector.ui.theme;

import java.util.Locale;
import java.util.Optional;

/** The theme a person chose: the one the operating system prefers, or always light, or always dark. */
public enum ThemeSetting {
    SYSTEM,
    LIGHT,
    DARK;

    /** The theme shown under this setting while the operating system prefers {@code system}. */
    public Theme resolve(Theme system) {
        return switch (this) {
            case SYSTEM -> system;
            case LIGHT -> Theme.LIGHT;
            case DARK -> Theme.DARK;
        };
    }

    /** The setting that always shows {@code theme}. */
    public static ThemeSetting of(Theme theme) {
        return theme == Theme.DARK ? DARK : LIGHT;
    }

    /** {@code system}, {@code light} or {@code dark}, in any case (as in {@code -Domne.theme=dark}). */
    public static Optional<ThemeSetting> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "system", "auto", "os" -> Optional.of(SYSTEM);
            case "light" -> Optional.of(LIGHT);
            case "dark" -> Optional.of(DARK);
            default -> Optional.empty();
        };
    }
}
