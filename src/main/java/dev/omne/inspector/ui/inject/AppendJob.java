package dev.omne.inspector.ui.inject;

import dev.omne.inspector.core.Messages;
import dev.omne.inspector.core.log.LockTimeoutException;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.ui.common.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * The Inject dialog's append of one line, off the UI thread: waiting for another writer's lock (saying so, and
 * stopping at Cancel), then the dialog done, closed, or told why nothing was written. Apart from the dialog's
 * ViewModel, which checks the form: this is what happens once the line is right.
 */
final class AppendJob {
    private final TaskExecutor tasks;
    private final EventAppender appender;
    private final Volume volume;
    /** Told whenever appending or done changes, after the status says why. */
    private final Runnable changed;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper(this, "statusIsError");
    private final ReadOnlyBooleanWrapper appending = new ReadOnlyBooleanWrapper(this, "appending");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper(this, "closed");
    /** Cancel during an append: the background wait for the lock stops at its next look. */
    private volatile boolean stopWaiting;

    AppendJob(TaskExecutor tasks, EventAppender appender, Volume volume, Runnable changed) {
        this.tasks = tasks;
        this.appender = appender;
        this.volume = volume;
        this.changed = changed;
    }

    /** Appending, waiting for the lock, or why the append failed. */
    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty statusIsErrorProperty() {
        return statusIsError.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty appendingProperty() {
        return appending.getReadOnlyProperty();
    }

    /** The line was appended: the dialog closes. */
    ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    /** The dialog is to close without appending. */
    ReadOnlyBooleanProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }

    /** Neither appending nor done: the form may still change what is appended. */
    boolean isIdle() {
        return !appending.get() && !done.get();
    }

    /** The form was edited: an error shown is of the line before, and goes. */
    void edited() {
        if (!appending.get() && statusIsError.get()) {
            setStatus(null, false);
        }
    }

    /** Runs {@code refresh} keeping an error shown: only an edit clears it, not the clock moving on. */
    void keepingError(Runnable refresh) {
        String keptStatus = status.get();
        boolean keptError = statusIsError.get();
        refresh.run();
        if (keptError) {
            setStatus(keptStatus, true);
        }
    }

    /** Appends {@code line} to the run in the background; {@code written} is told on the UI thread once it is. */
    void start(String runId, String line, Consumer<String> written) {
        appending.set(true);
        setStatus("Appending…", false);
        changed.run();
        stopWaiting = false;
        tasks.submit(() -> {
            appender.append(volume, runId, line, () -> tasks.runOnUiThread(() -> {
                if (appending.get() && !stopWaiting) {
                    setStatus("Waiting for another process to release the lock on events.jsonl (up to "
                            + seconds(appender.lockBudget()) + "; Cancel stops)…", false);
                }
            }), () -> stopWaiting);
            return line;
        }, appendedLine -> {
            appending.set(false);
            setStatus(null, false);
            done.set(true);
            changed.run();
            written.accept(appendedLine);
        }, e -> {
            appending.set(false);
            if (e instanceof CancellationException) {
                // Cancel stopped the wait: nothing was written, and the dialog goes as Cancel asked.
                setStatus(null, false);
                closed.set(true);
            } else if (e instanceof LockTimeoutException) {
                setStatus("Another process held the lock on events.jsonl for more than "
                        + seconds(appender.lockBudget()) + ". Nothing was written.", true);
            } else {
                setStatus("Could not append: " + Messages.describe(e), true);
            }
            changed.run();
        });
    }

    /**
     * Cancel: closes the dialog; during an append's wait for the lock it stops the wait first, and the dialog
     * closes once the append has given up (nothing written).
     */
    void cancel() {
        if (appending.get()) {
            stopWaiting = true;
            setStatus("Stopping…", false);
        } else {
            closed.set(true);
        }
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private void setStatus(String text, boolean error) {
        status.set(text);
        statusIsError.set(error);
    }
}
