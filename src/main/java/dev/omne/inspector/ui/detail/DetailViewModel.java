package dev.omne.inspector.ui.detail;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.ui.detail.DetailContent;
import dev.omne.inspector.ui.common.Formats;
import dev.omne.inspector.ui.common.LatestResult;
import dev.omne.inspector.core.Messages;

import dev.omne.inspector.ui.common.TaskExecutor;
import dev.omne.inspector.ui.common.TextClipboard;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.function.Consumer;

/**
 * The selected row in full: an event as pretty-printed JSON, or a malformed line with its error column and
 * the parser's message. The line is read and formatted in the background; a newer selection wins.
 */
public final class DetailViewModel {
    static final String NOTHING_SELECTED = "Select an event to see all of its fields";

    private final TextClipboard clipboard;
    private final Consumer<String> messages;

    private final ReadOnlyObjectWrapper<DetailContent> content = new ReadOnlyObjectWrapper<>(this, "content");
    private final ReadOnlyStringWrapper header = new ReadOnlyStringWrapper(this, "header", "");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", NOTHING_SELECTED);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    /** Reading the selected line: a newer selection makes an older read stale. */
    private final LatestResult reading;
    private IndexSnapshot shownSnapshot;
    private int shownRow = -1;

    public DetailViewModel(TaskExecutor tasks, TextClipboard clipboard, Consumer<String> messages) {
        this.reading = new LatestResult(tasks);
        this.clipboard = clipboard;
        this.messages = messages;
    }

    public ReadOnlyObjectProperty<DetailContent> contentProperty() {
        return content.getReadOnlyProperty();
    }

    public DetailContent content() {
        return content.get();
    }

    /** {@code Line 1204 · byte 289,311}: where the shown line is. */
    public ReadOnlyStringProperty headerProperty() {
        return header.getReadOnlyProperty();
    }

    /** What to show when there is no content. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Shows a row (-1: nothing). Showing the same line again reads nothing. */
    public void show(IndexSnapshot snapshot, int row) {
        if (snapshot == null || row < 0 || row >= snapshot.size()) {
            clear();
            return;
        }
        if (row == shownRow && shownSnapshot != null && shownSnapshot.file().equals(snapshot.file())
                && shownSnapshot.offset(row) == snapshot.offset(row) && content.get() != null) {
            return;
        }
        shownSnapshot = snapshot;
        shownRow = row;
        loading.set(true);
        header.set("Line " + snapshot.line(row) + "  ·  byte " + Formats.count(snapshot.offset(row)));
        reading.submit(() -> DetailContents.read(snapshot, row), detail -> {
            loading.set(false);
            content.set(detail);
        }, e -> {
            loading.set(false);
            content.set(null);
            placeholder.set("Cannot read line " + snapshot.line(row) + ": " + Messages.describe(e));
        });
    }

    public void clear() {
        reading.cancel();
        shownSnapshot = null;
        shownRow = -1;
        loading.set(false);
        content.set(null);
        header.set("");
        placeholder.set(NOTHING_SELECTED);
    }

    /** The copy button: the line as it is in the file. */
    public void copy() {
        DetailContent shown = content.get();
        if (shown == null) {
            return;
        }
        clipboard.putText(shown.copyText());
        messages.accept("Copied line " + shown.line());
    }
}
