package dev.omne.inspector.core.log;

import dev.omne.inspector.core.event.Event;
import dev.omne.inspector.core.event.EventCodec;
import dev.omne.inspector.core.event.NodeCompleted;
import dev.omne.inspector.core.event.NodeStarted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The reference implementation's own cases, through the public append and read paths together. */
class AppendThenReadTest {
    @TempDir
    Path project;

    @Test
    void oneAppendThenReadGivesTheSameEvent() throws IOException {
        Path file = project.resolve(".omne/var/runs/pipe-01/events.jsonl");
        NodeStarted event = NodeStarted.of("ev-0001", Instant.parse("2026-04-15T00:00:00Z"), "pipe-01", "n1", "bash",
                null, null);
        EventLog.append(file, EventCodec.encode(event));
        assertEquals(List.of(event), EventReader.readStrict(file));
    }

    @Test
    void hundredSequentialAppendsReadBackInOrder() throws IOException {
        Path file = project.resolve(".omne/var/runs/pipe-01/events.jsonl");
        List<Event> written = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Event e = NodeCompleted.of(String.format("ev-%04d", i), Instant.parse("2026-04-15T00:00:00Z").plusSeconds(i),
                    "pipe-01", "n" + i);
            EventLog.append(file, EventCodec.encode(e));
            written.add(e);
        }
        assertEquals(written, EventReader.readStrict(file));
        ReadResult read = EventReader.read(file);
        for (int i = 0; i < 100; i++) {
            assertEquals(i + 1, read.events().get(i).line());
        }
    }
}
