package dev.omne.inspector.core.index;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.log.Diagnostic;
import dev.omne.inspector.core.log.EventLine;
import dev.omne.inspector.core.event.EventCodec;
import dev.omne.inspector.core.log.EventReader;
import dev.omne.inspector.core.log.LineJudge;
import dev.omne.inspector.core.log.ScannedLine;
import dev.omne.inspector.core.log.ReadResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunIndexTest {
    static ExecutorService pool;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    Path write(byte[] content) throws IOException {
        Path file = dir.resolve("events.jsonl");
        Files.write(file, content);
        return file;
    }

    Path write(String content) throws IOException {
        return write(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void columnsHoldOffsetLineTimeTypeAndNode() throws IOException {
        String a = "{\"type\":\"node.started\",\"id\":\"1\",\"ts\":\"2026-04-15T00:00:00Z\",\"run_id\":\"r\",\"node_id\":\"plan\",\"kind\":\"prompt\"}";
        String b = "{\"type\":\"node.completed\",\"id\":\"2\",\"ts\":\"2026-04-15T00:00:01.25Z\",\"run_id\":\"r\",\"node_id\":\"plan\"}";
        String c = "{\"type\":\"run.completed\",\"id\":\"3\",\"ts\":\"2026-04-15T00:00:02Z\",\"run_id\":\"r\"}";
        Path file = write(a + "\n\n" + "{broken\n" + b + "\n" + c + "\n");
        IndexSnapshot s = RunIndex.build(file).snapshot();
        assertEquals(4, s.size());
        assertEquals(3, s.eventCount());
        assertEquals(1, s.errorCount());
        assertEquals(List.of(1L, 3L, 4L, 5L), List.of(s.line(0), s.line(1), s.line(2), s.line(3)));
        assertEquals(0, s.offset(0));
        assertEquals(a.length() + 2, s.offset(1));
        assertEquals("node.started", s.type(0));
        assertNull(s.type(1));
        assertTrue(s.isError(1));
        assertEquals(3, s.diagnostic(1).line());
        assertNull(s.diagnostic(0));
        assertEquals("plan", s.node(0));
        assertEquals(s.nodeId(0), s.nodeId(2));
        assertEquals(-1, s.nodeId(3));
        assertEquals("prompt", s.nodeKind(s.nodeId(0)));
        assertEquals(Timestamps.parseMicros("2026-04-15T00:00:01.25Z"), s.tsMicros(2));
        assertEquals(Files.size(file), s.bytes());
    }

    @Test
    void typesAndNodesAreInternedOncePerDistinctValue() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            b.append("{\"type\":\"t").append(i % 3).append(".x\",\"ts\":\"2026-04-15T00:00:00Z\",\"node_id\":\"n")
                    .append(i % 7).append("\"}\n");
        }
        IndexSnapshot s = RunIndex.build(write(b.toString())).snapshot();
        assertEquals(List.of("t0.x", "t1.x", "t2.x"), s.types());
        assertEquals(7, s.nodes().size());
        for (int row = 0; row < s.size(); row++) {
            assertEquals("t" + (row % 3) + ".x", s.type(row));
            assertEquals("n" + (row % 7), s.node(row));
            assertEquals(row % 3, s.typeId(row));
        }
        assertEquals(1, s.typeIdOf("t1.x"));
    }

    @Test
    void extendParsesOnlyAppendedBytesAndHoldsBackAPartialLine() throws IOException {
        RunIndex index = RunIndex.empty(dir.resolve("events.jsonl"));
        byte[] first = "{\"type\":\"a.b\"}\n{\"type\":\"c".getBytes(StandardCharsets.UTF_8);
        RunIndex.Extension e1 = index.extend(first, 0, first.length);
        assertEquals(0, e1.fromRow());
        assertEquals(1, e1.toRow());
        assertEquals(15, index.committedOffset());
        assertEquals(10, index.pendingBytes());
        byte[] rest = ".d\"}\nnope\n".getBytes(StandardCharsets.UTF_8);
        RunIndex.Extension e2 = index.extend(rest, 0, rest.length);
        assertEquals(1, e2.fromRow());
        assertEquals(3, e2.toRow());
        assertEquals(List.of(3L), e2.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::line).toList());
        assertEquals(List.of(2L, 3L), e2.diagnostics().stream().map(Diagnostic::line).toList(), "a warning (no ts), an error");
        IndexSnapshot s = index.snapshot();
        assertEquals("c.d", s.type(1));
        assertEquals(15, s.offset(1));
        assertTrue(s.isError(2));
        assertFalse(index.finish().toRow() > 3, "nothing held back any more");
    }

    @Test
    void aSnapshotNeverChangesWhileTheIndexGrows() throws IOException {
        RunIndex index = RunIndex.empty(dir.resolve("events.jsonl"));
        byte[] line = "{\"type\":\"a.b\",\"node_id\":\"n\"}\n".getBytes(StandardCharsets.UTF_8);
        index.extend(line, 0, line.length);
        IndexSnapshot before = index.snapshot();
        for (int i = 0; i < 5000; i++) {
            index.extend(line, 0, line.length);
        }
        assertEquals(1, before.size());
        assertEquals("a.b", before.type(0));
        assertEquals(5001, index.snapshot().size());
    }

    @Test
    void wholeParallelAndChunkedIndexingAgreeWithTheReaderLineForLine() throws IOException {
        for (long seed = 1; seed <= 6; seed++) {
            byte[] content = HostileLines.generate(seed, 4000, 25);
            if (seed % 2 == 0) { // some files end without a final newline
                content = java.util.Arrays.copyOf(content, content.length - 1);
            }
            Path file = write(content);
            ReadResult read = EventReader.read(file);
            assertTrue(read.errorCount() > 50, "the generator makes bad lines");
            assertSame(eachLineJudgedWhole(file, content), RunIndex.build(file, pool, 1, true).snapshot(),
                    "the streaming judge against each line judged whole, seed " + seed);

            assertSame(read, RunIndex.build(file, pool, 1, true).snapshot(), "sequential, seed " + seed);
            assertSame(read, RunIndex.build(file, pool, 2 + (int) seed, true).snapshot(), "parallel, seed " + seed);

            SplittableRandom random = new SplittableRandom(seed * 31);
            RunIndex chunked = RunIndex.empty(file);
            int at = 0;
            while (at < content.length) {
                int n = Math.min(content.length - at, 1 + random.nextInt(random.nextBoolean() ? 7 : 3000));
                chunked.extend(content, at, n);
                at += n;
            }
            chunked.finish();
            assertSame(read, chunked.snapshot(), "chunked, seed " + seed);
        }
    }

    @Test
    void aPartialLastLineIsHeldBackByALiveBuildAndCompletedByExtend() throws IOException {
        byte[] content = HostileLines.generate(99, 3000, 40);
        int cut = content.length - 17;
        Path file = write(java.util.Arrays.copyOf(content, cut));
        RunIndex live = RunIndex.build(file, pool, 3, false);
        long committed = live.committedOffset();
        assertTrue(committed < cut);
        Files.write(file, content);
        byte[] tail = java.util.Arrays.copyOfRange(content, (int) committed, content.length);
        live.extend(tail, 0, tail.length);
        live.finish();
        assertSame(EventReader.read(file), live.snapshot(), "build then extend");
    }

    @Test
    void columnsStayWithinFortyEightBytesPerEvent() throws IOException {
        byte[] content = HostileLines.generate(5, 20_000, 1000);
        IndexSnapshot built = RunIndex.build(write(content), pool, 2, true).snapshot();
        assertTrue(built.columnBytes() <= 48L * built.size(), built.columnBytes() / built.size() + " bytes/row");
        RunIndex grown = RunIndex.empty(dir.resolve("events.jsonl"));
        for (int at = 0; at < content.length; at += 4096) {
            grown.extend(content, at, Math.min(4096, content.length - at));
        }
        IndexSnapshot s = grown.snapshot();
        assertTrue(s.columnBytes() <= 48L * s.size(), s.columnBytes() / s.size() + " bytes/row while growing");
    }

    /**
     * The plain judgement: the file cut at newlines by hand and each line judged whole by a fresh {@link LineJudge},
     * what the streaming judgement of every other path (chunks of any size, lines judged part by part) must equal.
     */
    static ReadResult eachLineJudgedWhole(Path file, byte[] content) throws IOException {
        List<EventLine> events = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        ScannedLine scan = new ScannedLine();
        long lineNumber = 0;
        int start = 0;
        while (start < content.length) {
            int end = start;
            while (end < content.length && content[end] != '\n') {
                end++;
            }
            lineNumber++;
            int len = end - start;
            new LineJudge().judge(content, start, len, scan);
            if (scan.outcome() != ScannedLine.Outcome.BLANK) {
                if (scan.hasDiagnostic()) {
                    diagnostics.add(Diagnostic.of(file, lineNumber, start, scan, content, start, len));
                }
                if (scan.outcome() == ScannedLine.Outcome.EVENT) {
                    events.add(new EventLine(lineNumber, start, EventCodec.decodeScanned(content, start, len)));
                }
            }
            start = end + 1;
        }
        return new ReadResult(file, events, diagnostics, lineNumber, content.length);
    }

    static void assertSame(ReadResult read, IndexSnapshot index, String what) {
        assertEquals(read.diagnostics(), index.diagnostics(), what + ": diagnostics");
        List<String> expected = new ArrayList<>();
        for (EventLine e : read.events()) {
            expected.add(e.line() + "@" + e.offset() + " " + e.event().type() + " " + e.event().nodeId() + " "
                    + (e.event().ts() == null ? "-" : Timestamps.parseMicros(e.event().text("ts"))));
        }
        List<String> actual = new ArrayList<>();
        for (int row = 0; row < index.size(); row++) {
            if (!index.isError(row)) {
                actual.add(index.line(row) + "@" + index.offset(row) + " " + index.type(row) + " " + index.node(row)
                        + " " + (index.tsMicros(row) == Timestamps.NONE ? "-" : index.tsMicros(row)));
            }
        }
        assertEquals(expected, actual, what + ": events");
        assertEquals(read.errorCount(), index.errorCount(), what);
        List<Long> errorLines = new ArrayList<>();
        for (int row = 0; row < index.size(); row++) {
            if (index.isError(row)) {
                errorLines.add(index.line(row));
            }
        }
        assertEquals(read.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::line).toList(), errorLines);
    }
}
