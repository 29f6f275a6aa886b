package dev.omne.inspector.tail;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Test events that carry their sequence number in their timestamp (microseconds after {@link #BASE}), so the
 * index's timestamp column alone says which line a row is.
 */
final class Lines {
    static final long BASE = Timestamps.parseMicros("2026-04-15T00:00:00Z");
    /** Marks an error row in a list of sequence numbers. */
    static final long ERROR = -1;

    private Lines() {
    }

    static String line(long seq) {
        return String.format("{\"type\":\"test.line\",\"id\":\"ev-%06d\",\"ts\":\"2026-04-15T00:00:%02d.%06dZ\","
                + "\"run_id\":\"r\",\"seq\":%d}", seq, seq / 1_000_000, seq % 1_000_000, seq);
    }

    static byte[] lines(long from, long count) {
        StringBuilder b = new StringBuilder();
        for (long i = from; i < from + count; i++) {
            b.append(line(i)).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static List<Long> seqs(long from, long count) {
        List<Long> all = new ArrayList<>();
        for (long i = from; i < from + count; i++) {
            all.add(i);
        }
        return all;
    }

    static void append(Path file, long from, long count) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, lines(from, count), StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
    }

    static void write(Path file, long from, long count) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, lines(from, count));
    }

    static long seq(IndexSnapshot snapshot, int row) {
        return snapshot.isError(row) ? ERROR : snapshot.tsMicros(row) - BASE;
    }

    /** The rows of a finished whole-file read, as sequence numbers. */
    static List<Long> onDisk(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        IndexSnapshot s = RunIndex.build(file).snapshot();
        List<Long> all = new ArrayList<>(s.size());
        for (int row = 0; row < s.size(); row++) {
            all.add(seq(s, row));
        }
        return all;
    }
}
