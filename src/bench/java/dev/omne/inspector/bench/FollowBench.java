package dev.omne.inspector.bench;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.tail.FollowOptions;
import dev.omne.inspector.tail.RunUpdate;
import dev.omne.inspector.tail.VolumeUpdate;
import dev.omne.inspector.tail.VolumeWatcher;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How fast {@code follow} sees what another process appends. Not a test: it prints figures.
 *
 * <ul>
 *   <li>Latency: a python3 writer appends N events (default 1,000) at R per second (default 100), each
 *       stamped with its send time; printed: p50, p99 and max delay until the listener has the event.</li>
 *   <li>Throughput: a python3 writer appends N events (default 200,000) as fast as it can, one flock per line
 *       like the runner; printed: whether the follower's final count is exact, how far behind it ended, and its
 *       CPU time.</li>
 * </ul>
 * Both writers take flock(2) on the events file for each line, as the omne runner does.
 */
public final class FollowBench {
    private FollowBench() {
    }

    /** What the listener has seen of one run. */
    private static final class Seen {
        int rows;
        int diagnostics;
        int batches;
        long[] delays = new long[1024];
        int delayCount;

        synchronized void add(RunUpdate update, long nowMicros, boolean timed) {
            batches++;
            IndexSnapshot s = update.snapshot();
            if (timed) {
                for (int row = update.fromRow(); row < update.toRow(); row++) {
                    if (delayCount == delays.length) {
                        delays = Arrays.copyOf(delays, delays.length * 2);
                    }
                    delays[delayCount++] = nowMicros - s.tsMicros(row);
                }
            }
            rows = update.toRow();
            diagnostics += update.diagnostics().size();
            notifyAll();
        }

