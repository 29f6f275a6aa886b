package dev.omne.inspector.core.volume;

import dev.omne.inspector.core.log.RunLogPath;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A project folder that contains {@code .omne/}; its runs live in {@code .omne/var/runs/<run_id>/}.
 * Opened at the project, at its {@code .omne} folder, or at one run folder (which is then the focus run).
 */
public final class Volume {
    public static final String OMNE_DIR = ".omne";
    public static final String EVENTS_FILE = "events.jsonl";

    private final Path root;
    private final String focusRun;

    private Volume(Path root, String focusRun) {
        this.root = root;
        this.focusRun = focusRun;
    }

    /** The volume of a project folder, whether or not {@code .omne} exists yet. */
    public static Volume at(Path projectDir) {
        return new Volume(projectDir.toAbsolutePath().normalize(), null);
    }

    /** Resolves a project folder, its {@code .omne} folder, or a run folder. */
    public static Volume open(Path path) throws IOException {
        Path p = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            throw Files.exists(p) ? new NotDirectoryException(p.toString()) : new NoSuchFileException(p.toString());
        }
        if (Files.isDirectory(p.resolve(OMNE_DIR))) {
            return new Volume(p, null);
        }
        // Any folder inside a volume opens it (.omne, .omne/var, .omne/var/runs, a run folder or one below it):
        // a folder chooser lands in any of them, and each clearly means this project.
        for (Path at = p; at != null && at.getParent() != null; at = at.getParent()) {
            if (name(at).equals(OMNE_DIR)) {
                Path inside = at.relativize(p);
                boolean inRun = inside.getNameCount() >= 3 && inside.getName(0).toString().equals("var")
                        && inside.getName(1).toString().equals("runs");
                return new Volume(at.getParent(), inRun ? inside.getName(2).toString() : null);
            }
        }
        throw new NotAVolumeException(p);
    }

    private static String name(Path p) {
        Path name = p.getFileName();
        return name == null ? "" : name.toString();
    }

    /** The project folder. */
    public Path root() {
        return root;
    }

    public Path omneDir() {
        return root.resolve(OMNE_DIR);
    }

    public Path runsDir() {
        return omneDir().resolve("var").resolve("runs");
    }

    /** The run this volume was opened at, when it was opened at a run folder. */
    public Optional<String> focusRun() {
        return Optional.ofNullable(focusRun);
    }

    /**
     * Run ids, sorted: every directory under the runs folder (links to directories included), with or
     * without a log, except hidden ones. No runs folder: none.
     */
    public List<String> listRuns() throws IOException {
        Path runs = runsDir();
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(runs)) {
            for (Path entry : entries) {
                String id = name(entry);
                if (isHidden(id)) {
                    continue;
                }
                if (RunIds.isValid(id) && Files.isDirectory(entry)) {
                    ids.add(id);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        Collections.sort(ids);
        return List.copyOf(ids);
    }

    /**
     * Whether an entry of the runs folder is hidden: dot-folders are never runs (the runner's and editors' scratch
     * space), and a dot-file there is not an odd entry worth reporting either.
     */
    public static boolean isHidden(String entryName) {
        return entryName.startsWith(".");
    }

    public Path runDir(String runId) {
        return runsDir().resolve(RunIds.validate(runId));
    }

    /** A run's log as the append path opens it: beneath the runs folder, through no link. */
    public RunLogPath runLog(String runId) {
        return new RunLogPath(root, List.of(OMNE_DIR, "var", "runs"), RunIds.validate(runId), EVENTS_FILE);
    }

    /** Where a run's log is, whether or not it exists yet. */
    public Path eventsFile(String runId) {
        return runDir(runId).resolve(EVENTS_FILE);
    }

    /**
     * Why appending to a run's log is refused, or empty when it is allowed. Appends only ever go to
     * {@code <volume>/.omne/var/runs/<existing run>/events.jsonl} as resolved on disk: a run folder, runs
     * folder or log that is a link leading elsewhere is read, never written through.
     */
    public Optional<String> whyNotWritable(String runId) {
        if (isHidden(runId)) {
            return Optional.of(hiddenRun(runId));
        }
        Path runDir = runDir(runId);
        if (!Files.isDirectory(runDir)) {
            return Optional.of("run \"" + runId + "\" does not exist (no folder " + runDir + ")");
        }
        try {
            Path realRoot = root.toRealPath();
            Path realRunDir = runDir.toRealPath();
            Path expected = realRoot.resolve(OMNE_DIR).resolve("var").resolve("runs").resolve(runId);
            if (!realRunDir.equals(expected)) {
                return Optional.of("the run folder leads to " + realRunDir
                        + " through a link; the inspector only writes inside " + root);
            }
            Path log = runDir.resolve(EVENTS_FILE);
            if (Files.isSymbolicLink(log)) {
                return Optional.of(log + " is a symbolic link; event logs are never written through links");
            }
            if (Files.exists(log) && !Files.isRegularFile(log)) {
                return Optional.of(log + " is not a regular file (it is " + FileKinds.describe(log) + ")");
            }
            Path target = Files.exists(log) ? log : runDir;
            if (!Files.isWritable(target)) {
                return Optional.of(readOnlyFileSystem(target)
                        .map(store -> target + " is on a read-only file system (" + store + ")")
                        .orElse(target + " is read-only"));
            }
        } catch (IOException e) {
            return Optional.of("cannot resolve " + runDir + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Why a hidden run folder is never written: nothing lists it, so nobody would see what was written. */
    public static String hiddenRun(String runId) {
        return "\"" + runId + "\" is a hidden folder (its name starts with '.'): check, follow and the window never"
                + " list it as a run, so nothing is written to it";
    }

    /** The file system holding {@code path}, when it is mounted read-only. */
    private static Optional<String> readOnlyFileSystem(Path path) {
        try {
            FileStore store = Files.getFileStore(path);
            return store.isReadOnly() ? Optional.of(store.toString()) : Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Whether the run's folder or log is reached through a link that leads outside this volume. */
    public boolean isLinkedOutside(String runId) {
        try {
            Path real = runDir(runId).toRealPath();
            Path log = eventsFile(runId);
            boolean logOutside = Files.isSymbolicLink(log) && !log.toRealPath().startsWith(root.toRealPath());
            return !real.startsWith(root.toRealPath()) || logOutside;
        } catch (IOException e) {
            return false;
        }
    }

    public boolean runExists(String runId) {
        return Files.isDirectory(runDir(runId));
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
