package dev.omne.inspector.bench;

import dev.omne.inspector.fuzz.FuzzAgreement;
import dev.omne.inspector.fuzz.FuzzAgreement.Result;
import dev.omne.inspector.fuzz.FuzzLines;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The fuzz harness at scale: {@code src/bench/run.sh FuzzBench [--lines N] [--segment LINES] [--seed S]} writes
 * hostile lines (in segments of 20,000 lines by default, each a file of its own with seed S + k), reads them every
 * way {@link FuzzAgreement} does and checks that all agree line for line.
 */
public final class FuzzBench {
    private FuzzBench() {
    }

    public static void main(String[] args) throws Exception {
        int lines = 2_000_000;
        int segment = 20_000;
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--lines" -> lines = Integer.parseInt(args[++i].replace("_", ""));
                case "--segment" -> segment = Integer.parseInt(args[++i].replace("_", ""));
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: FuzzBench [--lines N] [--segment LINES] [--seed S]");
                    System.exit(2);
                }
            }
        }
        if (lines < 1 || segment < 1) {
            System.err.println("--lines and --segment must be positive");
            System.exit(2);
        }
        // One line in 16 carries a 10-200 KB value, so a million lines are several GB: far more than one array
        // (or one heap) holds. The lines are made and checked in segments, each its own file with its own seed.
        int segments = (lines + segment - 1) / segment;
        System.out.printf("fuzz: %,d lines in %,d segments of up to %,d, seeds %d..%d%n", lines, segments, segment,
                seed, seed + segments - 1);
        Path file = Files.createTempFile("omne-fuzz", ".jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        Result total = Result.ZERO;
        long t0 = System.nanoTime();
        try {
            for (int k = 0; k < segments; k++) {
                int n = Math.min(segment, lines - k * segment);
                long segmentSeed = seed + k;
                byte[] content = FuzzLines.generate(segmentSeed, n);
                if (k % 10 == 9) {
                    // Now and then a line longer than a reader keeps (16 MiB): judged whole, kept only in part.
                    content = FuzzAgreement.withLongLine(content, new SplittableRandom(segmentSeed));
                }
                Files.write(file, content);
                Result r = FuzzAgreement.run(file, content, pool, segmentSeed);
                total = total.plus(r);
                if (r.problem() != null) {
                    System.out.println("DISAGREEMENT in segment " + k + " (--seed " + segmentSeed + " --lines " + n
                            + " --segment " + n + "): " + r.problem());
                    System.exit(1);
                }
                if ((k + 1) % Math.max(1, segments / 10) == 0 || k + 1 == segments) {
                    System.out.printf("  %,d/%,d lines, %,d MB, %.0f s%n", (long) k * segment + n, lines,
                            total.bytes() / 1_000_000, (System.nanoTime() - t0) / 1e9);
                }
            }
        } finally {
            pool.shutdownNow();
            Files.deleteIfExists(file);
        }
        System.out.println(total.describe());
        System.out.printf("all paths agree on every line: %,d lines, %,d bytes, %.0f s in all%n", lines, total.bytes(),
                (System.nanoTime() - t0) / 1e9);
    }
}
