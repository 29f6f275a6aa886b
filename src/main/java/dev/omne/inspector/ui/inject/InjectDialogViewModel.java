package dev.omne.inspector.ui.inject;

import dev.omne.inspector.core.event.EventTypes;
import dev.omne.inspector.core.event.GatePassed;
import dev.omne.inspector.core.event.NewEvent;
import dev.omne.inspector.core.event.NodeFailed;
import dev.omne.inspector.core.event.NodeStarted;
import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.event.Ulid;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.ui.common.LatestResult;
import dev.omne.inspector.core.Messages;
import dev.omne.inspector.ui.common.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Inject dialog: an event for a run, built from its type, node and the fields of its type plus extra JSON
 * fields, checked by the same rules as the {@code inject} command ({@link EventDraft}, {@link NewEvent}),
 * previewed as exactly the line that will be appended, and appended off the UI thread ({@link AppendJob}, through
 * {@link EventAppender}).
 */
public final class InjectDialogViewModel {
    /** Told, on the UI thread, that a line was appended to a run that had {@code rowsBefore} rows in the window. */
    @FunctionalInterface
    public interface Appended {
        void appended(String runId, String line, int rowsBefore);
    }

    static final String TYPE_PROMPT = EventDraft.TYPE_PROMPT;

    private final EventAppender appender;
    private final Volume volume;
    private final Function<String, IndexSnapshot> snapshots;
    private final Clock clock;
    private final Appended appended;

    private final ObservableList<String> runs = FXCollections.observableArrayList();
    private final StringProperty run = new SimpleStringProperty(this, "run");
    private final ObservableList<String> knownTypes = FXCollections.observableArrayList(EventTypes.KNOWN);
    private final StringProperty type = new SimpleStringProperty(this, "type", "");
    private final ObservableList<String> nodes = FXCollections.observableArrayList();
    private final StringProperty nodeId = new SimpleStringProperty(this, "nodeId", "");
    private final StringProperty kind = new SimpleStringProperty(this, "kind", "");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final ObservableList<String> knownErrorKinds = FXCollections.observableArrayList(NodeFailed.KNOWN_ERROR_KINDS);
    private final StringProperty errorKind = new SimpleStringProperty(this, "errorKind", "");
    private final StringProperty errorMessage = new SimpleStringProperty(this, "errorMessage", "");
    private final StringProperty gate = new SimpleStringProperty(this, "gate", "");
    private final StringProperty extraFields = new SimpleStringProperty(this, "extraFields", "");

    private final ReadOnlyStringWrapper id = new ReadOnlyStringWrapper(this, "id");
    private final ReadOnlyStringWrapper ts = new ReadOnlyStringWrapper(this, "ts");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview", "");
    private final ReadOnlyStringWrapper runError = new ReadOnlyStringWrapper(this, "runError");
    private final ReadOnlyStringWrapper typeError = new ReadOnlyStringWrapper(this, "typeError");
    private final ReadOnlyStringWrapper nodeError = new ReadOnlyStringWrapper(this, "nodeError");
    private final ReadOnlyStringWrapper extraError = new ReadOnlyStringWrapper(this, "extraError");
    private final ReadOnlyStringWrapper otherError = new ReadOnlyStringWrapper(this, "otherError");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper writable = new ReadOnlyBooleanWrapper(this, "writable");
    private final ReadOnlyBooleanWrapper canAppend = new ReadOnlyBooleanWrapper(this, "canAppend");
    private final ReadOnlyBooleanWrapper nodeStarted = new ReadOnlyBooleanWrapper(this, "nodeStarted");
    private final ReadOnlyBooleanWrapper nodeFailed = new ReadOnlyBooleanWrapper(this, "nodeFailed");
    private final ReadOnlyBooleanWrapper gatePassed = new ReadOnlyBooleanWrapper(this, "gatePassed");
    private final ReadOnlyBooleanWrapper nodeRequired = new ReadOnlyBooleanWrapper(this, "nodeRequired");

    /** Whether the chosen run can be written to: only the check of the run chosen last counts. */
    private final LatestResult writableCheck;
    private final AppendJob job;

    public InjectDialogViewModel(TaskExecutor tasks, EventAppender appender, Volume volume, List<String> runIds,
                                 String initialRun, Function<String, IndexSnapshot> snapshots, Clock clock,
                                 Appended appended) {
        this.writableCheck = new LatestResult(tasks);
        this.job = new AppendJob(tasks, appender, volume, this::refreshCanAppend);
        this.appender = appender;
        this.volume = volume;
        this.snapshots = snapshots;
        this.clock = clock;
        this.appended = appended;
        runs.setAll(runIds);
        id.set("ev-" + Ulid.of(clock.millis(), new java.security.SecureRandom()));
        ts.set(Timestamps.format(clock.instant()));
        for (StringProperty p : List.of(type, nodeId, kind, name, model, errorKind, errorMessage, gate, extraFields)) {
            p.addListener((obs, old, now) -> update());
        }
        run.addListener((obs, old, now) -> runChanged());
        run.set(initialRun);
        if (initialRun == null) {
            runChanged();
        }
    }

    // Properties

    public ObservableList<String> runs() {
        return runs;
    }

    /** The run the event is appended to. */
    public StringProperty runProperty() {
        return run;
    }

    public ObservableList<String> knownTypes() {
        return knownTypes;
    }

    public StringProperty typeProperty() {
        return type;
    }

    /** The nodes seen in the run, for the node field's choices. */
    public ObservableList<String> nodes() {
        return nodes;
    }

