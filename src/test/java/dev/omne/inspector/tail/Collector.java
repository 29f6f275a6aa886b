package dev.omne.inspector.tail;

import static org.junit.jupiter.api.Assertions.fail;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.log.Diagnostic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

/**
 * A listener that rebuilds what a window would show from the batches alone (runs, and per run the rows as
 * sequence numbers), checks the batch contract on the way, and lets a test wait for a condition with a deadline.
 */
final class Collector implements VolumeListener {
    final List<VolumeUpdate> updates = new ArrayList<>();
    final Set<String> runs = new TreeSet<>();
    final Map<String, List<Long>> rows = new TreeMap<>();
    final Map<String, Boolean> gone = new HashMap<>();
    final List<TailNotice> notices = new ArrayList<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    final List<String> violations = new ArrayList<>();
    final Map<String, Long> lastDelivery = new HashMap<>();
    long minGapNanos = Long.MAX_VALUE;
    String listenerThread;
    private CountDownLatch blockNext;
    private CountDownLatch blocked;

    @Override
    public void onUpdate(VolumeUpdate update) {
        CountDownLatch hold;
        synchronized (this) {
            long now = System.nanoTime();
            if (listenerThread == null) {
                listenerThread = Thread.currentThread().getName();
            } else if (!listenerThread.equals(Thread.currentThread().getName())) {
                violations.add("listener called on " + Thread.currentThread().getName());
            }
            updates.add(update);
            for (String id : update.runsRemoved()) {
                if (!runs.remove(id)) {
                    violations.add("removed unknown run " + id);
                }
                rows.remove(id);
            }
            for (String id : update.runsAdded()) {
                if (!runs.add(id)) {
                    violations.add("added known run " + id);
                }
                if (update.runs().stream().noneMatch(r -> r.runId().equals(id) && r.reset())) {
                    violations.add("added run " + id + " without a reset update");
                }
            }
            Set<String> seen = new TreeSet<>();
            for (RunUpdate r : update.runs()) {
                if (!seen.add(r.runId())) {
                    violations.add("two updates of " + r.runId() + " in one batch");
                }
                if (!runs.contains(r.runId())) {
                    violations.add("update of unknown run " + r.runId());
                }
                Long last = lastDelivery.put(r.runId(), now);
                if (last != null) {
                    minGapNanos = Math.min(minGapNanos, now - last);
                }
                List<Long> list = rows.computeIfAbsent(r.runId(), k -> new ArrayList<>());
                if (r.reset()) {
                    list.clear();
                } else if (r.fromRow() != list.size()) {
                    violations.add(r.runId() + ": rows from " + r.fromRow() + " after " + list.size());
                }
                IndexSnapshot s = r.snapshot();
                for (int row = r.fromRow(); row < r.toRow(); row++) {
                    list.add(Lines.seq(s, row));
                }
                diagnostics.addAll(r.diagnostics());
                notices.addAll(r.notices());
                gone.put(r.runId(), r.logGone());
            }
            notices.addAll(update.notices());
            notifyAll();
            hold = blockNext;
            blockNext = null;
        }
        if (hold != null) {
            blocked.countDown();
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The next batch will not return until {@code release} opens; the returned latch opens when it is held. */
    synchronized CountDownLatch blockNext(CountDownLatch release) {
        blockNext = release;
        blocked = new CountDownLatch(1);
        return blocked;
    }

    synchronized List<Long> rows(String runId) {
        return List.copyOf(rows.getOrDefault(runId, List.of()));
    }

    synchronized long count(TailNotice.Kind kind) {
        return notices.stream().filter(n -> n.kind() == kind).count();
    }

    synchronized long count(TailNotice.Kind kind, String runId) {
        return notices.stream().filter(n -> n.kind() == kind && runId.equals(n.runId())).count();
    }

    /** Waits until the condition holds; fails with what was seen when the deadline passes. */
    synchronized void await(String what, Duration timeout, Predicate<Collector> condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(this)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("timed out waiting for " + what + "; seen: " + this);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Waits until the run shows exactly {@code expected} rows. */
    void awaitRows(String runId, List<Long> expected, Duration timeout) throws InterruptedException {
        await(runId + " to hold " + abbreviate(expected), timeout, c -> expected.equals(c.rows.get(runId)));
    }

    static String abbreviate(List<Long> list) {
        return list.size() <= 12 ? list.toString() : list.size() + " rows " + list.subList(0, 5) + "..."
                + list.subList(list.size() - 5, list.size());
    }

    @Override
    public synchronized String toString() {
        StringBuilder b = new StringBuilder();
        b.append(updates.size()).append(" batches, runs ").append(runs.size() > 20 ? runs.size() + " runs" : runs);
        int shown = 0;
        for (var e : rows.entrySet()) {
            if (shown++ < 5) {
                b.append(", ").append(e.getKey()).append('=').append(abbreviate(e.getValue()));
            }
        }
        b.append(", notices ").append(notices.size() > 20 ? notices.subList(0, 20) : notices);
        b.append(", diagnostics ").append(diagnostics.size() > 5 ? diagnostics.subList(0, 5) : diagnostics);
        b.append(", violations ").append(violations);
        return b.toString();
    }
}
