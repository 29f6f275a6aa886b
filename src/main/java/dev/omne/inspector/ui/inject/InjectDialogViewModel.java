package dev.omne.inspector.ui.inject;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omne.inspector.core.event.EventCodec;
import dev.omne.inspector.core.event.EventTypes;
import dev.omne.inspector.core.event.Events;
import dev.omne.inspector.core.event.GatePassed;
import dev.omne.inspector.core.event.NewEvent;
import dev.omne.inspector.core.event.NodeFailed;
import dev.omne.inspector.core.event.NodeStarted;
import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.event.Ulid;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.log.LineJudge;
import dev.omne.inspector.core.log.LockTimeoutException;
import dev.omne.inspector.core.log.ScannedLine;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.ui.inject.EventAppender;
import dev.omne.inspector.ui.common.LatestResult;
import dev.omne.inspector.ui.common.Messages;
import dev.omne.inspector.ui.common.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The Inject dialog: an event for a run, built from its type, node and the fields of its type plus extra JSON
 * fields, checked by the same rules as the {@code inject} command ({@link NewEvent}), previewed as exactly the
 * line that will be appended, and appended off the UI thread through {@link EventAppender}.
 */
public final class InjectDialogViewModel {
    /** Told, on the UI thread, that a line was appended to a run that had {@code rowsBefore} rows in the window. */
    @FunctionalInterface
    public interface Appended {
        void appended(String runId, String line, int rowsBefore);
    }

    static final String TYPE_PROMPT = "Choose or type an event type";
    private static final Set<String> NODE_STARTED_FIELDS = Set.of("kind", "name", "model");

    private final TaskExecutor tasks;
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
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper(this, "statusIsError");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper writable = new ReadOnlyBooleanWrapper(this, "writable");
    private final ReadOnlyBooleanWrapper appending = new ReadOnlyBooleanWrapper(this, "appending");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final ReadOnlyBooleanWrapper canAppend = new ReadOnlyBooleanWrapper(this, "canAppend");
    private final ReadOnlyBooleanWrapper nodeStarted = new ReadOnlyBooleanWrapper(this, "nodeStarted");
    private final ReadOnlyBooleanWrapper nodeFailed = new ReadOnlyBooleanWrapper(this, "nodeFailed");
    private final ReadOnlyBooleanWrapper gatePassed = new ReadOnlyBooleanWrapper(this, "gatePassed");
    private final ReadOnlyBooleanWrapper nodeRequired = new ReadOnlyBooleanWrapper(this, "nodeRequired");

    /** Whether the chosen run can be written to: only the check of the run chosen last counts. */
    private final LatestResult writableCheck;

