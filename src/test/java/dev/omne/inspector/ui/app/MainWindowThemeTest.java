package dev.omne.inspector.ui.app;

import dev.omne.inspector.ui.app.AppSettings;
import dev.omne.inspector.ui.common.SameThreadTaskExecutor;
import dev.omne.inspector.ui.app.SettingsStore;
import dev.omne.inspector.ui.theme.SystemColorScheme;
import dev.omne.inspector.ui.theme.Theme;
import dev.omne.inspector.ui.theme.ThemeSetting;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The theme of {@link MainWindowViewModel}, without the toolkit: the OS preference is a fake property. */
class MainWindowThemeTest {
    private final SettingsStore store = SettingsStore.inMemory();
    private final SimpleObjectProperty<Theme> os = new SimpleObjectProperty<>(Theme.LIGHT);
    private final SystemColorScheme fakeOs = () -> os;

    private MainWindowViewModel model() {
        MainWindowViewModel model = new MainWindowViewModel(new SameThreadTaskExecutor(), (volume, listener) -> () -> { },
                new AppSettings(store), text -> { }, () -> {
                    throw new java.io.IOException("no demo in this test");
                }, Clock.systemUTC(), ZoneOffset.UTC);
        model.useSystemColorScheme(fakeOs);
        return model;
    }

    @Test
    void systemFollowsTheOperatingSystemLive() {
        MainWindowViewModel model = model();
        assertEquals(ThemeSetting.SYSTEM, model.themeSettingProperty().get(), "nothing chosen yet: follow the OS");
        assertEquals(Theme.LIGHT, model.effectiveThemeProperty().get());
        List<Theme> seen = new ArrayList<>();
        model.effectiveThemeProperty().addListener((obs, old, now) -> seen.add(now));
        os.set(Theme.DARK);
        assertEquals(Theme.DARK, model.effectiveThemeProperty().get());
        os.set(Theme.LIGHT);
        assertEquals(Theme.LIGHT, model.effectiveThemeProperty().get());
        assertEquals(List.of(Theme.DARK, Theme.LIGHT), seen);
    }

    @Test
    void anExplicitChoiceIgnoresTheOperatingSystemUntilSystemIsChosenAgain() {
        MainWindowViewModel model = model();
        model.setThemeSetting(ThemeSetting.LIGHT);
        os.set(Theme.DARK);
        assertEquals(Theme.LIGHT, model.effectiveThemeProperty().get());
        model.setThemeSetting(ThemeSetting.SYSTEM);
        assertEquals(Theme.DARK, model.effectiveThemeProperty().get(), "back to the OS, which is dark now");
        model.setThemeSetting(ThemeSetting.DARK);
        os.set(Theme.LIGHT);
        assertEquals(Theme.DARK, model.effectiveThemeProperty().get());
    }

    @Test
    void toggleSwitchesTheShownThemeExplicitlyAndIsSavedAtOnce() {
        MainWindowViewModel model = model();
        os.set(Theme.DARK);
        model.toggleTheme();
        assertEquals(ThemeSetting.LIGHT, model.themeSettingProperty().get(), "dark was shown: now light, chosen");
        assertEquals(Theme.LIGHT, model.effectiveThemeProperty().get());
        assertEquals(ThemeSetting.LIGHT, new AppSettings(store).themeSetting());
        model.toggleTheme();
        assertEquals(Theme.DARK, model.effectiveThemeProperty().get());
        assertEquals(ThemeSetting.DARK, new AppSettings(store).themeSetting());
        assertEquals(ThemeSetting.DARK, model().themeSettingProperty().get(), "the next start keeps the choice");
    }

    @Test
    void aSessionOverrideIsShownButNotSaved() {
        new AppSettings(store).setThemeSetting(ThemeSetting.LIGHT);
        MainWindowViewModel model = model();
        model.showThemeUnsaved(ThemeSetting.DARK);
        assertEquals(Theme.DARK, model.effectiveThemeProperty().get());
        model.shutdown();
        assertEquals(ThemeSetting.LIGHT, new AppSettings(store).themeSetting());
    }

    @Test
    void switchingTheSchemeSourceStopsListeningToTheOldOne() {
        MainWindowViewModel model = model();
        SimpleObjectProperty<Theme> other = new SimpleObjectProperty<>(Theme.DARK);
        model.useSystemColorScheme(() -> other);
        assertEquals(Theme.DARK, model.effectiveThemeProperty().get());
        os.set(Theme.LIGHT);
        os.set(Theme.DARK);
        other.set(Theme.LIGHT);
        assertEquals(Theme.LIGHT, model.effectiveThemeProperty().get());
        os.set(Theme.DARK);
        assertEquals(Theme.LIGHT, model.effectiveThemeProperty().get(), "the first source is no longer followed");
    }
}
