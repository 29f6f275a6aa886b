package dev.omne.inspector.core.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 records: fields separated by commas, records ended by CRLF, a field holding a comma, a
 * quote, CR or LF (or a leading or trailing space) quoted, quotes inside doubled. The one CSV writer of the
 * project: exports and the command line's tables write through it.
 */
public final class CsvWriter {
    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    /** Writes a whole record. */
    public void record(List<String> values) throws IOException {
        for (int c = 0; c < values.size(); c++) {
            field(c, values.size() == 1, values.get(c));
        }
        endRecord();
    }

    /**
     * Writes one field of a record, column 0 first. {@code single}: the record's only column, where an empty
     * field is quoted lest the record look blank.
     */
    public void field(int column, boolean single, String value) throws IOException {
        if (column > 0) {
            out.write(',');
        }
        if (needsQuotes(value) || (value.isEmpty() && column == 0 && single)) {
            out.write('"');
            int from = 0;
            for (int q = value.indexOf('"'); q >= 0; q = value.indexOf('"', from)) {
                out.write(value, from, q + 1 - from);
                out.write('"');
                from = q + 1;
            }
            out.write(value, from, value.length() - from);
            out.write('"');
        } else {
            out.write(value);
        }
    }

    public void endRecord() throws IOException {
        out.write("\r\n");
    }

    public void flush() throws IOException {
        out.flush();
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        // Leading or trailing spaces are data under RFC 4180; quoting keeps lenient readers from trimming them.
        return !value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ');
    }
}
