package dev.omne.inspector.ui.app;

import java.nio.file.Path;

/**
 * What the window shows instead of a volume: a folder with no {@code .omne}, a folder that could not be
 * opened, or nothing opened yet. Never an error box.
 *
 * @param title  one line
 * @param detail what it means and what to do
 * @param folder the folder concerned, or null
 * @param busy   something is being opened: no way on is offered until it is (or is not)
 */
public record EmptyState(String title, String detail, Path folder, boolean busy) {
    EmptyState(String title, String detail, Path folder) {
        this(title, detail, folder, false);
    }

    static EmptyState noVolume(Path folder) {
        return new EmptyState("No omne runs here",
                folder + " has no .omne folder. Open a project that omne runs in, its .omne folder, or one run"
                        + " folder (.omne/var/runs/<run id>). You can also drop a folder onto this window.", folder);
    }

    static EmptyState cannotOpen(Path folder, String why) {
        return new EmptyState("Cannot open this folder", why, folder);
    }

    /** Nothing is shown yet and a folder or the demo is being opened: say that, not "No folder open". */
    static EmptyState opening(String progress) {
        return new EmptyState(progress, "", null, true);
    }

    static EmptyState nothingOpen() {
        return new EmptyState("No folder open",
                "Open a project folder that omne runs in, or drop one onto this window.", null);
    }
}
