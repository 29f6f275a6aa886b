package dev.omne.inspector.ui.open;

import dev.omne.inspector.core.Messages;
import dev.omne.inspector.core.volume.RunIds;
import dev.omne.inspector.core.volume.Volume;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Reading folders for the Open Folder dialog, off the UI thread: a folder's subfolders, dot folders included,
 * sorted by name, and what a folder is to omne by the very rules that open it ({@link Volume#open}). Long work
 * polls whether it is still wanted and stops when it is not.
 */
final class FolderListing {
    /** By name as people read it, case aside ({@code .git}, {@code .omne}, {@code docs}, {@code Src}). */
    static final Comparator<FolderRow> ORDER = Comparator.comparing(FolderRow::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(FolderRow::name);

    /** How many entries are read between two looks at whether the work is still wanted. */
    private static final int POLL = 256;

    /**
     * A folder read: its subfolders, how many other entries it holds (files), what it is to omne, why it could not
     * be read ({@code problem}, null when it could), and the folder asked for when that one no longer exists and
     * this is the nearest one above it ({@code gone}, else null).
     */
    record Listing(Path folder, List<FolderRow> rows, int files, FolderMark mark, String problem, Path gone) {
    }

    /** What a typed path is on disk. */
    enum Found { FOLDER, FILE, NOTHING }

    private FolderListing() {
    }

    /** Reads {@code folder} (which exists); {@code gone} is passed on to say which folder it stands in for. */
    static Listing read(Path folder, Path gone, BooleanSupplier cancelled) {
        FolderMark mark = markOf(folder, true);
        List<FolderRow> rows = new ArrayList<>();
        int files = 0;
        String problem = null;
        try {
            files = subfolders(folder, cancelled,
                    entry -> rows.add(new FolderRow(entry.getFileName().toString(), entry)));
        } catch (IOException e) {
            problem = Messages.reason(e);
        }
        rows.sort(ORDER);
        return new Listing(folder, List.copyOf(rows), files, mark, problem, gone);
    }

    /** The names of the subfolders of {@code folder}, for completing a typed name. */
    static List<String> names(Path folder, BooleanSupplier cancelled) throws IOException {
        List<String> names = new ArrayList<>();
        subfolders(folder, cancelled, entry -> names.add(entry.getFileName().toString()));
        names.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
        return names;
    }

    /**
     * Hands each subfolder of {@code folder} to {@code found}, looking every {@link #POLL} entries whether the work is
     * still wanted; returns how many other entries (files) it holds.
     */
    private static int subfolders(Path folder, BooleanSupplier cancelled, java.util.function.Consumer<Path> found)
            throws IOException {
        int files = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            int seen = 0;
            for (Path entry : entries) {
                if (++seen % POLL == 0 && cancelled.getAsBoolean()) {
                    throw new CancellationException();
                }
                if (Files.isDirectory(entry)) {
                    found.accept(entry);
                } else {
                    files++;
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        return files;
    }

    /** What each row is to omne; projects have their runs counted. */
    static Map<Path, FolderMark> marks(List<FolderRow> rows, BooleanSupplier cancelled) {
        Map<Path, FolderMark> marks = new HashMap<>();
        for (FolderRow row : rows) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            marks.put(row.path(), markOf(row.path(), false));
        }
        return marks;
    }

    /** The folder itself when it exists, else the nearest folder above it that does (null: none). */
    static Path nearestFolder(Path asked) {
        for (Path at = asked.toAbsolutePath().normalize(); at != null; at = at.getParent()) {
            if (Files.isDirectory(at)) {
                return at;
            }
        }
        return null;
    }

    static Found find(Path path) {
        if (Files.isDirectory(path)) {
            return Found.FOLDER;
        }
        return Files.exists(path) ? Found.FILE : Found.NOTHING;
    }

    /**
     * What {@code folder} is to omne: the project {@link Volume#open} finds for it, and where in that project it is.
     * A project's runs are always counted (as the window lists them); another folder's project's only when
     * {@code countAll}.
     */
    static FolderMark markOf(Path folder, boolean countAll) {
        Path dir = folder.toAbsolutePath().normalize();
        Volume volume;
        try {
            volume = Volume.open(dir);
        } catch (IOException e) {
            // NotAVolumeException among them: no .omne here or above
            return FolderMark.NONE;
        }
        Path root = volume.root();
        if (root.equals(dir)) {
            return new FolderMark(FolderMark.Kind.PROJECT, root, runs(volume), null);
        }
        int runs = countAll ? runs(volume) : -1;
        if (dir.equals(volume.omneDir())) {
            return new FolderMark(FolderMark.Kind.OMNE, root, runs, null);
        }
        String run = volume.focusRun().orElse(null);
        if (run != null && RunIds.isValid(run) && !Volume.isHidden(run) && dir.equals(volume.runsDir().resolve(run))) {
            return new FolderMark(FolderMark.Kind.RUN, root, runs, run);
        }
        return new FolderMark(FolderMark.Kind.INSIDE, root, runs, null);
    }

    /** How many runs the window lists for the volume; -1 when its runs folder cannot be read. */
    private static int runs(Volume volume) {
        try {
            return volume.listRuns().size();
        } catch (IOException e) {
            return -1;
        }
    }
}
