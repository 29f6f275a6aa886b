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
    /** Bytes of a line enough for {@link #RAW_LINE_CAP} characters: what a reader must keep of a bad line. */
    public static final int RAW_BYTES = RAW_LINE_CAP * 4;

    /** {@code FILE:LINE:COL: error: MESSAGE}, or without {@code COL} when unknown. */
    public String format() {
        String where = column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
        return where + ": " + severity.label() + ": " + message;
    }

    /**
     * The diagnostic of a line {@link LineJudge} found fault with (an error, or a warning on an event), from the
     * line's bytes or its start. A column past the int range (a line over 2 GiB) is given in the message.
     */
    public static Diagnostic of(Path file, long line, long offset, ScannedLine scan, byte[] buf, int off, int len) {
        Severity severity = scan.outcome() == ScannedLine.Outcome.ERROR ? Severity.ERROR : Severity.WARNING;
        long column = scan.column();
        String message = scan.message();
        if (column > Integer.MAX_VALUE) {
            message = message + " (at byte column " + column + ")";
            column = 0;
        }
        return new Diagnostic(file, line, (int) column, offset, severity, message, raw(buf, off, len));
    }

    /** The same diagnostic, for a line numbered {@code lineBase} further on (a piece of a file read on its own). */
    public Diagnostic shifted(long lineBase) {
        return lineBase == 0 ? this : new Diagnostic(file, line + lineBase, column, offset, severity, message, rawLine);
    }

    /** The line as text for display: invalid UTF-8 shown as U+FFFD, capped, without its line ending. */
    static String raw(byte[] buf, int off, int len) {
        // Cut first, then trim: the same whether a reader kept the whole line or only its first RAW_BYTES.
        int end = off + Math.min(len, RAW_BYTES);
        while (end > off && (buf[end - 1] == '\r' || buf[end - 1] == '\n')) {
            end--;
        }
        String text = new String(buf, off, end - off, java.nio.charset.StandardCharsets.UTF_8);
        return text.length() > RAW_LINE_CAP ? text.substring(0, RAW_LINE_CAP) + "…" : text;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
