package dev.omne.inspector.ui.history;

import dev.omne.inspector.core.history.NodeStatistics;
import dev.omne.inspector.core.history.NodeStats;
import dev.omne.inspector.core.volume.RunIds;
import dev.omne.inspector.ui.common.Formats;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Each node across the runs the history shows: runs, failures and their share, p50/p95/max time, the trend and the
 * last failure; sorted flakiest first (or slowest first, or in pipeline order).
 */
public final class NodeStatisticsViewModel {
    /** The most recent runs a sparkline draws. */
    public static final int TREND_POINTS = 30;

    private final ZoneId zone;
    private final ObservableList<NodeStats> rows = FXCollections.observableArrayList();
    private final ObjectProperty<NodeStatistics.Order> order = new SimpleObjectProperty<>(this, "order",
            NodeStatistics.Order.FLAKIEST);
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "No runs to count");
    private List<NodeStats> pipelineOrder = List.of();
    private HistoryGridViewModel.NodeOpener opener = (run, node, line) -> { };

    public NodeStatisticsViewModel(ZoneId zone) {
        this.zone = zone;
        order.addListener((obs, old, now) -> {
            if (now == null) {
                order.set(NodeStatistics.Order.FLAKIEST);
            } else {
                update(NodeStatistics.sorted(pipelineOrder, now));
            }
        });
    }

    /** The nodes, in {@link #orderProperty()}'s order. */
    public ObservableList<NodeStats> rows() {
        return rows;
    }

    public ObjectProperty<NodeStatistics.Order> orderProperty() {
        return order;
    }

    /** What the table says when it has no rows. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    void show(List<NodeStats> stats, int runs) {
        pipelineOrder = stats;
        update(NodeStatistics.sorted(stats, order.get()));
        emptyText.set(runs == 0 ? "No runs to count" : "These runs have no nodes");
    }

    /** Replaces only the rows that changed: a live run changes a few nodes, and the table redraws only theirs. */
    private void update(List<NodeStats> next) {
        if (next.size() != rows.size()) {
            rows.setAll(next);
            return;
        }
        for (int i = 0; i < next.size(); i++) {
            if (!next.get(i).node().equals(rows.get(i).node())) {
                rows.setAll(next);
                return;
            }
        }
        for (int i = 0; i < next.size(); i++) {
            if (!next.get(i).equals(rows.get(i))) {
                rows.set(i, next.get(i));
            }
        }
    }

    public void setNodeOpener(HistoryGridViewModel.NodeOpener opener) {
        this.opener = opener;
    }

    // Texts

    /** {@code pipe / node}. */
    public String nodeText(NodeStats s) {
        return s.node().pipe() + " / " + s.node().nodeId();
    }

    public String nodeTooltip(NodeStats s) {
        StringBuilder tip = new StringBuilder(s.node().nodeId());
        if (s.name() != null) {
            tip.append(": ").append(s.name());
        }
        if (s.kind() != null) {
            tip.append(" (").append(s.kind()).append(")");
        }
        tip.append("\n").append(s.executions()).append(s.executions() == 1 ? " execution" : " executions")
                .append(" in ").append(s.runs()).append(s.runs() == 1 ? " run" : " runs");
        if (s.failedExecutions() > 0) {
            tip.append(", ").append(s.failedExecutions()).append(" failed");
        }
        if (s.timedRuns() < s.runs()) {
            int untimed = s.runs() - s.timedRuns();
            tip.append("\n").append(untimed).append(untimed == 1 ? " run" : " runs")
                    .append(" without a final time (still running or cut short) left out of the times");
        }
        return tip.toString();
    }

    /** The failure rate: {@code 17%}, {@code 8.3%}, {@code 0%}. */
    public String rateText(NodeStats s) {
        if (s.failures() == 0) {
            return "0%";
        }
        double rate = s.failureRate() * 100;
        return rate < 10 && rate != Math.floor(rate) ? String.format(Locale.ROOT, "%.1f%%", rate)
                : String.format(Locale.ROOT, "%.0f%%", rate);
    }

    public String timeText(long micros) {
        return micros < 0 ? "" : Formats.compactDuration(micros / 1000);
    }

    /** The last failure: {@code gate_failed: 2 of 318 tests failed}. */
    public String lastFailureText(NodeStats s) {
        NodeStats.LastFailure f = s.lastFailure();
        if (f == null) {
            return "";
        }
        String kind = f.errorKind() == null ? "failed" : f.errorKind();
        return f.errorMessage() == null ? kind : kind + ": " + f.errorMessage();
    }

    public String lastFailureTooltip(NodeStats s) {
        NodeStats.LastFailure f = s.lastFailure();
        if (f == null) {
            return null;
        }
        return lastFailureText(s) + "\nRun " + f.runId() + " (" + RunIds.shortId(f.runId()) + "), "
                + Formats.exact(f.atMicros(), zone) + ", line " + f.line()
                + "\nDouble-click to open the run at this failure";
    }

    /** The trend's last {@link #TREND_POINTS} runs, oldest first. */
    public List<NodeStats.TrendPoint> trend(NodeStats s) {
        List<NodeStats.TrendPoint> all = s.trend();
        return all.subList(Math.max(0, all.size() - TREND_POINTS), all.size());
    }

    public String trendTooltip(NodeStats s) {
        List<NodeStats.TrendPoint> points = trend(s);
        long failed = points.stream().filter(p -> p.outcome() == dev.omne.inspector.core.history.ExecutionOutcome.FAILED)
                .count();
        return "Time in " + s.node().nodeId() + " over the last " + points.size()
                + (points.size() == 1 ? " run" : " runs") + ", oldest left"
                + (failed > 0 ? "; red: the " + failed + " where it ended failed" : "")
                + "\nMedian " + timeText(s.p50Micros()) + ", p95 " + timeText(s.p95Micros())
                + ", longest " + timeText(s.maxMicros());
    }

    // Commands

    /** Opens the run of the node's last failure at the failing event. */
    public boolean openLastFailure(NodeStats s) {
        if (s == null || s.lastFailure() == null) {
            return false;
        }
        opener.open(s.lastFailure().runId(), s.node().nodeId(), s.lastFailure().line());
        return true;
    }
}
