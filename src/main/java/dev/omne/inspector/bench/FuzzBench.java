package dev.omne.inspector.bench;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;
import dev.omne.inspector.core.log.EventLine;
import dev.omne.inspector.core.log.EventReader;
import dev.omne.inspector.core.log.LineScanner;
import dev.omne.inspector.core.log.ReadResult;
import dev.omne.inspector.tail.RunTailer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The fuzz harness at scale: {@code java -cp 'target/omne-inspector.jar:target/lib/*'
 * dev.omne.inspector.bench.FuzzBench [--lines N] [--seed S]} writes hostile lines, reads them through the
 * reader, the parallel index, the incremental index fed in random chunks and the tailer following a copy
 * appended in random pieces, and checks that no exception
 * escapes, every non-blank line is one row, and all paths agree line for line.
 */
public final class FuzzBench {
    private FuzzBench() {
    }

    public static void main(String[] args) throws Exception {
        int lines = 2_000_000;
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--lines" -> lines = Integer.parseInt(args[++i].replace("_", ""));
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: FuzzBench [--lines N] [--seed S]");
                    System.exit(2);
                }
            }
        }
        Path file = Files.createTempFile("omne-fuzz", ".jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            long t0 = System.nanoTime();
            byte[] content = FuzzLines.generate(seed, lines);
            Files.write(file, content);
            System.out.printf("wrote %,d lines, %,d bytes in %.1f s%n", lines, content.length, (System.nanoTime() - t0) / 1e9);
            String problem = check(file, content, pool, seed);
            if (problem != null) {
                System.out.println("DISAGREEMENT: " + problem);
                System.exit(1);
            }
        } finally {
            pool.shutdownNow();
            Files.deleteIfExists(file);
        }
    }

    /** Null when every path agrees and every non-blank line is exactly one row; else what differs. */
    public static String check(Path file, byte[] content, ExecutorService pool, long seed) throws IOException {
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
        System.out.printf("non-blank lines %,d; reader %,d events + %,d errors (%,d warnings) in %.2f s;"
                        + " index %,d rows in %.2f s; chunked %,d rows in %.2f s; tailed %,d rows in %.2f s%n",
                nonBlank, read.events().size(), read.errorCount(), read.warningCount(), readS, whole.size(), indexS,
                chunked.size(), chunkS, tailed.size(), tailS);
        if (read.events().size() + read.errorCount() != nonBlank) {
            return "reader: " + (read.events().size() + read.errorCount()) + " events+errors for " + nonBlank + " lines";
        }
        for (IndexSnapshot index : List.of(whole, chunked, tailed)) {
            String which = index == whole ? "parallel index" : index == chunked ? "chunked index" : "tailer";
            if (index.size() != nonBlank) {
                return which + ": " + index.size() + " rows for " + nonBlank + " lines";
            }
            if (!index.diagnostics().stream().map(FuzzBench::withoutFile).toList()
                    .equals(read.diagnostics().stream().map(FuzzBench::withoutFile).toList())) {
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

    static long nonBlankLines(byte[] content) {
        long count = 0;
        int start = 0;
        for (int i = 0; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                if (i > start && !LineScanner.isBlank(content, start, i - start)) {
                    count++;
                }
                start = i + 1;
            }
        }
        return count;
    }
}
