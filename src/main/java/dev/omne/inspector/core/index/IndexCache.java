package dev.omne.inspector.core.index;

import dev.omne.inspector.core.cache.CacheFolder;
import dev.omne.inspector.core.cache.EntryReader;
import dev.omne.inspector.core.cache.EntryWriter;
import dev.omne.inspector.core.cache.LogIdentity;
import dev.omne.inspector.core.cache.Meta;
import dev.omne.inspector.core.log.Diagnostic;
import dev.omne.inspector.core.log.LogCheck;
import dev.omne.inspector.core.log.LogPieces;
import dev.omne.inspector.core.log.Severity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.zip.CRC32C;

/**
 * Run indexes kept from one start to the next, in a {@link CacheFolder}: reopening a log that has not changed reads
 * its entry instead of judging every line again, and a log that grew since is read only from where the entry ends.
 * An entry holds what {@code check} needs (the counts and the diagnostics) in its meta section and, when the window
 * made it, the index's columns in its body; {@code check} reads only the meta section. An entry whose log is not
 * the same log any more ({@link LogIdentity}), or that is damaged, is ignored and made again.
 *
 * <p>Thread-safe.
 */
public final class IndexCache {
    /** No cache: every log is read whole, and nothing is kept. */
    public static final IndexCache OFF = new IndexCache(null, Long.MAX_VALUE);
    /** Logs below this size get no entry: reading them whole costs about as much as reading an entry. */
    public static final long DEFAULT_MIN_BYTES = 256 * 1024;
    /** A growing log's entry is written again once it grew this much (and by a quarter) since it was last written. */
    static final long RESAVE_BYTES = 8L << 20;
    static final String KIND = "index";

    private final CacheFolder folder;
    private final long minBytes;
    /** Bytes each log's entry covered when this process last wrote or read it. */
    private final Map<Path, Long> kept = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong fromEntries = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong readWhole = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();

    /**
     * What this cache did so far: logs taken from their entries (and read on from there), logs read whole (no entry,
     * or one that did not fit), entries written.
     */
    public record Stats(long fromEntries, long readWhole, long written) {
    }

    public Stats stats() {
        return new Stats(fromEntries.get(), readWhole.get(), written.get());
    }

    /** Entries in {@code folder} for logs of at least {@code minBytes}. */
    public IndexCache(CacheFolder folder, long minBytes) {
        this.folder = folder;
        this.minBytes = minBytes;
    }

    /**
     * The platform's cache folder (or the one {@link CacheFolder#DIR_PROPERTY} names); {@link #OFF} when the system
     * property {@link CacheFolder#SWITCH_PROPERTY} is {@code off}.
     */
    public static IndexCache standard() {
        return CacheFolder.switchedOff() ? OFF : new IndexCache(CacheFolder.standard(), DEFAULT_MIN_BYTES);
    }

    public boolean enabled() {
        return folder != null;
    }

    /** The folder, or null when off. */
    public CacheFolder folder() {
        return folder;
    }

    // ------------------------------------------------------------------ the window's index

    /**
     * The index of a whole log, from its entry where the entry fits, reading only what was appended since; else built
     * from the file in {@code pieces} parts on {@code executor}. The entry is then written (again) on {@code executor},
     * in the background. With {@code finished} false a last line without {@code \n} is left for
     * {@link RunIndex#extend}, as {@link RunIndex#build(Path, ExecutorService, int, boolean)} leaves it.
     */
    public RunIndex open(Path file, ExecutorService executor, int pieces, boolean finished) throws IOException {
        return openKnown(file, executor, pieces, finished).index();
    }

    /**
     * An index as {@link #open} gives it, with what its entry knew of the log's bytes: the CRC-32C of the first
     * {@code printedBytes} of them (0 bytes when the index was not taken from an entry). A follower compares the file
     * against it to tell a log written on from one replaced or rewritten, without reading the whole file on reopen.
     */
    public record Opened(RunIndex index, long printedBytes, int printedCrc) {
    }

    /** {@link #open}, saying how much of the log its entry had fingerprinted whole. */
    public Opened openKnown(Path file, ExecutorService executor, int pieces, boolean finished) throws IOException {
        if (folder == null) {
            return new Opened(RunIndex.build(file, executor, pieces, finished), 0, 0);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            long length = channel.size();
            Restored restored = length < minBytes ? null : restore(file, channel, attrs);
            (restored != null ? fromEntries : readWhole).incrementAndGet();
            RunIndex index = restored != null ? restored.index : RunIndex.empty(file);
            long from = index.committedOffset();
            index.readOn(channel, length, executor, restored != null ? LogPieces.piecesFor(length - from) : pieces);
            IndexSnapshot complete = index.snapshot();
            if (length >= minBytes && (restored == null || grownEnough(from, complete.bytes()))) {
                String fileKey = attrs.fileKey() == null ? null : attrs.fileKey().toString();
                executor.execute(() -> save(complete, fileKey));
            } else if (restored != null) {
                kept.put(file, from);
            }
            if (finished) {
                index.finishFrom(channel, length);
            }
            return restored == null ? new Opened(index, 0, 0) : new Opened(index, restored.covered, restored.crc);
        }
    }

