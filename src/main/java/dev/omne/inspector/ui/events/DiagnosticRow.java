package dev.omne.inspector.ui.events;

import dev.omne.inspector.core.log.Diagnostic;

/** A diagnostic and the row of the run it belongs to: an entry of the status bar's list, which goes to its row. */
public record DiagnosticRow(int row, Diagnostic diagnostic) {
}
