package dev.omne.inspector.core.log;

import dev.omne.inspector.core.event.NodeStarted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventReaderTest {
    private static final String A = "{\"type\":\"node.started\",\"id\":\"ev-0001\",\"ts\":\"2026-04-15T00:00:00Z\","
            + "\"run_id\":\"pipe-01\",\"node_id\":\"n1\",\"kind\":\"bash\",\"name\":null,\"model\":null}";
    private static final String B = "{\"type\":\"node.completed\",\"id\":\"ev-0002\",\"ts\":\"2026-04-15T00:00:01Z\","
            + "\"run_id\":\"pipe-01\",\"node_id\":\"n1\"}";

    @TempDir
    Path dir;

    Path write(String content) throws IOException {
        return write(content.getBytes(StandardCharsets.UTF_8));
    }

    Path write(byte[] content) throws IOException {
        Path file = dir.resolve("events.jsonl");
        Files.write(file, content);
        return file;
    }

    @Test
    void readsEventsWithTheirLineNumbersAndOffsets() throws IOException {
        Path file = write(A + "\n" + B + "\n");
        ReadResult result = EventReader.read(file);
        assertEquals(2, result.events().size());
        assertEquals(List.of(), result.diagnostics());
        assertInstanceOf(NodeStarted.class, result.events().get(0).event());
        assertEquals(1, result.events().get(0).line());
        assertEquals(0, result.events().get(0).offset());
        assertEquals(2, result.events().get(1).line());
        assertEquals(A.length() + 1, result.events().get(1).offset());
        assertEquals(2, result.lines());
        assertEquals(Files.size(file), result.bytes());
    }

    @Test
    void blankLinesAreSkippedButCounted() throws IOException {
        ReadResult result = EventReader.read(write("\n   \n\t\r\n" + A + "\n\n" + B + "\n"));
        assertEquals(List.of(), result.diagnostics());
        assertEquals(4, result.events().get(0).line());
        assertEquals(6, result.events().get(1).line());
    }

    @Test
    void crlfEndingsAreAccepted() throws IOException {
        ReadResult result = EventReader.read(write(A + "\r\n" + B + "\r\n"));
        assertEquals(2, result.events().size());
        assertEquals(List.of(), result.diagnostics());
        assertEquals(A.length() + 2, result.events().get(1).offset());
    }

    @Test
    void aFinalLineWithoutNewlineIsJudgedLikeAnyOther() throws IOException {
        assertEquals(2, EventReader.read(write(A + "\n" + B)).events().size());
        ReadResult torn = EventReader.read(write(A + "\n" + B.substring(0, 40)));
        assertEquals(1, torn.events().size());
        assertEquals(1, torn.diagnostics().size());
        assertEquals(2, torn.diagnostics().get(0).line());
    }

    @Test
    void aBadLineNeverHidesTheRest() throws IOException {
        Path file = write(A + "\n{\"type\":\"x\",\n" + B + "\nnot json\n" + A + "\n");
        ReadResult result = EventReader.read(file);
        assertEquals(3, result.events().size());
        assertEquals(List.of(2L, 4L), result.diagnostics().stream().map(Diagnostic::line).toList());
        assertEquals(List.of(1L, 3L, 5L), result.events().stream().map(EventLine::line).toList());
    }

    @Test
    void aDiagnosticCarriesEveryField() throws IOException {
        String bad = "{\"type\":\"x\",\"a\":tru}";
        Path file = write(A + "\n" + bad + "\n");
        Diagnostic d = EventReader.read(file).diagnostics().get(0);
        assertEquals(file, d.file());
        assertEquals(2, d.line());
        assertEquals(17, d.column(), "column of the bad token");
        assertEquals(A.length() + 1, d.offset());
        assertEquals(Severity.ERROR, d.severity());
        assertTrue(d.message().contains("tru"), d.message());
        assertEquals(bad, d.rawLine());
        assertEquals(file + ":2:17: error: " + d.message(), d.format());
    }

    @Test
    void theRawLineIsCappedForDisplay() throws IOException {
        String bad = "{\"type\":\"x\",\"a\":\"" + "y".repeat(5000) + "\"";
        Diagnostic d = EventReader.read(write(bad + "\n")).diagnostics().get(0);
        assertEquals(Diagnostic.RAW_LINE_CAP + 1, d.rawLine().length());
        assertTrue(d.rawLine().endsWith("\u2026"));
    }

    @Test
    void strictJsonRulesAreEnforced() throws IOException {
        String[] bad = {
                "{\"type\":\"x\"} {\"type\":\"y\"}",   // trailing tokens
                "{\"type\":\"x\"} trailing",
                "{\"type\":\"x\"} // comment",
                "{\"type\":\"x\" /* c */}",
                "{'type':'x'}",
                "{\"type\":\"x\",\"n\":NaN}",
                "{\"type\":\"x\",\"n\":007}",
                "{\"type\":\"x\",}",
                "{type:\"x\"}",
                "[{\"type\":\"x\"}]",
                "\"just a string\"",
                "42",
                "null",
                "{}",
                "{\"id\":\"e\"}",
                "{\"type\":null}",
                "{\"type\":[\"x\"]}",
                "{\"type\":\"x\",\"type\":\"y\"}",
                "{\"type\":\"x\",\"s\":\"tab\there\"}",
        };
        ReadResult result = EventReader.read(write(String.join("\n", bad) + "\n"));
        assertEquals(0, result.events().size(), () -> result.events().toString());
        assertEquals(bad.length, result.errorCount());
        for (int i = 0; i < bad.length; i++) {
            assertEquals(i + 1, result.diagnostics().get(i).line());
            assertTrue(!result.diagnostics().get(i).message().isBlank());
        }
        assertTrue(result.diagnostics().get(0).message().contains("after the JSON object"),
                result.diagnostics().get(0).message());
        assertTrue(result.diagnostics().get(13).message().contains("missing \"type\""));
        assertTrue(result.diagnostics().get(15).message().contains("\"type\" must be a string"));
    }

    @Test
    void invalidUtf8IsADiagnosticOfItsLineOnly() throws IOException {
        byte[] bad = "{\"type\":\"x\",\"s\":\"\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        bad[17] = (byte) 0xC3;
        bad[18] = (byte) 0x28; // a lead byte followed by a non-continuation byte
        byte[] content = concat((A + "\n").getBytes(StandardCharsets.UTF_8), bad,
                ("\n" + B + "\n").getBytes(StandardCharsets.UTF_8));
        ReadResult result = EventReader.read(write(content));
        assertEquals(2, result.events().size());
        Diagnostic d = result.diagnostics().get(0);
        assertEquals(2, d.line());
        assertEquals(18, d.column());
        assertTrue(d.message().contains("invalid UTF-8"), d.message());
    }

    @Test
    void validMultibyteUtf8IsFine() throws IOException {
        ReadResult result = EventReader.read(write("{\"type\":\"x.y\",\"s\":\"h\u00e9llo \u4e16\u754c \ud83d\ude00\"}\n"));
        assertEquals(1, result.events().size());
        assertEquals("h\u00e9llo \u4e16\u754c \ud83d\ude00", result.events().get(0).event().text("s"));
    }

    @Test
    void aByteOrderMarkOnLineOneIsAnErrorThatSaysSo() throws IOException {
        byte[] content = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                (A + "\n" + B + "\n").getBytes(StandardCharsets.UTF_8));
        ReadResult result = EventReader.read(write(content));
        assertEquals(1, result.events().size());
        assertEquals(1, result.diagnostics().get(0).line());
        assertTrue(result.diagnostics().get(0).message().contains("byte order mark"));
    }

    @Test
    void deepNestingIsADiagnosticNotACrash() throws IOException {
        String deep = "{\"type\":\"x\",\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        ReadResult result = EventReader.read(write(deep + "\n" + B + "\n"));
        assertEquals(1, result.events().size());
        assertEquals(1, result.diagnostics().get(0).line());
        Diagnostic d = result.diagnostics().get(0);
        assertTrue(d.message().startsWith("nested 128 levels deep: the omne runner reads at most 127"), d.message());
        assertEquals("{\"type\":\"x\",\"a\":".length() + 127, d.column(), "the bracket that opens level 128");
    }

    @Test
    void aLineLongerThanIsKeptIsStillAnEventAndABrokenOneAnErrorWithItsColumn() throws IOException {
        String big = "x".repeat(LineSplitter.DISPLAY_BYTES + 10);
        String good = "{\"type\":\"x.y\",\"big\":\"" + big + "\"}";
        String bad = "{\"type\":\"x.y\",\"big\":\"" + big + "\",\"s\":\"\\uD800\"}";
        ReadResult result = EventReader.read(write(A + "\n" + good + "\n" + bad + "\n" + B + "\n"));
        assertEquals(List.of(1L, 2L, 4L), result.events().stream().map(EventLine::line).toList());
        assertEquals(big, result.events().get(1).event().text("big"), "read back whole from the file");
        assertEquals(A.length() + 1 + good.length() + 1 + bad.length() + 1, result.events().get(2).offset());
        Diagnostic d = result.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
        assertEquals(3, d.line());
        assertEquals(bad.indexOf("\\uD800") + 1, d.column());
        assertTrue(d.message().startsWith("lone surrogate \\uD800 at column " + d.column()), d.message());
    }

    @Test
    void warningsKeepTheEvent() throws IOException {
        ReadResult result = EventReader.read(write(
                "{\"type\":\"x.y\",\"ts\":\"soon\"}\n{\"type\":\"x.y\"}\n{\"type\":\"node.completed\",\"ts\":\"2026-04-15T00:00:00Z\"}\n"));
        assertEquals(3, result.events().size());
        assertEquals(3, result.warningCount());
        assertEquals(0, result.errorCount());
        assertTrue(result.diagnostics().stream().allMatch(d -> d.severity() == Severity.WARNING));
        assertTrue(result.diagnostics().get(0).format().contains(": warning: "));
    }

    @Test
    void strictReadReturnsEveryEventOfAGoodFile() throws IOException {
        assertEquals(2, EventReader.readStrict(write(A + "\n\n" + B + "\n")).size());
    }

    @Test
    void strictReadStopsAtTheFirstBadLineWithTheReferenceMessage() throws IOException {
        Path file = write(A + "\n" + B + "\n{oops\n" + A + "\n");
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> EventReader.readStrict(file));
        assertTrue(e.getMessage().startsWith("malformed event at " + file + ":3: "), e.getMessage());
        assertEquals(3, e.diagnostic().line());
    }

    @Test
    void emptyFileHasNothing() throws IOException {
        ReadResult result = EventReader.read(write(""));
        assertEquals(0, result.events().size());
        assertEquals(0, result.lines());
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
