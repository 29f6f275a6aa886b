package dev.omne.inspector.ui.open;

import dev.omne.inspector.ui.common.LatestResult;
import dev.omne.inspector.ui.common.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.Map;

/**
 * The folder the Open Folder dialog lists, as last read: its subfolders, what each of them is to omne (read in the
 * background after them, so that a folder of thousands shows at once), and the line that sums it up. Used on the
 * UI thread.
 */
public final class ShownFolder {
    /** What the rows are to omne: looked at after they are listed; a newer folder makes it stale. */
    private final LatestResult marking;
    private final Runnable marksArrived;
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>(this, "folder");
    private final ReadOnlyObjectWrapper<FolderMark> mark =
            new ReadOnlyObjectWrapper<>(this, "mark", FolderMark.UNCHECKED);
    private final ObservableList<FolderRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper marksRead = new ReadOnlyIntegerWrapper(this, "marksRead");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private Map<Path, FolderMark> marks = Map.of();
    private boolean marksPending;
    private int files;

    ShownFolder(TaskExecutor tasks, Runnable marksArrived) {
        this.marking = new LatestResult(tasks);
        this.marksArrived = marksArrived;
    }

    /** The folder listed (null until the first one is read). */
    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    public Path folder() {
        return folder.get();
    }

    /** What the folder listed is to omne. */
    public ReadOnlyObjectProperty<FolderMark> markProperty() {
        return mark.getReadOnlyProperty();
    }

    /** Its subfolders, sorted by name, dot folders included. */
    public ObservableList<FolderRow> rows() {
        return rows;
    }

    /** What a row is to omne ({@link FolderMark#UNCHECKED} until it has been looked at). */
    public FolderMark markOf(FolderRow row) {
        return marks.getOrDefault(row.path(), FolderMark.UNCHECKED);
    }

    /** Counts up each time the rows' marks arrive. */
    public ReadOnlyIntegerProperty marksReadProperty() {
        return marksRead.getReadOnlyProperty();
    }

    /** What the list says while it has no rows. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** How many folders are listed, how many of them are projects, how many files are not listed. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Whether a folder is being read. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    boolean isBusy() {
        return busy.get();
    }

    /** The row named {@code name}, or null. */
    FolderRow row(String name) {
        return name == null ? null : rows.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    /** A folder is being read (or no longer is). */
    void setBusy(boolean reading) {
        busy.set(reading);
        if (reading) {
            marking.cancel();
        }
        updateSummary();
    }

    /** Shows a folder read, then looks at what its rows are in the background. */
    void show(FolderListing.Listing listing) {
        busy.set(false);
        folder.set(listing.folder());
        mark.set(listing.mark());
        marks = Map.of();
        files = listing.files();
        rows.setAll(listing.rows());
        placeholder.set(listing.problem() != null ? "This folder cannot be read: " + listing.problem()
                : "No folders here");
        marksPending = !listing.rows().isEmpty();
        if (marksPending) {
            marking.submit(cancelled -> FolderListing.marks(listing.rows(), cancelled), read -> {
                marks = read;
                marksPending = false;
                marksRead.set(marksRead.get() + 1);
                updateSummary();
                marksArrived.run();
            }, e -> {
                marksPending = false;
                updateSummary();
            });
        }
        updateSummary();
    }

    void stop() {
        marking.cancel();
        busy.set(false);
    }

    private void updateSummary() {
        if (folder.get() == null || busy.get()) {
            summary.set(busy.get() ? "Reading the folder…" : "");
            return;
        }
        long projects = marks.values().stream().filter(m -> m.kind() == FolderMark.Kind.PROJECT).count();
        summary.set(PickerWords.summary(rows.size(), projects, marksPending, files));
    }
}
