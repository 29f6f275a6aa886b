package dev.omne.inspector.ui.detail;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.log.Diagnostic;
import dev.omne.inspector.core.log.Severity;
import dev.omne.inspector.ui.testing.TestLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetailContentsTest {
    @TempDir
    Path dir;

    private final List<String> fileLines = TestLogs.mixedLines();

    @Test
    void anEventIsPrettyPrintedInItsOwnFieldOrder() {
        String line = "{\"type\":\"node.failed\",\"id\":\"e1\",\"error\":{\"kind\":\"crash\"},\"n\":[1,2]}";
        DetailContent c = DetailContents.event(7, 300, "node.failed", line.getBytes(StandardCharsets.UTF_8), false, null);
        assertEquals("""
                {
                  "type": "node.failed",
                  "id": "e1",
                  "error": {
                    "kind": "crash"
                  },
                  "n": [
                    1,
                    2
                  ]
                }""", c.text());
        assertFalse(c.malformed());
        assertNull(c.message());
        assertEquals(line, c.copyText());
        assertEquals(7, c.line());
        assertEquals(300, c.offset());
    }

    @Test
    void aMalformedLineKeepsItsRawTextWithTheErrorColumnMarked() {
        String line = "{\"type\":\"x.y\",\"ü\":tru}";
        Diagnostic d = new Diagnostic(Path.of("f"), 3, 20, 10, Severity.ERROR, "Unrecognized token 'tru'", line);
        DetailContent c = DetailContents.malformed(3, 10, line.getBytes(StandardCharsets.UTF_8), false, d);
        assertTrue(c.malformed());
        assertEquals(line, c.text());
        // byte column 20 is the 19th character (ü takes two bytes): the 't' of "tru"
        assertEquals(18, c.markStart());
        assertEquals("t", c.text().substring(c.markStart(), c.markEnd()));
        assertEquals("Unrecognized token 'tru'", c.message());
    }

    @Test
    void binaryGarbageIsOfferedAsBytesInHexAfterItsText() throws Exception {
        byte[] garbage = {'{', '"', 't', 0x0d, 0x00, (byte) 0xc3, 0x28, 'x'};
        java.nio.file.Path file = dir.resolve("garbage.jsonl");
        java.nio.file.Files.write(file, concat(TestLogs.event("run.started", 1, null).getBytes(StandardCharsets.UTF_8), new byte[] {'\n'},
                garbage, new byte[] {'\n'}));
        IndexSnapshot s = TestLogs.index(file);
        DetailContent bad = DetailContents.read(s, 1);
        assertTrue(bad.malformed());
        assertTrue(bad.text().contains("00000000  7b 22 74 0d 00 c3 28 78"), bad.text());
        assertTrue(bad.text().contains("|{\"t...(x|"), bad.text());
        // A line that is text but no event gets no hex.
        String plain = "{\"type\":\"x.y\",";
        Diagnostic d = new Diagnostic(Path.of("f"), 1, 15, 0, Severity.ERROR, "Unexpected end-of-input", plain);
        assertEquals(plain, DetailContents.malformed(1, 0, plain.getBytes(StandardCharsets.UTF_8), false, d).text());
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void anErrorAtTheEndOfTheLineIsMarkedAfterTheText() {
        String line = "{\"type\":\"x.y\",";
        Diagnostic d = new Diagnostic(Path.of("f"), 1, 15, 0, Severity.ERROR, "Unexpected end-of-input", line);
        DetailContent c = DetailContents.malformed(1, 0, line.getBytes(StandardCharsets.UTF_8), false, d);
        assertEquals(line.length(), c.markStart());
        assertEquals(c.markStart(), c.markEnd());
    }

    @Test
    void readsTheDetailOfAnEventAndOfAMalformedLineFromTheFile() throws Exception {
        IndexSnapshot s = TestLogs.index(dir, fileLines);
        DetailContent event = DetailContents.read(s, 1);
        assertTrue(event.text().contains("\"gate\": \"lint\""), event.text());
        assertEquals(3, event.line());
        DetailContent bad = DetailContents.read(s, 2);
        assertTrue(bad.malformed());
        assertEquals(fileLines.get(3), bad.text());
        assertEquals(4, bad.line());
        assertTrue(bad.markStart() >= 0);
    }

    @Test
    void anEventLongerThanTheDetailShowsIsShownFromItsStartAndSaysSo() throws Exception {
        String big = "{\"type\":\"x.y\",\"ts\":\"2026-04-15T10:00:00Z\",\"big\":\"" + "b".repeat(17 << 20) + "\"}";
        IndexSnapshot s = TestLogs.index(dir, List.of(fileLines.get(0), big));
        assertFalse(s.isError(1), "a long good line is an event");
        DetailContent detail = DetailContents.read(s, 1);
        assertTrue(detail.truncated());
        assertTrue(detail.text().startsWith("{\"type\":\"x.y\""), detail.text().substring(0, 40));
        assertEquals(DetailContents.DETAIL_CAP, detail.text().length());
    }
}
