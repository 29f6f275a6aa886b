package dev.omne.inspector.ui.session;

import dev.omne.inspector.tail.TailNotice;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed in a volume since the window last took a {@link SessionBatch}: runs added and removed (a run added
 * and removed again in between is neither), each run's changes merged into one, notices. Not thread-safe: its
 * session guards it with its lock.
 */
final class PendingBatch {
    private final Set<String> added = new LinkedHashSet<>();
    private final Set<String> removed = new LinkedHashSet<>();
    private final Map<String, RunChange> changes = new LinkedHashMap<>();
    private final List<String> notices = new ArrayList<>();
    private final List<TailNotice> tailNotices = new ArrayList<>();
    private final Map<String, Path> linkedOutside = new HashMap<>();

    /** A run appeared; {@code linkTarget} is where its folder or log leads outside the volume, or null. */
    void added(String id, Path linkTarget) {
        removed.remove(id);
        added.add(id);
        if (linkTarget != null) {
            linkedOutside.put(id, linkTarget);
        }
    }

    /** A run's folder went away. */
    void removed(String id) {
        linkedOutside.remove(id);
        changes.remove(id);
        if (!added.remove(id)) {
            removed.add(id);
        }
    }

    void change(RunChange change) {
        changes.merge(change.runId(), change, RunChange::then);
    }

    void notice(String message) {
        notices.add(message);
    }

    /** A notice of the watcher, told as {@code message}. */
    void notice(TailNotice notice, String message) {
        notices.add(message);
        tailNotices.add(notice);
    }

    /** A run's change waiting to be handed over, or null. */
    RunChange change(String runId) {
        return changes.get(runId);
    }

    boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changes.isEmpty() && notices.isEmpty() && tailNotices.isEmpty();
    }

    /** Everything pending, as one batch; nothing is pending after it. */
    SessionBatch take(boolean listed) {
        SessionBatch batch = new SessionBatch(List.copyOf(added), List.copyOf(removed), List.copyOf(changes.values()),
                List.copyOf(notices), listed, List.copyOf(tailNotices), Map.copyOf(linkedOutside));
        added.clear();
        removed.clear();
        changes.clear();
        notices.clear();
        tailNotices.clear();
        linkedOutside.clear();
        return batch;
    }
}
