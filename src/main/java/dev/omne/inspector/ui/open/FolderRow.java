package dev.omne.inspector.ui.open;

import java.nio.file.Path;

/** A subfolder listed in the Open Folder dialog: its name (dot folders too) and where it is. */
public record FolderRow(String name, Path path) {
    /** Whether its name starts with a dot: desktop choosers hide such folders, {@code .omne} among them. */
    public boolean dot() {
        return name.startsWith(".");
    }
}
