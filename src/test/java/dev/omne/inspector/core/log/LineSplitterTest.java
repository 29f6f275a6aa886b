package dev.omne.inspector.core.log;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineSplitterTest {
    /** A line as a sink sees it: the text it was given, where it is, its length and the verdict. */
    record Cut(String text, long line, long offset, long length, String verdict) {
    }

    static List<Cut> split(byte[] data, int maxChunk, long seed, int keep, boolean finish) {
        List<Cut> cuts = new ArrayList<>();
        LineSplitter splitter = new LineSplitter(0, 1, keep);
        LineSplitter.Sink sink = (lineNumber, offset, length, judged, text, off, len) -> cuts.add(new Cut(
                new String(text, off, len, StandardCharsets.UTF_8), lineNumber, offset, length, verdict(judged)));
        SplittableRandom random = new SplittableRandom(seed);
        int at = 0;
        while (at < data.length) {
            int n = Math.min(data.length - at, 1 + random.nextInt(maxChunk));
            splitter.feed(data, at, n, sink);
            at += n;
        }
        if (finish) {
            splitter.finish(sink);
        }
        return cuts;
    }

    static String verdict(ScannedLine judged) {
        return switch (judged.outcome()) {
            case BLANK -> "blank";
            case EVENT -> judged.type();
            case ERROR -> "error@" + judged.column();
        };
    }

    @Test
    void anyChunkingGivesTheSameLinesAndVerdicts() {
        byte[] data = "{\"type\":\"a.b\"}\n\n {\"type\":\"c.d\"}\r\nccc\n{\"type\":\"e.f\"}".getBytes(StandardCharsets.UTF_8);
        List<Cut> expected = List.of(new Cut("{\"type\":\"a.b\"}", 1, 0, 14, "a.b"), new Cut("", 2, 15, 0, "blank"),
                new Cut(" {\"type\":\"c.d\"}\r", 3, 16, 16, "c.d"), new Cut("ccc", 4, 33, 3, "error@1"),
                new Cut("{\"type\":\"e.f\"}", 5, 37, 14, "e.f"));
        for (int seed = 0; seed < 300; seed++) {
            assertEquals(expected, split(data, 1 + seed % 11, seed, 100, true), "seed " + seed);
        }
    }

    @Test
    void thePartialLastLineIsHeldBackUntilFinish() {
        byte[] data = "{\"type\":\"a.b\"}\n{\"ty".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(new Cut("{\"type\":\"a.b\"}", 1, 0, 14, "a.b")), split(data, 3, 1, 100, false));
        LineSplitter splitter = new LineSplitter();
        List<String> seen = new ArrayList<>();
        LineSplitter.Sink sink = (lineNumber, offset, length, judged, text, off, len) -> seen.add(verdict(judged));
        splitter.feed(data, 0, data.length, sink);
        assertEquals(15, splitter.committedOffset());
        assertEquals(4, splitter.pendingBytes());
        assertEquals(2, splitter.nextLineNumber());
        assertEquals(List.of("a.b"), seen);
        byte[] rest = "pe\":\"c.d\"}\n".getBytes(StandardCharsets.UTF_8);
        splitter.feed(rest, 0, rest.length, sink);
        assertEquals(List.of("a.b", "c.d"), seen, "the held-back start and the rest judged as one line");
        assertEquals(0, splitter.pendingBytes());
    }

    @Test
    void linesLongerThanTheKeptBytesAreJudgedWholeAndGiveOnlyTheirStart() {
        String longGood = "{\"type\":\"a.b\",\"s\":\"" + "x".repeat(40) + "\"}";
        String longBad = "{\"type\":\"a.b\",\"s\":\"" + "x".repeat(40) + "\",}";
        byte[] data = ("{\"type\":\"c.d\"}\n" + longGood + "\n" + longBad + "\n" + longGood).getBytes(StandardCharsets.UTF_8);
        List<Cut> expected = List.of(new Cut("{\"type\":\"c.d\"}", 1, 0, 14, "c.d"),
                new Cut(longGood.substring(0, 16), 2, 15, longGood.length(), "a.b"),
                new Cut(longBad.substring(0, 16), 3, 15 + longGood.length() + 1, longBad.length(),
                        "error@" + longBad.length()),
                new Cut(longGood.substring(0, 16), 4, 15 + longGood.length() + longBad.length() + 2, longGood.length(),
                        "a.b"));
        for (int seed = 0; seed < 200; seed++) {
            assertEquals(expected, split(data, 1 + seed % 23, seed, 16, true), "seed " + seed);
        }
    }
}
