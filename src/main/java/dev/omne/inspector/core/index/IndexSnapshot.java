package dev.omne.inspector.core.index;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.log.Diagnostic;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable view of a run index at one moment, safe to read from any thread while the index grows:
 * rows below {@link #size()} never change once published.
 */
public final class IndexSnapshot {
    private final Path file;
    private final long[] offsets;
    private final int[] lines;
    private final long[] ts;
    private final int[] types;
    private final int[] nodes;
    private final byte[] flags;
    private final int size;
    private final String[] typeNames;
    private final String[] nodeNames;
    private final String[] nodeKinds;
    private final int[] diagnosticRows;
    private final Diagnostic[] diagnostics;
    private final int diagnosticCount;
    private final int errorCount;
    private final int warningCount;
    private final long bytes;
    private final long nextLine;
    private final long capacityBytes;

    IndexSnapshot(Path file, IndexColumns c, long bytes, long nextLine) {
        this.file = file;
        this.offsets = c.offsets;
        this.lines = c.lines;
        this.ts = c.ts;
        this.types = c.types;
        this.nodes = c.nodes;
        this.flags = c.flags;
        this.size = c.size;
        this.typeNames = c.typeNames.snapshot();
        this.nodeNames = c.nodeNames.snapshot();
        this.nodeKinds = Arrays.copyOf(c.nodeKinds, nodeNames.length);
        this.diagnosticRows = c.diagnosticRows;
        this.diagnostics = c.diagnostics;
        this.diagnosticCount = c.diagnosticCount;
        this.errorCount = c.errorCount;
        this.warningCount = c.warningCount;
        this.bytes = bytes;
        this.nextLine = nextLine;
        this.capacityBytes = (long) c.capacity() * IndexColumns.BYTES_PER_ROW;
    }

    public Path file() {
        return file;
    }

    /** Rows: one per non-blank line, events and error lines alike, in file order. */
    public int size() {
        return size;
    }

    public int eventCount() {
        return size - errorCount;
    }

    public int errorCount() {
        return errorCount;
    }

    public int warningCount() {
        return warningCount;
    }

    /** Bytes of the file covered by this snapshot (through the last complete line). */
    public long bytes() {
        return bytes;
    }

    /** The number of the line after the last complete one (lines count blank ones too). */
    public long nextLine() {
        return nextLine;
    }

    public long offset(int row) {
        return offsets[check(row)];
    }

    public long line(int row) {
        return lines[check(row)];
    }

    /** Epoch microseconds, or {@link Timestamps#NONE}. */
    public long tsMicros(int row) {
        return ts[check(row)];
    }

    /** Interned type id, or -1 for an error row. */
    public int typeId(int row) {
        return types[check(row)];
    }

    /** The event type, or null for an error row. */
    public String type(int row) {
        int t = types[check(row)];
        return t < 0 ? null : typeNames[t];
    }

    /** Interned node id, or -1 when the event names no node. */
    public int nodeId(int row) {
        return nodes[check(row)];
    }

    public String node(int row) {
        int n = nodes[check(row)];
        return n < 0 ? null : nodeNames[n];
    }

    /** Whether the row is a line that is not an event. */
    public boolean isError(int row) {
        return (flags[check(row)] & IndexColumns.FLAG_ERROR) != 0;
    }

    public boolean hasWarning(int row) {
        return (flags[check(row)] & IndexColumns.FLAG_WARNING) != 0;
    }

    /** The diagnostic of a row (its error, or its warning), or null. */
    public Diagnostic diagnostic(int row) {
        check(row);
        int i = Arrays.binarySearch(diagnosticRows, 0, diagnosticCount, row);
        return i >= 0 ? diagnostics[i] : null;
    }

    public List<Diagnostic> diagnostics() {
        return List.of(Arrays.copyOf(diagnostics, diagnosticCount));
    }

    /** Row of the {@code i}-th diagnostic. */
    public int diagnosticRow(int i) {
        if (i >= diagnosticCount) {
            throw new IndexOutOfBoundsException(i);
        }
        return diagnosticRows[i];
    }

    public int diagnosticCount() {
        return diagnosticCount;
    }

    /** Distinct event types, indexed by type id. */
    public List<String> types() {
        return List.of(typeNames);
    }

    /** Distinct node ids, indexed by node id. */
    public List<String> nodes() {
        return List.of(nodeNames);
    }

    public int typeIdOf(String type) {
        for (int i = 0; i < typeNames.length; i++) {
            if (typeNames[i].equals(type)) {
                return i;
            }
        }
        return -1;
    }

    /** The kind of a node (from its {@code node.started}), or null. */
    public String nodeKind(int nodeId) {
        return nodeId < 0 || nodeId >= nodeKinds.length ? null : nodeKinds[nodeId];
    }

    /** Bytes the columns hold (allocated capacity, not just the rows in use). */
    public long columnBytes() {
        return capacityBytes;
    }

    /** Writes the rows' columns into a cache entry's body ({@link IndexColumns#read} reads them back). */
    void writeColumns(dev.omne.inspector.core.cache.EntryWriter.Body body) throws java.io.IOException {
        body.longs(offsets, size);
        body.ints(lines, size);
        body.longs(ts, size);
        body.ints(types, size);
        body.ints(nodes, size);
        body.bytes(flags, size);
    }

    private int check(int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException("row " + row + " of " + size);
        }
        return row;
    }
}
