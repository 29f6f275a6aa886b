package dev.omne.inspector.core.history;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omne.inspector.core.event.EventCodec;
import dev.omne.inspector.core.event.StrictJson;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.log.LineSplitter;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Reads back the few lines whose fields the index does not keep (a node's name, a failure's error), each by
 * one positioned read from its row's offset to the next row's: a summary reads a few dozen small lines of a
 * run, never the whole file again. The file is opened on the first read.
 */
final class RowFields implements Closeable {
    private final IndexSnapshot snapshot;
    private FileChannel channel;
    private byte[] buffer = new byte[4096];

    RowFields(IndexSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    /**
     * The event on a row, or null when it cannot be read back as the object that was indexed (the log was
     * changed or replaced since, or cannot be opened): a summary then goes without that field.
     */
    ObjectNode event(int row) {
        long from = snapshot.offset(row);
        long to = row + 1 < snapshot.size() ? snapshot.offset(row + 1) : snapshot.bytes();
        long length = Math.min(to - from, LineSplitter.DISPLAY_BYTES + 2L);
        if (length <= 0) {
            return null;
        }
        try {
            int n = read(from, (int) length);
            int end = 0;
            while (end < n && buffer[end] != '\n') {
                end++;
            }
            try (JsonParser parser = StrictJson.factory().createParser(buffer, 0, end)) {
                JsonNode node = EventCodec.mapper().readTree(parser);
                return node instanceof ObjectNode object ? object : null;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private int read(long position, int length) throws IOException {
        if (channel == null) {
            channel = FileChannel.open(snapshot.file(), StandardOpenOption.READ);
        }
        if (buffer.length < length) {
            buffer = new byte[Math.max(length, buffer.length * 2)];
        }
        ByteBuffer target = ByteBuffer.wrap(buffer, 0, length);
        while (target.hasRemaining()) {
            if (channel.read(target, position + target.position()) < 0) {
                break;
            }
        }
        return target.position();
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
