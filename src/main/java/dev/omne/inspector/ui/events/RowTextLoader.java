package dev.omne.inspector.ui.events;

import dev.omne.inspector.core.Messages;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.ui.common.LatestResult;
import dev.omne.inspector.ui.common.TaskExecutor;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * The summaries of the rows on screen, read from the file in the background ({@link RowTexts}) a screenful at a
 * time, and kept in a small LRU: a cell asks for its row's summary and gets a value that changes from
 * {@link #PLACEHOLDER} to the text once its line has been read. The Summary cells ask it directly; the table's
 * ViewModel only resets it when other rows are shown. Used on the UI thread only.
 */
public final class RowTextLoader {
    /** Shown in a summary cell until its line has been read. */
    public static final String PLACEHOLDER = "…";
    static final int CACHE_ROWS = 4096;
    static final int LOAD_BATCH = 256;

    private final TaskExecutor tasks;
    private final Supplier<IndexSnapshot> snapshot;
    private final IntUnaryOperator rowAt;
    /** Reading row texts; rows of an index that was replaced are stale. */
    private final LatestResult reads;
    private final Map<Integer, RowText> cache = new LinkedHashMap<>(CACHE_ROWS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, RowText> eldest) {
            return size() > CACHE_ROWS;
        }
    };
    private final Map<Integer, SimpleStringProperty> pending = new HashMap<>();
    private final LinkedHashSet<Integer> queue = new LinkedHashSet<>();
    private boolean loadScheduled;
    private boolean loading;

    /**
     * @param snapshot the index of the rows shown now, read when a screenful is loaded
     * @param rowAt    the run's row at a table position, or -1 where the table shows none
     */
    RowTextLoader(TaskExecutor tasks, Supplier<IndexSnapshot> snapshot, IntUnaryOperator rowAt) {
        this.tasks = tasks;
        this.snapshot = snapshot;
        this.rowAt = rowAt;
        this.reads = new LatestResult(tasks);
    }

    /**
     * The one-line summary of the row at a table position: at once when known (a malformed line's is its
     * problem), else a placeholder that changes to the text when the line has been read (cells listen to the
     * value they are given, so they refresh themselves). A position the table does not show gives empty text.
     */
    public ObservableValue<String> summary(int position) {
        int row = rowAt.applyAsInt(position);
        if (row < 0) {
            return new ReadOnlyStringWrapper("");
        }
        IndexSnapshot s = snapshot.get();
        if (s.isError(row)) {
            return new ReadOnlyStringWrapper(RowTexts.malformedSummary(s.diagnostic(row)));
        }
        RowText text = cache.get(row);
        if (text != null) {
            return new ReadOnlyStringWrapper(text.summary());
        }
        SimpleStringProperty value = pending.get(row);
        if (value == null) {
            value = new SimpleStringProperty(PLACEHOLDER);
            pending.put(row, value);
            queue.add(row);
            scheduleLoad();
        }
        return value;
    }

    /** The cached summary of a run's row, or null (for tests). */
    public String cached(int row) {
        RowText text = cache.get(row);
        return text == null ? null : text.summary();
    }

    /** Rows whose text is being read or waits to be (for tests). */
    public int pendingCount() {
        return pending.size();
    }

    /** Other rows are shown now (another run, a rebuilt index): what was read or asked for is of no use. */
    void reset() {
        reads.cancel();
        loading = false;
        cache.clear();
        pending.clear();
        queue.clear();
    }

    private void scheduleLoad() {
        if (!loadScheduled && !loading) {
            loadScheduled = true;
            // After this layout pass: every cell of the screenful has asked by then, so one read serves all.
            tasks.runOnUiThread(this::load);
        }
    }

    private void load() {
        loadScheduled = false;
        IndexSnapshot s = snapshot.get();
        if (loading || queue.isEmpty() || s == null) {
            return;
        }
        // The most recent requests are what is on screen; older ones scrolled past: forget them.
        List<Integer> wanted = new ArrayList<>(queue);
        queue.clear();
        if (wanted.size() > LOAD_BATCH) {
            for (Integer stale : wanted.subList(0, wanted.size() - LOAD_BATCH)) {
                pending.remove(stale);
            }
            wanted = wanted.subList(wanted.size() - LOAD_BATCH, wanted.size());
        }
        int[] batch = wanted.stream().mapToInt(Integer::intValue).toArray();
        loading = true;
        reads.submit(() -> RowTexts.texts(s, batch), texts -> {
            loading = false;
            for (Map.Entry<Integer, RowText> e : texts.entrySet()) {
                cache.put(e.getKey(), e.getValue());
                SimpleStringProperty value = pending.remove(e.getKey());
                if (value != null) {
                    value.set(e.getValue().summary());
                }
            }
            scheduleLoad();
        }, e -> {
            loading = false;
            for (int row : batch) {
                SimpleStringProperty value = pending.remove(row);
                if (value != null) {
                    value.set("(cannot read: " + Messages.describe(e) + ")");
                }
            }
            scheduleLoad();
        });
    }
}
