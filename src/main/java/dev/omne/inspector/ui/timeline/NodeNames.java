package dev.omne.inspector.ui.timeline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.omne.inspector.core.event.EventCodec;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.ui.common.RowLines;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The names of a run's nodes (the {@code name} of each node's first {@code node.started}), which the index does
 * not hold: read back from the file on a background thread, only for nodes whose name is not known yet, so a
 * growing run costs a line per new node. Immutable: {@link #readMore} returns a new one.
 */
public final class NodeNames {
    /** Bytes of a line read for a name: names come early in a {@code node.started}. */
    static final int CAP = 16 * 1024;
    private static final String NONE = "";

    public static final NodeNames EMPTY = new NodeNames(null, new String[0]);

    private final java.nio.file.Path file;
    /** By snapshot node id: the name, {@link #NONE} for a node with none, null while not read. */
    private final String[] names;

    private NodeNames(java.nio.file.Path file, String[] names) {
        this.file = file;
        this.names = names;
    }

    /** The name of a snapshot node id, or null (none, or not read yet). */
    public String of(int nodeId) {
        String name = nodeId >= 0 && nodeId < names.length ? names[nodeId] : null;
        return name == null || name.isEmpty() ? null : name;
    }

    /** Whether every lane of {@code m} has its name read (or has none). */
    public boolean covers(TimelineModel m) {
        for (int lane = 0; lane < m.laneCount(); lane++) {
            int id = m.laneNodeId(lane);
            if ((id >= names.length || names[id] == null) && m.nodeStartRow(id) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** These names and those of {@code m}'s lanes not read yet, read from {@code s}'s file. */
    NodeNames readMore(IndexSnapshot s, TimelineModel m) throws IOException {
        String[] out = names;
        if (!s.file().equals(file)) {
            out = new String[0];
        }
        int nodes = s.nodes().size();
        out = Arrays.copyOf(out, Math.max(out.length, nodes));
        long[] todo = new long[m.laneCount()];
        int n = 0;
        for (int lane = 0; lane < m.laneCount(); lane++) {
            int id = m.laneNodeId(lane);
            int row = m.nodeStartRow(id);
            if (out[id] == null && row >= 0 && row < s.size()) {
                todo[n++] = ((long) row << 32) | id;
            }
        }
        if (n > 0) {
            Arrays.sort(todo, 0, n); // in file order: the reads go forward through the file
            try (FileChannel channel = FileChannel.open(s.file(), StandardOpenOption.READ)) {
                Window window = new Window(channel);
                for (int i = 0; i < n; i++) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new java.io.InterruptedIOException("stopped");
                    }
                    int row = (int) (todo[i] >>> 32);
                    out[(int) todo[i]] = window.name(s, row);
                }
            }
        }
        return new NodeNames(s.file(), out);
    }

    /**
     * A megabyte of the file at a time: a run of many nodes has its {@code node.started} lines close together, so
     * most names are read from bytes already there instead of a read each.
     */
    private static final class Window {
        private static final int SIZE = 1 << 20;
        private final FileChannel channel;
        private final java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(SIZE);
        private long start = -1;
        private int length;

        Window(FileChannel channel) {
            this.channel = channel;
        }

        String name(IndexSnapshot s, int row) throws IOException {
            long from = s.offset(row);
            long to = row + 1 < s.size() ? s.offset(row + 1) : Math.max(s.bytes(), from);
            if (to - from > CAP) {
                return nameIn(RowLines.read(channel, s, row, CAP).bytes());
            }
            if (start < 0 || from < start || to > start + length) {
                buffer.clear();
                start = from;
                while (buffer.hasRemaining() && channel.read(buffer, start + buffer.position()) > 0) {
                    // fill the window
                }
                length = buffer.position();
            }
            int at = (int) (from - start);
            int end = (int) Math.min(length, to - start);
            return nameIn(Arrays.copyOfRange(buffer.array(), at, Math.max(at, end)));
        }
    }

    /** The top-level {@code name} string of a line, or {@link #NONE}. */
    static String nameIn(byte[] line) {
        try (JsonParser p = EventCodec.mapper().getFactory().createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return NONE;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("name")) {
                    return value == JsonToken.VALUE_STRING ? p.getText() : NONE;
                }
                p.skipChildren();
            }
            return NONE;
        } catch (IOException | RuntimeException e) {
            return NONE; // changed on disk since it was indexed: no name rather than a wrong one
        }
    }
}
