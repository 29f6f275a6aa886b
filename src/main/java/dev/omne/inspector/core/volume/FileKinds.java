package dev.omne.inspector.core.volume;

import dev.omne.inspector.core.Messages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Says in a few words what is at a path, for messages about odd entries: "a folder", "a FIFO (named pipe)", ... */
public final class FileKinds {
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    private FileKinds() {
    }

    /**
     * What {@code path} is, following links: "a file", "a folder", "a FIFO (named pipe)", "a socket", "a device",
     * "a link to T, which does not exist", "a link to T that cannot be followed (...)" (a loop), or "nothing".
     */
    public static String describe(Path path) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return describeUnreachable(path, e);
        }
        if (attrs.isRegularFile()) {
            return "a file";
        }
        if (attrs.isDirectory()) {
            return "a folder";
        }
        return describeOther(path);
    }

    /** Whether {@code path} names anything at all, a dangling link included. */
    public static boolean exists(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    private static String describeUnreachable(Path path, IOException e) {
        if (Files.isSymbolicLink(path)) {
            String target;
            try {
                target = String.valueOf(Files.readSymbolicLink(path));
            } catch (IOException | UnsupportedOperationException ignored) {
                target = "?";
            }
            if (e instanceof NoSuchFileException) {
                return "a link to " + target + ", which does not exist";
            }
            return "a link to " + target + " that cannot be followed (" + Messages.reason(e) + ")";
        }
        if (e instanceof NoSuchFileException) {
            return "nothing";
        }
        return "unreachable (" + Messages.reason(e) + ")";
    }

    /** Neither a file nor a folder: the "unix" view tells which (Linux, macOS); elsewhere a general word. */
    private static String describeOther(Path path) {
        try {
            Object mode = Files.getAttribute(path, "unix:mode");
            if (mode instanceof Integer m) {
                return switch (m & S_IFMT) {
                    case S_IFIFO -> "a FIFO (named pipe)";
                    case S_IFSOCK -> "a socket";
                    case S_IFCHR -> "a character device";
                    case S_IFBLK -> "a block device";
                    default -> "not a regular file";
                };
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix view here
        }
        return "a pipe, socket or device";
    }
}
