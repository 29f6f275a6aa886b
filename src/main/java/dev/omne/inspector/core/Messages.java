package dev.omne.inspector.core;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Turns exceptions into words for people: the window and the command line show messages, never stack traces.
 * Both say the same thing; they only order it as their readers expect.
 */
public final class Messages {
    private Messages() {
    }

    /** For the window, what went wrong first: {@code no such file or folder: /a/b}. */
    public static String describe(Throwable e) {
        Problem p = problem(e);
        return p.file == null ? p.reason : p.reason + ": " + p.file;
    }

    /** For a command line, the file first as Unix tools write it: {@code /a/b: no such file or folder}. */
    public static String describeFileFirst(Throwable e) {
        Problem p = problem(e);
        return p.file == null ? p.reason : p.file + ": " + p.reason;
    }

    /** What went wrong without the file it concerns: {@code permission denied}. */
    public static String reason(Throwable e) {
        return problem(e).reason;
    }

    private record Problem(String reason, String file) {
    }

    private static Problem problem(Throwable e) {
        if (e instanceof NoSuchFileException nf) {
            return new Problem("no such file or folder", nf.getFile());
        }
        if (e instanceof NotDirectoryException nd) {
            return new Problem("not a folder", nd.getFile());
        }
        if (e instanceof AccessDeniedException ad) {
            return new Problem("permission denied", ad.getFile());
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return new Problem(fs.getReason(), fs.getFile());
        }
        String message = e.getMessage(); // an exception of our own (NotAVolumeException...) names its file itself
        if (message == null || message.isBlank()) {
            // No words of its own: its name in words ("NullPointerException" -> "null pointer exception").
            message = e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        }
        return new Problem(message, null);
    }
}
