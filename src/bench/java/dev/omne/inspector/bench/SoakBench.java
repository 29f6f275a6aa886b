package dev.omne.inspector.bench;

import dev.omne.inspector.cli.Cli;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;
import dev.omne.inspector.core.log.EventLog;
import dev.omne.inspector.core.volume.Volume;
import dev.omne.inspector.tail.FollowOptions;
import dev.omne.inspector.tail.RunUpdate;
import dev.omne.inspector.tail.TailNotice;
import dev.omne.inspector.tail.VolumeListener;
import dev.omne.inspector.tail.VolumeUpdate;
import dev.omne.inspector.tail.VolumeWatcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The soak benchmark: for a settable time (default 60 s) four writer processes append to three runs while a volume
 * watcher in this JVM follows them, and a fourth run is truncated or replaced every few seconds. Not a test: it
 * prints figures, and exits 1 if any of them is wrong.
 *
 * <ul>
 *   <li>w1, w2: {@link InjectLoop} JVMs, the real {@code inject} command in a loop;</li>
 *   <li>w3, w4: python3 writers taking {@code fcntl.flock} per line, as the omne runner does.</li>
 * </ul>
 * Every event carries its writer and a per-run sequence number. At the end, per writer and run: the count written
 * (the writer's own), on disk (a fresh read) and followed (what the watcher's batches delivered), with duplicates,
 * gaps and torn lines; the notices of the churned run against the truncations and replacements made; {@code check}
 * on the volume; and the follower's heap after a full GC every few seconds, less the index's own columns (which
 * grow with the events by design), with its slope.
 *
 * <pre>SoakBench [--seconds N] [--rate EVENTS_PER_S_PER_PYTHON_WRITER] [--inject-rate R] [--churn-ms MS]
 *           [--heap-every-s S] [--writer-script soak_writer.py] [--dir DIR]</pre>
 */
public final class SoakBench {
    static final List<String> RUNS = List.of("soak-a", "soak-b", "soak-c");
    static final String CHURN = "soak-churn";
    static final List<String> INJECT_WRITERS = List.of("w1", "w2");
    static final List<String> PYTHON_WRITERS = List.of("w3", "w4");
    private static final double MIB = 1024.0 * 1024.0;

    private SoakBench() {
    }

    /** What is known of one writer on one run: its events in order, by sequence number. */
    static final class Tally {
        long count;
        long next;
        long duplicates;
        long gaps;

        void see(long seq) {
            if (seq == next) {
                next++;
                count++;
            } else if (seq < next) {
                duplicates++;
            } else {
                gaps += seq - next;
                next = seq + 1;
                count++;
            }
        }
    }

    /** Per run, per writer. */
    static final class Tallies {
        final Map<String, Map<String, Tally>> byRun = new TreeMap<>();
        long torn;
        long unparsed;

        Tally get(String run, String writer) {
            return byRun.computeIfAbsent(run, r -> new TreeMap<>()).computeIfAbsent(writer, w -> new Tally());
        }

