package dev.omne.inspector.ui.events;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.ui.common.LatestResult;
import dev.omne.inspector.ui.common.RowLines;
import dev.omne.inspector.ui.common.TaskExecutor;

import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Finds the row of a line the Inject dialog appended, once live follow brings it, and selects it. Rows are never
 * inserted by hand: the new rows are read back in the background and compared with the line written. The table's
 * ViewModel tells it when rows change; the window asks it to wait for a line. Used on the UI thread.
 */
public final class AppendedLineWatch {
    private final Supplier<IndexSnapshot> snapshot;
    private final Supplier<String> shownRun;
    private final IntConsumer found;
    private final LatestResult scans;
    private String run;
    private String line;
    private int fromRow;
    private boolean scanning;

    /**
     * @param snapshot the index of the run shown
     * @param shownRun the id of the run shown
     * @param found    receives the row of the line
     */
    AppendedLineWatch(TaskExecutor tasks, Supplier<IndexSnapshot> snapshot, Supplier<String> shownRun,
                      IntConsumer found) {
        this.snapshot = snapshot;
        this.shownRun = shownRun;
        this.found = found;
        this.scans = new LatestResult(tasks);
    }

    /**
     * Selects the row of {@code line} once live follow brings it: the Inject dialog appended it to the run
     * {@code run}, which had {@code fromRow} rows before.
     */
    public void await(String run, String line, int fromRow) {
        this.run = run;
        this.line = line;
        this.fromRow = Math.max(0, fromRow);
        scan();
    }

    /** Another run is shown: a line awaited in some other run is not looked for any more. */
    void showing(String runId) {
        if (run != null && !run.equals(runId)) {
            line = null;
        }
    }

    /** The index was rebuilt from the start: look again from its first row. */
    void fromStart() {
        fromRow = 0;
    }

    /** The rows read so far are gone: a scan of them is of no use. */
    void cancel() {
        scans.cancel();
        scanning = false;
    }

    /** Looks through the rows that arrived since the last look. */
    void scan() {
        IndexSnapshot s = snapshot.get();
        if (line == null || scanning || s == null || !run.equals(shownRun.get())) {
            return;
        }
        int from = Math.min(fromRow, s.size());
        int to = s.size();
        if (from >= to) {
            return;
        }
        int[] wanted = new int[to - from];
        for (int i = 0; i < wanted.length; i++) {
            wanted[i] = from + i;
        }
        String awaited = line;
        scanning = true;
        scans.submit(() -> RowLines.lines(s, wanted), lines -> {
            scanning = false;
            if (awaited.equals(line)) {
                for (int i = 0; i < lines.size(); i++) {
                    if (awaited.equals(lines.get(i))) {
                        line = null;
                        found.accept(wanted[i]);
                        return;
                    }
                }
                fromRow = to;
            }
            scan();
        }, e -> {
            scanning = false;
            line = null;
        });
    }
}
