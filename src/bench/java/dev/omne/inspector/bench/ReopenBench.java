package dev.omne.inspector.bench;

import dev.omne.inspector.core.cache.CacheFolder;
import dev.omne.inspector.core.index.IndexCache;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;
import dev.omne.inspector.tail.FollowOptions;
import dev.omne.inspector.tail.RunUpdate;
import dev.omne.inspector.tail.VolumeWatcher;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Reopening a run in the window from the index cache, in a JVM of its own as a window's start is:
 * {@code src/bench/run.sh ReopenBench FILE CACHE_DIR [--prepare | --index]} follows FILE as the window does (a
 * {@link VolumeWatcher} keeping every row, its index cache in CACHE_DIR) and prints how long it took from the start
 * of following until the first update carried the whole run, with the rows, whether the index came from the cache and
 * the load average: {@code REOPEN what=watcher ms=... rows=... from_entry=... load=...}. With {@code --index} it
 * times only the index, {@link IndexCache#openKnown} (what the follower calls; it then reads the bytes appended since
 * the entry, here none, and the log's first and last 64 bytes), as {@code REOPEN what=index ...}, after a line
 * {@code CPU ms=...} with the CPU time the opening thread took (on a busy machine the wall time is mostly waiting). {@code --prepare}
 * makes sure CACHE_DIR holds the run's entry (building it if not) and stops.
 */
public final class ReopenBench {
    private ReopenBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ReopenBench FILE CACHE_DIR [--prepare]");
            System.exit(2);
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        IndexCache cache = new IndexCache(new CacheFolder(Path.of(args[1]), CacheFolder.DEFAULT_MAX_BYTES),
                IndexCache.DEFAULT_MIN_BYTES);
        String mode = args.length > 2 ? args[2] : "";
        if (mode.equals("--prepare")) {
            prepare(file, cache);
            return;
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        if (mode.equals("--index")) {
            ExecutorService pool = Executors.newFixedThreadPool(1);
            var threads = ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            RunIndex index = cache.openKnown(file, pool, 2, false).index();
            long nanos = System.nanoTime() - start;
            // An unchanged log is all read on this thread: the entry, and no appended bytes.
            System.out.printf(Locale.ROOT, "CPU ms=%.1f%n", (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
            pool.shutdown();
            print("index", nanos, index.snapshot(), cache, load);
            return;
        }
        CompletableFuture<RunUpdate> whole = new CompletableFuture<>();
        long start = System.nanoTime();
        try (VolumeWatcher watcher = VolumeWatcher.startFile(file, FollowOptions.DEFAULT.withIndexCache(cache),
                update -> update.runs().stream().filter(RunUpdate::reset).findFirst().ifPresent(whole::complete))) {
            RunUpdate first = whole.get(60, TimeUnit.SECONDS);
            long nanos = System.nanoTime() - start;
            print("watcher", nanos, first.snapshot(), cache, load);
        }
    }

    private static void print(String what, long nanos, IndexSnapshot s, IndexCache cache, double load)
            throws java.io.IOException {
        long sinceJvm = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf(Locale.ROOT, "REOPEN what=%s ms=%.1f rows=%d bytes=%d from_entry=%d read_whole=%d"
                        + " since_jvm_start_ms=%d load=%.2f%n", what, nanos / 1e6, s.size(), s.bytes(),
                cache.stats().fromEntries(), cache.stats().readWhole(), sinceJvm, load);
        long size = Files.size(s.file());
        if (s.bytes() != size) {
            System.err.println("the index does not hold the whole run: " + s.bytes() + " of " + size + " bytes");
            System.exit(1);
        }
    }

    /** Opens the run once through the cache and waits for its entry to be written. */
    private static void prepare(Path file, IndexCache cache) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            RunIndex index = cache.open(file, pool, 2, false);
            System.out.printf(Locale.ROOT, "PREPARED rows=%d from_entry=%d%n", index.snapshot().size(),
                    cache.stats().fromEntries());
        } finally {
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.MINUTES);
        }
    }
}
