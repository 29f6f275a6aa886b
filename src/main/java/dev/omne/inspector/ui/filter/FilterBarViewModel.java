package dev.omne.inspector.ui.filter;

import dev.omne.inspector.core.filter.EventFilter;
import dev.omne.inspector.core.filter.FilterSyntaxException;
import dev.omne.inspector.core.filter.FilterTerm;
import dev.omne.inspector.core.filter.RowFilter;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.ui.filter.FilterComputation;
import dev.omne.inspector.ui.filter.FilterResult;
import dev.omne.inspector.ui.filter.FilterText;
import dev.omne.inspector.ui.common.Formats;
import dev.omne.inspector.ui.common.LatestResult;
import dev.omne.inspector.core.Messages;
import dev.omne.inspector.ui.common.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The filter field and what hangs off it: type facets with counts, "failures only", the time range. All of
 * them are terms of the one filter text. Each edit starts a filter of the shown run in the background and
 * cancels the one at work: a cancelled filter stops at its next check of its task and its results are never applied.
 * Results (also partial ones, for long text filters) go to the table and the timeline through {@link #resultProperty()}.
 */
public final class FilterBarViewModel {
    /** A type facet: an event type, how many rows it has under the rest of the filter, whether it is chosen. */
    public record Facet(String type, int count, boolean chosen) {
        /** The count while the filter that decides it is still at work. */
        public static final int COUNTING = -1;

        public boolean counted() {
            return count != COUNTING;
        }
    }

    private final TaskExecutor tasks;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyBooleanWrapper failuresOnly = new ReadOnlyBooleanWrapper(this, "failuresOnly");
    private final ReadOnlyBooleanWrapper timeRange = new ReadOnlyBooleanWrapper(this, "timeRange");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyObjectWrapper<FilterResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObservableList<Facet> facets = FXCollections.observableArrayList();

    /** The filter at work: a new filter or run cancels it, and its results are never applied after that. */
    private final LatestResult work;
    private IndexSnapshot snapshot;
    private EventFilter filter = EventFilter.ALL;
    private String filterText = "";
    /** The last complete result of the current filter, which appended rows continue. */
    private FilterResult settled;
    private boolean running;
    private IndexSnapshot waiting;
    /** The filter text (without its type terms) the facets' counts are of; null when they are of none yet. */
    private String countedFor;

    public FilterBarViewModel(TaskExecutor tasks) {
        this.tasks = tasks;
        this.work = new LatestResult(tasks);
        text.addListener((obs, old, now) -> textChanged(now));
    }

    // Properties

    /** The filter text, as typed (two-way bound to the field). */
    public StringProperty textProperty() {
        return text;
    }

    /** Why the text is not a filter (shown under the field), or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** A filter is working through the run. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Some filter is in force (rows may be hidden). */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public boolean isActive() {
        return active.get();
    }

    public ReadOnlyBooleanProperty failuresOnlyProperty() {
        return failuresOnly.getReadOnlyProperty();
    }

    /** The filter has a time range. */
    public ReadOnlyBooleanProperty timeRangeProperty() {
        return timeRange.getReadOnlyProperty();
    }

    /** "312 of 1,000,000 rows", or empty without a filter. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The rows the filter leaves of the shown run; null before a run is shown. */
    public ReadOnlyObjectProperty<FilterResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public FilterResult result() {
        return result.get();
    }

    /** Type facets, in the order of their names. */
    public ObservableList<Facet> facets() {
        return facets;
    }

    // Edits

    /** Esc: no filter. */
    public void clear() {
        text.set("");
    }

    public void toggleFailuresOnly() {
        text.set(FilterText.toggle(text.get(), FilterText.FAILURES));
    }

    /** A facet clicked: its type is added to the filter's types, or taken out. */
    public void toggleType(String type) {
        text.set(FilterText.toggle(text.get(), FilterTerm.of(FilterTerm.Key.TYPE, type)));
    }

    /** A range dragged on the timeline: [from, to) in epoch microseconds. */
    public void setTimeRange(long fromMicros, long toMicros) {
        text.set(FilterText.withRange(text.get(), Math.min(fromMicros, toMicros), Math.max(fromMicros, toMicros)));
    }

    public void clearTimeRange() {
        text.set(FilterText.withoutRange(text.get()));
    }

    private void textChanged(String now) {
        String source = now == null ? "" : now;
        EventFilter parsed;
        try {
            parsed = EventFilter.parse(source);
        } catch (FilterSyntaxException e) {
            // The last good filter stays in force, and at work, until the text is one again: stopping it would
            // leave its count (and its rows) of an older state of the run, or a partial one, on screen.
            error.set(e.getMessage());
            return;
        }
        error.set(null);
        filter = parsed;
        filterText = source.strip();
        active.set(!parsed.isAll());
        failuresOnly.set(FilterText.has(source, FilterText.FAILURES));
        timeRange.set(parsed.afterMicros() != dev.omne.inspector.core.event.Timestamps.NONE
                || parsed.beforeMicros() != dev.omne.inspector.core.event.Timestamps.NONE);
        facetsPending();
        restart();
    }

    // The shown run

    /** Another run is shown (or its index was rebuilt from the start): filter it from its first row. */
    public void show(IndexSnapshot rows) {
        snapshot = rows;
        // The counts were of another run (or none): they are unknown until this run is filtered.
        countedFor = null;
        facetsPending();
        restart();
    }

    /** The shown run grew: filter the appended rows only, once the filter at work has finished. */
    public void grow(IndexSnapshot rows) {
        if (rows == null) {
            return;
        }
        if (snapshot == null || !rows.file().equals(snapshot.file())) {
            show(rows);
            return;
        }
        snapshot = rows;
        if (running) {
            waiting = rows;
            return;
        }
        if (settled != null && rows.size() > settled.upTo()) {
            submit(rows, settled);
        }
    }

    private void restart() {
        work.cancel();
        settled = null;
        waiting = null;
        if (snapshot == null) {
            result.set(null);
            facets.clear();
            summary.set("");
            busy.set(false);
            running = false;
            return;
        }
        submit(snapshot, null);
    }

    private void submit(IndexSnapshot s, FilterResult previous) {
        EventFilter f = filter;
        String t = filterText;
        running = true;
        busy.set(previous == null && f.needsText());
        work.submit(cancelled -> FilterComputation.run(s, t, f, previous, cancelled, part -> tasks.runOnUiThread(() -> {
            if (!cancelled.getAsBoolean()) {
                apply(part);
            }
        })), done -> {
            running = false;
            busy.set(false);
            settled = done;
            apply(done);
            IndexSnapshot next = waiting;
            waiting = null;
            if (next != null && next.size() > done.upTo()) {
                submit(next, done);
            }
        }, e -> {
            running = false;
            busy.set(false);
            if (!(e instanceof RowFilter.Cancelled)) {
                error.set("Cannot filter: " + Messages.describe(e));
            }
        });
    }

    private void apply(FilterResult r) {
        result.set(r);
        updateFacets(r);
        if (r.isAll()) {
            summary.set("");
        } else {
            int total = r.snapshot().size();
            summary.set(r.complete()
                    ? Formats.count(r.size()) + " of " + Formats.count(total) + (total == 1 ? " row" : " rows")
                    : Formats.count(r.size()) + " so far · " + (int) (100L * r.upTo() / Math.max(1, total)) + "% read");
        }
    }

    /**
     * A new filter is at work: the chips say at once which types it chooses, and a count that the new filter
     * changes is shown as being counted (never the previous filter's number) until its result is complete.
     */
    private void facetsPending() {
        List<String> chosen = FilterText.types(filterText);
        boolean countsHold = FilterText.withoutTypes(filterText).equals(countedFor);
        List<Facet> next = new ArrayList<>();
        for (Facet f : facets) {
            next.add(new Facet(f.type(), countsHold ? f.count() : Facet.COUNTING, chosen.contains(f.type())));
        }
        for (String type : chosen) {
            if (next.stream().noneMatch(f -> f.type().equals(type))) {
                next.add(new Facet(type, countsHold ? 0 : Facet.COUNTING, true));
            }
        }
        setFacets(next);
    }

    private void updateFacets(FilterResult r) {
        if (!r.complete()) {
            return;
        }
        countedFor = FilterText.withoutTypes(r.text());
        List<String> chosen = FilterText.types(r.text());
        List<String> names = r.snapshot().types();
        List<Facet> next = new ArrayList<>();
        for (int id = 0; id < names.size(); id++) {
            int count = r.countOfType(id);
            boolean isChosen = chosen.contains(names.get(id));
            if (count > 0 || isChosen) {
                next.add(new Facet(names.get(id), count, isChosen));
            }
        }
        setFacets(next);
    }

    /** In the order of their names, which no count changes: a chip stays where it was between two clicks. */
    private void setFacets(List<Facet> next) {
        next.sort(Comparator.comparing(Facet::type));
        if (!next.equals(facets)) {
            facets.setAll(next);
        }
    }
}
