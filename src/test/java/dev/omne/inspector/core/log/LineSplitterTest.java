package dev.omne.inspector.core.log;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineSplitterTest {
    record Cut(String text, long line, long offset) {
    }

    static List<Cut> split(byte[] data, int maxChunk, long seed, int maxLine, boolean finish) {
        List<Cut> cuts = new ArrayList<>();
        LineSplitter splitter = new LineSplitter(0, 1, maxLine);
        LineSplitter.Sink sink = new LineSplitter.Sink() {
            @Override
            public void line(byte[] buf, int off, int len, long lineNumber, long offset) {
                cuts.add(new Cut(new String(buf, off, len, StandardCharsets.UTF_8), lineNumber, offset));
            }

            @Override
            public void overlong(long lineNumber, long offset, long length) {
                cuts.add(new Cut("<" + length + ">", lineNumber, offset));
            }
        };
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

    @Test
    void anyChunkingGivesTheSameLines() {
        byte[] data = "a\n\nbb\r\nccc\ndddd".getBytes(StandardCharsets.UTF_8);
        List<Cut> expected = List.of(new Cut("a", 1, 0), new Cut("", 2, 2), new Cut("bb\r", 3, 3),
                new Cut("ccc", 4, 7), new Cut("dddd", 5, 11));
        for (int seed = 0; seed < 200; seed++) {
            assertEquals(expected, split(data, 1 + seed % 7, seed, 100, true), "seed " + seed);
        }
    }

    @Test
    void thePartialLastLineIsHeldBackUntilFinish() {
        byte[] data = "a\nbb".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(new Cut("a", 1, 0)), split(data, 3, 1, 100, false));
        LineSplitter splitter = new LineSplitter();
        List<String> seen = new ArrayList<>();
        LineSplitter.Sink sink = new LineSplitter.Sink() {
            @Override
            public void line(byte[] buf, int off, int len, long lineNumber, long offset) {
                seen.add(new String(buf, off, len, StandardCharsets.UTF_8));
            }

            @Override
            public void overlong(long lineNumber, long offset, long length) {
                seen.add("overlong");
            }
        };
        splitter.feed(data, 0, data.length, sink);
        assertEquals(2, splitter.committedOffset());
        assertEquals(2, splitter.pendingBytes());
        assertEquals(2, splitter.nextLineNumber());
        assertEquals(List.of("a"), seen);
    }

    @Test
    void overlongLinesAreCountedNotBuffered() {
        byte[] data = "ab\n0123456789\ncd\n0123456789ABC".getBytes(StandardCharsets.UTF_8);
        List<Cut> expected = List.of(new Cut("ab", 1, 0), new Cut("<10>", 2, 3), new Cut("cd", 3, 14),
                new Cut("<13>", 4, 17));
        for (int seed = 0; seed < 100; seed++) {
            assertEquals(expected, split(data, 1 + seed % 9, seed, 8, true), "seed " + seed);
        }
    }
}
