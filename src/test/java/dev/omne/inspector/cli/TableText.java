package dev.omne.inspector.cli;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads an aligned text table back by its header: where each column starts and ends. */
record TableText(String header, List<String> names, int[] starts, int[] ends) {
    /** The columns of a header line, named in order (names may hold single spaces, columns are two apart). */
    static TableText of(String header, List<String> names) {
        int[] starts = new int[names.size()];
        int[] ends = new int[names.size()];
        int from = 0;
        for (int i = 0; i < names.size(); i++) {
            int at = header.indexOf(names.get(i), from);
            assertTrue(at >= 0, "no column " + names.get(i) + " in " + header);
            starts[i] = at;
            ends[i] = at + names.get(i).length();
            from = ends[i];
        }
        return new TableText(header, List.copyOf(names), starts, ends);
    }

    int column(String name) {
        return names.indexOf(name);
    }

    /** Asserts that a left-aligned column of {@code row} holds {@code value}, starting where its header starts. */
    void assertLeft(String row, String name, String value) {
        int c = column(name);
        int start = starts[c];
        assertTrue(row.length() >= start + value.length(), "row too short for " + name + ": " + row);
        assertEquals(value, row.substring(start, start + value.length()), name + " in: " + row);
        assertTrue(start == 0 || row.charAt(start - 1) == ' ', name + " starts a cell: " + row);
        assertTrue(start + value.length() == row.length() || row.charAt(start + value.length()) == ' ',
                name + " ends a cell: " + row);
    }

    /** Asserts that a right-aligned column of {@code row} holds {@code value}, ending where its header ends. */
    void assertRight(String row, String name, String value) {
        int end = ends[column(name)];
        assertEquals(value, row.substring(end - value.length(), end), name + " in: " + row);
        assertTrue(end - value.length() == 0 || row.charAt(end - value.length() - 1) == ' ', name + ": " + row);
        assertTrue(end == row.length() || row.charAt(end) == ' ', name + " ends a cell: " + row);
    }

    /** The table's lines after the header, up to the first empty line. */
    static List<String> rows(List<String> lines, int headerIndex) {
        List<String> rows = new ArrayList<>();
        for (int i = headerIndex + 1; i < lines.size() && !lines.get(i).isEmpty(); i++) {
            assertFalse(lines.get(i).endsWith(" "), "no trailing spaces: [" + lines.get(i) + "]");
            rows.add(lines.get(i));
        }
        return rows;
    }
}
