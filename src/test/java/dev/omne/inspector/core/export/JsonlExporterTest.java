package dev.omne.inspector.core.export;

import dev.omne.inspector.generate.VolumeGenerator;
import dev.omne.inspector.core.event.EventCodec;
import dev.omne.inspector.core.filter.EventFilter;
import dev.omne.inspector.core.filter.RowFilter;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.log.EventLine;
import dev.omne.inspector.core.log.EventReader;
import dev.omne.inspector.core.log.LineSplitter;
import dev.omne.inspector.core.log.ReadResult;
import dev.omne.inspector.core.volume.RunSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static dev.omne.inspector.core.export.ExportFixtures.export;
import static dev.omne.inspector.core.export.ExportFixtures.index;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonlExporterTest {
    @TempDir
    Path dir;

    final JsonlExporter jsonl = new JsonlExporter();

    @Test
    void exportingEveryRowGivesTheFileBackByteForByte() throws IOException {
        // ~10k lines, a few MiB: lines cross the reader's 1 MiB blocks many times.
        VolumeGenerator.RunFile run = ExportFixtures.run(dir, 10_000, 0, 7);
        IndexSnapshot s = index(run.file());
        byte[] out = export(jsonl, s, Exports.allRows(s), ExportOptions.DEFAULT);
        assertTrue(out.length > 2 * LineReader.BLOCK, "big enough to cross blocks: " + out.length);
        assertArrayEquals(Files.readAllBytes(run.file()), out);
    }

    @Test
    void malformedLinesAreLeftOutUnlessAskedFor() throws IOException {
        VolumeGenerator.RunFile run = ExportFixtures.run(dir, 3_000, 7, 11);
        IndexSnapshot s = index(run.file());
        assertEquals(run.malformed(), s.errorCount());
        byte[] original = Files.readAllBytes(run.file());

        assertArrayEquals(original, export(jsonl, s, Exports.allRows(s), ExportOptions.DEFAULT.withIncludeMalformed(true)));

        // Without them: exactly the file's lines less every 7th (the generator's malformed ones).
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        List<byte[]> lines = splitKeepingNewlines(original);
        for (int i = 0; i < lines.size(); i++) {
            if ((i + 1) % 7 != 0) {
                expected.write(lines.get(i));
            }
        }
        byte[] eventsOnly = export(jsonl, s, Exports.allRows(s), ExportOptions.DEFAULT);
        assertArrayEquals(expected.toByteArray(), eventsOnly);

        // And what was left out is exactly what the reader calls malformed: the export reads back clean.
        Path back = Files.write(dir.resolve("back.jsonl"), eventsOnly);
        ReadResult reread = EventReader.read(back);
        assertEquals(0, reread.diagnostics().stream().filter(d -> d.isError()).count());
        assertEquals(run.events(), reread.events().size());
    }

    @Test
    void anExportReopensAsTheSameEvents() throws IOException {
        VolumeGenerator.RunFile run = ExportFixtures.run(dir, 500, 0, 3);
        IndexSnapshot s = index(run.file());
        Path exported = Files.write(dir.resolve("exported.jsonl"), export(jsonl, s, Exports.allRows(s), ExportOptions.DEFAULT));
        assertEquals(encodeAll(EventReader.read(run.file()).events()), encodeAll(EventReader.read(exported).events()));
        RunSource source = RunSource.ofFile(exported);
        assertEquals(run.runId(), source.runId());
        assertTrue(source.isPlainFile() && source.readOnly());
    }

    @Test
    void blankLinesAreNotRowsCrLfIsKeptAndAFinalLineGetsItsNewline() throws IOException {
        String a = "{\"type\":\"a.b\",\"ts\":\"2026-04-15T00:00:00Z\"}";
        String b = "{\"type\":\"c.d\",\"ts\":\"2026-04-15T00:00:01Z\"}";
        Path file = Files.writeString(dir.resolve("events.jsonl"), a + "\r\n\n   \n" + b);
        IndexSnapshot s = index(file);
        assertEquals(2, s.size());
        assertEquals(a + "\r\n" + b + "\n", new String(export(jsonl, s, Exports.allRows(s), ExportOptions.DEFAULT),
                StandardCharsets.UTF_8));
    }

    @Test
    void aFilterChoosesTheLinesAndTheyComeInFileOrderOnce() throws IOException {
        VolumeGenerator.RunFile run = ExportFixtures.run(dir, 4_000, 0, 5);
        IndexSnapshot s = index(run.file());
        int[] rows = RowFilter.apply(s, EventFilter.parse("type:node.failed type:node.completed -kind:prompt"), () -> false);
        assertTrue(rows.length > 10);
        List<String> expected = Files.readAllLines(run.file()).stream()
                .filter(l -> (l.contains("\"type\":\"node.failed\"") || l.contains("\"type\":\"node.completed\"")))
                .filter(l -> !"prompt".equals(s.nodeKind(s.nodes().indexOf(nodeOf(l)))))
                .toList();
        String out = new String(export(jsonl, s, rows, ExportOptions.DEFAULT), StandardCharsets.UTF_8);
        assertEquals(expected, out.lines().toList());

        int[] shuffled = rows.clone();
        for (int i = 0; i < shuffled.length / 2; i++) {
            int t = shuffled[i];
            shuffled[i] = shuffled[shuffled.length - 1 - i];
            shuffled[shuffled.length - 1 - i] = t;
        }
        int[] doubled = Stream.of(shuffled, rows).flatMapToInt(Arrays::stream).toArray();
        assertEquals(out, new String(export(jsonl, s, doubled, ExportOptions.DEFAULT), StandardCharsets.UTF_8));
    }

    @Test
    void linesLongerThanIsKeptForDisplayAreCopiedByteForByte() throws IOException {
        String event = "{\"type\":\"a.b\",\"ts\":\"2026-04-15T00:00:00Z\"}\n";
        String big = "x".repeat(LineSplitter.DISPLAY_BYTES + 10);
        String longEvent = "{\"type\":\"a.b\",\"ts\":\"2026-04-15T00:00:01Z\",\"big\":\"" + big + "\"}\n";
        String longBroken = "{\"type\":\"a.b\",\"big\":\"" + big + "\",}\n";
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, event + longEvent + longBroken + event);
        IndexSnapshot s = index(file);
        assertEquals(4, s.size());
        assertFalse(s.isError(1), "a long good line is an event");
        assertTrue(s.isError(2));
        assertArrayEquals(Files.readAllBytes(file), export(jsonl, s, Exports.allRows(s), ExportOptions.DEFAULT.withIncludeMalformed(true)));
        assertEquals(event + longEvent + event, new String(export(jsonl, s, Exports.allRows(s), ExportOptions.DEFAULT),
                StandardCharsets.UTF_8));
    }

    @Test
    void bytesAppendedAfterTheSnapshotAreNotExported() throws IOException {
        String a = "{\"type\":\"a.b\",\"ts\":\"2026-04-15T00:00:00Z\"}\n";
        Path file = Files.writeString(dir.resolve("events.jsonl"), a + a);
        IndexSnapshot s = index(file);
        Files.writeString(file, a + "{\"type\":\"partial", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(a + a, new String(export(jsonl, s, Exports.allRows(s), ExportOptions.DEFAULT), StandardCharsets.UTF_8));
    }

    @Test
    void aLogThatShrankUnderTheSnapshotIsAnErrorNotAShortExport() throws IOException {
        String a = "{\"type\":\"a.b\",\"ts\":\"2026-04-15T00:00:00Z\"}\n";
        Path file = Files.writeString(dir.resolve("events.jsonl"), a + a + a);
        IndexSnapshot s = index(file);
        Files.writeString(file, a);
        IOException e = assertThrows(IOException.class, () -> export(jsonl, s, Exports.allRows(s), ExportOptions.DEFAULT));
        assertTrue(e.getMessage().contains("shorter"), e.getMessage());
    }

    @Test
    void cancellingStopsTheExport() throws IOException {
        VolumeGenerator.RunFile run = ExportFixtures.run(dir, 10_000, 0, 1);
        IndexSnapshot s = index(run.file());
        int[] polls = {0};
        assertThrows(RowFilter.Cancelled.class, () -> export(jsonl, s, Exports.allRows(s),
                ExportOptions.DEFAULT.withCancelled(() -> ++polls[0] > 1)));
    }

    @Test
    void copyHelpers() throws IOException {
        String a = "{\"type\":\"a.b\",\"ts\":\"2026-04-15T00:00:00Z\"}";
        Path file = Files.writeString(dir.resolve("events.jsonl"), a + "\n{oops\n\n" + a + "\n");
        IndexSnapshot s = index(file);
        assertEquals("{oops\n" + a + "\n", CopyText.jsonLines(s, new int[] {2, 1}));
        assertEquals(file.toAbsolutePath() + ":4", CopyText.fileLine(s, 2));
        assertEquals(dir.toAbsolutePath(), CopyText.containingFolder(file));
    }

    private static String nodeOf(String line) {
        int at = line.indexOf("\"node_id\":\"");
        return at < 0 ? null : line.substring(at + 11, line.indexOf('"', at + 11));
    }

    private static List<String> encodeAll(List<EventLine> events) {
        return events.stream().map(e -> EventCodec.encode(e.event())).toList();
    }

    static List<byte[]> splitKeepingNewlines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(Arrays.copyOfRange(bytes, start, i + 1));
                start = i + 1;
            }
        }
        assertFalse(start < bytes.length, "generated files end in a newline");
        return lines;
    }
}
