package dev.omne.inspector.ui.common;

import dev.omne.inspector.core.volume.NotAVolumeException;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Turns exceptions into sentences for people: the UI shows messages, never stack traces. */
public final class Messages {
    private Messages() {
    }

    public static String describe(Throwable e) {
        if (e instanceof NoSuchFileException nf) {
            return "no such file or folder: " + nf.getFile();
        }
        if (e instanceof NotDirectoryException nd) {
            return "not a folder: " + nd.getFile();
        }
        if (e instanceof AccessDeniedException ad) {
            return "permission denied: " + ad.getFile();
        }
        if (e instanceof NotAVolumeException) {
            return e.getMessage();
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + (fs.getFile() == null ? "" : ": " + fs.getFile());
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        }
        return message;
    }
}
