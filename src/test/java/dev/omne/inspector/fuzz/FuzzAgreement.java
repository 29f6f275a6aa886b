package dev.omne.inspector.fuzz;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;
import dev.omne.inspector.core.log.EventLine;
import dev.omne.inspector.core.log.EventReader;
import dev.omne.inspector.core.log.ReadResult;
import dev.omne.inspector.tail.RunTailer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;

/**
 * The fuzz harness's check: hostile lines read through the reader, the parallel index, the incremental index fed
 * in random chunks and the tailer following a copy appended in random pieces; no exception may escape, every
 * non-blank line must be one row, and all paths must agree line for line. {@link FuzzTest} runs it at a modest
 * size; the benchmark harness's {@code FuzzBench} with millions of lines.
 */
public final class FuzzAgreement {
    private FuzzAgreement() {
    }

    /** The content with a long line ({@link FuzzLines#longLine}) put after a line in its middle. */
    public static byte[] withLongLine(byte[] content, SplittableRandom random) {
        int at = content.length / 2;
        while (at < content.length && content[at] != '\n') {
            at++;
        }
        at = Math.min(at + 1, content.length);
        byte[] line = FuzzLines.longLine(random);
        byte[] out = new byte[content.length + line.length + 1];
        System.arraycopy(content, 0, out, 0, at);
        System.arraycopy(line, 0, out, at, line.length);
        out[at + line.length] = '\n';
        System.arraycopy(content, at, out, at + line.length + 1, content.length - at);
        return out;
    }

    /** What one check found, and how long each path took. */
    public record Result(long bytes, long nonBlank, long events, long errors, long warnings, double readS,
                        double indexS, double chunkS, double tailS, String problem) {
        public static final Result ZERO = new Result(0, 0, 0, 0, 0, 0, 0, 0, 0, null);

        public Result plus(Result o) {
            return new Result(bytes + o.bytes, nonBlank + o.nonBlank, events + o.events, errors + o.errors,
                    warnings + o.warnings, readS + o.readS, indexS + o.indexS, chunkS + o.chunkS, tailS + o.tailS,
                    problem != null ? problem : o.problem);
        }

        public String describe() {
            return String.format("non-blank lines %,d; reader %,d events + %,d errors (%,d warnings) in %.2f s;"
                            + " index %,d rows in %.2f s; chunked %,d rows in %.2f s; tailed %,d rows in %.2f s",
                    nonBlank, events, errors, warnings, readS, nonBlank, indexS, nonBlank, chunkS, nonBlank, tailS);
        }
    }

    /** Null when every path agrees and every non-blank line is exactly one row; else what differs. Prints the figures. */
    public static String check(Path file, byte[] content, ExecutorService pool, long seed) throws IOException {
        Result r = run(file, content, pool, seed);
        System.out.println(r.describe());
        return r.problem();
    }

    /** Reads {@code file} (holding {@code content}) every way and compares; {@code problem} null when all agree. */
    public static Result run(Path file, byte[] content, ExecutorService pool, long seed) throws IOException {
        long nonBlank = nonBlankLines(content);
        long t = System.nanoTime();
        ReadResult read = EventReader.read(file);
        double readS = (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        IndexSnapshot whole = RunIndex.build(file, pool, Runtime.getRuntime().availableProcessors() * 2, true).snapshot();
        double indexS = (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        RunIndex grown = RunIndex.empty(file);
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int at = 0; at < content.length; ) {
            int n = Math.min(content.length - at, 1 + random.nextInt(random.nextBoolean() ? 64 : 300_000));
            grown.extend(content, at, n);
            at += n;
        }
        grown.finish();
        IndexSnapshot chunked = grown.snapshot();
        double chunkS = (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        IndexSnapshot tailed = tail(file.resolveSibling(file.getFileName() + ".tailed"), content, random);
        double tailS = (System.nanoTime() - t) / 1e9;
        return new Result(content.length, nonBlank, read.events().size(), read.errorCount(), read.warningCount(),
                readS, indexS, chunkS, tailS, compare(nonBlank, read, whole, chunked, tailed));
    }

    private static String compare(long nonBlank, ReadResult read, IndexSnapshot whole, IndexSnapshot chunked,
                                  IndexSnapshot tailed) {
        if (read.events().size() + read.errorCount() != nonBlank) {
            return "reader: " + (read.events().size() + read.errorCount()) + " events+errors for " + nonBlank + " lines";
        }
        for (IndexSnapshot index : List.of(whole, chunked, tailed)) {
            String which = index == whole ? "parallel index" : index == chunked ? "chunked index" : "tailer";
            if (index.size() != nonBlank) {
                return which + ": " + index.size() + " rows for " + nonBlank + " lines";
            }
            if (!index.diagnostics().stream().map(FuzzAgreement::withoutFile).toList()
                    .equals(read.diagnostics().stream().map(FuzzAgreement::withoutFile).toList())) {
                return which + ": diagnostics differ from the reader's";
            }
            int e = 0;
            for (int row = 0; row < index.size(); row++) {
                if (index.isError(row)) {
                    continue;
                }
                EventLine event = read.events().get(e++);
                if (event.line() != index.line(row) || event.offset() != index.offset(row)
                        || !Objects.equals(event.event().type(), index.type(row))
                        || !Objects.equals(event.event().nodeId(), index.node(row))) {
                    return which + ": row " + row + " is line " + index.line(row) + ", reader has line " + event.line();
                }
            }
        }
        return null;
    }

    /** The tailer reads a copy of the file, so diagnostics are compared without their file name. */
    private static String withoutFile(dev.omne.inspector.core.log.Diagnostic d) {
        return d.line() + ":" + d.column() + "@" + d.offset() + " " + d.severity() + " " + d.message() + " " + d.rawLine();
    }

    /** Appends the content to a new file in random pieces, as a writer would, with a tailer following. */
    private static IndexSnapshot tail(Path copy, byte[] content, SplittableRandom random) throws IOException {
        Files.deleteIfExists(copy);
        try (var out = Files.newOutputStream(copy); RunTailer tailer = new RunTailer("fuzz", copy)) {
            for (int at = 0; at < content.length; ) {
                int n = Math.min(content.length - at, 1 + random.nextInt(random.nextBoolean() ? 64 : 300_000));
                out.write(content, at, n);
                out.flush();
                at += n;
                tailer.poll();
            }
            tailer.poll();
            return tailer.snapshot();
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static final java.util.regex.Pattern WHITE_SPACE = java.util.regex.Pattern.compile("\\p{IsWhite_Space}*");

    /**
     * Blank as the runner means it, worked out apart from the judge: valid UTF-8 and nothing but Unicode White_Space
     * (what Rust's {@code str::trim} removes).
     */
    static boolean isBlank(byte[] b, int off, int len) {
        try {
            CharSequence text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(b, off, len));
            return WHITE_SPACE.matcher(text).matches();
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    static long nonBlankLines(byte[] content) {
        long count = 0;
        int start = 0;
        for (int i = 0; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                if (i > start && !isBlank(content, start, i - start)) {
                    count++;
                }
                start = i + 1;
            }
        }
        return count;
    }
}
