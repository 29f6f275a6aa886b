package dev.omne.inspector.ui.open;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The path field's text: a folder as the field shows it, a typed path resolved, a typed folder name completed. */
final class PathText {
    /** A typed path split where a name is being typed: {@code /work/de} is {@code /work/} and {@code de}. */
    record Split(String parent, String name) {
    }

    /**
     * A name completed: the new text (null: unchanged), whether it is now a whole folder's name, and what to say
     * (null: nothing), a problem or a hint.
     */
    record Completion(String text, boolean folder, String message, boolean problem) {
    }

    /** How many of the folders a name could be completed to are named. */
    private static final int NAMED = 6;

    private PathText() {
    }

    /** A folder as the field shows it: ending in a separator, so that the name of a subfolder can be typed on. */
    static String of(Path folder) {
        String text = folder.toString();
        return text.endsWith(File.separator) ? text : text + File.separator;
    }

    /**
     * A typed (or pasted) path as an absolute one: {@code ~} is the home folder, a {@code file:} URI is its path, a
     * relative path starts at {@code base}. Null when the text is empty or no path at all.
     */
    static Path resolve(String text, Path base, Path home) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            Path path;
            if (t.equals("~")) {
                path = home;
            } else if (t.startsWith("~/") || t.startsWith("~" + File.separator)) {
                path = home.resolve(t.substring(2));
            } else if (t.startsWith("file:")) {
                path = Path.of(URI.create(t));
            } else {
                path = Path.of(t);
            }
            return (path.isAbsolute() ? path : base.resolve(path)).toAbsolutePath().normalize();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            // InvalidPathException among them: a character no path may hold, a URI that is no file
            return null;
        }
    }

    static Split split(String text) {
        int at = Math.max(text.lastIndexOf('/'), text.lastIndexOf(File.separatorChar));
        return new Split(text.substring(0, at + 1), text.substring(at + 1));
    }

    /**
     * Completes the name being typed among the folder's {@code names}: to the one that starts with it (and a
     * separator after it), else as far as those that start with it agree, naming them.
     */
    static Completion complete(Split split, List<String> names) {
        List<String> found = matches(split.name(), names);
        if (found.isEmpty()) {
            return new Completion(null, false, "No folder there starts with “" + split.name() + "”", true);
        }
        if (found.size() == 1) {
            return new Completion(split.parent() + found.getFirst() + File.separator, true, null, false);
        }
        String common = commonStart(found);
        List<String> named = found.subList(0, Math.min(NAMED, found.size()));
        return new Completion(common.equals(split.name()) ? null : split.parent() + common, false,
                found.size() + " folders start with “" + common + "”: " + String.join(", ", named)
                        + (found.size() > named.size() ? ", …" : ""), false);
    }

    /** The names that start with {@code prefix}: as typed, or else whatever the case. */
    static List<String> matches(String prefix, List<String> names) {
        List<String> exact = new ArrayList<>();
        List<String> anyCase = new ArrayList<>();
        String lower = prefix.toLowerCase(Locale.ROOT);
        for (String name : names) {
            if (name.startsWith(prefix)) {
                exact.add(name);
            } else if (name.toLowerCase(Locale.ROOT).startsWith(lower)) {
                anyCase.add(name);
            }
        }
        return exact.isEmpty() ? anyCase : exact;
    }

    /** The longest start that all the names share (whatever the case), as the first one writes it. */
    static String commonStart(List<String> names) {
        String first = names.getFirst();
        int length = first.length();
        for (String name : names) {
            int i = 0;
            while (i < length && i < name.length()
                    && Character.toLowerCase(name.charAt(i)) == Character.toLowerCase(first.charAt(i))) {
                i++;
            }
            length = i;
        }
        return first.substring(0, length);
    }

    /** A folder's own name ({@code demo} for {@code /work/demo}); the root is its whole path. */
    static String name(Path path) {
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }

    /** A folder as a place shows it: the home folder as {@code ~}. */
    static String shortened(Path path, Path home) {
        if (path.equals(home)) {
            return "~";
        }
        return path.startsWith(home) ? "~" + File.separator + home.relativize(path) : path.toString();
    }
}