        synchronized boolean await(int count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (rows < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    public static void main(String[] args) throws Exception {
        Path writer = Path.of("src/bench/follow_writer.py");
        int latencyEvents = 1_000;
        double rate = 100;
        int throughputEvents = 200_000;
        int warmupEvents = 20_000;
        Path dir = null;
        long batchMillis = FollowOptions.DEFAULT.batchInterval().toMillis();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--writer" -> writer = Path.of(args[++i]);
                case "--latency-events" -> latencyEvents = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--throughput-events" -> throughputEvents = Integer.parseInt(args[++i]);
                case "--warmup-events" -> warmupEvents = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--batch-ms" -> batchMillis = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: FollowBench [--writer follow_writer.py] [--latency-events N] [--rate R]"
                            + " [--throughput-events N] [--warmup-events N] [--batch-ms MS] [--dir DIR]");
                    System.exit(2);
                }
            }
        }
        if (!Files.isRegularFile(writer)) {
            System.err.println("no writer script at " + writer.toAbsolutePath() + " (give --writer PATH)");
            System.exit(2);
        }
        boolean temporary = dir == null;
        Path root = temporary ? Files.createTempDirectory("omne-follow-bench") : dir;
        try {
            run(root, writer, latencyEvents, rate, throughputEvents, warmupEvents,
                    FollowOptions.DEFAULT.withBatchInterval(Duration.ofMillis(batchMillis)));
        } finally {
            if (temporary) {
                deleteTree(root);
            }
        }
    }

    private static void run(Path root, Path writer, int latencyEvents, double rate, int throughputEvents,
                            int warmupEvents, FollowOptions options) throws Exception {
        Volume volume = Volume.at(root);
        Files.createDirectories(volume.runsDir());
        Map<String, Seen> seen = new ConcurrentHashMap<>();
        for (String run : List.of("warmup", "latency", "throughput")) {
            Files.createDirectories(volume.runDir(run));
            seen.put(run, new Seen());
        }
        System.out.printf(Locale.ROOT, "follow benchmark: %s %s, %d cores, JDK %s; batches at most every %d ms,"
                        + " poll every %d ms; volume %s%n", System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), Runtime.version(), options.batchInterval().toMillis(),
                options.pollInterval().toMillis(), root);
        try (VolumeWatcher watcher = VolumeWatcher.start(volume, options, update -> onUpdate(update, seen))) {
            if (warmupEvents > 0) {
                write(writer, root, List.of("burst", volume.eventsFile("warmup").toString(), String.valueOf(warmupEvents)));
                require(seen.get("warmup").await(warmupEvents, Duration.ofSeconds(60)), "warm-up events");
                System.out.printf(Locale.ROOT, "warm-up: %d events appended and followed (not measured)%n", warmupEvents);
            }

            // Latency.
            Seen latency = seen.get("latency");
            write(writer, root, List.of("latency", volume.eventsFile("latency").toString(),
                    String.valueOf(latencyEvents), String.valueOf(rate)));
            require(latency.await(latencyEvents, Duration.ofSeconds(60)), "latency events");
            long[] delays;
            synchronized (latency) {
                delays = Arrays.copyOf(latency.delays, latency.delayCount);
            }
            Arrays.sort(delays);
            System.out.printf(Locale.ROOT, "latency: %d events at %.0f/s from another process: p50 %.2f ms, p99 %.2f ms,"
                            + " max %.2f ms (send time to listener), %d batches, %d diagnostics%n", delays.length, rate,
                    percentile(delays, 0.50) / 1e3, percentile(delays, 0.99) / 1e3, delays[delays.length - 1] / 1e3,
                    latency.batches, latency.diagnostics);

            // Throughput.
            Seen throughput = seen.get("throughput");
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Thread watcherThread = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals(watcher.threadName())).findFirst().orElseThrow();
            long threadCpu0 = threads.getThreadCpuTime(watcherThread.threadId());
            Map<Thread, Long> cpuBefore = new java.util.HashMap<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                cpuBefore.put(t, threads.getThreadCpuTime(t.threadId()));
            }
            long processCpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            Process p = start(writer, root, List.of("burst", volume.eventsFile("throughput").toString(),
                    String.valueOf(throughputEvents)));
            require(p.waitFor(10, TimeUnit.MINUTES) && p.exitValue() == 0, "the burst writer: " + output(root));
            long writerDone = System.nanoTime();
            int atWriterExit;
            synchronized (throughput) {
                atWriterExit = throughput.rows;
            }
            require(throughput.await(throughputEvents, Duration.ofSeconds(120)), "throughput events");
            long caughtUp = System.nanoTime();
            long threadCpu = threads.getThreadCpuTime(watcherThread.threadId()) - threadCpu0;
            long processCpu = processCpuNanos() - processCpu0;
            long bytes = Files.size(volume.eventsFile("throughput"));
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                long d = threads.getThreadCpuTime(t.threadId()) - cpuBefore.getOrDefault(t, 0L);
                if (d > 50_000_000L) {
                    System.out.printf(Locale.ROOT, "throughput: CPU of thread %s: %.2f s%n", t.getName(), d / 1e9);
                }
            }
            IndexSnapshot last = watcher.snapshot("throughput").orElseThrow();
            double writeSeconds = (writerDone - t0) / 1e9;
            System.out.printf(Locale.ROOT, "throughput: %d events (%.1f MB) appended in %.2f s by one flock-per-line"
                            + " writer (%.0f events/s); follower final count %d (%s), %d diagnostics, %d batches%n",
                    throughputEvents, bytes / 1e6, writeSeconds, throughputEvents / writeSeconds, last.eventCount(),
                    last.eventCount() == throughputEvents ? "exact" : "WRONG", throughput.diagnostics, throughput.batches);
            System.out.printf(Locale.ROOT, "throughput: follower had %d of %d when the writer exited, all %.1f ms later;"
                            + " CPU while following: watcher thread %.2f s, whole JVM %.2f s (%.1f%% of one core over"
                            + " %.2f s)%n", atWriterExit, throughputEvents, (caughtUp - writerDone) / 1e6, threadCpu / 1e9,
                    processCpu / 1e9, 100.0 * processCpu / (caughtUp - t0), (caughtUp - t0) / 1e9);
        }
    }

    private static void onUpdate(VolumeUpdate update, Map<String, Seen> seen) {
        Instant now = Instant.now();
        long nowMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        for (RunUpdate run : update.runs()) {
            Seen s = seen.get(run.runId());
            if (s != null) {
                s.add(run, nowMicros, run.runId().equals("latency"));
            }
        }
    }

    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static Process start(Path writer, Path root, List<String> args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("python3", writer.toString()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(root.resolve("writer.out").toFile()).start();
    }

    private static void write(Path writer, Path root, List<String> args) throws Exception {
        Process p = start(writer, root, args);
        require(p.waitFor(10, TimeUnit.MINUTES) && p.exitValue() == 0, "the writer: " + output(root));
    }

    private static String output(Path root) {
        try {
            return Files.readString(root.resolve("writer.out"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("failed: " + what);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
