package dev.omne.inspector.core.log;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * A separate JVM that appends test lines through {@link EventLog}, for the multi-process test.
 * Arguments: events file, writer name, line count, pad length, ready marker, lock poll in ms. Makes the ready
 * marker, then starts when a line arrives on its standard input (the test's start signal to all writers).
 */
public final class AppendWorker {

    private AppendWorker() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        String writer = args[1];
        int count = Integer.parseInt(args[2]);
        String pad = "x".repeat(Integer.parseInt(args[3]));
        Path ready = Path.of(args[4]);
        AppendOptions options = new AppendOptions(Duration.ofSeconds(30), Duration.ofMillis(Integer.parseInt(args[5])));
        try {
            // Link libc before the start signal so all writers begin together.
            EventLog.withLock(file.resolveSibling(writer + ".warmup"), options, f -> { });
            Files.writeString(ready, "");
            if (new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine() == null) {
                System.err.println(writer + ": no start signal");
                System.exit(2);
            }
            for (int seq = 0; seq < count; seq++) {
                EventLog.append(file, line(writer, seq, pad), options);
            }
        } catch (IOException e) {
            System.err.println(writer + ": " + e.getMessage());
            System.exit(1);
        }
    }

    /** The exact line writer {@code writer} appends as number {@code seq}; append_writer.py makes the same. */
    static String line(String writer, int seq, String pad) {
        return String.format(Locale.ROOT, "{\"type\":\"test.line\",\"id\":\"%s-%06d\",\"ts\":\"2026-04-15T00:00:00Z\","
                + "\"run_id\":\"r\",\"writer\":\"%s\",\"seq\":%d,\"pad\":\"%s\"}", writer, seq, writer, seq, pad);
    }
}
