package dev.omne.inspector.ui.runs;

import dev.omne.inspector.tail.TailNotice;
import dev.omne.inspector.ui.session.RunChange;
import dev.omne.inspector.ui.session.SessionBatch;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/** The runs of the open volume, newest first, filtered by a search; the selected run. */
public final class RunListViewModel {
    private final Clock clock;
    private final ObservableList<RunItem> runs = FXCollections.observableArrayList(
            item -> new Observable[] {item.revisionProperty()});
    private final Map<String, RunItem> byId = new HashMap<>();
    private final FilteredList<RunItem> filtered = new FilteredList<>(runs);
    private final SortedList<RunItem> sorted = new SortedList<>(filtered,
            Comparator.comparingLong(RunItem::sortKeyMillis).reversed().thenComparing(RunItem::runId,
                    Comparator.reverseOrder()));
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyObjectWrapper<RunItem> selected = new ReadOnlyObjectWrapper<>(this, "selected");

    public RunListViewModel(Clock clock) {
        this.clock = clock;
        search.addListener((obs, old, query) -> filtered.setPredicate(item -> item.matches(query)));
    }

    // Properties

    /** The runs shown: filtered by the search, newest first. */
    public ObservableList<RunItem> visibleRuns() {
        return sorted;
    }

    public int runCount() {
        return runs.size();
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyObjectProperty<RunItem> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public RunItem selected() {
        return selected.get();
    }

    public long nowMillis() {
        return clock.millis();
    }

    // Commands

    public void select(RunItem run) {
        selected.set(run);
    }

    /** Selects a run by id; returns false when there is no such run. */
    public boolean select(String runId) {
        RunItem run = byId.get(runId);
        if (run != null) {
            selected.set(run);
        }
        return run != null;
    }

    /** Selects the newest run shown, when none is selected. */
    public void selectNewestIfNone() {
        if (selected.get() == null && !sorted.isEmpty()) {
            selected.set(sorted.getFirst());
        }
    }

    public RunItem find(String runId) {
        return byId.get(runId);
    }

    /** Applies a batch: runs appear, change and disappear. */
    public void apply(SessionBatch batch) {
        long now = clock.millis();
        for (String id : batch.runsRemoved()) {
            RunItem gone = byId.remove(id);
            if (gone != null) {
                runs.remove(gone);
                if (selected.get() == gone) {
                    selected.set(null);
                }
            }
        }
        for (String id : batch.runsAdded()) {
            if (!byId.containsKey(id)) {
                RunItem item = new RunItem(id);
                byId.put(id, item);
                runs.add(item);
            }
        }
        for (RunChange change : batch.runs()) {
            RunItem item = byId.get(change.runId());
            if (item == null) {
                item = new RunItem(change.runId());
                byId.put(change.runId(), item);
                runs.add(item);
            }
            item.update(change, now);
        }
        batch.linkedOutside().forEach((id, target) -> {
            RunItem item = byId.get(id);
            if (item != null) {
                item.linkedOutside(target.toString());
            }
        });
        for (TailNotice notice : batch.tailNotices()) {
            RunItem item = notice.runId() == null ? null : byId.get(notice.runId());
            if (item != null) {
                item.notice(notice);
            }
        }
    }

    /** Time passed: statuses ("running" turns "unknown" when a log goes quiet) and relative times change. */
    public void tick() {
        long now = clock.millis();
        for (RunItem run : runs) {
            run.tick(now);
        }
    }

    public void clear() {
        selected.set(null);
        runs.clear();
        byId.clear();
    }
}
