package dev.omne.inspector.core.export;

import dev.omne.inspector.core.index.IndexSnapshot;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes rows of a run index in one format. Exporters stream: they read the rows' lines back from the file
 * in file order with large sequential reads and write as they go, so memory stays bounded whatever the
 * run's size. They flush {@code out} at the end but never close it.
 */
public interface Exporter {
    /**
     * Exports {@code rows} (row numbers of {@code snapshot}, in any order: they are written in file order,
     * each once).
     *
     * @throws dev.omne.inspector.core.filter.RowFilter.Cancelled when {@link ExportOptions#cancelled()} turns true
     * @throws IOException when the log cannot be read (or changed under the snapshot) or {@code out} fails
     */
    void export(IndexSnapshot snapshot, int[] rows, ExportOptions options, OutputStream out) throws IOException;

    /** The format this exporter writes. */
    ExportFormat format();
}
