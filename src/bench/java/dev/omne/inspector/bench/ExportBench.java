package dev.omne.inspector.bench;

import dev.omne.inspector.generate.VolumeGenerator;
import dev.omne.inspector.core.export.ExportFormat;
import dev.omne.inspector.core.export.ExportOptions;
import dev.omne.inspector.core.export.Exports;
import dev.omne.inspector.core.filter.EventFilter;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Export at scale: {@code java -Xmx256m -cp 'target/omne-inspector.jar:target/lib/*'
 * dev.omne.inspector.bench.ExportBench [--events N] [--file LOG] [--filter EXPR]} indexes a generated run
 * (1,000,000 lines by default, every 1000th malformed) or LOG, then exports it to each format, and prints
 * time, size and peak heap for each. A small -Xmx shows that exports stream instead of holding the run.
 */
public final class ExportBench {
    private ExportBench() {
    }

    public static void main(String[] args) throws IOException {
        int events = 1_000_000;
        Path file = null;
        String filter = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Integer.parseInt(args[++i].replace("_", ""));
                case "--file" -> file = Path.of(args[++i]);
                case "--filter" -> filter = args[++i];
                default -> {
                    System.err.println("usage: ExportBench [--events N] [--file LOG] [--filter EXPR]");
                    System.exit(2);
                }
            }
        }
        Path dir = Files.createTempDirectory("export-bench");
        try {
            if (file == null) {
                file = dir.resolve("events.jsonl");
                long t = System.nanoTime();
                VolumeGenerator.generateFile(file, VolumeGenerator.Options.defaults().withEventsPerRun(events)
                        .withMalformedEvery(1000));
                System.out.printf("generated %,d lines, %.1f MiB in %.2f s%n", events, Files.size(file) / 1048576.0,
                        (System.nanoTime() - t) / 1e9);
            }
            long t = System.nanoTime();
            IndexSnapshot snapshot = RunIndex.build(file).snapshot();
            System.out.printf("index: %,d rows in %.2f s%n", snapshot.size(), (System.nanoTime() - t) / 1e9);
            t = System.nanoTime();
            int[] rows = Exports.select(snapshot, EventFilter.parse(filter), () -> false);
            System.out.printf("filter \"%s\": %,d rows in %.2f s%n", filter, rows.length, (System.nanoTime() - t) / 1e9);
            for (ExportFormat format : ExportFormat.values()) {
                resetPeaks();
                Path out = dir.resolve("out" + format.extension());
                t = System.nanoTime();
                Exports.toFile(format.exporter(), snapshot, rows, ExportOptions.DEFAULT.withFilterText(filter), out);
                double seconds = (System.nanoTime() - t) / 1e9;
                System.out.printf("%-5s %7.1f MiB in %5.2f s (%.0f rows/s), peak heap %.0f MiB of %.0f MiB max%n",
                        format.id(), Files.size(out) / 1048576.0, seconds, rows.length / seconds, peakHeap() / 1048576.0,
                        Runtime.getRuntime().maxMemory() / 1048576.0);
                Files.delete(out);
            }
        } finally {
            if (file != null && file.startsWith(dir)) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the last reset: an upper bound of the heap in use at once. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
