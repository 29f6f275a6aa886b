package dev.omne.inspector.core.history;

import dev.omne.inspector.core.cache.CacheFolder;
import dev.omne.inspector.core.cache.EntryReader;
import dev.omne.inspector.core.cache.EntryWriter;
import dev.omne.inspector.core.cache.LogIdentity;
import dev.omne.inspector.core.cache.Meta;
import dev.omne.inspector.core.index.IndexCache;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * Run summaries kept from one start to the next, beside the run indexes in the {@link CacheFolder}: a history of
 * thousands of runs opens from their summaries (a few KB each) instead of judging every line of every log again. A run
 * whose log grew since is read on from where its summary ends; a log that is not the same log any more
 * ({@link LogIdentity}) or a damaged entry is read whole again, and its entry made again.
 *
 * <p>Thread-safe.
 */
public final class SummaryCache {
    /** No cache: every log is read whole. */
    public static final SummaryCache OFF = new SummaryCache(null, Long.MAX_VALUE);
    static final String KIND = "summary";

    private final CacheFolder folder;
    private final long minBytes;

    /** Entries in {@code folder} for logs of at least {@code minBytes}. */
    public SummaryCache(CacheFolder folder, long minBytes) {
        this.folder = folder;
        this.minBytes = minBytes;
    }

    /** Beside the run indexes of {@link IndexCache#standard()} (off when that is). */
    public static SummaryCache standard() {
        IndexCache indexes = IndexCache.standard();
        return indexes.enabled() ? new SummaryCache(indexes.folder(), IndexCache.DEFAULT_MIN_BYTES) : OFF;
    }

    /** This cache as a source of summaries for the {@link HistoryLoader}: it answers for every run. */
    public SummarySource source() {
        return log -> read(log.runId(), log.file());
    }

    public boolean enabled() {
        return folder != null;
    }

    /**
     * The summary of a run's whole log, as {@link RunSummaryBuilder#read} makes it: from its entry where the entry fits
     * (reading only what was appended since), else from the whole log; the entry is then written (again).
     *
     * @throws IOException the log cannot be read, or is not a regular file
     */
    public RunSummary read(String runId, Path file) throws IOException {
        // Every system call here is paid once per run of a history (thousands at a start): the log is looked at once
        // before it is opened (a FIFO would block the open) and once open, and its real path is told once.
        if (folder == null || !isRegularFile(file)) {
            return RunSummaryBuilder.read(runId, file);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            long length = attrs.size();
            if (length < minBytes) {
                return RunSummaryBuilder.read(runId, file);
            }
            String keyPath = CacheFolder.keyPath(file);
            Path entry = folder.entryAt(keyPath, KIND);
            Kept kept = restore(runId, file, keyPath, entry, channel, attrs);
            RunIndex index = kept == null ? RunIndex.empty(file) : RunIndex.startingAt(file, kept.covered, kept.nextLine);
            index.readOn(channel, length, ForkJoinPool.commonPool(), 1);
            IndexSnapshot complete = index.snapshot();
            RunSummary summary = kept == null ? RunSummaryBuilder.of(runId, complete)
                    : RunSummaryBuilder.resume(kept.summary).addAppended(complete);
            if (kept == null || complete.bytes() > kept.covered) {
                save(entry, runId, keyPath, channel, attrs, summary, complete.nextLine());
            } else {
                folder.touch(entry);
            }
            if (index.committedOffset() < length) {
                // A last line without a newline: judged, as a finished log's is, but not kept (it may still grow).
                int before = complete.size();
                index.finishFrom(channel, length);
                IndexSnapshot whole = index.snapshot();
                if (kept == null) {
                    summary = RunSummaryBuilder.resume(summary).add(whole, before, whole.size());
                } else {
                    summary = RunSummaryBuilder.resume(kept.summary).addAppended(whole);
                }
            }
            return summary;
        }
    }

    private record Kept(RunSummary summary, long covered, long nextLine) {
    }

