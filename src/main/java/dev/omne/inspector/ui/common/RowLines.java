package dev.omne.inspector.ui.common;

import dev.omne.inspector.core.index.IndexSnapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads rows' lines back from the events file by their byte offsets in the index: only the lines someone is
 * looking at, and always on a background thread. A row's line ends where the next row starts (or where the
 * snapshot's complete lines end), so no scanning for newlines is needed.
 */
public final class RowLines {
    /** Bytes of a line put on the clipboard. */
    public static final int COPY_CAP = 16 << 20;

    private RowLines() {
    }

    /** The rows' lines as they are in the file, one per element, for copying. */
    public static List<String> lines(IndexSnapshot snapshot, int[] rows) throws IOException {
        List<String> out = new ArrayList<>(rows.length);
        try (FileChannel channel = FileChannel.open(snapshot.file(), StandardOpenOption.READ)) {
            for (int row : rows) {
                Line line = read(channel, snapshot, row, COPY_CAP);
                out.add(new String(line.bytes, StandardCharsets.UTF_8).strip());
            }
        }
        return out;
    }

    /** A row's line as read: its bytes (without the line break) and whether it was cut at the cap. */
    public record Line(byte[] bytes, boolean truncated) {
    }

    /** The line of {@code row}, at most {@code cap} bytes of it, read through an open channel of the snapshot's file. */
    public static Line read(FileChannel channel, IndexSnapshot snapshot, int row, int cap) throws IOException {
        long start = snapshot.offset(row);
        long end = row + 1 < snapshot.size() ? snapshot.offset(row + 1) : Math.max(snapshot.bytes(), start);
        end = Math.min(end, channel.size());
        long length = Math.max(0, end - start);
        boolean truncated = length > cap;
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, cap));
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, start + buffer.position());
            if (n < 0) {
                break;
            }
        }
        byte[] bytes = Arrays.copyOf(buffer.array(), buffer.position());
        int len = bytes.length;
        while (len > 0 && isSpace(bytes[len - 1])) {
            len--;
        }
        // The bytes up to the next row may hold blank lines too; the row's line ends at its first newline.
        for (int i = 0; i < len; i++) {
            if (bytes[i] == '\n') {
                len = i;
                break;
            }
        }
        while (len > 0 && isSpace(bytes[len - 1])) {
            len--;
        }
        return new Line(len == bytes.length ? bytes : Arrays.copyOf(bytes, len), truncated);
    }

    private static boolean isSpace(byte b) {
        return b == '\n' || b == '\r' || b == ' ' || b == '\t';
    }
}
