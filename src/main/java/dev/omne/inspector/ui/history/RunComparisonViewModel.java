package dev.omne.inspector.ui.history;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.history.ExecutionOutcome;
import dev.omne.inspector.core.history.NodeExecution;
import dev.omne.inspector.core.history.NodeRun;
import dev.omne.inspector.core.history.RunComparison;
import dev.omne.inspector.core.history.RunSummary;
import dev.omne.inspector.core.volume.RunIds;
import dev.omne.inspector.ui.common.Formats;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Two runs side by side, node by node: their times, the difference, outcomes and error kinds, where they first
 * diverge, and both on one time axis from their starts. A filter of words (node id, name or kind) and "differences
 * only" apply to both runs alike.
 */
public final class RunComparisonViewModel {
    static final String NONE_CHOSEN = "Choose two runs to compare: click a run in the grid and Shift+click a second"
            + " (or select two in the runs list), then " + dev.omne.inspector.ui.common.Action.COMPARE_RUNS
            .hint("Compare Runs");

    private static final java.time.format.DateTimeFormatter START = java.time.format.DateTimeFormatter
            .ofPattern("MM-dd HH:mm", java.util.Locale.ROOT);

    private final ZoneId zone;
    private final ReadOnlyObjectWrapper<RunComparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ObservableList<RunComparison.Row> rows = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final BooleanProperty differencesOnly = new SimpleBooleanProperty(this, "differencesOnly");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", NONE_CHOSEN);
    private HistoryGridViewModel.NodeOpener opener = (run, node, line) -> { };
    private Runnable onSwap = () -> { };

    public RunComparisonViewModel(ZoneId zone) {
        this.zone = zone;
        filter.addListener((obs, old, now) -> refilter());
        differencesOnly.addListener((obs, old, now) -> refilter());
    }

    // Properties

    public ReadOnlyObjectProperty<RunComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public RunComparison comparison() {
        return comparison.get();
    }

    /** The nodes the filter keeps, in the merged order of both runs. */
    public ObservableList<RunComparison.Row> rows() {
        return rows;
    }

    /** Words that a node's id, name or kind must contain (all of them, ignoring case). */
    public StringProperty filterProperty() {
        return filter;
    }

    /** Only nodes that ended differently, or that only one run reached. */
    public BooleanProperty differencesOnlyProperty() {
        return differencesOnly;
    }

    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    void show(RunComparison next, boolean chosen) {
        RunComparison before = comparison.get();
        if (next != null && next.equals(before)) {
            return; // the same two runs as they were: nothing to redraw
        }
        comparison.set(next);
        emptyText.set(next != null ? "No node matches the filter"
                : chosen ? "One of the two runs is gone from the volume" : NONE_CHOSEN);
        if (next == null || before == null || !before.a().runId().equals(next.a().runId())
                || !before.b().runId().equals(next.b().runId()) || !before.nodes().equals(next.nodes())) {
            refilter();
        }
    }

    private void refilter() {
        RunComparison c = comparison.get();
        if (c == null) {
            rows.clear();
            return;
        }
        String[] words = filter.get() == null ? new String[0] : filter.get().strip().toLowerCase(Locale.ROOT).split("\\s+");
        List<RunComparison.Row> kept = new ArrayList<>();
        for (RunComparison.Row row : c.nodes()) {
            if (matches(row, words) && (!differencesOnly.get() || differs(row))) {
                kept.add(row);
            }
        }
        rows.setAll(kept);
    }