    public StringProperty nodeIdProperty() {
        return nodeId;
    }

    public StringProperty kindProperty() {
        return kind;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public ObservableList<String> knownErrorKinds() {
        return knownErrorKinds;
    }

    public StringProperty errorKindProperty() {
        return errorKind;
    }

    public StringProperty errorMessageProperty() {
        return errorMessage;
    }

    public StringProperty gateProperty() {
        return gate;
    }

    /** More fields, as a JSON object. */
    public StringProperty extraFieldsProperty() {
        return extraFields;
    }

    public ReadOnlyStringProperty idProperty() {
        return id.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tsProperty() {
        return ts.getReadOnlyProperty();
    }

    /** Exactly the line that Append writes (without its newline); empty while the event is invalid. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Why the chosen run cannot be written to; null when it can (or is still being checked). */
    public ReadOnlyStringProperty runErrorProperty() {
        return runError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty typeErrorProperty() {
        return typeError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nodeErrorProperty() {
        return nodeError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty extraErrorProperty() {
        return extraError.getReadOnlyProperty();
    }

    /** Problems that belong to no single field. */
    public ReadOnlyStringProperty otherErrorProperty() {
        return otherError.getReadOnlyProperty();
    }

    /** Appending, waiting for the lock, or why the append failed. */
    public ReadOnlyStringProperty statusProperty() {
        return job.statusProperty();
    }

    public ReadOnlyBooleanProperty statusIsErrorProperty() {
        return job.statusIsErrorProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty appendingProperty() {
        return job.appendingProperty();
    }

    /** The event was appended: the dialog closes. */
    public ReadOnlyBooleanProperty doneProperty() {
        return job.doneProperty();
    }

    /** Whether Append may be used now. */
    public ReadOnlyBooleanProperty canAppendProperty() {
        return canAppend.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty nodeStartedProperty() {
        return nodeStarted.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty nodeFailedProperty() {
        return nodeFailed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty gatePassedProperty() {
        return gatePassed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty nodeRequiredProperty() {
        return nodeRequired.getReadOnlyProperty();
    }

    /** The longest wait for another writer's lock. */
    public Duration lockBudget() {
        return appender.lockBudget();
    }

    // Commands

    /** Time passed: {@code ts} is "now" until the event is appended. */
    public void tick() {
        if (job.isIdle()) {
            // Only an edit clears an error: the clock moving on must not hide "nothing was written".
            job.keepingError(() -> {
                ts.set(Timestamps.format(clock.instant()));
                update();
            });
        }
    }

    /** Appends the previewed line, off the UI thread. */
    public void append() {
        update();
        if (!canAppend.get()) {
            return;
        }
        String runId = run.get();
        String line = preview.get();
        IndexSnapshot before = snapshots.apply(runId);
        int rowsBefore = before == null ? 0 : before.size();
        job.start(runId, line, written -> appended.appended(runId, written, rowsBefore));
    }

    /**
     * Cancel: closes the dialog ({@link #closedProperty()}); during an append's wait for the lock it stops the wait
     * first, and the dialog closes once the append has given up (nothing written).
     */
    public void cancel() {
        job.cancel();
    }

    /** The dialog is to close without appending. */
    public ReadOnlyBooleanProperty closedProperty() {
        return job.closedProperty();
    }

    // Validation and the preview

    private void runChanged() {
        String runId = run.get();
        IndexSnapshot s = runId == null ? null : snapshots.apply(runId);
        String keep = nodeId.get();
        nodes.setAll(s == null ? List.of() : s.nodes().stream().filter(n -> n != null && !n.isEmpty()).toList());
        nodeId.set(keep);
        writable.set(false);
        runError.set(null);
        if (runId == null) {
            writableCheck.cancel();
            runError.set("Choose a run");
            update();
            return;
        }
        update();
        writableCheck.submit(() -> appender.whyNotWritable(volume, runId), refusal -> {
            runError.set(refusal.orElse(null));
            writable.set(refusal.isEmpty());
            update();
        }, e -> {
            runError.set("Cannot check the run: " + Messages.describe(e));
            writable.set(false);
            update();
        });
    }

    private void update() {
        String t = text(type);
        nodeStarted.set(NodeStarted.TYPE.equals(t));
        nodeFailed.set(NodeFailed.TYPE.equals(t));
        gatePassed.set(GatePassed.TYPE.equals(t));
        nodeRequired.set(EventTypes.namesNode(t));
        EventDraft draft = EventDraft.of(new EventDraft.Form(t, id.get(), ts.get(), run.get(), text(nodeId), text(kind),
                text(name), text(model), text(errorKind), text(errorMessage), text(gate), text(extraFields)),
                clock.instant());
        typeError.set(draft.typeProblem());
        nodeError.set(draft.nodeProblem());
        extraError.set(draft.extraProblem());
        otherError.set(draft.otherProblem());
        valid.set(draft.line() != null);
        preview.set(draft.line() == null ? "" : draft.line());
        job.edited();
        refreshCanAppend();
    }

    private void refreshCanAppend() {
        canAppend.set(valid.get() && writable.get() && job.isIdle());
    }

    private static String text(StringProperty p) {
        return p.get() == null ? "" : p.get().strip();
    }

    /** The run's writability as last checked (for tests). */
    boolean isWritable() {
        return writable.get();
    }

    Optional<String> preview() {
        return preview.get().isEmpty() ? Optional.empty() : Optional.of(preview.get());
    }
}
