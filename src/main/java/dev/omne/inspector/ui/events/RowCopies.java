package dev.omne.inspector.ui.events;

import dev.omne.inspector.core.Messages;
import dev.omne.inspector.core.export.CopyText;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.ui.common.DocumentOpener;
import dev.omne.inspector.ui.common.Formats;
import dev.omne.inspector.ui.common.TaskExecutor;
import dev.omne.inspector.ui.common.TextClipboard;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What leaves the events table for other tools: rows as JSON lines and a row's FILE:LINE on the clipboard, the
 * log's folder on the desktop. Reading rows back and asking the desktop happen in the background. The Edit and
 * File menus call it directly: it needs only the run's index, not the table's rows or selection.
 */
public final class RowCopies {
    static final int COPY_LIMIT = 100_000;

    private final TaskExecutor tasks;
    private final TextClipboard clipboard;
    private final Consumer<String> messages;
    private final Supplier<IndexSnapshot> snapshot;

    RowCopies(TaskExecutor tasks, TextClipboard clipboard, Consumer<String> messages, Supplier<IndexSnapshot> snapshot) {
        this.tasks = tasks;
        this.clipboard = clipboard;
        this.messages = messages;
        this.snapshot = snapshot;
    }

    /** Ctrl+C: the rows as JSON lines (as they are in the file), at most {@link #COPY_LIMIT}. */
    public void rows(List<Integer> selection) {
        IndexSnapshot s = snapshot.get();
        if (s == null || selection.isEmpty()) {
            messages.accept("Select rows to copy");
            return;
        }
        int count = Math.min(selection.size(), COPY_LIMIT);
        int[] wanted = new int[count];
        for (int i = 0; i < count; i++) {
            wanted[i] = selection.get(i);
        }
        Arrays.sort(wanted);
        tasks.submit(() -> CopyText.jsonLines(s, wanted), text -> {
            clipboard.putText(text);
            messages.accept(selection.size() > COPY_LIMIT
                    ? "Copied the first " + Formats.count(COPY_LIMIT) + " of " + Formats.count(selection.size()) + " rows"
                    : "Copied " + Formats.count(count) + (count == 1 ? " row" : " rows") + " as JSON lines");
        }, e -> messages.accept("Cannot copy: " + Messages.describe(e)));
    }

    /** "Copy FILE:LINE": a row's place in the log, as editors and terminals open it. */
    public void fileLine(int row) {
        IndexSnapshot s = snapshot.get();
        if (s == null || row < 0 || row >= s.size()) {
            messages.accept("Select a row to copy its FILE:LINE");
            return;
        }
        String text = CopyText.fileLine(s, row);
        clipboard.putText(text);
        messages.accept("Copied " + text);
    }

    /** "Open containing folder": the folder of the run's log, shown by the desktop. */
    public void openFolder(DocumentOpener opener) {
        IndexSnapshot s = snapshot.get();
        if (s == null) {
            messages.accept("Select a run to open its folder");
            return;
        }
        Path folder = CopyText.containingFolder(s.file());
        tasks.submit(() -> {
            opener.open(folder.toUri());
            return folder;
        }, done -> messages.accept("Opened " + done), e -> messages.accept("Cannot open " + folder + ": "
                + Messages.describe(e)));
    }
}
