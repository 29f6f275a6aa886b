package dev.omne.inspector.core.log;

import java.nio.file.Path;

/**
 * A problem found on one line of an events file.
 *
 * @param file     the events file
 * @param line     1-based line number, counting blank lines
 * @param column   1-based byte column where the parser knows it, else 0
 * @param offset   byte offset of the line's first byte in the file
 * @param severity error (the line is not an event) or warning (it still is)
 * @param message  what is wrong, for a person
 * @param rawLine  the line's text, capped at {@link #RAW_LINE_CAP} characters for display
 */
public record Diagnostic(Path file, long line, int column, long offset, Severity severity, String message,
                         String rawLine) {
    public static final int RAW_LINE_CAP = 512;

    /** {@code FILE:LINE:COL: error: MESSAGE}, or without {@code COL} when unknown. */
    public String format() {
        String where = column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
        return where + ": " + severity.label() + ": " + message;
    }

    /** The diagnostic of a line {@link LineScanner} found fault with (an error, or a warning on an event). */
    public static Diagnostic of(Path file, long line, long offset, ScannedLine scan, byte[] buf, int off, int len) {
        Severity severity = scan.outcome() == ScannedLine.Outcome.ERROR ? Severity.ERROR : Severity.WARNING;
        return new Diagnostic(file, line, scan.column(), offset, severity, scan.message(), raw(buf, off, len));
    }

    /** The diagnostic of a line too long to read. */
    public static Diagnostic overlong(Path file, long line, long offset, long length) {
        return new Diagnostic(file, line, 0, offset, Severity.ERROR, LineScanner.overlongMessage(length), "");
    }

    /** The line as text for display: invalid UTF-8 shown as U+FFFD, capped, without its line ending. */
    static String raw(byte[] buf, int off, int len) {
        int end = off + len;
        while (end > off && (buf[end - 1] == '\r' || buf[end - 1] == '\n')) {
            end--;
        }
        int take = Math.min(end - off, RAW_LINE_CAP * 4);
        String text = new String(buf, off, take, java.nio.charset.StandardCharsets.UTF_8);
        return text.length() > RAW_LINE_CAP ? text.substring(0, RAW_LINE_CAP) + "…" : text;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
