package dev.omne.inspector.ui.history;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.history.HistoryLoader;
import dev.omne.inspector.core.history.RunSummary;
import dev.omne.inspector.core.history.HistorySnapshot;
import dev.omne.inspector.core.history.SummarySource;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.ui.common.Formats;
import dev.omne.inspector.ui.common.TaskExecutor;
import dev.omne.inspector.ui.runs.RunStatus;
import dev.omne.inspector.ui.session.SessionBatch;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The history of the open volume: its runs by node ({@link HistoryGridViewModel}), each node across them
 * ({@link NodeStatisticsViewModel}) and two of them compared ({@link RunComparisonViewModel}), filtered by pipe,
 * outcome and time range; kept live by the session's batches and, the first time it is shown, filled in by a cold
 * read of the logs (newest first, with progress).
 */
public final class HistoryViewModel {
    /** The lower part of the history: the node statistics or the two runs compared. */
    public enum Lower { STATISTICS, COMPARISON }

    private final TaskExecutor tasks;
    private final Clock clock;
    private final int loaderThreads;
    private final HistoryGridViewModel grid;
    private final NodeStatisticsViewModel statistics;
    private final RunComparisonViewModel comparison;

    private final HistoryFilterViewModel filter = new HistoryFilterViewModel(this::request);
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");
    private final ReadOnlyObjectWrapper<HistoryPage> page = new ReadOnlyObjectWrapper<>(this, "page", HistoryPage.EMPTY);
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 1);
    private final ReadOnlyStringWrapper problemText = new ReadOnlyStringWrapper(this, "problemText", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "No volume is open");
    private final ReadOnlyObjectWrapper<Lower> lower = new ReadOnlyObjectWrapper<>(this, "lower", Lower.STATISTICS);

    private HistoryFeed feed;
    private HistoryFeed.Progress loadProgress = HistoryFeed.Progress.NONE;
    private long loadStartedNanos;
    private String compareA;
    private String compareB;
    private HistoryGridViewModel.NodeOpener opener = (run, node, line) -> { };
    /** Summaries kept from an earlier start, per volume; none yet (every log not followed is read). */
    private Function<Volume, SummarySource> stored = volume -> log -> null;
    private java.util.function.Consumer<String> messages = text -> { };

    /**
     * @param statusOf the runs list's status of a run, or null when it does not know the run
     */
    public HistoryViewModel(TaskExecutor tasks, Clock clock, ZoneId zone, Function<String, RunStatus> statusOf) {
        this(tasks, clock, zone, statusOf, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    HistoryViewModel(TaskExecutor tasks, Clock clock, ZoneId zone, Function<String, RunStatus> statusOf,
                     int loaderThreads) {
        this.tasks = tasks;
        this.clock = clock;
        this.loaderThreads = loaderThreads;
        this.grid = new HistoryGridViewModel(zone, statusOf);
        this.statistics = new NodeStatisticsViewModel(zone);
        this.comparison = new RunComparisonViewModel(zone);
        HistoryGridViewModel.NodeOpener open = (run, node, line) -> opener.open(run, node, line);
        grid.setNodeOpener(open);
        statistics.setNodeOpener(open);
        comparison.setNodeOpener(open);
        grid.setOnCompare(this::compareChosen);
        comparison.setOnSwap(() -> showPair(compareB, compareA));
        shown.addListener((obs, old, now) -> {
            if (feed != null) {
                feed.setActive(now);
            }
        });
    }

    // Properties

    public HistoryGridViewModel grid() {
        return grid;
    }

    public NodeStatisticsViewModel statistics() {
        return statistics;
    }

    public RunComparisonViewModel comparison() {
        return comparison;
    }

    /** Which runs are shown: pipe, outcomes, time range. */
    public HistoryFilterViewModel filter() {
        return filter;
    }

    /** Whether the history is on screen (the window's view switch sets it); it is kept up to date only then. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    public ReadOnlyObjectProperty<HistoryPage> pageProperty() {
        return page.getReadOnlyProperty();
    }

    /** {@code 12 of 40 runs · 9 nodes}. */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** While the logs are read: {@code Reading runs: 120 of 2,000}; else empty. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** 0 to 1 while the logs are read, -1 while they are being listed, 1 when done. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Logs that could not be read, or why the history could not be read; else empty. */
    public ReadOnlyStringProperty problemTextProperty() {
        return problemText.getReadOnlyProperty();
    }

    /** What the grid says when it has no rows. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Lower> lowerProperty() {
        return lower.getReadOnlyProperty();
    }

    // Commands

    /** Where "open the run at this node" goes: the window's single-run view. */
    public void setNodeOpener(HistoryGridViewModel.NodeOpener opener) {
        this.opener = opener;
    }

    /**
     * Where summaries kept from an earlier start come from, for the volumes opened from now on: asked for each run
     * the session has not followed yet, before its log is read; null for a run it has none of (or none up to date).
     */
    public void useStoredSummaries(Function<Volume, SummarySource> store) {
        this.stored = store;
    }

    /** Where short messages go (the status bar). */
    public void setMessages(java.util.function.Consumer<String> messages) {
        this.messages = messages;
        filter.setMessages(messages);
    }

    /** A volume was opened: its history starts empty and fills from its session (and a cold read once shown). */
    public void open(Volume volume) {
        close();
        feed = new HistoryFeed(tasks, volume, () -> Timestamps.micros(clock.instant()), loaderThreads, stored.apply(volume), feedListener());
        emptyText.set("Reading runs…");
        feed.setRequest(requestNow());
        if (shown.get()) {
            feed.setActive(true);
        }
    }

    private HistoryFeed.Listener feedListener() {
        return new HistoryFeed.Listener() {
            @Override
            public void page(HistoryPage next) {
                showPage(next);
            }

            @Override
            public void progress(HistoryFeed.Progress p) {
                showProgress(p);
            }

            @Override
            public void failed(String message) {
                problemText.set(message);
                messages.accept(message);
            }
        };
    }

    /** A batch of the session's changes. */
    public void apply(SessionBatch batch) {
        if (feed != null) {
            feed.apply(batch);
        }
    }

    /** The volume was closed: nothing of it stays. */
    public void close() {
        if (feed != null) {
            feed.close();
            feed = null;
        }
        compareA = null;
        compareB = null;
        loadProgress = HistoryFeed.Progress.NONE;
        showPage(HistoryPage.EMPTY);
        progressText.set("");
        progress.set(1);
        problemText.set("");
        emptyText.set("No volume is open");
    }

    /** Compares two runs (the older as A) and shows the comparison. */
    public void compare(String a, String b) {
        if (a == null || b == null || a.equals(b)) {
            return;
        }
        HistorySnapshot known = page.get().history();
        RunSummary ra = known.run(a);
        RunSummary rb = known.run(b);
        boolean swap = ra != null && rb != null && HistorySnapshot.NEWEST_FIRST.compare(ra, rb) < 0;
        showPair(swap ? b : a, swap ? a : b);
    }

    private void showPair(String a, String b) {
        lower.set(Lower.COMPARISON);
        if (a.equals(compareA) && b.equals(compareB)) {
            return; // already shown
        }
        compareA = a;
        compareB = b;
        comparison.show(null, true);
        request();
    }

    /** Compares the two runs chosen in the grid. */
    public void compareChosen() {
        List<String> chosen = grid.selectedRuns();
        if (chosen.size() == 2) {
            compare(chosen.get(0), chosen.get(1));
        } else {
            messages.accept("Choose two runs to compare (Shift+click a second row)");
        }
    }

    public void showStatistics() {
        lower.set(Lower.STATISTICS);
    }

    public void showComparison() {
        lower.set(Lower.COMPARISON);
    }

    /** Time passed: statuses of unfinished runs may have changed, and a time range moves with now. */
    public void tick() {
        grid.refresh();
        if (filter.timeRangeProperty().get() != TimeRange.ALL && feed != null) {
            feed.setRequest(requestNow());
        }
    }

    // Applying results

    private void request() {
        if (feed != null) {
            feed.setRequest(requestNow());
        }
    }

    private HistoryFeed.Request requestNow() {
        return new HistoryFeed.Request(filter.pipesAsked(), filter.outcomesAsked(), filter.timeRangeProperty().get(),
                compareA, compareB);
    }

    private void showPage(HistoryPage next) {
        page.set(next);
        filter.setPipes(next.history().pipes());
        grid.show(next.grid());
        statistics.show(next.stats(), next.runs().size());
        comparison.show(next.comparison(), compareA != null);
        int total = next.history().runs().size();
        int shownRuns = next.runs().size();
        boolean filtered = !next.filter().equals(dev.omne.inspector.core.history.HistoryFilter.ALL);
        countText.set(total == 0 ? "" : (filtered ? Formats.count(shownRuns) + " of " : "") + Formats.count(total)
                + (total == 1 ? " run" : " runs") + "  ·  " + next.grid().columns().size()
                + (next.grid().columns().size() == 1 ? " node" : " nodes"));
        updateEmptyText();
        List<HistoryLoader.Unreadable> bad = next.unreadable();
        if (!bad.isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (HistoryLoader.Unreadable u : bad) {
                lines.add(u.file() + ": " + u.message());
            }
            problemText.set(bad.size() + (bad.size() == 1 ? " log" : " logs") + " could not be read:\n"
                    + String.join("\n", lines));
        }
    }

    private void showProgress(HistoryFeed.Progress p) {
        boolean wasReading = !loadProgress.over();
        if (!p.over() && loadProgress.over()) {
            loadStartedNanos = System.nanoTime();
        }
        loadProgress = p;
        if (p.over()) {
            progressText.set("");
            progress.set(1);
            if (wasReading && p.total() > 0) {
                messages.accept("History read: " + Formats.count(p.total()) + (p.total() == 1 ? " run" : " runs")
                        + " in " + Formats.duration((System.nanoTime() - loadStartedNanos) / 1_000_000));
            }
        } else if (p.total() == 0) {
            progressText.set("Listing runs…");
            progress.set(-1);
        } else {
            progressText.set("Reading runs: " + Formats.count(p.done()) + " of " + Formats.count(p.total()));
            progress.set((double) p.done() / p.total());
        }
        updateEmptyText();
    }

    private void updateEmptyText() {
        HistoryPage p = page.get();
        if (feed == null) {
            emptyText.set("No volume is open");
        } else if (!p.history().runs().isEmpty()) {
            emptyText.set("No run matches the filter");
        } else if (loadProgress == HistoryFeed.Progress.NONE || !loadProgress.over()) {
            emptyText.set("Reading runs…");
        } else {
            emptyText.set("No runs yet: runs appear here as soon as omne starts them");
        }
    }
}
