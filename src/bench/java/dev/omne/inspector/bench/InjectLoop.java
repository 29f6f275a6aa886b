package dev.omne.inspector.bench;

import dev.omne.inspector.cli.Cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * A writer for the soak benchmark: runs the real {@code inject} command ({@link Cli#run}, so each append goes
 * through the command line, the volume's checks and {@code EventLog.append}) in a loop, round-robin over some runs,
 * each event carrying {@code writer} and a per-run {@code seq}. A refused append (lock timeout, I/O error) keeps its
 * sequence number for the next try. At the end prints {@code RESULT WRITER run=COUNT ... failures=N}.
 *
 * <pre>InjectLoop --volume DIR --writer ID --runs RUN,RUN,... --seconds N [--rate EVENTS_PER_SECOND]</pre>
 */
public final class InjectLoop {
    private InjectLoop() {
    }

    public static void main(String[] args) {
        String volume = null;
        String writer = null;
        String[] runs = null;
        double seconds = 60;
        double rate = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--volume" -> volume = args[++i];
                case "--writer" -> writer = args[++i];
                case "--runs" -> runs = args[++i].split(",");
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                default -> usage();
            }
        }
        if (volume == null || writer == null || runs == null) {
            usage();
        }
        Map<String, Long> written = new LinkedHashMap<>();
        Arrays.stream(runs).forEach(r -> written.put(r, 0L));
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
        long failures = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long interval = rate > 0 ? (long) (1e9 / rate) : 0;
        long attempt = 0;
        while (System.nanoTime() < end) {
            if (interval > 0) {
                long due = start + attempt * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            String run = runs[(int) (attempt++ % runs.length)];
            long seq = written.get(run);
            errors.reset();
            int exit = Cli.run(new String[] {"inject", volume, "--run", run, "--type", "soak.tick",
                    "--field", "writer=" + writer, "--field", "seq:=" + seq}, discard, err);
            if (exit == Cli.OK) {
                written.put(run, seq + 1);
            } else {
                failures++;
                if (failures <= 5) {
                    System.err.print(writer + ": inject exited " + exit + ": "
                            + errors.toString(StandardCharsets.UTF_8));
                }
            }
        }
        StringBuilder result = new StringBuilder("RESULT ").append(writer);
        written.forEach((run, count) -> result.append(' ').append(run).append('=').append(count));
        result.append(" failures=").append(failures);
        result.append(String.format(" seconds=%.1f", (System.nanoTime() - start) / 1e9));
        System.out.println(result);
        System.out.flush();
    }

    private static void usage() {
        System.err.println("usage: InjectLoop --volume DIR --writer ID --runs RUN,RUN,... --seconds N [--rate R]");
        System.exit(2);
    }
}
