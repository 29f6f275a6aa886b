package dev.omne.inspector.ui.app;

import dev.omne.inspector.ui.common.SameThreadTaskExecutor;
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
        model.theme().useSystemColorScheme(fakeOs);
        return model;
    }

    @Test
    void systemFollowsTheOperatingSystemLive() {
        MainWindowViewModel model = model();
        assertEquals(ThemeSetting.SYSTEM, model.theme().settingProperty().get(), "nothing chosen yet: follow the OS");
        assertEquals(Theme.LIGHT, model.theme().effectiveProperty().get());
        List<Theme> seen = new ArrayList<>();
        model.theme().effectiveProperty().addListener((obs, old, now) -> seen.add(now));
        os.set(Theme.DARK);
        assertEquals(Theme.DARK, model.theme().effectiveProperty().get());
        os.set(Theme.LIGHT);
        assertEquals(Theme.LIGHT, model.theme().effectiveProperty().get());
        assertEquals(List.of(Theme.DARK, Theme.LIGHT), seen);
    }

    @Test
    void anExplicitChoiceIgnoresTheOperatingSystemUntilSystemIsChosenAgain() {
        MainWindowViewModel model = model();
        model.theme().set(ThemeSetting.LIGHT);
        os.set(Theme.DARK);
        assertEquals(Theme.LIGHT, model.theme().effectiveProperty().get());
        model.theme().set(ThemeSetting.SYSTEM);
        assertEquals(Theme.DARK, model.theme().effectiveProperty().get(), "back to the OS, which is dark now");
        model.theme().set(ThemeSetting.DARK);
        os.set(Theme.LIGHT);
        assertEquals(Theme.DARK, model.theme().effectiveProperty().get());
    }

    @Test
    void toggleSwitchesTheShownThemeExplicitlyAndIsSavedAtOnce() {
        MainWindowViewModel model = model();
        os.set(Theme.DARK);
        model.theme().toggle();
        assertEquals(ThemeSetting.LIGHT, model.theme().settingProperty().get(), "dark was shown: now light, chosen");
        assertEquals(Theme.LIGHT, model.theme().effectiveProperty().get());
        assertEquals(ThemeSetting.LIGHT, new AppSettings(store).themeSetting());
        model.theme().toggle();
        assertEquals(Theme.DARK, model.theme().effectiveProperty().get());
        assertEquals(ThemeSetting.DARK, new AppSettings(store).themeSetting());
        assertEquals(ThemeSetting.DARK, model().theme().settingProperty().get(), "the next start keeps the choice");
    }

    @Test
    void aSessionOverrideIsShownButNotSaved() {
        new AppSettings(store).setThemeSetting(ThemeSetting.LIGHT);
        MainWindowViewModel model = model();
        model.theme().showUnsaved(ThemeSetting.DARK);
        assertEquals(Theme.DARK, model.theme().effectiveProperty().get());
        model.shutdown();
        assertEquals(ThemeSetting.LIGHT, new AppSettings(store).themeSetting());
    }

    @Test
    void switchingTheSchemeSourceStopsListeningToTheOldOne() {
        MainWindowViewModel model = model();
        SimpleObjectProperty<Theme> other = new SimpleObjectProperty<>(Theme.DARK);
        model.theme().useSystemColorScheme(() -> other);
        assertEquals(Theme.DARK, model.theme().effectiveProperty().get());
        os.set(Theme.LIGHT);
        os.set(Theme.DARK);
        other.set(Theme.LIGHT);
        assertEquals(Theme.LIGHT, model.theme().effectiveProperty().get());
        os.set(Theme.DARK);
        assertEquals(Theme.LIGHT, model.theme().effectiveProperty().get(), "the first source is no longer followed");
    }
}
