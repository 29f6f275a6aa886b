package dev.omne.inspector.core.log;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A run's log as the append path reaches it: {@code root/<runsFolder...>/<run>/<log>}. Every name after
 * {@code root} is one plain folder or file name and none may be a link: the run folder must exist, the log is
 * created when absent. The file written is checked once open: a regular file with exactly one link, on the runs
 * folder's device. So an append never leaves the runs folder, whatever is swapped in on the way.
 *
 * @param root       where resolving starts (links in it are the user's choice and are followed)
 * @param runsFolder the names from {@code root} to the runs folder
 * @param run        the run folder's name
 * @param log        the log's name in the run folder
 */
public record RunLogPath(Path root, List<String> runsFolder, String run, String log) {
    public RunLogPath {
        Objects.requireNonNull(root, "root");
        runsFolder = List.copyOf(runsFolder);
        for (String name : runsFolder) {
            requirePlain(name);
        }
        requirePlain(run);
        requirePlain(log);
    }

    private static void requirePlain(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a plain file name: '" + name + "'");
        }
    }

    /** The runs folder as a path (for messages). */
    public Path runsDir() {
        Path p = root;
        for (String name : runsFolder) {
            p = p.resolve(name);
        }
        return p;
    }

    /** The run folder as a path (for messages). */
    public Path runDir() {
        return runsDir().resolve(run);
    }

    /** The log as a path (for messages and for this process's own queue of appends). */
    public Path file() {
        return runDir().resolve(log);
    }

    @Override
    public String toString() {
        return file().toString();
    }
}
