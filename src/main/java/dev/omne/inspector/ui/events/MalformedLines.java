package dev.omne.inspector.ui.events;

import dev.omne.inspector.core.index.IndexSnapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a run's malformed lines are, found by binary search in its index's diagnostics (which also hold the
 * warnings, in file order): for F8 and Shift+F8, for saying "malformed line 3 of 7", and for the status bar's list.
 */
final class MalformedLines {
    private MalformedLines() {
    }

    /** The first error row after {@code row}, or -1. */
    static int next(IndexSnapshot s, int row) {
        int n = s.diagnosticCount();
        for (int i = Bisect.firstNot(n, d -> s.diagnosticRow(d) <= row); i < n; i++) {
            if (s.isError(s.diagnosticRow(i))) {
                return s.diagnosticRow(i);
            }
        }
        return -1;
    }

    /** The last error row before {@code row}, or -1. */
    static int previous(IndexSnapshot s, int row) {
        for (int i = Bisect.firstNot(s.diagnosticCount(), d -> s.diagnosticRow(d) < row) - 1; i >= 0; i--) {
            if (s.isError(s.diagnosticRow(i))) {
                return s.diagnosticRow(i);
            }
        }
        return -1;
    }

    /** How many error rows come before {@code row}. */
    static int countBefore(IndexSnapshot s, int row) {
        int index = 0;
        for (int i = 0; i < s.diagnosticCount() && s.diagnosticRow(i) < row; i++) {
            if (s.isError(s.diagnosticRow(i))) {
                index++;
            }
        }
        return index;
    }

    /** The run's diagnostics (malformed lines and warnings, in file order, the first 10,000), for the status bar's list. */
    static List<DiagnosticRow> diagnostics(IndexSnapshot s) {
        List<DiagnosticRow> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        int n = Math.min(s.diagnosticCount(), 10_000);
        for (int i = 0; i < n; i++) {
            int row = s.diagnosticRow(i);
            out.add(new DiagnosticRow(row, s.diagnostic(row)));
        }
        return out;
    }
}
