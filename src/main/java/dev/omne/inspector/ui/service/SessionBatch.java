package dev.omne.inspector.ui.service;

import java.util.List;

/**
 * Everything that changed in a volume since the last batch, handed to the UI thread in one piece.
 *
 * @param runsAdded   runs that appeared (their first {@link RunChange} is in {@code runs})
 * @param runsRemoved runs whose folder went away
 * @param runs        per changed run, its new rows (coalesced: at most one change per run)
 * @param notices     things worth telling the user (a log was truncated or replaced, a read failed, ...)
 * @param listed      every run that existed when the session started has been announced (in this batch or
 *                    an earlier one): the window can now pick the run to show
 */
public record SessionBatch(List<String> runsAdded, List<String> runsRemoved, List<RunChange> runs,
                           List<String> notices, boolean listed) {
    public SessionBatch(List<String> runsAdded, List<String> runsRemoved, List<RunChange> runs, List<String> notices) {
        this(runsAdded, runsRemoved, runs, notices, true);
    }

    public boolean isEmpty() {
        return runsAdded.isEmpty() && runsRemoved.isEmpty() && runs.isEmpty() && notices.isEmpty();
    }
}
