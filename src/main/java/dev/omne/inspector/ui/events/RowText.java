package dev.omne.inspector.ui.events;

/**
 * A row's text read back from the file for the table: the one-line summary of an event, or for a line that
 * is not an event the start of its raw text.
 */
public record RowText(String summary) {
}
