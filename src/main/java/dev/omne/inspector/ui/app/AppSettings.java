package dev.omne.inspector.ui.app;

import dev.omne.inspector.ui.theme.ThemeSetting;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The settings kept between starts: window geometry, split positions, the timeline shown or not, theme, time display,
 * recent folders, whether run indexes are kept.
 */
public final class AppSettings {
    public static final int MAX_RECENT = 10;
    public static final String NODE = "dev/omne/inspector";

    /** Window position and size. */
    public record Bounds(double x, double y, double width, double height, boolean maximized) {
    }

    private static final String BOUNDS = "window.bounds";
    private static final String SPLITS = "window.splits.";
    private static final String THEME = "theme";
    private static final String RELATIVE_TIME = "table.relativeTime";
    private static final String TIMELINE_SHOWN = "window.timeline";
    private static final String RECENT = "recent.";
    private static final String KEEP_INDEXES = "cache.keepIndexes";
    private static final String EXPORT_FOLDER = "export.folder";
    private static final String EXPORT_FORMAT = "export.format";

    private final SettingsStore store;

    public AppSettings(SettingsStore store) {
        this.store = store;
    }

    public Optional<Bounds> bounds() {
        String[] parts = store.get(BOUNDS, "").split(",");
        if (parts.length != 5) {
            return Optional.empty();
        }
        try {
            Bounds b = new Bounds(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                    Double.parseDouble(parts[2]), Double.parseDouble(parts[3]), Boolean.parseBoolean(parts[4]));
            return b.width() >= 200 && b.height() >= 150 ? Optional.of(b) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void setBounds(Bounds b) {
        store.put(BOUNDS, String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f,%s", b.x(), b.y(), b.width(), b.height(),
                b.maximized()));
    }

    /** Divider positions of a split pane by name, or the fallback. */
    public double[] splits(String name, double... fallback) {
        String value = store.get(SPLITS + name, "");
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            double[] out = Arrays.stream(value.split(",")).mapToDouble(Double::parseDouble).toArray();
            for (double d : out) {
                if (!(d > 0 && d < 1)) {
                    return fallback;
                }
            }
            return out.length == fallback.length ? out : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public void setSplits(String name, double... positions) {
        StringBuilder sb = new StringBuilder();
        for (double p : positions) {
            sb.append(sb.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "%.4f", p));
        }
        store.put(SPLITS + name, sb.toString());
    }

    /**
     * The chosen theme, stored as {@code SYSTEM}, {@code LIGHT} or {@code DARK}. Versions without a theme choice
     * wrote a lowercase {@code light} at every exit, which no one chose: it reads as {@link ThemeSetting#SYSTEM}.
     */
    public ThemeSetting themeSetting() {
        String value = store.get(THEME, "");
        if (value.equals("light")) {
            return ThemeSetting.SYSTEM;
        }
        return ThemeSetting.parse(value).orElse(ThemeSetting.SYSTEM);
    }

    public void setThemeSetting(ThemeSetting setting) {
        store.put(THEME, setting.name());
    }

    public boolean relativeTime() {
        return Boolean.parseBoolean(store.get(RELATIVE_TIME, "false"));
    }

    public void setRelativeTime(boolean relative) {
        store.put(RELATIVE_TIME, Boolean.toString(relative));
    }

    /** Whether run indexes are kept between starts (the index cache), on unless turned off. */
    public boolean keepIndexes() {
        return Boolean.parseBoolean(store.get(KEEP_INDEXES, "true"));
    }

    public void setKeepIndexes(boolean keep) {
        store.put(KEEP_INDEXES, Boolean.toString(keep));
    }

    /** The folder of the last export, or empty. */
    public String exportFolder() {
        return store.get(EXPORT_FOLDER, "");
    }

    /** The format of the last export ({@code jsonl}, {@code csv}, {@code trace}), or empty. */
    public String exportFormat() {
        return store.get(EXPORT_FORMAT, "");
    }

    public void setLastExport(String folder, String format) {
        store.put(EXPORT_FOLDER, folder);
        store.put(EXPORT_FORMAT, format);
    }

    /** Whether the window shows the timeline (it does unless it was hidden). */
    public boolean timelineShown() {
        return !Boolean.FALSE.toString().equals(store.get(TIMELINE_SHOWN, "true"));
    }

    public void setTimelineShown(boolean shown) {
        store.put(TIMELINE_SHOWN, Boolean.toString(shown));
    }

    /** Recent folders, most recent first. */
    public List<String> recentFolders() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String value = store.get(RECENT + i, null);
            if (value == null) {
                break;
            }
            out.add(value);
        }
        return out;
    }

    public void setRecentFolders(List<String> folders) {
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < folders.size()) {
                store.put(RECENT + i, folders.get(i));
            } else {
                store.remove(RECENT + i);
            }
        }
    }

    public void flush() {
        store.flush();
    }
}
