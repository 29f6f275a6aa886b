package dev.omne.inspector.ui.app;

import dev.omne.inspector.ui.events.DiagnosticRow;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** The status bar: volume path, counts of the shown run, follow state, progress and the latest message. */
public final class StatusBarViewModel {
    /** No progress to show. */
    public static final double IDLE = 0;

    private final ReadOnlyStringWrapper volumePath = new ReadOnlyStringWrapper(this, "volumePath", "");
    private final ReadOnlyIntegerWrapper events = new ReadOnlyIntegerWrapper(this, "events");
    private final ReadOnlyIntegerWrapper malformed = new ReadOnlyIntegerWrapper(this, "malformed");
    private final ReadOnlyIntegerWrapper warnings = new ReadOnlyIntegerWrapper(this, "warnings");
    private final ReadOnlyBooleanWrapper runShown = new ReadOnlyBooleanWrapper(this, "runShown");
    private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper(this, "following");
    private final ReadOnlyIntegerWrapper unseen = new ReadOnlyIntegerWrapper(this, "unseen");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", IDLE);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private Supplier<List<DiagnosticRow>> diagnosticsSource = List::of;
    private IntConsumer goToDiagnostic = row -> { };
    private IntSupplier selectedRow = () -> -1;

    public ReadOnlyStringProperty volumePathProperty() {
        return volumePath.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty eventsProperty() {
        return events.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty malformedProperty() {
        return malformed.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty warningsProperty() {
        return warnings.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runShownProperty() {
        return runShown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty followingProperty() {
        return following.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty unseenProperty() {
        return unseen.getReadOnlyProperty();
    }

    /** Whether something is loading (the progress indicator shows). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** 0..1, or -1 for "working, amount unknown". */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The follow state in words. */
    public String followText() {
        if (!runShown.get()) {
            return "";
        }
        if (following.get()) {
            return "Following";
        }
        return unseen.get() > 0 ? "Paused · " + unseen.get() + " new" : "Follow off";
    }

    // Updates, from the window's ViewModel

    void setVolumePath(String path) {
        volumePath.set(path == null ? "" : path);
    }

    void setCounts(boolean shown, int eventCount, int malformedCount, int warningCount) {
        runShown.set(shown);
        events.set(eventCount);
        malformed.set(malformedCount);
        warnings.set(warningCount);
    }

    void setFollow(boolean isFollowing, int unseenRows) {
        following.set(isFollowing);
        unseen.set(unseenRows);
    }

    /** Shows work in progress; {@code fraction} -1 when its amount is unknown. */
    void setProgress(String text, double fraction) {
        busy.set(true);
        progressText.set(text);
        progress.set(fraction);
    }

    void clearProgress() {
        busy.set(false);
        progressText.set("");
        progress.set(IDLE);
    }

    /** Where the list of malformed lines comes from and where choosing one goes; set by the window. */
    void connect(Supplier<List<DiagnosticRow>> source, IntConsumer goTo, IntSupplier selected) {
        this.diagnosticsSource = source;
        this.goToDiagnostic = goTo;
        this.selectedRow = selected;
    }

    /** The run row selected in the table, or -1 (the list opens at its diagnostic). */
    public int selectedRow() {
        return selectedRow.getAsInt();
    }

    /** The shown run's malformed lines and warnings. */
    public List<DiagnosticRow> diagnostics() {
        return diagnosticsSource.get();
    }

    /** Shows the row of a diagnostic chosen from the list. */
    public void goToDiagnostic(int row) {
        goToDiagnostic.accept(row);
    }

    public void showMessage(String text) {
        message.set(text == null ? "" : text);
    }
}