        /** Counts the rows {@code [from, to)} of {@code s}, reading each line back by its offset. */
        void count(String run, IndexSnapshot s, int from, int to, FileChannel channel) throws IOException {
            if (from == to) {
                return;
            }
            long start = s.offset(from);
            long end = to < s.size() ? s.offset(to) : s.bytes();
            byte[] bytes = new byte[(int) (end - start)];
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, start + buffer.position()) < 0) {
                    break;
                }
            }
            for (int row = from; row < to; row++) {
                if (s.isError(row)) {
                    torn++;
                    continue;
                }
                int at = (int) (s.offset(row) - start);
                int nl = at;
                while (nl < bytes.length && bytes[nl] != '\n') {
                    nl++;
                }
                see(run, bytes, at, nl);
            }
        }

        void see(String run, byte[] line, int from, int to) {
            String writer = stringField(line, from, to, "\"writer\":\"");
            long seq = longField(line, from, to, "\"seq\":");
            if (writer == null || seq < 0) {
                unparsed++;
                return;
            }
            get(run, writer).see(seq);
        }
    }

    /** The watcher's listener: tallies the three written runs, counts the notices. */
    static final class Follower implements VolumeListener {
        final Tallies tallies = new Tallies();
        final Map<String, FileChannel> channels = new HashMap<>();
        final Map<TailNotice.Kind, Integer> churnNotices = new EnumMap<>(TailNotice.Kind.class);
        final List<String> unexpected = new ArrayList<>();
        int batches;
        int churnRows;
        String failure;

        @Override
        public synchronized void onUpdate(VolumeUpdate update) {
            batches++;
            for (TailNotice n : update.notices()) {
                unexpected.add(n.format());
            }
            for (RunUpdate r : update.runs()) {
                if (r.runId().equals(CHURN)) {
                    r.notices().forEach(n -> churnNotices.merge(n.kind(), 1, Integer::sum));
                    churnRows = r.toRow();
                    continue;
                }
                r.notices().forEach(n -> unexpected.add(n.format()));
                try {
                    if (r.reset()) {
                        if (tallies.byRun.containsKey(r.runId())) {
                            unexpected.add("a reset of " + r.runId() + ", which is only ever appended to");
                        }
                        tallies.byRun.remove(r.runId());
                    }
                    if (r.fromRow() == r.toRow()) {
                        continue;
                    }
                    // The three logs are only appended to: one open file each serves the whole soak.
                    FileChannel channel = channels.get(r.runId());
                    if (channel == null) {
                        channel = FileChannel.open(r.file(), StandardOpenOption.READ);
                        channels.put(r.runId(), channel);
                    }
                    tallies.count(r.runId(), r.snapshot(), r.fromRow(), r.toRow(), channel);
                } catch (IOException e) {
                    if (failure == null) {
                        failure = r.runId() + ": " + e;
                    }
                }
            }
            notifyAll();
        }

        synchronized boolean awaitCounts(Map<String, Map<String, Long>> written, Duration timeout)
                throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!caughtUp(written)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }

        private boolean caughtUp(Map<String, Map<String, Long>> written) {
            for (var writer : written.entrySet()) {
                for (var run : writer.getValue().entrySet()) {
                    if (tallies.get(run.getKey(), writer.getKey()).next < run.getValue()) {
                        return false;
                    }
                }
            }
            return true;
        }

        synchronized void close() {
            for (FileChannel c : channels.values()) {
                try {
                    c.close();
                } catch (IOException e) {
                    // read-only
                }
            }
        }
    }

    record HeapSample(double seconds, long used, long index) {
        double otherMiB() {
            return (used - index) / MIB;
        }
    }

    public static void main(String[] args) throws Exception {
        double seconds = 60;
        double rate = 2000;
        double injectRate = 0;
        long churnMillis = 3000;
        double heapEvery = 5;
        Path script = Path.of("src/bench/soak_writer.py");
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--inject-rate" -> injectRate = Double.parseDouble(args[++i]);
                case "--churn-ms" -> churnMillis = Long.parseLong(args[++i]);
                case "--heap-every-s" -> heapEvery = Double.parseDouble(args[++i]);
                case "--writer-script" -> script = Path.of(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: SoakBench [--seconds N] [--rate R] [--inject-rate R] [--churn-ms MS]"
                            + " [--heap-every-s S] [--writer-script soak_writer.py] [--dir DIR]");
                    System.exit(2);
                }
            }
        }
        if (!Files.isRegularFile(script)) {
            System.err.println("no writer script at " + script.toAbsolutePath() + " (give --writer-script PATH)");
            System.exit(2);
        }
        boolean temporary = dir == null;
        Path root = temporary ? Files.createTempDirectory("omne-soak") : dir;
        boolean ok;
        try {
            ok = soak(root, script, seconds, rate, injectRate, churnMillis, heapEvery);
        } finally {
            if (temporary) {
                deleteTree(root);
            }
        }
        System.exit(ok ? 0 : 1);
    }

    private static boolean soak(Path root, Path script, double seconds, double rate, double injectRate,
                                long churnMillis, double heapEvery) throws Exception {
        Volume volume = Volume.at(root);
        for (String run : RUNS) {
            Files.createDirectories(volume.runDir(run));
        }
        Path churnLog = volume.eventsFile(CHURN);
        Files.createDirectories(churnLog.getParent());
        writeChurn(churnLog, 0, 20);
        Path logs = Files.createDirectories(root.resolve("writer-logs"));
        System.out.printf(Locale.ROOT, "soak: %.0f s on %s %s, %d cores, JDK %s; volume %s%n", seconds,
                System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), Runtime.version(), root);
        System.out.printf(Locale.ROOT, "writers: %s run the inject command in a loop (%s), %s are python3 with"
                        + " fcntl.flock per line (%s); each round-robin over %s; %s truncated or replaced every %d ms%n",
                String.join(", ", INJECT_WRITERS), injectRate > 0 ? injectRate + "/s each" : "as fast as they go",
                String.join(", ", PYTHON_WRITERS), rate > 0 ? rate + "/s each" : "as fast as they go",
                String.join(", ", RUNS), CHURN, churnMillis);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Follower follower = new Follower();
        List<HeapSample> heap = new ArrayList<>();
        Map<String, Process> writers = new LinkedHashMap<>();
        int truncations = 0;
        int replacements = 0;
        long churnAppends = 0;
        long t0;
        try (VolumeWatcher watcher = VolumeWatcher.start(volume, FollowOptions.DEFAULT, follower)) {
            heap.add(sample(memory, watcher, 0));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classPath = System.getProperty("java.class.path");
            String runList = String.join(",", RUNS);
            for (String w : INJECT_WRITERS) {
                List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                        "-XX:+UseSerialGC", "-Xmx256m", "-cp", classPath, InjectLoop.class.getName(),
                        "--volume", root.toString(), "--writer", w, "--runs", runList,
                        "--seconds", String.valueOf(seconds), "--rate", String.valueOf(injectRate)));
                writers.put(w, start(command, logs, w));
            }
            for (String w : PYTHON_WRITERS) {
                List<String> command = new ArrayList<>(List.of("python3", script.toString(), w,
                        String.valueOf(seconds), String.valueOf(rate)));
                RUNS.forEach(run -> command.add(volume.eventsFile(run).toString()));
                writers.put(w, start(command, logs, w));
            }
            t0 = System.nanoTime();
            long end = t0 + (long) (seconds * 1e9);
            long nextChurn = t0 + TimeUnit.MILLISECONDS.toNanos(churnMillis);
            long nextHeap = t0 + (long) (heapEvery * 1e9);
            long nextAppend = t0;
            int generation = 1;
            while (System.nanoTime() < end) {
                long now = System.nanoTime();
                if (now >= nextChurn) {
                    if (generation % 2 == 1) {
                        truncate(churnLog, generation);
                        truncations++;
                    } else {
                        replace(churnLog, generation);
                        replacements++;
                    }
                    generation++;
                    nextChurn += TimeUnit.MILLISECONDS.toNanos(churnMillis);
                }
                if (now >= nextAppend) {
                    EventLog.append(churnLog, churnLine(generation, 1000 + churnAppends++));
                    nextAppend += TimeUnit.MILLISECONDS.toNanos(250);
                }
                if (now >= nextHeap) {
                    heap.add(sample(memory, watcher, (System.nanoTime() - t0) / 1e9));
                    nextHeap += (long) (heapEvery * 1e9);
                }
                long wake = Math.min(Math.min(nextChurn, nextAppend), Math.min(nextHeap, end));
                long sleep = wake - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(Duration.ofNanos(sleep));
                }
            }

            // The writers stop on their own clock; then the follower catches up.
            Map<String, Map<String, Long>> written = new TreeMap<>();
            Map<String, Long> failures = new TreeMap<>();
            List<String> problems = new ArrayList<>();
            for (var e : writers.entrySet()) {
                Process p = e.getValue();
                if (!p.waitFor((long) seconds + 60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    problems.add(e.getKey() + " did not finish");
                    continue;
                }
                String out = Files.readString(logs.resolve(e.getKey() + ".out"), StandardCharsets.UTF_8);
                String result = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElse(null);
                if (p.exitValue() != 0 || result == null) {
                    problems.add(e.getKey() + " failed (exit " + p.exitValue() + "): " + out.strip());
                    continue;
                }
                Map<String, Long> counts = new TreeMap<>();
                for (String field : result.split(" ")) {
                    int eq = field.indexOf('=');
                    if (eq > 0 && RUNS.contains(field.substring(0, eq))) {
                        counts.put(field.substring(0, eq), Long.parseLong(field.substring(eq + 1)));
                    } else if (field.startsWith("failures=")) {
                        failures.put(e.getKey(), Long.parseLong(field.substring("failures=".length())));
                    }
                }
                written.put(e.getKey(), counts);
                String complaints = out.lines().filter(l -> !l.startsWith("RESULT ")).limit(3)
                        .reduce("", (a, b) -> a + "\n    " + b);
                if (!complaints.isEmpty()) {
                    System.out.println(e.getKey() + " said:" + complaints);
                }
            }
            long written0 = System.nanoTime();
            boolean caughtUp = follower.awaitCounts(written, Duration.ofSeconds(120));
            double lag = (System.nanoTime() - written0) / 1e9;
            // Let the churned run settle, then compare its rows.
            EventLog.append(churnLog, churnLine(generation, 999_999));
            Thread.sleep(1000);
            heap.add(sample(memory, watcher, (System.nanoTime() - t0) / 1e9));
            int churnRowsOnDisk = RunIndex.build(churnLog).snapshot().size();
            int churnRowsFollowed;
            synchronized (follower) {
                churnRowsFollowed = follower.churnRows;
            }
            return report(volume, root, follower, written, failures, problems, caughtUp, lag, heap, seconds,
                    truncations, replacements, churnRowsOnDisk, churnRowsFollowed);
        } finally {
            for (Process p : writers.values()) {
                if (p.isAlive()) {
                    p.destroyForcibly();
                }
            }
            follower.close();
        }
    }

    private static boolean report(Volume volume, Path root, Follower follower, Map<String, Map<String, Long>> written,
                                  Map<String, Long> failures, List<String> problems, boolean caughtUp, double lag,
                                  List<HeapSample> heap, double seconds, int truncations, int replacements,
                                  int churnRowsOnDisk, int churnRowsFollowed) throws IOException {
        Tallies disk = new Tallies();
        long bytes = 0;
        for (String run : RUNS) {
            Path file = volume.eventsFile(run);
            bytes += Files.size(file);
            IndexSnapshot s = RunIndex.build(file).snapshot();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                for (int from = 0; from < s.size(); from += 100_000) {
                    disk.count(run, s, from, Math.min(s.size(), from + 100_000), channel);
                }
            }
        }
        System.out.println();
        System.out.println("per writer and run: written (by the writer), on disk (read afresh), followed (by the"
                + " watcher's batches)");
        System.out.printf(Locale.ROOT, "%-6s %-7s %-7s %9s %9s %9s %5s %5s %5s %8s%n", "writer", "kind", "run",
                "written", "on disk", "followed", "dup", "gap", "lost", "failures");
        boolean ok = problems.isEmpty() && caughtUp && follower.failure == null;
        long total = 0;
        synchronized (follower) {
            for (var w : written.entrySet()) {
                String kind = INJECT_WRITERS.contains(w.getKey()) ? "inject" : "python";
                for (var r : w.getValue().entrySet()) {
                    Tally d = disk.get(r.getKey(), w.getKey());
                    Tally f = follower.tallies.get(r.getKey(), w.getKey());
                    long lost = Math.max(0, r.getValue() - d.count) + Math.max(0, r.getValue() - f.count);
                    System.out.printf(Locale.ROOT, "%-6s %-7s %-7s %9d %9d %9d %5d %5d %5d %8d%n", w.getKey(), kind,
                            r.getKey(), r.getValue(), d.count, f.count, d.duplicates + f.duplicates,
                            d.gaps + f.gaps, lost, failures.getOrDefault(w.getKey(), 0L));
                    ok &= d.count == r.getValue() && f.count == r.getValue() && d.duplicates == 0
                            && f.duplicates == 0 && d.gaps == 0 && f.gaps == 0;
                    total += r.getValue();
                }
            }
            System.out.printf(Locale.ROOT, "in all %,d events, %,.1f MB; the follower had every event %.2f s after"
                            + " the last writer exited, in %,d batches%n", total, bytes / 1e6, lag, follower.batches);
            System.out.printf(Locale.ROOT, "torn lines: %d on disk, %d followed; lines without writer/seq: %d on"
                    + " disk, %d followed%n", disk.torn, follower.tallies.torn, disk.unparsed, follower.tallies.unparsed);
            ok &= disk.torn == 0 && follower.tallies.torn == 0 && disk.unparsed == 0 && follower.tallies.unparsed == 0;

            int truncated = follower.churnNotices.getOrDefault(TailNotice.Kind.TRUNCATED, 0);
            int replaced = follower.churnNotices.getOrDefault(TailNotice.Kind.REPLACED, 0);
            int otherChurn = follower.churnNotices.entrySet().stream()
                    .filter(e -> e.getKey() != TailNotice.Kind.TRUNCATED && e.getKey() != TailNotice.Kind.REPLACED)
                    .mapToInt(Map.Entry::getValue).sum();
            System.out.printf(Locale.ROOT, "%s: %d truncations and %d replacements made; notices seen: %d TRUNCATED,"
                            + " %d REPLACED, %d other %s; rows %d followed, %d on disk%n", CHURN, truncations,
                    replacements, truncated, replaced, otherChurn, follower.churnNotices, churnRowsFollowed,
                    churnRowsOnDisk);
            ok &= truncated == truncations && replaced == replacements && otherChurn == 0
                    && churnRowsFollowed == churnRowsOnDisk;
            System.out.println("other notices: " + (follower.unexpected.isEmpty() ? "none" : follower.unexpected));
            ok &= follower.unexpected.isEmpty();
        }
        if (follower.failure != null) {
            System.out.println("follower failed to read: " + follower.failure);
        }
        if (!caughtUp) {
            System.out.println("the follower did not catch up within 120 s");
        }
        problems.forEach(p -> System.out.println("problem: " + p));

        ok &= printHeap(heap, seconds);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.run(new String[] {"check", root.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String checked = out.toString(StandardCharsets.UTF_8).strip();
        System.out.println("check " + root + ": exit " + exit + ": "
                + (checked.lines().count() > 5 ? checked.lines().limit(5).toList() + " ..." : checked)
                + err.toString(StandardCharsets.UTF_8).strip());
        ok &= exit == Cli.OK && checked.endsWith(" 0 errors, 0 warnings");
        System.out.println(ok ? "SOAK PASSED" : "SOAK FAILED");
        return ok;
    }

    /**
     * Prints the samples and the slope of the heap other than the index columns while the writers wrote (the first
     * sample is before any writer started, with class loading and the JIT still to come; the last is after the
     * catch-up); false if it grew by a MiB or more over the run.
     */
    private static boolean printHeap(List<HeapSample> heap, double seconds) {
        System.out.println("follower heap after a full GC (used = index columns + everything else), MiB:");
        StringBuilder line = new StringBuilder();
        for (HeapSample s : heap) {
            line.append(String.format(Locale.ROOT, "  t=%.0fs %.1f = %.1f + %.2f%n", s.seconds(), s.used() / MIB,
                    s.index() / MIB, s.otherMiB()));
        }
        System.out.print(line);
        List<HeapSample> steady = heap.stream().filter(s -> s.seconds() > 0 && s.seconds() <= seconds).toList();
        if (steady.size() < 2) {
            System.out.println("too short a run for a heap trend (give --seconds 20 or more)");
            return true;
        }
        double slope = slope(steady);
        double span = steady.getLast().seconds() - steady.getFirst().seconds();
        double growth = slope * span;
        double min = steady.stream().mapToDouble(HeapSample::otherMiB).min().orElse(0);
        double max = steady.stream().mapToDouble(HeapSample::otherMiB).max().orElse(0);
        boolean flat = growth < 1.0;
        System.out.printf(Locale.ROOT, "heap other than the index while writing: %.2f .. %.2f MiB over %.0f s;"
                        + " least-squares slope %.1f KiB/min (%.2f MiB over the run): %s; after the catch-up: %.2f MiB%n",
                min, max, span, slope * 1024 * 60, growth, flat ? "flat" : "GROWS", heap.getLast().otherMiB());
        return flat;
    }

    /** Least-squares slope of the non-index heap, MiB per second. */
    static double slope(List<HeapSample> samples) {
        int n = samples.size();
        if (n < 2) {
            return 0;
        }
        double mx = samples.stream().mapToDouble(HeapSample::seconds).average().orElse(0);
        double my = samples.stream().mapToDouble(HeapSample::otherMiB).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (HeapSample s : samples) {
            sxy += (s.seconds() - mx) * (s.otherMiB() - my);
            sxx += (s.seconds() - mx) * (s.seconds() - mx);
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }

    private static HeapSample sample(MemoryMXBean memory, VolumeWatcher watcher, double seconds) {
        System.gc();
        long used = memory.getHeapMemoryUsage().getUsed();
        long index = 0;
        for (String run : watcher.runs()) {
            index += watcher.snapshot(run).map(IndexSnapshot::columnBytes).orElse(0L);
        }
        return new HeapSample(seconds, used, index);
    }

    private static Process start(List<String> command, Path logs, String name) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".out").toFile()).start();
    }

    // ---------------------------------------------------------------- the churned run

    static String churnLine(int generation, long seq) {
        return String.format(Locale.ROOT, "{\"type\":\"soak.churn\",\"id\":\"ev-churn-%d-%d\",\"ts\":\"%s\","
                + "\"run_id\":\"%s\",\"generation\":%d,\"seq\":%d}", generation, seq, java.time.Instant.now(), CHURN,
                generation, seq);
    }

    private static void writeChurn(Path file, int generation, int lines) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            b.append(churnLine(generation, i)).append('\n');
        }
        Files.writeString(file, b);
    }

    /** Cut back in place (same file), then new first lines: the id in the first bytes says which generation. */
    private static void truncate(Path file, int generation) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
        for (int i = 0; i < 5; i++) {
            EventLog.append(file, churnLine(generation, i));
        }
    }

    /** Written elsewhere and renamed over the log: another file under the same name. */
    private static void replace(Path file, int generation) throws IOException {
        Path temp = file.resolveSibling(".events.jsonl.tmp");
        writeChurn(temp, generation, 10);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    // ---------------------------------------------------------------- line fields, without a JSON parser

    static String stringField(byte[] line, int from, int to, String key) {
        int at = indexOf(line, from, to, key);
        if (at < 0) {
            return null;
        }
        int start = at + key.length();
        int end = start;
        while (end < to && line[end] != '"') {
            end++;
        }
        return end < to ? new String(line, start, end - start, StandardCharsets.UTF_8) : null;
    }

    static long longField(byte[] line, int from, int to, String key) {
        int at = indexOf(line, from, to, key);
        if (at < 0) {
            return -1;
        }
        long value = 0;
        int i = at + key.length();
        int digits = 0;
        while (i < to && line[i] >= '0' && line[i] <= '9') {
            value = value * 10 + (line[i++] - '0');
            digits++;
        }
        return digits == 0 ? -1 : value;
    }

    private static int indexOf(byte[] line, int from, int to, String key) {
        byte[] k = key.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = from; i <= to - k.length; i++) {
            for (int j = 0; j < k.length; j++) {
                if (line[i + j] != k[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
