package dev.omne.inspector.core.index;

import dev.omne.inspector.core.event.NodeStarted;
import dev.omne.inspector.core.log.Diagnostic;
import dev.omne.inspector.core.log.ScannedLine;

import java.util.Arrays;

/**
 * The growable columns of a run index, written by one thread. One row per non-blank line: an event, or a
 * line that is not one (an error row, shown in place). Strings are interned to ints; diagnostics, being
 * rare, are kept as objects beside the row they belong to.
 */
final class IndexColumns {
    static final byte FLAG_ERROR = 1;
    static final byte FLAG_WARNING = 2;
    /** Bytes each row costs in the columns below: offset 8, line 4, ts 8, type 4, node 4, flags 1. */
    static final int BYTES_PER_ROW = 29;

    long[] offsets;
    int[] lines;
    long[] ts;
    int[] types;
    int[] nodes;
    byte[] flags;
    int size;

    final Interner typeNames = new Interner();
    final Interner nodeNames = new Interner();
    /** Kind of each node id, from its latest {@code node.started}. */
    String[] nodeKinds = new String[8];

    int[] diagnosticRows = new int[4];
    Diagnostic[] diagnostics = new Diagnostic[4];
    int diagnosticCount;
    int errorCount;
    int warningCount;

    IndexColumns(int capacity) {
        int c = Math.max(16, capacity);
        offsets = new long[c];
        lines = new int[c];
        ts = new long[c];
        types = new int[c];
        nodes = new int[c];
        flags = new byte[c];
    }

    int capacity() {
        return offsets.length;
    }

    private void ensure(int extra) {
        if (size + extra <= offsets.length) {
            return;
        }
        // 1.5x growth keeps the worst-case slack within the 48-bytes-per-event budget.
        int c = Math.max(size + extra, offsets.length + (offsets.length >> 1));
        resize(c);
    }

    void trim() {
        if (offsets.length > size + 16) {
            resize(Math.max(16, size));
        }
    }

    private void resize(int c) {
        offsets = Arrays.copyOf(offsets, c);
        lines = Arrays.copyOf(lines, c);
        ts = Arrays.copyOf(ts, c);
        types = Arrays.copyOf(types, c);
        nodes = Arrays.copyOf(nodes, c);
        flags = Arrays.copyOf(flags, c);
    }

    /** Adds a scanned, non-blank line. */
    void addEvent(long offset, long line, ScannedLine scan, Diagnostic warning) {
        ensure(1);
        int row = size;
        offsets[row] = offset;
        lines[row] = (int) line;
        ts[row] = scan.tsMicros();
        types[row] = typeNames.intern(scan.type());
        int node = scan.nodeId() == null ? -1 : nodeNames.intern(scan.nodeId());
        nodes[row] = node;
        byte f = 0;
        if (warning != null) {
            f |= FLAG_WARNING;
            addDiagnostic(row, warning);
            warningCount++;
        }
        flags[row] = f;
        if (node >= 0) {
            setNodeKindIfStarted(node, scan.type(), scan.kind());
        }
        size++;
    }

    void addError(long offset, long line, long tsMicros, Diagnostic error) {
        ensure(1);
        int row = size;
        offsets[row] = offset;
        lines[row] = (int) line;
        ts[row] = tsMicros;
        types[row] = -1;
        nodes[row] = -1;
        flags[row] = FLAG_ERROR;
        addDiagnostic(row, error);
        errorCount++;
        size++;
    }

    private void setNodeKindIfStarted(int node, String type, String kind) {
        if (node >= nodeKinds.length) {
            nodeKinds = Arrays.copyOf(nodeKinds, Math.max(node + 1, nodeKinds.length * 2));
        }
        if (kind != null && NodeStarted.TYPE.equals(type)) {
            nodeKinds[node] = kind;
        }
    }

    private void addDiagnostic(int row, Diagnostic diagnostic) {
        if (diagnosticCount == diagnostics.length) {
            diagnostics = Arrays.copyOf(diagnostics, diagnosticCount * 2);
            diagnosticRows = Arrays.copyOf(diagnosticRows, diagnosticCount * 2);
        }
        diagnosticRows[diagnosticCount] = row;
        diagnostics[diagnosticCount] = diagnostic;
        diagnosticCount++;
    }

    /**
     * Appends another piece's rows (indexed on its own, lines numbered from 1), renumbering its lines by
     * {@code lineBase} and mapping its interned ids onto ours.
     */
    void appendPiece(IndexColumns piece, long lineBase) {
        ensure(piece.size);
        int[] typeMap = new int[piece.typeNames.size()];
        for (int i = 0; i < typeMap.length; i++) {
            typeMap[i] = typeNames.intern(piece.typeNames.get(i));
        }
        int[] nodeMap = new int[piece.nodeNames.size()];
        for (int i = 0; i < nodeMap.length; i++) {
            nodeMap[i] = nodeNames.intern(piece.nodeNames.get(i));
            if (nodeMap[i] >= nodeKinds.length) {
                nodeKinds = Arrays.copyOf(nodeKinds, Math.max(nodeMap[i] + 1, nodeKinds.length * 2));
            }
            String kind = i < piece.nodeKinds.length ? piece.nodeKinds[i] : null;
            if (kind != null) {
                nodeKinds[nodeMap[i]] = kind;
            }
        }
        int base = size;
        System.arraycopy(piece.offsets, 0, offsets, base, piece.size);
        System.arraycopy(piece.ts, 0, ts, base, piece.size);
        System.arraycopy(piece.flags, 0, flags, base, piece.size);
        for (int i = 0; i < piece.size; i++) {
            lines[base + i] = (int) (piece.lines[i] + lineBase);
            int t = piece.types[i];
            types[base + i] = t < 0 ? -1 : typeMap[t];
            int n = piece.nodes[i];
            nodes[base + i] = n < 0 ? -1 : nodeMap[n];
        }
        for (int i = 0; i < piece.diagnosticCount; i++) {
            Diagnostic d = piece.diagnostics[i];
            addDiagnostic(base + piece.diagnosticRows[i], d.shifted(lineBase));
        }
        errorCount += piece.errorCount;
        warningCount += piece.warningCount;
        size += piece.size;
    }
}
