package dev.omne.inspector.ui.open;

import dev.omne.inspector.core.Messages;
import dev.omne.inspector.ui.common.LatestResult;
import dev.omne.inspector.ui.common.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.File;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * File > Open Folder…: the subfolders of a folder, dot folders such as {@code .omne} among them, each marked with
 * what it is to omne ({@link ShownFolder}); a path field to type or paste into, where Tab completes a folder name;
 * the home folder and the folders opened lately as places. Folders are read in the background and only the latest
 * read counts: the UI thread only applies what was read. What is opened goes to the window, and the dialog closes.
 */
public final class FolderPickerViewModel {
    private final Path home;
    private final Consumer<Path> opener;
    /** Reading the folder to show (or finding what a typed path is): a newer one makes an older one stale. */
    private final LatestResult reading;
    /** Completing a name in another folder, or checking a typed path before it is opened. */
    private final LatestResult typing;
    private final ShownFolder shown;

    private final ObservableList<Place> places = FXCollections.observableArrayList();
    private final StringProperty pathText = new SimpleStringProperty(this, "pathText", "");
    private final ObjectProperty<FolderRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(this, "problem");
    private final ReadOnlyStringWrapper openText = new ReadOnlyStringWrapper(this, "openText", "Open");
    private final ReadOnlyBooleanWrapper canOpen = new ReadOnlyBooleanWrapper(this, "canOpen");
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper(this, "closed");
    private final ReadOnlyIntegerWrapper textSet = new ReadOnlyIntegerWrapper(this, "textSet");
    private boolean settingText;

    /**
     * @param recent the folders opened lately, most recent first: the dialog starts in the first (else at home)
     * @param opener opens what was chosen, in the window
     */
    public FolderPickerViewModel(TaskExecutor tasks, Path home, List<String> recent, Consumer<Path> opener) {
        this.home = home.toAbsolutePath().normalize();
        this.opener = opener;
        this.reading = new LatestResult(tasks);
        this.typing = new LatestResult(tasks);
        this.shown = new ShownFolder(tasks, this::updateOpenText);
        places.setAll(Place.of(this.home, recent));
        pathText.addListener((obs, old, now) -> {
            if (!settingText) {
                showMessage(null, false);
                if (selected.get() != null && isEdited()) {
                    selected.set(null);
                }
            }
            updateOpenText();
        });
        selected.addListener((obs, old, row) -> {
            // The field shows where the list is: choosing a row there puts back what was typed.
            if (row != null && isEdited()) {
                setText(PathText.of(shown.folder()));
            }
            updateOpenText();
        });
    }

    // Properties

    /** The folder listed: its rows and what they are to omne. */
    public ShownFolder shown() {
        return shown;
    }

    /** The path field: the folder shown, or what is being typed. */
    public StringProperty pathTextProperty() {
        return pathText;
    }

    /** The row chosen in the list, or null: what Open opens instead of the folder shown. */
    public ObjectProperty<FolderRow> selectedProperty() {
        return selected;
    }

    /** Home, then the folders opened lately. */
    public ObservableList<Place> places() {
        return places;
    }

    /** Whether {@code place} is the folder shown. */
    public boolean isShown(Place place) {
        return place.path().equals(shown.folder());
    }

    /** What went wrong (see {@link #problemProperty()}) or a hint about what was typed; null when nothing. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the message says what went wrong. */
    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The words of the Open button: what it opens ({@code Open project demo}, {@code Open this folder}). */
    public ReadOnlyStringProperty openTextProperty() {
        return openText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canOpenProperty() {
        return canOpen.getReadOnlyProperty();
    }

    /** Turns true once something was opened or the dialog was cancelled. */
    public ReadOnlyBooleanProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }

    /** Counts up each time the dialog sets the path text itself (the caret then goes to its end). */
    public ReadOnlyIntegerProperty textSetProperty() {
        return textSet.getReadOnlyProperty();
    }

