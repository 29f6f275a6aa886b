package dev.omne.inspector.ui.detail;

import java.util.List;

/**
 * What the detail pane shows for one row: an event as pretty-printed, coloured JSON, or a malformed line's
 * raw text with its error column marked and the parser's message.
 *
 * @param line      1-based line number
 * @param offset    byte offset of the line in the file
 * @param type      the event type, or null for a malformed line
 * @param text      the text shown
 * @param spans     colouring of {@code text}
 * @param malformed whether the line is not an event
 * @param message   the parser's message (or an event's warning), else null
 * @param column    1-based column of the problem when known, else 0
 * @param markStart first character of {@code text} to mark as the error position, or -1
 * @param markEnd   end of the marked characters
 * @param truncated whether the line was too long to show whole
 * @param copyText  what the copy button puts on the clipboard
 */
public record DetailContent(long line, long offset, String type, String text, List<JsonSpans.Span> spans,
                            boolean malformed, String message, int column, int markStart, int markEnd,
                            boolean truncated, String copyText) {
}