    /** Whether {@code file} is a regular file (following links); false when there is nothing or it cannot be told. */
    private static boolean isRegularFile(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).isRegularFile();
        } catch (IOException e) {
            return false;
        }
    }

    private Kept restore(String runId, Path file, String keyPath, Path entry, FileChannel channel, BasicFileAttributes attrs) {
        try (EntryReader reader = EntryReader.open(entry)) {
            if (reader == null) {
                return null;
            }
            Meta.In in = new Meta.In(reader.meta());
            if (!KIND.equals(in.kind()) || !in.path().equals(keyPath)
                    || in.identity().fit(channel, attrs) == LogIdentity.Fit.STALE) {
                folder.discard(entry);
                return null;
            }
            String id = in.string();
            long nextLine = in.longValue();
            RunSummary summary = readSummary(in, id, file);
            if (!id.equals(runId) || summary.bytes() != in.identity().covered()) {
                folder.discard(entry);
                return null;
            }
            return new Kept(summary, in.identity().covered(), nextLine);
        } catch (IOException | RuntimeException e) {
            folder.discard(entry);
            return null;
        }
    }

    private void save(Path entry, String runId, String keyPath, FileChannel channel, BasicFileAttributes attrs,
                      RunSummary summary, long nextLine) throws IOException {
        Meta.Out out = new Meta.Out(KIND, keyPath, LogIdentity.of(channel, attrs, summary.bytes()));
        out.string(runId).longValue(nextLine);
        writeSummary(out, summary);
        byte[] meta = out.toBytes();
        folder.write(entry, new EntryWriter.Content() {
            @Override
            public byte[] meta() {
                return meta;
            }

            @Override
            public long bodyLength() {
                return 0;
            }

            @Override
            public void writeBody(EntryWriter.Body body) {
            }
        });
    }

    private static void writeSummary(Meta.Out out, RunSummary s) throws IOException {
        out.string(s.pipe()).longValue(s.startMicros()).longValue(s.endMicros()).intValue(s.events())
                .intValue(s.malformed()).intValue(s.warnings()).intValue(s.rows()).longValue(s.bytes())
                .string(s.endType()).string(s.lastType()).intValue(s.nodes().size());
        for (NodeRun node : s.nodes()) {
            out.string(node.nodeId()).string(node.kind()).string(node.name()).longValue(node.firstLine())
                    .intValue(node.executions().size());
            for (NodeExecution e : node.executions()) {
                out.longValue(e.startMicros()).longValue(e.endMicros()).byteValue(e.outcome().ordinal())
                        .longValue(e.durationMicros()).string(e.errorKind()).string(e.errorMessage())
                        .longValue(e.startLine()).longValue(e.endLine());
            }
        }
    }

    private static RunSummary readSummary(Meta.In in, String runId, Path file) throws IOException {
        String pipe = in.string();
        long start = in.longValue();
        long end = in.longValue();
        int events = in.intValue();
        int malformed = in.intValue();
        int warnings = in.intValue();
        int rows = in.intValue();
        long bytes = in.longValue();
        String endType = in.string();
        String lastType = in.string();
        int nodeCount = in.count(24);
        ExecutionOutcome[] outcomes = ExecutionOutcome.values();
        List<NodeRun> nodes = new ArrayList<>(nodeCount);
        for (int n = 0; n < nodeCount; n++) {
            String nodeId = in.string();
            String kind = in.string();
            String name = in.string();
            long firstLine = in.longValue();
            int count = in.count(49);
            List<NodeExecution> executions = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long startMicros = in.longValue();
                long endMicros = in.longValue();
                ExecutionOutcome outcome = outcomes[in.byteValue()];
                executions.add(new NodeExecution(startMicros, endMicros, outcome, in.longValue(), in.string(),
                        in.string(), in.longValue(), in.longValue()));
            }
            nodes.add(new NodeRun(nodeId, kind, name, firstLine, executions));
        }
        return new RunSummary(runId, pipe, file, start, end, events, malformed, warnings, rows, bytes, endType,
                lastType, nodes);
    }
}
