package dev.omne.inspector.ui.app;

import dev.omne.inspector.ui.theme.ThemeSetting;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppSettingsTest {
    private final AppSettings settings = new AppSettings(SettingsStore.inMemory());

    @Test
    void boundsRoundTripAndNonsenseIsIgnored() {
        assertTrue(settings.bounds().isEmpty());
        settings.setBounds(new AppSettings.Bounds(10, 20, 1200, 800, true));
        assertEquals(new AppSettings.Bounds(10, 20, 1200, 800, true), settings.bounds().orElseThrow());
        settings.setBounds(new AppSettings.Bounds(10, 20, 50, 50, false));
        assertTrue(settings.bounds().isEmpty(), "a window too small to use is not restored");
    }

    @Test
    void splitsRoundTripWithFallbacks() {
        assertArrayEquals(new double[] {0.25}, settings.splits("main", 0.25));
        settings.setSplits("main", 0.3);
        assertArrayEquals(new double[] {0.3}, settings.splits("main", 0.25));
        assertArrayEquals(new double[] {0.1, 0.2}, settings.splits("main", 0.1, 0.2), "count mismatch: fallback");
    }

    @Test
    void recentFoldersAreCappedAndTimeModeAndThemeKept() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            many.add("/p" + i);
        }
        settings.setRecentFolders(many.subList(0, AppSettings.MAX_RECENT));
        assertEquals(many.subList(0, 10), settings.recentFolders());
        settings.setRecentFolders(List.of("/a"));
        assertEquals(List.of("/a"), settings.recentFolders());
        settings.setRelativeTime(true);
        assertTrue(settings.relativeTime());
        assertEquals(ThemeSetting.SYSTEM, settings.themeSetting());
        settings.setThemeSetting(ThemeSetting.DARK);
        assertEquals(ThemeSetting.DARK, settings.themeSetting());
        settings.setThemeSetting(ThemeSetting.LIGHT);
        assertEquals(ThemeSetting.LIGHT, settings.themeSetting());
    }

    @Test
    void theLightValueEarlierVersionsAlwaysWroteMeansFollowTheSystem() {
        SettingsStore store = SettingsStore.inMemory();
        store.put("theme", "light");
        assertEquals(ThemeSetting.SYSTEM, new AppSettings(store).themeSetting());
        store.put("theme", "dark");
        assertEquals(ThemeSetting.DARK, new AppSettings(store).themeSetting());
        store.put("theme", "purple");
        assertEquals(ThemeSetting.SYSTEM, new AppSettings(store).themeSetting());
        new AppSettings(store).setThemeSetting(ThemeSetting.LIGHT);
        assertEquals("LIGHT", store.get("theme", null));
        assertEquals(ThemeSetting.LIGHT, new AppSettings(store).themeSetting());
    }
}
