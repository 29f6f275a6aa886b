package dev.omne.inspector.ui.common;

import javafx.scene.input.KeyCombination;

/**
 * Every command of the window with its words, icon and key combination, in one table: menus, buttons and tooltips
 * take their text from here, and the keys are shown as the platform writes them ({@code Ctrl+T} on Linux and
 * Windows, {@code ⌘T} on macOS), so no tooltip names a key by hand.
 */
public enum Action {
    OPEN_FOLDER("Open Folder…", AppIcon.OPEN, "Shortcut+O"),
    OPEN_DEMO("Open Demo Volume", AppIcon.DEMO, null),
    EXPORT("Export…", null, "Shortcut+E"),
    /** A setting: run indexes kept between starts, so an unchanged log opens at once. */
    KEEP_INDEXES("Keep Run Indexes Between Starts", null, null),
    QUIT("Quit", AppIcon.QUIT, "Shortcut+Q"),
    COPY_ROWS("Copy Rows as JSON Lines", AppIcon.COPY, "Shortcut+C"),
    COPY_FILE_LINE("Copy FILE:LINE", null, "Shortcut+Shift+C"),
    OPEN_CONTAINING_FOLDER("Open Containing Folder", null, null),
    GO_TO_LINE("Go to Line…", AppIcon.GO_TO_LINE, "Shortcut+L"),
    FILTER("Filter Events", AppIcon.FILTER, "Shortcut+F"),
    FAILURES_ONLY("Failures Only", AppIcon.FAILED, "Shortcut+Alt+F"),
    CLEAR_FILTER("Clear Filter", AppIcon.CLEAR, "Esc"),
    SEARCH_RUNS("Search Runs", AppIcon.SEARCH, "Shortcut+Shift+F"),
    INJECT("Inject Event…", AppIcon.INJECT, "Shortcut+I"),
    RELATIVE_TIME("Times Relative to Run Start", AppIcon.TIME, "Shortcut+T"),
    FOLLOW("Follow the End", AppIcon.FOLLOWING, "End"),
    NEXT_MALFORMED("Next Malformed Line", AppIcon.NEXT, "F8"),
    PREVIOUS_MALFORMED("Previous Malformed Line", AppIcon.PREVIOUS, "Shift+F8"),
    LIST_MALFORMED("List Malformed Lines", AppIcon.MALFORMED, "Shortcut+M"),
    TOGGLE_THEME("Switch Light/Dark", null, "Shortcut+Shift+D"),
    SHOW_RUN("Run", AppIcon.RUN_VIEW, "Shortcut+1"),
    SHOW_HISTORY("History", AppIcon.HISTORY, "Shortcut+2"),
    COMPARE_RUNS("Compare Runs", AppIcon.COMPARE, "Shortcut+D"),
    TOGGLE_TIMELINE("Show Timeline", AppIcon.TIMELINE, "Shortcut+Shift+T"),
    /** The timeline's own keys, while it has the focus (typing them elsewhere types them). */
    TIMELINE_ZOOM_IN("Zoom In", AppIcon.ZOOM_IN, "Plus"),
    TIMELINE_ZOOM_OUT("Zoom Out", AppIcon.ZOOM_OUT, "Minus"),
    TIMELINE_FIT("Show the Whole Run", AppIcon.FIT, "F"),
    FIND_LANE("Find Lane", AppIcon.SEARCH, "Slash"),
    /** In the Open Folder dialog: the folder above the one listed. */
    FOLDER_UP("Up", AppIcon.UP, "Alt+Up"),
    /**
     * In a dialog, from any field (a multi-line editor included): its main button, Append in the Inject dialog, Open
     * in the Open Folder dialog.
     */
    DIALOG_ACCEPT("Accept", null, "Shortcut+Enter");

    private final String text;
    private final AppIcon icon;
    private final KeyCombination keys;

    Action(String text, AppIcon icon, String keys) {
        this.text = text;
        this.icon = icon;
        this.keys = keys == null ? null : KeyCombination.valueOf(keys);
    }

    /** The words of its menu item. */
    public String text() {
        return text;
    }

    /** Its icon, or null. */
    public AppIcon icon() {
        return icon;
    }

    /** Its key combination, or null. */
    public KeyCombination keys() {
        return keys;
    }

    /** The key combination as this platform writes it, or an empty text. */
    public String keyText() {
        return keys == null ? "" : keys.getDisplayText();
    }

    /** A tooltip: {@code what} and, when the action has keys, them in parentheses. */
    public String hint(String what) {
        return keys == null ? what : what + " (" + keyText() + ")";
    }
}