    // Commands

    /** Shows the most recent folder (or, when it no longer exists, the nearest folder above it), else home. */
    public void start() {
        show(places.size() > 1 ? places.get(1).path() : home, true, null, null, null);
    }

    /** Enter in the path field: goes into the folder typed (opens a file typed); unchanged, opens as Open does. */
    public void enter() {
        if (!isEdited()) {
            open();
            return;
        }
        Path target = typed();
        if (target == null) {
            showMessage("Not a path: " + pathText.get().strip(), true);
            return;
        }
        show(target, false, null, "There is no folder " + target, null);
    }

    /** Enter or a double click on a row: its subfolders. */
    public void descend(FolderRow row) {
        if (row != null) {
            show(row.path(), false, null, row.path() + " no longer exists", null);
        }
    }

    /** Alt+Up: the folder above, with the one left chosen in its list. */
    public void up() {
        Path at = shown.folder();
        if (at != null && at.getParent() != null) {
            show(at.getParent(), true, PathText.name(at), null, null);
        }
    }

    public void go(Place place) {
        show(place.path(), true, null, null, null);
    }

    /**
     * Tab (or Right at the end of the field): completes the folder name being typed, as far as the folders that
     * start with it agree, and names them when more than one does. False when no name is being typed.
     */
    public boolean complete() {
        String text = pathText.get();
        Path at = shown.folder();
        if (at == null) {
            return false;
        }
        if (text.strip().equals("~")) {
            setText(PathText.of(home));
            return true;
        }
        PathText.Split split = PathText.split(text);
        Path parent = split.parent().isEmpty() ? at : PathText.resolve(split.parent(), at, home);
        if (split.name().isEmpty() || parent == null) {
            return false;
        }
        if (parent.equals(at) && !shown.isBusy()) {
            completeWith(split, shown.rows().stream().map(FolderRow::name).toList());
            return true;
        }
        typing.submit(cancelled -> FolderListing.names(parent, cancelled), names -> {
            if (text.equals(pathText.get())) {
                completeWith(split, names);
            }
        }, e -> showMessage(e instanceof NoSuchFileException ? "There is no folder " + parent
                : "Cannot read " + parent + ": " + Messages.reason(e), true));
        return true;
    }

    /** Ctrl+Enter or the Open button: opens the path typed, else the row chosen, else the folder shown. */
    public void open() {
        if (!isEdited()) {
            FolderRow row = selected.get();
            finish(row != null ? row.path() : shown.folder());
            return;
        }
        Path target = typed();
        if (target == null) {
            showMessage("Not a path: " + pathText.get().strip(), true);
            return;
        }
        typing.submit(() -> FolderListing.find(target), found -> {
            if (found == FolderListing.Found.NOTHING) {
                showMessage("There is no folder " + target, true);
            } else {
                finish(target);
            }
        }, e -> showMessage("Cannot open " + target + ": " + Messages.reason(e), true));
    }

    /** The system's folder chooser chose {@code chosen}. */
    public void openChosen(Path chosen) {
        finish(chosen);
    }

    /**
     * A character typed in the list: the typing goes on in the path field, after the folder shown ({@code /} and
     * {@code ~} start a new path).
     */
    public void typeInList(String typed) {
        boolean fresh = typed.equals("/") || typed.equals(File.separator) || typed.equals("~")
                || shown.folder() == null;
        pathText.set((fresh ? "" : PathText.of(shown.folder())) + typed);
        textSet.set(textSet.get() + 1);
    }

    /**
     * A character typed at the end of the path field while it shows the folder listed: {@code /} and {@code ~}
     * start a new path there (no path goes on with them), and true is returned; anything else is typed on as usual.
     */
    public boolean typeInField(String typed) {
        if (isEdited() || !(typed.equals("/") || typed.equals(File.separator) || typed.equals("~"))) {
            return false;
        }
        typeInList(typed);
        return true;
    }

