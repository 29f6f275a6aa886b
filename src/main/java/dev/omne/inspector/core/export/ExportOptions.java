package dev.omne.inspector.core.export;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * How to export.
 *
 * @param includeMalformed whether lines that are not events are exported too (jsonl: their bytes; csv: a row
 *                         with the line number and the problem as summary; a trace never shows them)
 * @param columns          csv columns, see {@link CsvExporter}; empty means {@link CsvExporter#DEFAULT_COLUMNS}
 * @param runId            the run's id, for the trace's process name and metadata; null: the log's folder name
 * @param filterText       the filter that chose the rows, recorded in the trace's metadata; null or empty: none
 * @param cancelled        polled as the export goes; when it turns true the export stops with
 *                         {@link dev.omne.inspector.core.filter.RowFilter.Cancelled}
 */
public record ExportOptions(boolean includeMalformed, List<String> columns, String runId, String filterText,
                            BooleanSupplier cancelled) {
    public static final ExportOptions DEFAULT = new ExportOptions(false, List.of(), null, null, () -> false);

    public ExportOptions {
        columns = columns == null ? List.of() : List.copyOf(columns);
        cancelled = cancelled == null ? () -> false : cancelled;
    }

    public ExportOptions withIncludeMalformed(boolean include) {
        return new ExportOptions(include, columns, runId, filterText, cancelled);
    }

    public ExportOptions withColumns(List<String> newColumns) {
        return new ExportOptions(includeMalformed, newColumns, runId, filterText, cancelled);
    }

    public ExportOptions withRunId(String id) {
        return new ExportOptions(includeMalformed, columns, id, filterText, cancelled);
    }

    public ExportOptions withFilterText(String text) {
        return new ExportOptions(includeMalformed, columns, runId, text, cancelled);
    }

    public ExportOptions withCancelled(BooleanSupplier check) {
        return new ExportOptions(includeMalformed, columns, runId, filterText, check);
    }
}
