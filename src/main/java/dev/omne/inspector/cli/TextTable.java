package dev.omne.inspector.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A table for a terminal: a header row, then rows, each column as wide as its widest cell, two spaces
 * between columns, text left-aligned and numbers right-aligned, no trailing spaces. Widths count code
 * points, so a one-column glyph (a sparkline's block) counts one.
 */
final class TextTable {
    enum Align { LEFT, RIGHT }

    private final List<String> headers = new ArrayList<>();
    private final List<Align> aligns = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    TextTable column(String header, Align align) {
        headers.add(header);
        aligns.add(align);
        return this;
    }

    void row(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + headers.size() + " columns");
        }
        rows.add(List.copyOf(cells));
    }

    void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        measure(headers, widths);
        for (List<String> row : rows) {
            measure(row, widths);
        }
        line(out, headers, widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
    }

    private static void measure(List<String> cells, int[] widths) {
        for (int c = 0; c < cells.size(); c++) {
            widths[c] = Math.max(widths[c], width(cells.get(c)));
        }
    }

    private void line(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            int pad = widths[c] - width(cell);
            if (c > 0) {
                sb.append("  ");
            }
            if (aligns.get(c) == Align.RIGHT) {
                sb.repeat(' ', pad).append(cell);
            } else {
                sb.append(cell).repeat(' ', pad);
            }
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        sb.setLength(end);
        out.println(sb);
    }

    static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
