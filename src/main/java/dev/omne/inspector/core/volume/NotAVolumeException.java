package dev.omne.inspector.core.volume;

import java.io.IOException;
import java.nio.file.Path;

/** A folder that holds no {@code .omne} folder and is not inside one. */
public final class NotAVolumeException extends IOException {
    private final transient Path path;

    public NotAVolumeException(Path path) {
        super(path + ": no .omne folder here; open a project folder, its .omne folder or one run folder");
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