    private static boolean matches(RunComparison.Row row, String[] words) {
        String text = (row.nodeId() + " " + Objects.toString(row.name(), "") + " " + Objects.toString(row.kind(), ""))
                .toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (!word.isEmpty() && !text.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the two runs differ at this node: one did not reach it, or it ended differently. */
    public static boolean differs(RunComparison.Row row) {
        return row.a() == null || row.b() == null || !Objects.equals(row.a().outcome(), row.b().outcome());
    }

    // Texts

    /** A run's heading: {@code feature 1s15v8xb · failed · 8 min 22 s · 04-15 08:48} (its start). */
    public String runTitle(boolean a) {
        RunComparison c = comparison.get();
        if (c == null) {
            return "";
        }
        RunSummary run = a ? c.a() : c.b();
        StringBuilder text = new StringBuilder(run.pipe()).append(" ").append(RunIds.shortId(run.runId()))
                .append("  ·  ").append(run.outcome().label());
        if (run.durationMicros() >= 0) {
            text.append("  ·  ").append(Formats.duration(run.durationMicros() / 1000));
        }
        return text.append("  ·  ").append(START.format(Timestamps.ofMicros(run.sortMicros()).atZone(zone))).toString();
    }

    /** B's time against A's: {@code B took 1 min 20 s longer (+35%)}. */
    public String differenceText() {
        RunComparison c = comparison.get();
        if (c == null) {
            return "";
        }
        long d = c.differenceMicros();
        if (d == RunComparison.NO_DIFFERENCE) {
            return "";
        }
        if (d == 0) {
            return "Both took as long";
        }
        long base = c.a().durationMicros();
        String share = base > 0 ? String.format(Locale.ROOT, " (%+.0f%%)", 100.0 * d / base) : "";
        return "B took " + Formats.duration(Math.abs(d) / 1000) + (d > 0 ? " longer" : " less") + share;
    }

    /** Where the runs first diverge, as a sentence. */
    public String divergenceText() {
        RunComparison c = comparison.get();
        if (c == null) {
            return "";
        }
        return c.divergence() == null ? "They ran the same nodes in the same order to the same outcomes"
                : "First divergence at " + c.divergence().describe();
    }

    /** Whether a row is where the runs first diverge. */
    public boolean isDivergence(RunComparison.Row row) {
        RunComparison c = comparison.get();
        if (c == null || c.divergence() == null) {
            return false;
        }
        NodeRun at = c.divergence().nodeA() != null ? c.divergence().nodeA() : c.divergence().nodeB();
        return at != null && at.nodeId().equals(row.nodeId());
    }

    public String timeText(NodeRun node) {
        long micros = node == null ? -1 : node.durationMicros();
        return micros < 0 ? "" : Formats.compactDuration(micros / 1000);
    }

    /** B - A: {@code +12.0 s}, {@code -850 ms}. */
    public String differenceText(RunComparison.Row row) {
        long d = row.differenceMicros();
        if (d == RunComparison.NO_DIFFERENCE) {
            return "";
        }
        return d == 0 ? "0" : (d > 0 ? "+" : "−") + Formats.compactDuration(Math.abs(d) / 1000);
    }

    /**
     * How the node ended and, for a failure, its error kind: {@code completed}, {@code failed (crash)},
     * {@code completed ×3} (three executions), or {@code not reached}.
     */
    public String outcomeText(NodeRun node) {
        if (node == null) {
            return "not reached";
        }
        ExecutionOutcome outcome = node.outcome();
        String word = outcome == null ? "never started" : outcome.label();
        if (outcome == ExecutionOutcome.FAILED && !errorText(node).isEmpty()) {
            word += " (" + errorText(node) + ")";
        }
        return node.executions().size() > 1 ? word + " ×" + node.executions().size() : word;
    }

    /** The error kind of the node's last failure in the run, or empty. */
    public String errorText(NodeRun node) {
        NodeExecution failure = node == null ? null : node.lastFailure();
        return failure == null || failure.errorKind() == null ? "" : failure.errorKind();
    }

    public String errorTooltip(NodeRun node) {
        NodeExecution failure = node == null ? null : node.lastFailure();
        if (failure == null) {
            return null;
        }
        return Objects.toString(failure.errorKind(), "failed") + (failure.errorMessage() == null ? ""
                : ": " + failure.errorMessage()) + "\nline " + failure.endLine();
    }

    // Commands

    public void setNodeOpener(HistoryGridViewModel.NodeOpener opener) {
        this.opener = opener;
    }

    public void setOnSwap(Runnable onSwap) {
        this.onSwap = onSwap;
    }

    /** B becomes A and A becomes B. */
    public void swap() {
        if (comparison.get() != null) {
            onSwap.run();
        }
    }

    /** Opens run A ({@code a}) or B at the row's node. */
    public boolean open(RunComparison.Row row, boolean a) {
        RunComparison c = comparison.get();
        NodeRun node = row == null ? null : a ? row.a() : row.b();
        if (c == null || node == null) {
            return false;
        }
        opener.open((a ? c.a() : c.b()).runId(), node.nodeId(), node.firstLine());
        return true;
    }
}
