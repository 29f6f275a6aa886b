package dev.omne.inspector.ui.app;

import java.util.HashMap;
import java.util.Map;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** Where settings live between starts: {@link java.util.prefs.Preferences}, or memory in tests. */
public interface SettingsStore {
    String get(String key, String fallback);

    void put(String key, String value);

    void remove(String key);

    /** Writes pending changes out. */
    default void flush() {
    }

    /** The user's preferences under {@code node} (e.g. {@code dev/omne/inspector}). */
    static SettingsStore preferences(String node) {
        Preferences prefs = Preferences.userRoot().node(node);
        return new SettingsStore() {
            @Override
            public String get(String key, String fallback) {
                return prefs.get(key, fallback);
            }

            @Override
            public void put(String key, String value) {
                prefs.put(key, value);
            }

            @Override
            public void remove(String key) {
                prefs.remove(key);
            }

            @Override
            public void flush() {
                try {
                    prefs.flush();
                } catch (BackingStoreException e) {
                    // settings are a convenience: losing them is not worth an error
                }
            }
        };
    }

    static SettingsStore inMemory() {
        Map<String, String> values = new HashMap<>();
        return new SettingsStore() {
            @Override
            public String get(String key, String fallback) {
                return values.getOrDefault(key, fallback);
            }

            @Override
            public void put(String key, String value) {
                values.put(key, value);
            }

            @Override
            public void remove(String key) {
                values.remove(key);
            }
        };
    }
}