    public InjectDialogViewModel(TaskExecutor tasks, EventAppender appender, Volume volume, List<String> runIds,
                                 String initialRun, Function<String, IndexSnapshot> snapshots, Clock clock,
                                 Appended appended) {
        this.tasks = tasks;
        this.writableCheck = new LatestResult(tasks);
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
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusIsErrorProperty() {
        return statusIsError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty appendingProperty() {
        return appending.getReadOnlyProperty();
    }

    /** The event was appended: the dialog closes. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
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
        if (!appending.get() && !done.get()) {
            // Only an edit clears an error: the clock moving on must not hide "nothing was written".
            String keptStatus = status.get();
            boolean keptError = statusIsError.get();
            ts.set(Timestamps.format(clock.instant()));
            update();
            if (keptError) {
                setStatus(keptStatus, true);
            }
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
        appending.set(true);
        setStatus("Appending…", false);
        refreshCanAppend();
        tasks.submit(() -> {
            appender.append(volume, runId, line, () -> tasks.runOnUiThread(() -> {
                if (appending.get()) {
                    setStatus("Waiting for another process to release the lock on events.jsonl (up to "
                            + seconds(appender.lockBudget()) + ")…", false);
                }
            }));
            return line;
        }, written -> {
            appending.set(false);
            setStatus(null, false);
            done.set(true);
            refreshCanAppend();
            appended.appended(runId, written, rowsBefore);
        }, e -> {
            appending.set(false);
            if (e instanceof LockTimeoutException) {
                setStatus("Another process held the lock on events.jsonl for more than "
                        + seconds(appender.lockBudget()) + ". Nothing was written.", true);
            } else {
                setStatus("Could not append: " + Messages.describe(e), true);
            }
            refreshCanAppend();
        });
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private void setStatus(String text, boolean error) {
        status.set(text);
        statusIsError.set(error);
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
        String t = type.get() == null ? "" : type.get().strip();
        boolean isNodeStarted = NodeStarted.TYPE.equals(t);
        boolean isNodeFailed = NodeFailed.TYPE.equals(t);
        boolean isGatePassed = GatePassed.TYPE.equals(t);
        nodeStarted.set(isNodeStarted);
        nodeFailed.set(isNodeFailed);
        gatePassed.set(isGatePassed);
        nodeRequired.set(EventTypes.namesNode(t));

        ObjectNode json = EventCodec.mapper().createObjectNode();
        json.put("type", t);
        json.put("id", id.get());
        json.put("ts", ts.get());
        if (run.get() != null) {
            json.put("run_id", run.get());
        }
        String node = text(nodeId);
        if (!node.isEmpty()) {
            json.put("node_id", node);
        }
        List<String> formFields = new ArrayList<>(List.of("node_id"));
        if (isNodeStarted) {
            putIfSet(json, "kind", kind);
            putIfSet(json, "name", name);
            putIfSet(json, "model", model);
            formFields.addAll(NODE_STARTED_FIELDS);
        } else if (isNodeFailed) {
            if (!text(errorKind).isEmpty() || !text(errorMessage).isEmpty()) {
                ObjectNode error = json.putObject("error");
                putIfSet(error, "kind", errorKind);
                putIfSet(error, "message", errorMessage);
            }
            formFields.add("error");
        } else if (isGatePassed) {
            putIfSet(json, "gate", gate);
            formFields.add("gate");
        }

        String typeProblem = null;
        if (t.isEmpty()) {
            typeProblem = TYPE_PROMPT;
        } else if (!Events.isValidType(t)) {
            typeProblem = "Must be lowercase dotted words, e.g. node.started or run.signal_received";
        }
        String nodeProblem = null;
        if (EventTypes.namesNode(t) && node.isEmpty()) {
            nodeProblem = "A " + t + " event needs a node id";
        }
        String extraProblem = null;
        try {
            ObjectNode extras = parseExtras(text(extraFields));
            for (var it = extras.fields(); it.hasNext(); ) {
                var field = it.next();
                String key = field.getKey();
                if (Events.HEADER_FIELDS.contains(key)) {
                    extraProblem = "\"" + key + "\" may not be set here: "
                            + (key.equals("type") ? "use the Type field" : key.equals("run_id") ? "choose the run above"
                            : "it is filled automatically");
                    break;
                }
                if (formFields.contains(key)) {
                    extraProblem = "\"" + key + "\" is set by the form above; leave it out here";
                    break;
                }
                json.set(key, field.getValue());
            }
        } catch (IllegalArgumentException e) {
            extraProblem = e.getMessage();
        }
        typeError.set(typeProblem);
        nodeError.set(nodeProblem);
        extraError.set(extraProblem);

        String other = null;
        if (typeProblem == null && nodeProblem == null && extraProblem == null && run.get() != null) {
            List<String> problems = NewEvent.problems(json, run.get());
            if (!problems.isEmpty()) {
                other = String.join("; ", problems);
            }
        }
        otherError.set(other);
        String line = null;
        if (typeProblem == null && nodeProblem == null && extraProblem == null && other == null && run.get() != null) {
            line = EventCodec.encode(NewEvent.complete(json, run.get(), clock.instant()));
            // The very line to be written, judged as the runner will read it: refused rather than changed to fit.
            ScannedLine verdict = LineJudge.judgeToWrite(line);
            if (verdict.outcome() != ScannedLine.Outcome.EVENT) {
                other = "The omne runner could not read this line: " + verdict.describe();
                otherError.set(other);
                line = null;
            }
        }
        boolean ok = line != null;
        valid.set(ok);
        preview.set(ok ? line : "");
        if (!appending.get() && statusIsError.get()) {
            setStatus(null, false);
        }
        refreshCanAppend();
    }

    private void refreshCanAppend() {
        canAppend.set(valid.get() && writable.get() && !appending.get() && !done.get());
    }

    private static String text(StringProperty p) {
        return p.get() == null ? "" : p.get().strip();
    }

    private static void putIfSet(ObjectNode json, String key, StringProperty value) {
        if (!text(value).isEmpty()) {
            json.put(key, text(value));
        }
    }

    private static final java.util.regex.Pattern COLUMN = java.util.regex.Pattern.compile("column (\\d+)");

    /**
     * The extra fields: blank for none, else one JSON object the omne runner can read (no key given twice, nothing
     * after it), its values kept exactly as written.
     */
    static ObjectNode parseExtras(String text) {
        if (text.isBlank()) {
            return EventCodec.mapper().createObjectNode();
        }
        if (!text.strip().startsWith("{")) {
            throw new IllegalArgumentException("Extra fields must be one JSON object, e.g. {\"signal\": \"SIGTERM\"}");
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String problem = new LineJudge().jsonProblem(bytes, 0, bytes.length);
        if (problem != null) {
            throw new IllegalArgumentException("Not JSON the omne runner can read: " + lineAndColumn(problem, bytes));
        }
        try {
            return EventCodec.readExactObject(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not valid: " + e.getMessage());
        }
    }

    /** The judge counts columns in bytes from the start; the field may hold several lines. */
    private static String lineAndColumn(String problem, byte[] text) {
        return COLUMN.matcher(problem).replaceAll(m -> {
            long column = Long.parseLong(m.group(1));
            int line = 1;
            int start = 0;
            for (int i = 0; i < column - 1 && i < text.length; i++) {
                if (text[i] == '\n') {
                    line++;
                    start = i + 1;
                }
            }
            return "line " + line + ", column " + (column - start);
        });
    }

    /** The run's writability as last checked (for tests). */
    boolean isWritable() {
        return writable.get();
    }

    Optional<String> preview() {
        return preview.get().isEmpty() ? Optional.empty() : Optional.of(preview.get());
    }
}
