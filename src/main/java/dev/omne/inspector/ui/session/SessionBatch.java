package dev.omne.inspector.ui.session;

import dev.omne.inspector.tail.TailNotice;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything that changed in a volume since the last batch, handed to the UI thread in one piece.
 *
 * @param runsAdded   runs that appeared (their first {@link RunChange} is in {@code runs})
 * @param runsRemoved runs whose folder went away
 * @param runs        per changed run, its new rows (coalesced: at most one change per run)
 * @param notices     things worth telling the user (a log was truncated or replaced, a read failed, ...)
 * @param listed      every run that existed when the session started has been announced (in this batch or
 *                    an earlier one): the window can now pick the run to show
 * @param tailNotices the watcher's notices behind {@code notices}, for marking the runs they concern
 * @param linkedOutside runs (of {@code runsAdded}) whose folder or log is a link leading outside the volume, with
 *                    where it leads
 */
public record SessionBatch(List<String> runsAdded, List<String> runsRemoved, List<RunChange> runs,
                           List<String> notices, boolean listed, List<TailNotice> tailNotices,
                           Map<String, Path> linkedOutside) {
    public SessionBatch(List<String> runsAdded, List<String> runsRemoved, List<RunChange> runs, List<String> notices) {
        this(runsAdded, runsRemoved, runs, notices, true);
    }

    public SessionBatch(List<String> runsAdded, List<String> runsRemoved, List<RunChange> runs, List<String> notices,
                        boolean listed) {
        this(runsAdded, runsRemoved, runs, notices, listed, List.of(), Map.of());
    }

    public boolean isEmpty() {
        return runsAdded.isEmpty() && runsRemoved.isEmpty() && runs.isEmpty() && notices.isEmpty()
                && tailNotices.isEmpty();
    }
}
