package dev.omne.inspector.core.export;

import dev.omne.inspector.core.index.IndexSnapshot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The text of the window's copy actions, kept here so it matches the exports and is tested without a window. */
public final class CopyText {
    private CopyText() {
    }

    /**
     * "Copy as JSON lines": the rows' original lines, in file order, each ending in a newline, as the
     * {@code jsonl} export writes them (lines that are not events included: they were picked by hand).
     * Bytes that are not UTF-8 show as U+FFFD.
     */
    public static String jsonLines(IndexSnapshot snapshot, int[] rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonlExporter().export(snapshot, rows, ExportOptions.DEFAULT.withIncludeMalformed(true), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** "Copy FILE:LINE": the row's place as editors and terminals open it, {@code /abs/path/events.jsonl:42}. */
    public static String fileLine(IndexSnapshot snapshot, int row) {
        return fileLine(snapshot.file(), snapshot.line(row));
    }

    public static String fileLine(Path file, long line) {
        return file.toAbsolutePath().normalize() + ":" + line;
    }

    /** "Open containing folder": the folder that holds the log. */
    public static Path containingFolder(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        return parent == null ? absolute : parent;
    }
}
