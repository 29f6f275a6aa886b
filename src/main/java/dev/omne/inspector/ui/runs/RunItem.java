package dev.omne.inspector.ui.runs;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.volume.RunIds;
import dev.omne.inspector.tail.TailNotice;
import dev.omne.inspector.ui.session.RunFacts;
import dev.omne.inspector.ui.runs.RunStatus;
import dev.omne.inspector.ui.runs.RunStatusRule;
import dev.omne.inspector.ui.session.RunChange;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * One run in the runs list: its latest index snapshot and what it says. Changed in place on the UI thread;
 * {@link #revisionProperty()} ticks on every change so that the list (through its extractor) redraws the
 * run's cell without disturbing the selection.
 */
public final class RunItem {
    private final String runId;
    private final String pipe;
    private final String shortId;
    private final long idMillis;
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");

    private IndexSnapshot snapshot;
    private RunFacts facts = RunFacts.EMPTY;
    private RunStatus status = RunStatus.UNKNOWN;
    private long changedAt;
    private boolean indexing;
    private long fileBytes = -1;
    private boolean logGone;
    private String notice;
    private TailNotice.Kind noticeKind;
    private boolean unreadable;
    private String linkTarget;
    /** Whether anything of the run's log has been read (its status means something only then). */
    private boolean read;

    RunItem(String runId) {
        this.runId = runId;
        this.pipe = RunIds.pipeName(runId);
        this.shortId = RunIds.shortId(runId);
        this.idMillis = ulidMillis(runId);
    }

    void update(RunChange change, long nowMillis) {
        read = true;
        snapshot = change.snapshot();
        facts = change.facts();
        changedAt = change.changedAt();
        indexing = change.indexing();
        fileBytes = change.fileBytes();
        logGone = change.logGone();
        if (change.toRow() > change.fromRow()) {
            unreadable = false;
        }
        status = derive(nowMillis);
        revision.set(revision.get() + 1);
    }

    /** The watcher said something about this run: it becomes the run's latest notice. */
    void notice(TailNotice n) {
        notice = n.message();
        noticeKind = n.kind();
        switch (n.kind()) {
            case UNREADABLE -> unreadable = true;
            case TRUNCATED, REPLACED, RECREATED -> unreadable = false;
            default -> {
            }
        }
        revision.set(revision.get() + 1);
    }

    /** The run's folder or log is a link leading to {@code target}, outside the volume. */
    void linkedOutside(String target) {
        linkTarget = target;
        revision.set(revision.get() + 1);
    }

    /**
     * Listed, but nothing of its log read yet: the list says it is being read, not "unknown" and "0 events"
     * (which would be wrong for the second it takes).
     */
    public boolean awaitingRead() {
        return !read;
    }

    /** The watcher's latest notice about this run, or null. */
    public String notice() {
        return notice;
    }

    public TailNotice.Kind noticeKind() {
        return noticeKind;
    }

    /** The log cannot be read (a folder, a FIFO, a broken link, no permission): it is not empty, it is unreadable. */
    public boolean unreadable() {
        return unreadable;
    }

    /** Whether the run's folder or log is a link leading outside the volume. */
    public boolean isLinkedOutside() {
        return linkTarget != null;
    }

    /** Where the link leads, or null. */
    public String linkTarget() {
        return linkTarget;
    }

    /** The tooltip of the link marker. */
    public String linkText() {
        return linkTarget == null ? "" : "read through a link to " + linkTarget + "; never written";
    }

    /** Re-derives the status as time passes; returns whether anything shown may have changed. */
    void tick(long nowMillis) {
        status = derive(nowMillis);
        revision.set(revision.get() + 1);
    }

    /** While only the start of the log is known, its end (and so the status) is not. */
    private RunStatus derive(long nowMillis) {
        return indexing ? RunStatus.UNKNOWN : RunStatusRule.derive(facts, nowMillis - changedAt);
    }

    public String runId() {
        return runId;
    }

    public String pipe() {
        return pipe;
    }

    public String shortId() {
        return shortId;
    }

    /**
     * What the list shows beside the pipe name: the end of the id's ULID, or nothing for an id without one (its
     * pipe name is the whole id already: showing it twice says nothing).
     */
    public String idSuffix() {
        return shortId.equals(pipe) ? "" : shortId;
    }

    public RunStatus status() {
        return status;
    }

    public String statusExplanation() {
        if (unreadable) {
            return "The log cannot be read" + (notice == null ? "" : ": " + notice);
        }
        return indexing ? "Reading the whole log: its status is known once it has been read"
                : RunStatusRule.explain(status, facts);
    }

    public RunFacts facts() {
        return facts;
    }

    public IndexSnapshot snapshot() {
        return snapshot;
    }

    public boolean indexing() {
        return indexing;
    }

    public long fileBytes() {
        return fileBytes;
    }

    public boolean logGone() {
        return logGone;
    }

    /** Start time: the first event's, in epoch microseconds, or {@link Timestamps#NONE}. */
    public long startMicros() {
        return facts.firstTsMicros();
    }

    /** Duration in milliseconds: last event minus first, or until now while running; -1 when unknown. */
    public long durationMillis(long nowMillis) {
        if (!facts.hasTimes()) {
            return -1;
        }
        long end = status == RunStatus.RUNNING ? Math.max(nowMillis * 1000, facts.lastTsMicros()) : facts.lastTsMicros();
        return (end - facts.firstTsMicros()) / 1000;
    }

    /** Newest first: by start time, or the time in the run id's ULID when there are no events yet. */
    long sortKeyMillis() {
        return facts.hasTimes() ? facts.firstTsMicros() / 1000 : idMillis;
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String q = query.strip().toLowerCase(java.util.Locale.ROOT);
        return runId.toLowerCase(java.util.Locale.ROOT).contains(q) || status.label().equals(q);
    }

    /** Milliseconds encoded in the ULID of an id like {@code feature-01kpfntqeej7vhn935kc0tm9vn}, else 0. */
    static long ulidMillis(String runId) {
        return Math.max(0, RunIds.startMillis(runId));
    }

    @Override
    public String toString() {
        return runId;
    }
}
