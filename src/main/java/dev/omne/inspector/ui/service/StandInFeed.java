package dev.omne.inspector.ui.service;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;
import dev.omne.inspector.core.volume.Volume;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A polling stand-in for the {@code tail} package's volume watcher, with the same shape of updates: it lists
 * the runs, indexes each log with {@link RunIndex#build} and then extends the index with appended bytes.
 * Replaced by the real watcher once that is available.
 */
final class StandInFeed implements AutoCloseable {
    record FeedRunUpdate(String runId, Path file, IndexSnapshot snapshot, boolean reset, int fromRow, int toRow,
                         boolean logGone) {
    }

    record FeedUpdate(List<String> runsAdded, List<String> runsRemoved, List<FeedRunUpdate> runs,
                      List<String> notices) {
    }

    private static final class Tracked {
        final Path file;
        RunIndex index;
        Object fileKey;
        boolean gone;

        Tracked(Path file) {
            this.file = file;
        }
    }

    /** Index on all cores but one: the window's own thread must never wait for a core while a log loads. */
    static final int INDEX_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);

    private final Volume volume;
    private final Consumer<FeedUpdate> listener;
    private final Duration poll;
    private final Thread thread;
    private final ExecutorService indexPool;
    private final Map<String, Tracked> runs = new HashMap<>();
    private volatile boolean closed;

    StandInFeed(Volume volume, Duration poll, Consumer<FeedUpdate> listener) {
        this.volume = volume;
        this.poll = poll;
        this.listener = listener;
        this.indexPool = Executors.newFixedThreadPool(INDEX_THREADS, DaemonThreads.named("omne-index"));
        this.thread = DaemonThreads.named("omne-volume-feed").newThread(this::loop);
        thread.start();
    }

    private void loop() {
        while (!closed) {
            try {
                scan();
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    listener.accept(new FeedUpdate(List.of(), List.of(), List.of(),
                            List.of("Cannot read the runs of " + volume.root() + ": " + Messages.describe(e))));
                }
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void scan() throws IOException {
        List<String> ids = volume.listRuns();
        Set<String> present = new HashSet<>(ids);
        List<String> removed = new ArrayList<>();
        for (String id : List.copyOf(runs.keySet())) {
            if (!present.contains(id)) {
                runs.remove(id);
                removed.add(id);
            }
        }
        List<String> added = new ArrayList<>();
        for (String id : ids) {
            if (!runs.containsKey(id)) {
                runs.put(id, new Tracked(volume.eventsFile(id)));
                added.add(id);
            }
        }
        if (!removed.isEmpty()) {
            listener.accept(new FeedUpdate(List.of(), removed, List.of(), List.of()));
        }
        // New runs, smallest logs first, so that a huge log does not hold the others back.
        List<String> order = new ArrayList<>(added);
        order.sort(Comparator.comparingLong(id -> sizeOf(runs.get(id).file)));
        for (String id : order) {
            if (closed) {
                return;
            }
            List<String> notices = new ArrayList<>();
            FeedRunUpdate update = poll(id, runs.get(id), notices);
            listener.accept(new FeedUpdate(List.of(id), List.of(),
                    update == null ? List.of(new FeedRunUpdate(id, runs.get(id).file, null, true, 0, 0, false))
                            : List.of(update), notices));
        }
        List<FeedRunUpdate> updates = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        for (String id : ids) {
            if (closed) {
                return;
            }
            if (!added.contains(id)) {
                FeedRunUpdate update = poll(id, runs.get(id), notices);
                if (update != null) {
                    updates.add(update);
                }
            }
        }
        if (!updates.isEmpty() || !notices.isEmpty()) {
            listener.accept(new FeedUpdate(List.of(), List.of(), updates, notices));
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private FeedRunUpdate poll(String id, Tracked run, List<String> notices) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(run.file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            if (run.index != null && !run.gone) {
                run.gone = true;
                notices.add("The log of run " + id + " was deleted");
                return new FeedRunUpdate(id, run.file, run.index.snapshot(), false, run.index.snapshot().size(),
                        run.index.snapshot().size(), true);
            }
            return null;
        } catch (IOException e) {
            return null;
        }
        try {
            long size = attributes.size();
            boolean replaced = run.fileKey != null && !Objects.equals(run.fileKey, attributes.fileKey());
            if (run.index == null || run.gone || replaced
                    || size < run.index.committedOffset() + run.index.pendingBytes()) {
                if (run.index != null) {
                    notices.add("The log of run " + id + (replaced ? " was replaced" : run.gone ? " was recreated"
                            : " was truncated") + "; it was read again from the start");
                }
                run.gone = false;
                run.fileKey = attributes.fileKey();
                run.index = RunIndex.build(run.file, indexPool, INDEX_THREADS, false);
                return new FeedRunUpdate(id, run.file, run.index.snapshot(), true, 0, run.index.snapshot().size(), false);
            }
            long from = run.index.committedOffset() + run.index.pendingBytes();
            if (size == from) {
                return null;
            }
            int firstRow = run.index.snapshot().size();
            try (FileChannel channel = FileChannel.open(run.file, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
                long position = from;
                while (position < size) {
                    buffer.clear();
                    int n = channel.read(buffer, position);
                    if (n <= 0) {
                        break;
                    }
                    run.index.extend(buffer.array(), 0, n);
                    position += n;
                }
            }
            IndexSnapshot snapshot = run.index.snapshot();
            if (snapshot.size() == firstRow) {
                return null;
            }
            return new FeedRunUpdate(id, run.file, snapshot, false, firstRow, snapshot.size(), false);
        } catch (IOException | RuntimeException e) {
            notices.add("Cannot read the log of run " + id + ": " + Messages.describe(e));
            return null;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        indexPool.shutdownNow();
    }
}
