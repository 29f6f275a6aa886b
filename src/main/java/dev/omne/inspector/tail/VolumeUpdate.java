package dev.omne.inspector.tail;

import java.util.ArrayList;
import java.util.List;

/**
 * One batch for a listener. Apply in this order: {@code runsRemoved}, then {@code runsAdded}, then
 * {@code runs} (a run removed and added again in one batch is in both lists, and its update is a reset).
 * Every added run has a {@link RunUpdate} with {@code reset == true} in {@code runs}.
 *
 * @param notices notices about the whole volume ({@link TailNotice.Kind#RESCAN}); a run's own notices are
 *                in its {@link RunUpdate}
 */
public record VolumeUpdate(List<String> runsAdded, List<String> runsRemoved, List<RunUpdate> runs,
                           List<TailNotice> notices) {
    public VolumeUpdate {
        runsAdded = List.copyOf(runsAdded);
        runsRemoved = List.copyOf(runsRemoved);
        runs = List.copyOf(runs);
        notices = List.copyOf(notices);
    }

    /** The volume's notices, then every run's, in that order. */
    public List<TailNotice> allNotices() {
        List<TailNotice> all = new ArrayList<>(notices);
        for (RunUpdate run : runs) {
            all.addAll(run.notices());
        }
        return all;
    }

    public boolean isEmpty() {
        return runsAdded.isEmpty() && runsRemoved.isEmpty() && runs.isEmpty() && notices.isEmpty();
    }
}
