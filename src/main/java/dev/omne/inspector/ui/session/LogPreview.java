package dev.omne.inspector.ui.session;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The start of a run's log indexed on its own, so that the window shows a run's first rows before the watcher has
 * indexed the whole log; and whether the full index, once it comes, only continues it. Apart from the session,
 * which decides which logs to preview and when, and hands the rows on.
 *
 * @param snapshot  the index of the rows read
 * @param read      bytes read
 * @param size      the log's size when it was read
 * @param changedAt when the log was last modified (epoch millis)
 */
record LogPreview(IndexSnapshot snapshot, int read, long size, long changedAt) {
    /** Bytes of each log read for its preview. */
    static final int PREVIEW_BYTES = 256 << 10;

    /** The first {@link #PREVIEW_BYTES} of a log indexed, or null when it is no regular file. */
    static LogPreview read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        long size = Files.size(file);
        long changedAt = Files.getLastModifiedTime(file).toMillis();
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(PREVIEW_BYTES);
        }
        RunIndex index = RunIndex.empty(file);
        index.extend(head, 0, head.length);
        return new LogPreview(index.snapshot(), head.length, size, changedAt);
    }

    /** Whether the log held more than was read. */
    boolean partial() {
        return size > read;
    }

    /** Whether {@code full} starts with exactly the rows of {@code preview}. */
    static boolean isPrefix(IndexSnapshot preview, IndexSnapshot full) {
        if (full == null || full.size() < preview.size()) {
            return false;
        }
        if (preview.size() == 0) {
            return true;
        }
        int last = preview.size() - 1;
        return full.offset(last) == preview.offset(last) && full.line(last) == preview.line(last)
                && full.offset(0) == preview.offset(0);
    }
}
