package dev.omne.inspector.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;
import dev.omne.inspector.core.log.Diagnostic;
import dev.omne.inspector.core.log.EventReader;
import dev.omne.inspector.core.log.ReadResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One tailer over one real file, polled by the test: every hard case, deterministic, no watcher involved. */
class RunTailerTest {
    @TempDir
    Path dir;

    /** What a listener of one tailer has seen. */
    private static final class Seen {
        final List<Long> rows = new ArrayList<>();
        final List<Diagnostic> diagnostics = new ArrayList<>();
        final List<TailNotice> notices = new ArrayList<>();
        int resets;

        void apply(RunUpdate u) {
            if (u == null) {
                return;
            }
            if (u.reset()) {
                resets++;
                rows.clear();
                diagnostics.clear();
            } else {
                assertEquals(rows.size(), u.fromRow(), "rows are contiguous");
            }
            for (int row = u.fromRow(); row < u.toRow(); row++) {
                rows.add(Lines.seq(u.snapshot(), row));
            }
            diagnostics.addAll(u.diagnostics());
            notices.addAll(u.notices());
        }

        long count(TailNotice.Kind kind) {
            return notices.stream().filter(n -> n.kind() == kind).count();
        }
    }

    @Test
    void randomChunksGiveExactlyTheEventsAndDiagnosticsOfAWholeFileRead() throws IOException {
        for (long seed = 1; seed <= 6; seed++) {
            Path file = dir.resolve("chunks-" + seed + ".jsonl");
            byte[] content = hostile(seed, 2_500);
            SplittableRandom random = new SplittableRandom(seed * 31);
            RunTailer tailer = new RunTailer("r", file);
            Seen seen = new Seen();
            seen.apply(tailer.poll(true));
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                int at = 0;
                while (at < content.length) {
                    int max = switch (random.nextInt(4)) {
                        case 0 -> 3;
                        case 1 -> 64;
                        case 2 -> 700;
                        default -> 20_000;
                    };
                    int n = Math.min(content.length - at, 1 + random.nextInt(max));
                    ByteBuffer chunk = ByteBuffer.wrap(content, at, n);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                    at += n;
                    seen.apply(tailer.poll(random.nextBoolean()));
                }
            }
            seen.apply(tailer.poll(true));

            IndexSnapshot whole = RunIndex.build(file).snapshot();
            ReadResult read = EventReader.read(file);
            IndexSnapshot tailed = tailer.snapshot();
            assertEquals(1, seen.resets, "only the first read is a reset");
            assertEquals(whole.size(), tailed.size());
            for (int row = 0; row < whole.size(); row++) {
                assertEquals(whole.offset(row), tailed.offset(row), "offset of row " + row);
                assertEquals(whole.line(row), tailed.line(row), "line of row " + row);
                assertEquals(whole.tsMicros(row), tailed.tsMicros(row), "ts of row " + row);
                assertEquals(whole.type(row), tailed.type(row), "type of row " + row);
                assertEquals(whole.node(row), tailed.node(row), "node of row " + row);
                assertEquals(whole.isError(row), tailed.isError(row), "error flag of row " + row);
                assertEquals(whole.hasWarning(row), tailed.hasWarning(row), "warning flag of row " + row);
            }
            assertEquals(whole.diagnostics(), seen.diagnostics, "diagnostics delivered");
            assertEquals(read.diagnostics(), seen.diagnostics, "diagnostics of the tolerant reader");
            assertEquals(read.events().size(), tailed.eventCount(), "events of the tolerant reader");
            List<Long> wholeRows = new ArrayList<>();
            for (int row = 0; row < whole.size(); row++) {
                wholeRows.add(Lines.seq(whole, row));
            }
            assertEquals(wholeRows, seen.rows, "rows delivered");
            assertTrue(whole.errorCount() > 50, "the file has many bad lines: " + whole.errorCount());
            assertEquals(0, seen.notices.size(), "no notices: " + seen.notices);
        }
    }

    @Test
    void aPartialLineIsHeldBackUntilItsNewlineArrives() throws IOException {
        Path file = dir.resolve("events.jsonl");
        byte[] line = Lines.lines(7, 1);
        Files.write(file, Arrays.copyOf(line, 40));
        RunTailer tailer = new RunTailer("r", file);
        RunUpdate first = tailer.poll(true);
        assertTrue(first.reset());
        assertEquals(0, first.snapshot().size());
        assertEquals(40, tailer.position());
        assertEquals(1, tailer.heldBackPolls());
        Files.write(file, Arrays.copyOfRange(line, 40, line.length - 1), StandardOpenOption.APPEND);
        assertNull(tailer.poll(true), "still no newline: nothing to say");
        Files.write(file, new byte[] {'\n'}, StandardOpenOption.APPEND);
        RunUpdate done = tailer.poll(true);
        assertFalse(done.reset());
        assertEquals(0, done.fromRow());
        assertEquals(1, done.toRow());
        assertEquals(7, Lines.seq(done.snapshot(), 0));
        assertEquals(List.of(), done.diagnostics());
    }

    @Test
    void aFileThatDoesNotExistYetIsPickedUpWhenItAppears() throws IOException {
        Path file = dir.resolve("later/events.jsonl");
        RunTailer tailer = new RunTailer("r", file);
        assertNull(tailer.poll(true));
        assertFalse(tailer.logGone());
        Lines.write(file, 0, 3);
        RunUpdate u = tailer.poll(true);
        assertTrue(u.reset());
        assertEquals(3, u.toRow());
        assertEquals(List.of(), u.notices());
    }

    @Test
    void truncatedThenRegrownIsReadAgainFromTheStart() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Lines.write(file, 0, 5);
        RunTailer tailer = new RunTailer("r", file);
        Seen seen = new Seen();
        seen.apply(tailer.poll(true));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(0);
        }
        RunUpdate cut = tailer.poll(true);
        seen.apply(cut);
        assertTrue(cut.reset());
        assertEquals(0, cut.snapshot().size());
        assertEquals(TailNotice.Kind.TRUNCATED, cut.notices().getFirst().kind());
        Lines.append(file, 100, 3);
        seen.apply(tailer.poll(true));
        assertEquals(Lines.seqs(100, 3), seen.rows);
        assertEquals(1, seen.count(TailNotice.Kind.TRUNCATED));
    }

    @Test
    void aRewriteWithOtherFirstBytesIsNoticedEvenWhenTheFileDidNotShrink() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Lines.write(file, 0, 5);
        RunTailer tailer = new RunTailer("r", file);
        Seen seen = new Seen();
        seen.apply(tailer.poll(true));
        long before = Files.size(file);
        // Same inode, rewritten in place, longer than before.
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(Lines.lines(500, 8)), 0);
        }
        assertTrue(Files.size(file) > before);
        RunUpdate u = tailer.poll(true);
        seen.apply(u);
        assertTrue(u.reset());
        assertEquals(1, seen.count(TailNotice.Kind.TRUNCATED));
        assertEquals(Lines.seqs(500, 8), seen.rows);
    }

    @Test
    void aFileReplacedByRenameIsReadAgainFromTheStart() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Lines.write(file, 0, 5);
        RunTailer tailer = new RunTailer("r", file);
        Seen seen = new Seen();
        seen.apply(tailer.poll(true));
        Path elsewhere = dir.resolve("events.jsonl.new");
        Lines.write(elsewhere, 0, 9); // same first bytes, longer: only the identity tells
        Files.move(elsewhere, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        RunUpdate u = tailer.poll(false);
        seen.apply(u);
        assertTrue(u.reset());
        assertEquals(TailNotice.Kind.REPLACED, u.notices().getFirst().kind());
        assertEquals(Lines.seqs(0, 9), seen.rows);
    }

    @Test
    void aDeletedFileKeepsWhatWasReadAndIsPickedUpAgainWhenRecreated() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Lines.write(file, 0, 5);
        RunTailer tailer = new RunTailer("r", file);
        Seen seen = new Seen();
        seen.apply(tailer.poll(true));
        Files.delete(file);
        RunUpdate u = tailer.poll(true);
        seen.apply(u);
        assertTrue(u.logGone());
        assertTrue(tailer.logGone());
        assertFalse(u.reset());
        assertEquals(5, u.snapshot().size(), "what was read is kept");
        assertEquals(TailNotice.Kind.DELETED, u.notices().getFirst().kind());
        assertNull(tailer.poll(true), "still gone: said once");
        Lines.write(file, 40, 2);
        RunUpdate back = tailer.poll(false);
        seen.apply(back);
        assertTrue(back.reset());
        assertFalse(back.logGone());
        assertEquals(TailNotice.Kind.RECREATED, back.notices().getFirst().kind());
        assertEquals(Lines.seqs(40, 2), seen.rows);
    }

    @Test
    void aLineOverSixteenMebibytesIsJudgedAsItArrivesAndIsAnEvent() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Lines.write(file, 0, 2);
        RunTailer tailer = new RunTailer("r", file);
        Seen seen = new Seen();
        seen.apply(tailer.poll(true));
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) 'x');
        String head = Lines.line(2).replace("}", ",\"big\":\"");
        long written = 0;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            written += out.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.UTF_8)));
            for (int i = 0; i < 17; i++) {
                written += out.write(ByteBuffer.wrap(chunk));
                seen.apply(tailer.poll(true));
            }
            assertEquals(List.of(0L, 1L), seen.rows, "no row before the newline");
            assertEquals(written, tailer.position() - Lines.lines(0, 2).length, "judged as it arrived");
            out.write(ByteBuffer.wrap(("\"}\n" + Lines.line(3) + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        seen.apply(tailer.poll(true));
        assertEquals(List.of(0L, 1L, 2L, 3L), seen.rows, "a long good line is an event like any other");
        assertEquals(List.of(), seen.diagnostics);
        assertTrue(17L << 20 < written);
    }

    @Test
    void aLongLineBrokenAtItsEndIsAnErrorWithItsColumn() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Lines.write(file, 0, 1);
        RunTailer tailer = new RunTailer("r", file);
        Seen seen = new Seen();
        seen.apply(tailer.poll(true));
        String body = "{\"type\":\"x.y\",\"big\":\"" + "x".repeat(17 << 20) + "\",\"n\":1e400}";
        Files.write(file, (body + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        seen.apply(tailer.poll(true));
        assertEquals(List.of(0L, Lines.ERROR), seen.rows);
        Diagnostic d = seen.diagnostics.getFirst();
        assertEquals(2, d.line());
        assertEquals(body.indexOf("1e400") + 1, d.column());
        assertTrue(d.message().startsWith("number out of range"), d.message());
        assertTrue(d.rawLine().startsWith("{\"type\":\"x.y\""), d.rawLine());
    }

    @Test
    void aRefusedReadIsReportedOnceAndRetriedUntilItSucceeds() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Lines.write(file, 0, 3);
        AtomicInteger refusals = new AtomicInteger(3);
        RunTailer tailer = new RunTailer("r", file, ForkJoinPool.commonPool(), f -> {
            if (refusals.getAndDecrement() > 0) {
                throw new IOException("The process cannot access the file because another process has locked a"
                        + " portion of the file");
            }
            return RunTailer.DEFAULT_OPENER.open(f);
        });
        Seen seen = new Seen();
        RunUpdate first = tailer.poll(true);
        seen.apply(first);
        assertNotNull(first);
        assertEquals(TailNotice.Kind.READ_RETRY, first.notices().getFirst().kind());
        assertTrue(tailer.retrying());
        assertNull(tailer.poll(false), "reported once per refusal streak");
        assertNull(tailer.poll(false));
        RunUpdate ok = tailer.poll(false);
        seen.apply(ok);
        assertFalse(tailer.retrying());
        assertTrue(ok.reset());
        assertEquals(Lines.seqs(0, 3), seen.rows);

        refusals.set(1);
        Lines.append(file, 3, 2);
        seen.apply(tailer.poll(true));
        assertTrue(tailer.retrying());
        seen.apply(tailer.poll(false));
        assertEquals(Lines.seqs(0, 5), seen.rows);
        assertEquals(2, seen.count(TailNotice.Kind.READ_RETRY));
    }

    /** Good lines mixed with bad ones of many kinds, blank lines, CRLF endings, and multi-byte characters. */
    static byte[] hostile(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            String good = Lines.line(i);
            String text = switch (random.nextInt(16)) {
                case 0 -> good.substring(0, 1 + random.nextInt(good.length() - 1));
                case 1 -> "not json at all";
                case 2 -> "{\"id\":\"no type\"}";
                case 3 -> good.replace('"', '\'');
                case 4 -> "[1,2,3]";
                case 5 -> good.substring(0, good.length() - 1) + ",\"note\":\"caf\u00e9 \u4e16\u754c \uD83D\uDE00\"}";
                case 6 -> "{\"type\":7}";
                case 7 -> good.replace("\"ts\":\"", "\"ts\":\"x");
                default -> good;
            };
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(40) == 0) {
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
            }
            out.writeBytes(bytes);
            if (random.nextInt(10) == 0) {
                out.write('\r');
            }
            out.write('\n');
            if (random.nextInt(25) == 0) {
                out.writeBytes("   \n".getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}
