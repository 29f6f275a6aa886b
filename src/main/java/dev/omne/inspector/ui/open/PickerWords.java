package dev.omne.inspector.ui.open;

import dev.omne.inspector.ui.common.Formats;

import java.nio.file.Path;

/** The words of the Open Folder dialog that follow its state: the Open button's and the line under the list. */
final class PickerWords {
    private PickerWords() {
    }

    /**
     * What Open opens: the path typed ({@code typed}, when the field was edited), else the row chosen with its mark,
     * else the folder shown with its mark.
     */
    static String open(boolean edited, Path typed, FolderRow row, FolderMark mark, Path shown) {
        if (edited) {
            return typed == null ? "Open" : "Open " + quoted(PathText.name(typed));
        }
        if (mark.opensProject()) {
            return "Open project " + mark.project();
        }
        return row != null ? "Open " + quoted(row.name()) : shown == null ? "Open" : "Open this folder";
    }

    /** A folder's name in quotes, so that no name reads as words of the sentence ("Open “project”"). */
    static String quoted(String name) {
        return "“" + name + "”";
    }

    /** {@code 12 folders (3 omne projects) · 4 files not listed}; while the marks are read, says so. */
    static String summary(int folders, long projects, boolean marksPending, int files) {
        StringBuilder text = new StringBuilder(count(folders, "folder"));
        if (marksPending) {
            text.append(" · looking for omne projects…");
        } else if (projects > 0) {
            text.append(" (").append(count(projects, "omne project")).append(")");
        }
        if (files > 0) {
            text.append(" · ").append(count(files, "file")).append(" not listed");
        }
        return text.toString();
    }

    private static String count(long n, String what) {
        return Formats.count(n) + " " + what + (n == 1 ? "" : "s");
    }
}
