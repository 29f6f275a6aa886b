package dev.omne.inspector.core.export;

import dev.omne.inspector.core.index.IndexSnapshot;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code jsonl}: each row's original line, byte for byte, with its own line ending ({@code \n}, or
 * {@code \r\n} as written). Lines that are not events are left out unless
 * {@link ExportOptions#includeMalformed()}.
 *
 * <p>Two things are not rows and so never exported: blank lines, and the bytes after the last {@code \n} of
 * a file still being written. A finished file's last line without a {@code \n} is a row, and gets a
 * {@code \n} here, so an export is always whole lines. Exporting every row of a file with no blank lines
 * that ends in {@code \n} therefore gives back that file, byte for byte; otherwise it gives the file less its
 * blank lines, plus the missing final {@code \n}.
 */
public final class JsonlExporter implements Exporter {
    @Override
    public ExportFormat format() {
        return ExportFormat.JSONL;
    }

    @Override
    public void export(IndexSnapshot snapshot, int[] rows, ExportOptions options, OutputStream out) throws IOException {
        int[] ordered = Rows.inFileOrder(snapshot, rows);
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        try (LineReader reader = new LineReader(snapshot)) {
            for (int i = 0; i < ordered.length; i++) {
                Rows.poll(i, options.cancelled());
                int row = ordered[i];
                if (snapshot.isError(row) && !options.includeMalformed()) {
                    continue;
                }
                if (!reader.copyLine(snapshot.offset(row), buffered)) {
                    buffered.write('\n');
                }
            }
        }
        buffered.flush();
    }
}
