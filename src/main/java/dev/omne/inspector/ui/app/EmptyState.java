package dev.omne.inspector.ui.app;

import java.nio.file.Path;

/**
 * What the window shows instead of a volume: a folder with no {@code .omne}, a folder that could not be
 * opened, or nothing opened yet. Never an error box.
 *
 * @param title  one line
 * @param detail what it means and what to do
 * @param folder the folder concerned, or null
 */
public record EmptyState(String title, String detail, Path folder) {
    static EmptyState noVolume(Path folder) {
        return new EmptyState("No omne runs here",
                folder + " has no .omne folder. Open a project that omne runs in, its .omne folder, or one run"
                        + " folder (.omne/var/runs/<run id>). You can also drop a folder onto this window.", folder);
    }

    static EmptyState cannotOpen(Path folder, String why) {
        return new EmptyState("Cannot open this folder", why, folder);
    }

    static EmptyState nothingOpen() {
        return new EmptyState("No folder open",
                "Open a project folder that omne runs in, or drop one onto this window.", null);
    }
}
