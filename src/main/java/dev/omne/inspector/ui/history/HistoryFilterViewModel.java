package dev.omne.inspector.ui.history;

import dev.omne.inspector.core.history.RunOutcome;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Which runs the history shows: a pipe, the outcomes, a time range (the filter bar over the grid). Split from
 * {@link HistoryViewModel}, which turns it into what its feed is asked for; its one rule of its own is that one
 * outcome at least stays shown.
 */
public final class HistoryFilterViewModel {
    private final ObjectProperty<String> pipe = new SimpleObjectProperty<>(this, "pipe");
    private final BooleanProperty completed = new SimpleBooleanProperty(this, "completed", true);
    private final BooleanProperty failed = new SimpleBooleanProperty(this, "failed", true);
    private final BooleanProperty unfinished = new SimpleBooleanProperty(this, "unfinished", true);
    private final ObjectProperty<TimeRange> timeRange = new SimpleObjectProperty<>(this, "timeRange", TimeRange.ALL);
    private final ObservableList<String> pipes = FXCollections.observableArrayList();
    private Consumer<String> messages = text -> { };

    /** @param changed told when the runs asked for change */
    HistoryFilterViewModel(Runnable changed) {
        pipe.addListener((obs, old, now) -> changed.run());
        completed.addListener((obs, old, now) -> outcomeChanged(completed, now, changed));
        failed.addListener((obs, old, now) -> outcomeChanged(failed, now, changed));
        unfinished.addListener((obs, old, now) -> outcomeChanged(unfinished, now, changed));
        timeRange.addListener((obs, old, now) -> {
            if (now == null) {
                timeRange.set(TimeRange.ALL);
            } else {
                changed.run();
            }
        });
    }

    /** The pipe shown, or null for every pipe. */
    public ObjectProperty<String> pipeProperty() {
        return pipe;
    }

    /** The pipes of the volume's runs, sorted. */
    public ObservableList<String> pipes() {
        return pipes;
    }

    public BooleanProperty completedProperty() {
        return completed;
    }

    public BooleanProperty failedProperty() {
        return failed;
    }

    public BooleanProperty unfinishedProperty() {
        return unfinished;
    }

    public ObjectProperty<TimeRange> timeRangeProperty() {
        return timeRange;
    }

    /** Every pipe, outcome and time again. */
    public void clear() {
        pipe.set(null);
        completed.set(true);
        failed.set(true);
        unfinished.set(true);
        timeRange.set(TimeRange.ALL);
    }

    void setMessages(Consumer<String> messages) {
        this.messages = messages;
    }

    /** The volume's pipes now. */
    void setPipes(List<String> known) {
        if (!pipes.equals(known)) {
            pipes.setAll(known);
        }
    }

    /** The pipes asked for: none is every pipe. */
    Set<String> pipesAsked() {
        return pipe.get() == null ? Set.of() : Set.of(pipe.get());
    }

    /** The outcomes asked for: all three is no filter (a run of an outcome not yet known stays in), so none. */
    Set<RunOutcome> outcomesAsked() {
        Set<RunOutcome> outcomes = EnumSet.noneOf(RunOutcome.class);
        if (completed.get()) {
            outcomes.add(RunOutcome.COMPLETED);
        }
        if (failed.get()) {
            outcomes.add(RunOutcome.FAILED);
        }
        if (unfinished.get()) {
            outcomes.add(RunOutcome.UNFINISHED);
        }
        return outcomes.size() == RunOutcome.values().length ? Set.of() : outcomes;
    }

    /** One outcome at least stays shown: turning the last one off turns it back on. */
    private void outcomeChanged(BooleanProperty which, boolean now, Runnable changed) {
        if (!now && !completed.get() && !failed.get() && !unfinished.get()) {
            which.set(true);
            messages.accept("At least one outcome is shown");
            return;
        }
        changed.run();
    }
}