    /** Esc: closes the dialog, opening nothing. */
    public void cancel() {
        stopReading();
        closed.set(true);
    }

    // Reading folders

    /**
     * Reads {@code target} in the background and shows it, {@code choose} (a name) chosen in its list. When it is
     * not a folder: with {@code fallBack}, the nearest folder above it is shown and the dialog says that it no longer
     * exists; else a file is opened, and for nothing at all the dialog says {@code missing}, the folder shown
     * staying as it was. With {@code typed}, the path field shows the folder only if it still holds that text (the
     * folder was completed there, and more may have been typed since).
     */
    private void show(Path target, boolean fallBack, String choose, String missing, String typed) {
        shown.setBusy(true);
        typing.cancel();
        reading.submit(cancelled -> {
            FolderListing.Found found = FolderListing.find(target);
            if (found == FolderListing.Found.FOLDER) {
                return FolderListing.read(target, null, cancelled);
            }
            Path near = fallBack ? FolderListing.nearestFolder(target) : null;
            if (near == null) {
                return found == FolderListing.Found.FILE && !fallBack ? target : null;
            }
            return FolderListing.read(near, target, cancelled);
        }, result -> {
            if (result instanceof FolderListing.Listing listing) {
                apply(listing, choose, typed == null || typed.equals(pathText.get()));
            } else {
                shown.setBusy(false);
                if (result instanceof Path file) {
                    finish(file);
                } else {
                    showMessage(missing != null ? missing : "There is no folder " + target, true);
                }
            }
        }, e -> {
            shown.setBusy(false);
            showMessage("Cannot read " + target + ": " + Messages.reason(e), true);
        });
    }

    private void apply(FolderListing.Listing listing, String choose, boolean showInField) {
        shown.show(listing);
        selected.set(shown.row(choose));
        if (showInField) {
            setText(PathText.of(listing.folder()));
        }
        if (listing.gone() != null) {
            showMessage(listing.gone() + " no longer exists; this is the nearest folder above it", true);
        } else if (listing.problem() != null) {
            showMessage("Cannot read " + listing.folder() + ": " + listing.problem(), true);
        } else {
            showMessage(null, false);
        }
        updateOpenText();
    }

    private void completeWith(PathText.Split split, List<String> names) {
        PathText.Completion completion = PathText.complete(split, names);
        if (completion.text() != null) {
            setText(completion.text());
        }
        showMessage(completion.message(), completion.problem());
        // A whole folder's name: the list shows what is in it.
        Path folder = completion.folder() ? typed() : null;
        if (folder != null) {
            show(folder, false, null, null, completion.text());
        }
    }

    private void finish(Path path) {
        if (path == null) {
            return;
        }
        stopReading();
        closed.set(true);
        opener.accept(path);
    }

    private void stopReading() {
        reading.cancel();
        typing.cancel();
        shown.stop();
    }

    // State

    private boolean isEdited() {
        Path at = shown.folder();
        return at == null ? !pathText.get().isBlank() : !pathText.get().equals(PathText.of(at));
    }

    private Path typed() {
        return PathText.resolve(pathText.get(), shown.folder() == null ? home : shown.folder(), home);
    }

    private void setText(String text) {
        settingText = true;
        try {
            pathText.set(text);
        } finally {
            settingText = false;
        }
        textSet.set(textSet.get() + 1);
    }

    private void showMessage(String text, boolean isProblem) {
        message.set(text);
        problem.set(text != null && isProblem);
    }

    private void updateOpenText() {
        boolean edited = isEdited();
        Path target = edited ? typed() : null;
        FolderRow row = selected.get();
        Path at = shown.folder();
        FolderMark mark = row != null ? shown.markOf(row) : shown.markProperty().get();
        openText.set(PickerWords.open(edited, target, row, mark, at));
        canOpen.set(edited ? target != null : row != null || at != null);
    }
}
