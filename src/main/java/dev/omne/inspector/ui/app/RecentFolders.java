package dev.omne.inspector.ui.app;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/** Folders opened lately, most recent first, at most {@link AppSettings#MAX_RECENT}, kept in the settings. */
final class RecentFolders {
    private final AppSettings settings;
    private final ObservableList<String> folders = FXCollections.observableArrayList();

    RecentFolders(AppSettings settings) {
        this.settings = settings;
        folders.setAll(settings.recentFolders());
    }

    ObservableList<String> list() {
        return folders;
    }

    /** {@code folder} was opened: it goes first. */
    void remember(String folder) {
        List<String> list = new ArrayList<>(folders);
        list.remove(folder);
        list.addFirst(folder);
        while (list.size() > AppSettings.MAX_RECENT) {
            list.removeLast();
        }
        folders.setAll(list);
        settings.setRecentFolders(list);
    }

    void clear() {
        folders.clear();
        settings.setRecentFolders(List.of());
    }
}
