package dev.omne.inspector.core.export;

import dev.omne.inspector.core.index.IndexSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static dev.omne.inspector.core.export.ExportFixtures.index;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportsTest {
    static final String EVENT = "{\"type\":\"a.b\",\"ts\":\"2026-04-15T00:00:00Z\"}\n";

    @TempDir
    Path dir;

    /** Writes some bytes, then fails: an export that breaks half way. */
    static final class Failing implements Exporter {
        @Override
        public void export(IndexSnapshot snapshot, int[] rows, ExportOptions options, OutputStream out) throws IOException {
            out.write("half an export".getBytes());
            out.flush();
            throw new IOException("disk on fire");
        }

        @Override
        public ExportFormat format() {
            return ExportFormat.JSONL;
        }
    }

    List<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        }
    }

    @Test
    void aFileExportReplacesTheTargetWholeAndKeepsItsPermissions() throws IOException {
        Path log = Files.writeString(dir.resolve("events.jsonl"), EVENT + EVENT);
        IndexSnapshot s = index(log);
        Path target = Files.writeString(dir.resolve("out.jsonl"), "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        Exports.toFile(new JsonlExporter(), s, Exports.allRows(s), ExportOptions.DEFAULT, target);
        assertArrayEquals(Files.readAllBytes(log), Files.readAllBytes(target));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(List.of(log, target), files(), "no temporary file left");
    }

    @Test
    void aFailedExportLeavesTheTargetAsItWasAndNoTemporaryFile() throws IOException {
        Path log = Files.writeString(dir.resolve("events.jsonl"), EVENT);
        IndexSnapshot s = index(log);
        Path target = Files.writeString(dir.resolve("out.jsonl"), "old");
        IOException e = assertThrows(IOException.class,
                () -> Exports.toFile(new Failing(), s, Exports.allRows(s), ExportOptions.DEFAULT, target));
        // The error names the file (a channel's own "No space left on device" names none).
        assertTrue(e.getMessage().startsWith(target + ": cannot write the export (disk on fire); "), e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(log, target), files());

        Path fresh = dir.resolve("fresh.csv");
        assertThrows(IOException.class,
                () -> Exports.toFile(new Failing(), s, Exports.allRows(s), ExportOptions.DEFAULT, fresh));
        assertEquals(List.of(log, target), files(), "no half file where there was none");
    }

    @Test
    void refusesToWriteOverTheLogBeingExportedOrIntoAFolder() throws IOException {
        Path log = Files.writeString(dir.resolve("events.jsonl"), EVENT);
        IndexSnapshot s = index(log);
        IOException same = assertThrows(IOException.class,
                () -> Exports.toFile(new JsonlExporter(), s, Exports.allRows(s), ExportOptions.DEFAULT, log));
        assertTrue(same.getMessage().contains("the log being exported"), same.getMessage());
        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), log);
        assertThrows(IOException.class,
                () -> Exports.toFile(new JsonlExporter(), s, Exports.allRows(s), ExportOptions.DEFAULT, link));
        assertThrows(IOException.class,
                () -> Exports.toFile(new JsonlExporter(), s, Exports.allRows(s), ExportOptions.DEFAULT, dir));
        assertEquals(EVENT, Files.readString(log));
    }
}
