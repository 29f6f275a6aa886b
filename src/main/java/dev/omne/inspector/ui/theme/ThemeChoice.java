package dev.omne.inspector.ui.theme;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

import java.util.function.Consumer;

/**
 * The theme a person chose (System, Light, Dark), saved as soon as it changes, and the theme shown: the chosen one,
 * or under {@link ThemeSetting#SYSTEM} the one the operating system prefers now, followed live.
 */
public final class ThemeChoice {
    private final Consumer<ThemeSetting> save;
    private final ObjectProperty<ThemeSetting> setting = new SimpleObjectProperty<>(this, "setting", ThemeSetting.SYSTEM);
    private final ReadOnlyObjectWrapper<Theme> effective = new ReadOnlyObjectWrapper<>(this, "effective", Theme.LIGHT);
    private ObservableValue<Theme> system = SystemColorScheme.fixed(Theme.LIGHT).preferredTheme();
    private final ChangeListener<Theme> systemChanged = (obs, old, now) -> update();
    private boolean saving = true;

    /**
     * @param saved the setting saved before
     * @param save  keeps a new setting for the next start
     */
    public ThemeChoice(ThemeSetting saved, Consumer<ThemeSetting> save) {
        this.save = save;
        setting.set(saved);
        setting.addListener((obs, old, now) -> {
            if (now == null) {
                setting.set(ThemeSetting.SYSTEM);
                return;
            }
            if (saving) {
                save.accept(now);
            }
            update();
        });
        system.addListener(systemChanged);
        update();
    }

    /** The chosen theme (System, Light, Dark); a change is saved at once. */
    public ObjectProperty<ThemeSetting> settingProperty() {
        return setting;
    }

    /** The theme shown: the chosen one, or under {@link ThemeSetting#SYSTEM} the one the OS prefers now. */
    public ReadOnlyObjectProperty<Theme> effectiveProperty() {
        return effective.getReadOnlyProperty();
    }

    /** Follows the operating system's light or dark preference (the window passes the platform's). */
    public void useSystemColorScheme(SystemColorScheme scheme) {
        system.removeListener(systemChanged);
        system = scheme.preferredTheme();
        system.addListener(systemChanged);
        update();
    }

    public void set(ThemeSetting chosen) {
        setting.set(chosen);
    }

    /** Ctrl+Shift+D: light if dark is shown, else dark, chosen explicitly (no longer following the OS). */
    public void toggle() {
        setting.set(ThemeSetting.of(effective.get().opposite()));
    }

    /**
     * Shows {@code chosen} for this session without saving it (e.g. {@code -Domne.theme=dark} for a screenshot);
     * a later choice in the window is saved as usual.
     */
    public void showUnsaved(ThemeSetting chosen) {
        saving = false;
        try {
            setting.set(chosen);
        } finally {
            saving = true;
        }
    }

    private void update() {
        Theme preferred = system.getValue();
        effective.set(setting.get().resolve(preferred == null ? Theme.LIGHT : preferred));
    }
}