    /**
     * Writes the entry of a growing log again when it grew enough since it was last written ({@link #RESAVE_BYTES} and
     * a quarter), on {@code executor}. For a follower, after each read of appended bytes.
     */
    public void keep(IndexSnapshot snapshot, Executor executor) {
        if (folder == null || snapshot.bytes() < minBytes) {
            return;
        }
        Long covered = kept.get(snapshot.file());
        if (covered == null || grownEnough(covered, snapshot.bytes())) {
            kept.put(snapshot.file(), snapshot.bytes()); // at most one save under way per growth step
            executor.execute(() -> save(snapshot, null));
        }
    }

    private static boolean grownEnough(long before, long now) {
        return now - before >= RESAVE_BYTES && now - before >= before / 4;
    }

    /**
     * Writes a snapshot's entry now; false when it was not written (the cache is off, the folder cannot be written, or
     * the log is no longer the one indexed: another file, or shorter). {@code fileKey}, when given, is the file's
     * identity when it was indexed.
     */
    public boolean save(IndexSnapshot snapshot, String fileKey) {
        if (folder == null) {
            return false;
        }
        Path file = snapshot.file();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            if ((fileKey != null && attrs.fileKey() != null && !fileKey.equals(attrs.fileKey().toString()))
                    || attrs.size() < snapshot.bytes()) {
                return false;
            }
            LogIdentity identity = LogIdentity.of(channel, attrs, snapshot.bytes());
            Meta.Out meta = new Meta.Out(KIND, CacheFolder.keyPath(file), identity);
            writeCounts(meta, snapshot.nextLine() - 1, snapshot.eventCount(), snapshot.errorCount(),
                    snapshot.warningCount(), snapshot.diagnostics());
            meta.bool(true).intValue(snapshot.size()).intValue(crc32c(channel, snapshot.bytes()));
            for (int i = 0; i < snapshot.diagnosticCount(); i++) {
                meta.intValue(snapshot.diagnosticRow(i));
            }
            strings(meta, snapshot.types());
            strings(meta, snapshot.nodes());
            List<String> kinds = new ArrayList<>();
            for (int n = 0; n < snapshot.nodes().size(); n++) {
                kinds.add(snapshot.nodeKind(n));
            }
            strings(meta, kinds);
            byte[] metaBytes = meta.toBytes();
            boolean written = folder.write(folder.entry(file, KIND), new EntryWriter.Content() {
                @Override
                public byte[] meta() {
                    return metaBytes;
                }

                @Override
                public long bodyLength() {
                    return (long) snapshot.size() * IndexColumns.BYTES_PER_ROW;
                }

                @Override
                public void writeBody(EntryWriter.Body body) throws IOException {
                    snapshot.writeColumns(body);
                }
            });
            if (written) {
                kept.put(file, snapshot.bytes());
                this.written.incrementAndGet();
            }
            return written;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The CRC-32C of the file's first {@code length} bytes; an {@link IOException} when it is shorter. */
    static int crc32c(FileChannel channel, long length) throws IOException {
        CRC32C sum = new CRC32C();
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(1 << 20, Math.max(1, length)));
        long at = 0;
        while (at < length) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), length - at));
            int n = channel.read(buffer, at);
            if (n <= 0) {
                throw new java.io.EOFException("shorter than " + length + " bytes");
            }
            sum.update(buffer.array(), 0, n);
            at += n;
        }
        return (int) sum.getValue();
    }

    private record Restored(RunIndex index, long covered, int crc) {
    }

    /** The index its entry holds, when there is an entry with columns and it fits the log; else null. */
    private Restored restore(Path file, FileChannel channel, BasicFileAttributes attrs) {
        Path entry = folder.entry(file, KIND);
        try (EntryReader reader = EntryReader.open(entry)) {
            if (reader == null) {
                return null;
            }
            Kept k = Kept.read(file, reader.meta());
            if (!k.path.equals(CacheFolder.keyPath(file)) || k.identity.fit(channel, attrs) == LogIdentity.Fit.STALE) {
                folder.discard(entry);
                return null;
            }
            if (!k.columns || reader.bodyLength() != (long) k.rows * IndexColumns.BYTES_PER_ROW) {
                return null; // an entry of check's: the window makes its own
            }
            IndexColumns columns = IndexColumns.read(reader, k.rows, k.typeNames, k.nodeNames, k.nodeKinds,
                    k.diagnosticRows, k.result.diagnostics(), (int) k.result.errors(), (int) k.result.warnings());
            if (!reader.bodyChecked()) {
                throw new EntryReader.Damaged("body checksum differs");
            }
            folder.touch(entry);
            return new Restored(RunIndex.restored(file, columns, k.identity.covered(), k.result.lines() + 1),
                    k.identity.covered(), k.coveredCrc);
        } catch (IOException | RuntimeException e) {
            folder.discard(entry); // damaged, or of another format: made again
            return null;
        }
    }

    // ------------------------------------------------------------------ check

    /**
     * What {@code check} finds in a log: from its entry where the entry fits (and the bytes appended since), else by
     * reading it whole; the entry is then written (again), unless the window's entry (with its index) is there.
     */
    public LogCheck.Result check(Path file) throws IOException {
        if (folder == null) {
            return LogCheck.check(file);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            if (length < minBytes) {
                return LogCheck.scan(file, channel, 0, 1, length).total();
            }
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            Path entry = folder.entry(file, KIND);
            Kept k = readMeta(file, entry, channel, attrs);
            (k != null ? fromEntries : readWhole).incrementAndGet();
            long from = k == null ? 0 : k.identity.covered();
            LogCheck.Scan rest = LogCheck.scan(file, channel, from, k == null ? 1 : k.result.lines() + 1, length);
            LogCheck.Result complete = k == null ? rest.complete() : k.result.plus(rest.complete());
            if (k == null || (!k.columns && rest.committedOffset() > from)) {
                writeCheckEntry(file, entry, channel, attrs, complete, rest.committedOffset());
            } else {
                folder.touch(entry);
            }
            LogCheck.Result total = complete.plus(rest.last());
            return new LogCheck.Result(total.lines(), total.events(), total.errors(), total.warnings(), length,
                    total.diagnostics());
        }
    }

    private Kept readMeta(Path file, Path entry, FileChannel channel, BasicFileAttributes attrs) {
        try (EntryReader reader = EntryReader.open(entry)) {
            if (reader == null) {
                return null;
            }
            Kept k = Kept.read(file, reader.meta());
            if (!k.path.equals(CacheFolder.keyPath(file)) || k.identity.fit(channel, attrs) == LogIdentity.Fit.STALE) {
                folder.discard(entry);
                return null;
            }
            return k;
        } catch (IOException | RuntimeException e) {
            folder.discard(entry);
            return null;
        }
    }

    private void writeCheckEntry(Path file, Path entry, FileChannel channel, BasicFileAttributes attrs,
                                 LogCheck.Result complete, long covered) throws IOException {
        Meta.Out meta = new Meta.Out(KIND, CacheFolder.keyPath(file), LogIdentity.of(channel, attrs, covered));
        writeCounts(meta, complete.lines(), complete.events(), complete.errors(), complete.warnings(),
                complete.diagnostics());
        meta.bool(false);
        byte[] metaBytes = meta.toBytes();
        boolean done = folder.write(entry, new EntryWriter.Content() {
            @Override
            public byte[] meta() {
                return metaBytes;
            }

            @Override
            public long bodyLength() {
                return 0;
            }

            @Override
            public void writeBody(EntryWriter.Body body) {
            }
        });
        if (done) {
            written.incrementAndGet();
        }
    }

    // ------------------------------------------------------------------ the meta section

    private static void writeCounts(Meta.Out meta, long lines, long events, long errors, long warnings,
                                    List<Diagnostic> diagnostics) throws IOException {
        meta.longValue(lines).longValue(events).longValue(errors).longValue(warnings).intValue(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            meta.longValue(d.line()).intValue(d.column()).longValue(d.offset()).byteValue(d.isError() ? 1 : 0)
                    .string(d.message()).string(d.rawLine());
        }
    }

    private static void strings(Meta.Out meta, List<String> values) throws IOException {
        meta.intValue(values.size());
        for (String v : values) {
            meta.string(v);
        }
    }

    /** An entry's meta section, read back. */
    private record Kept(String path, LogIdentity identity, LogCheck.Result result, boolean columns, int rows,
                        int coveredCrc, int[] diagnosticRows, String[] typeNames, String[] nodeNames,
                        String[] nodeKinds) {
        static Kept read(Path file, byte[] bytes) throws IOException {
            Meta.In in = new Meta.In(bytes);
            if (!KIND.equals(in.kind())) {
                throw new EntryReader.Damaged("an entry of kind " + in.kind());
            }
            long lines = in.longValue();
            long events = in.longValue();
            long errors = in.longValue();
            long warnings = in.longValue();
            int count = in.count(21);
            List<Diagnostic> diagnostics = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long line = in.longValue();
                int column = in.intValue();
                long offset = in.longValue();
                Severity severity = in.byteValue() == 1 ? Severity.ERROR : Severity.WARNING;
                diagnostics.add(new Diagnostic(file, line, column, offset, severity, in.string(), in.string()));
            }
            LogCheck.Result result = new LogCheck.Result(lines, events, errors, warnings,
                    in.identity().covered(), diagnostics);
            if (!in.bool()) {
                return new Kept(in.path(), in.identity(), result, false, 0, 0, null, null, null, null);
            }
            int rows = in.intValue();
            int coveredCrc = in.intValue();
            int[] diagnosticRows = new int[count];
            for (int i = 0; i < count; i++) {
                diagnosticRows[i] = in.intValue();
            }
            return new Kept(in.path(), in.identity(), result, true, rows, coveredCrc, diagnosticRows, strings(in),
                    strings(in), strings(in));
        }

        private static String[] strings(Meta.In in) throws IOException {
            String[] out = new String[in.count(4)];
            for (int i = 0; i < out.length; i++) {
                out[i] = in.string();
            }
            return out;
        }
    }
}
