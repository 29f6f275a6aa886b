package dev.omne.inspector.ui.common;

import dev.omne.inspector.ui.testing.ManualTaskExecutor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Only the latest submission of a slot is applied; stale results that hold something are handed back. */
class LatestResultTest {
    private final ManualTaskExecutor tasks = new ManualTaskExecutor();
    private final LatestResult slot = new LatestResult(tasks);
    private final List<String> applied = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private final List<String> stale = new ArrayList<>();

    @Test
    void aNewerSubmissionWinsAndTheOlderWorkNeverRuns() {
        List<String> ran = new ArrayList<>();
        slot.submit(() -> {
            ran.add("a");
            return "a";
        }, applied::add, e -> failed.add(e.getMessage()));
        slot.submit(() -> {
            ran.add("b");
            return "b";
        }, applied::add, e -> failed.add(e.getMessage()));
        tasks.runAll();
        assertEquals(List.of("b"), ran, "the first was cancelled before it started");
        assertEquals(List.of("b"), applied);
    }

    @Test
    void workAlreadyDoneWhenANewerOneCameIsNotApplied() {
        ManualTaskExecutor direct = new ManualTaskExecutor();
        LatestResult owning = new LatestResult(direct);
        owning.submit(() -> "old session", applied::add, e -> failed.add(e.getMessage()), stale::add);
        owning.submit(() -> "new session", applied::add, e -> failed.add(e.getMessage()), stale::add);
        direct.runAll();
        assertEquals(List.of("new session"), applied);
        assertEquals(List.of("old session"), stale, "to be closed, not leaked");
    }

    @Test
    void cancelDropsResultsAndFailuresAlike() {
        slot.submit(() -> "x", applied::add, e -> failed.add(e.getMessage()));
        slot.cancel();
        slot.<String>submit(() -> {
            throw new IllegalStateException("boom");
        }, applied::add, e -> failed.add(e.getMessage()));
        tasks.runAll();
        assertEquals(List.of(), applied);
        assertEquals(List.of("boom"), failed, "the failure of the latest submission is reported");

        LatestResult owning = new LatestResult(tasks);
        owning.submit(() -> "session", applied::add, e -> failed.add(e.getMessage()), stale::add);
        owning.cancel();
        tasks.runAll();
        assertEquals(List.of("session"), stale);
    }

    @Test
    void aNewerSubmissionCancelsTheTaskTheOlderWorkPolls() {
        List<java.util.function.BooleanSupplier> seen = new ArrayList<>();
        slot.submit(cancelled -> {
            seen.add(cancelled);
            return "a";
        }, applied::add, e -> failed.add(e.getMessage()));
        tasks.runAll();
        slot.submit(cancelled -> {
            seen.add(cancelled);
            return "b";
        }, applied::add, e -> failed.add(e.getMessage()));
        assertEquals(true, seen.getFirst().getAsBoolean(), "the older work, were it still running, would stop");
        tasks.runAll();
        assertEquals(false, seen.getLast().getAsBoolean());
        slot.cancel();
        assertEquals(true, seen.getLast().getAsBoolean());
        assertEquals(List.of("a", "b"), applied);
    }
}
