package dev.omne.inspector.generate;

import dev.omne.inspector.generate.Pipes.Pipe;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes realistic omne run event logs in volume, for benchmarks and tests.
 *
 * <p>Counting: {@code eventsPerRun} is the number of <b>lines</b> written to each run's
 * {@code events.jsonl}. With {@code malformedEvery} K &gt; 0, lines K, 2K, 3K, ... of each file
 * (1-based) are malformed, so a file holds exactly {@code eventsPerRun / K} malformed lines
 * (integer division) and {@code eventsPerRun - eventsPerRun / K} well-formed events. Malformed
 * lines take a line slot but no event: the well-formed events alone form a complete, consistent
 * stream (run.started first, every node.started closed, run.completed or run.failed last).
 *
 * <p>Output depends only on the options: the same options give the same bytes. Run {@code i} of
 * a volume is the same whatever {@code runs} is (but for the newest {@code unfinished} ones), and
 * {@link #generateFile} writes run 0. The {@code generate} command runs it from the command line.
 *
 * <p>Two shapes of run: by default a run goes round its pipe again and again until its events are used up
 * (one large run, for the index and the window); with {@code history} each run passes through its pipe once,
 * as the runs of a project's history do ({@link HistoryShape}): retries, loops, failed and unfinished runs,
 * durations that vary.
 */
public final class VolumeGenerator {
    /** Default start time of the first run. */
    public static final Instant DEFAULT_START = Instant.parse("2026-04-15T00:00:00Z");
    private static final int BUFFER = 1 << 20;

    private VolumeGenerator() {
    }

    /**
     * What to generate.
     *
     * @param runs           number of runs (folders) to write
     * @param eventsPerRun   lines per run's events.jsonl, malformed ones included
     * @param malformedEvery K: every K-th line of a file is malformed; 0 for none
     * @param seed           seed of all randomness
     * @param start          start time of the first run; later runs start later
     * @param pipes          names of the pipes runs are drawn from; empty for all of them
     * @param history        each run passes through its pipe once ({@link HistoryShape})
     * @param failingPercent with {@code history}: the chance in percent that a run fails for good
     * @param unfinished     with {@code history}: the newest this many runs stop part-way, without a run end
     */
    public record Options(int runs, int eventsPerRun, int malformedEvery, long seed, Instant start,
                          List<String> pipes, boolean history, int failingPercent, int unfinished) {
        public Options {
            pipes = List.copyOf(pipes);
            Pipes.named(pipes);
            if (failingPercent < 0 || failingPercent > 100) {
                throw new IllegalArgumentException("failingPercent must be 0 to 100: " + failingPercent);
            }
            if (unfinished < 0 || unfinished > runs) {
                throw new IllegalArgumentException("unfinished must be 0 to the number of runs (" + runs + "): "
                        + unfinished);
            }
            if (runs < 1) {
                throw new IllegalArgumentException("runs must be at least 1: " + runs);
            }
            if (eventsPerRun < 0) {
                throw new IllegalArgumentException("eventsPerRun must not be negative: " + eventsPerRun);
            }
            if (malformedEvery < 0) {
                throw new IllegalArgumentException("malformedEvery must not be negative: " + malformedEvery);
            }
            if (start == null) {
                throw new IllegalArgumentException("start is required");
            }
        }

        /** 1 run of 1000 events, no malformed lines, seed 42, every pipe, the default shape. */
        public static Options defaults() {
            return new Options(1, 1000, 0, 42, DEFAULT_START, List.of(), false, 20, 0);
        }

        public Options withRuns(int n) {
            return new Options(n, eventsPerRun, malformedEvery, seed, start, pipes, history, failingPercent,
                    unfinished);
        }

        public Options withEventsPerRun(int n) {
            return new Options(runs, n, malformedEvery, seed, start, pipes, history, failingPercent, unfinished);
        }

        public Options withMalformedEvery(int k) {
            return new Options(runs, eventsPerRun, k, seed, start, pipes, history, failingPercent, unfinished);
        }

        public Options withSeed(long s) {
            return new Options(runs, eventsPerRun, malformedEvery, s, start, pipes, history, failingPercent,
                    unfinished);
        }

        public Options withStart(Instant t) {
            return new Options(runs, eventsPerRun, malformedEvery, seed, t, pipes, history, failingPercent,
                    unfinished);
        }

        public Options withPipes(List<String> names) {
            return new Options(runs, eventsPerRun, malformedEvery, seed, start, names, history, failingPercent,
                    unfinished);
        }

        /** History-shaped runs, {@code failing} percent of them failing, the newest {@code unfinished} unfinished. */
        public Options withHistory(int failing, int unfinishedRuns) {
            return new Options(runs, eventsPerRun, malformedEvery, seed, start, pipes, true, failing, unfinishedRuns);
        }
    }

    /**
     * One written run.
     *
     * @param lines     lines in the file
     * @param events    well-formed events ({@code lines - malformed})
     * @param malformed malformed lines
     */
    public record RunFile(String runId, Path file, int lines, int events, int malformed, long bytes) {
    }

    /** What {@link #generate} wrote. */
    public record Result(List<RunFile> runs, long elapsedNanos) {
        public long lines() {
            return runs.stream().mapToLong(RunFile::lines).sum();
        }

        public long events() {
            return runs.stream().mapToLong(RunFile::events).sum();
        }

        public long malformed() {
            return runs.stream().mapToLong(RunFile::malformed).sum();
        }

        public long bytes() {
            return runs.stream().mapToLong(RunFile::bytes).sum();
        }
    }

    /** Writes {@code options.runs()} runs under {@code <projectDir>/.omne/var/runs/<run_id>/events.jsonl}. */
    public static Result generate(Path projectDir, Options options) throws IOException {
        long t0 = System.nanoTime();
        Path runsDir = projectDir.resolve(".omne").resolve("var").resolve("runs");
        List<RunFile> written = new ArrayList<>(options.runs());
        Plan plan = new Plan(options);
        for (int i = 0; i < options.runs(); i++) {
            plan.next();
            Path file = runsDir.resolve(plan.runId).resolve("events.jsonl");
            written.add(write(file, plan, options, i >= options.runs() - options.unfinished()));
        }
        return new Result(List.copyOf(written), System.nanoTime() - t0);
    }

    /**
     * Writes one run (run 0 of {@code options}, whose {@code runs} is ignored) to an explicit file.
     * The run id inside is the generated one, whatever the file's folder is called.
     */
    public static RunFile generateFile(Path file, Options options) throws IOException {
        Plan plan = new Plan(options);
        plan.next();
        return write(file, plan, options, options.unfinished() > 0);
    }

    /** Per-run randomness and start times, drawn in run order from one seeded source. */
    private static final class Plan {
        private final SplittableRandom master;
        private final List<Pipe> pipes;
        private long startMs;
        private boolean first = true;
        SplittableRandom rnd;
        Pipe pipe;
        String runId;

        Plan(Options options) {
            master = new SplittableRandom(options.seed());
            pipes = options.pipes().isEmpty() ? Pipes.ALL : Pipes.named(options.pipes());
            startMs = options.start().toEpochMilli();
        }

        void next() {
            rnd = master.split();
            if (!first) {
                startMs += rnd.nextLong(60_000, 4 * 3_600_000);
            }
            first = false;
            startMs += rnd.nextInt(1000);
            pipe = pipes.get(rnd.nextInt(pipes.size()));
            runId = RunWriter.runId(pipe.name(), startMs, rnd);
        }
    }

    private static RunFile write(Path file, Plan plan, Options options, boolean unfinished) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        RunWriter writer = new RunWriter(plan.rnd, plan.pipe, plan.runId, plan.startMs);
        int malformed;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER)) {
            if (options.history()) {
                int lines = options.eventsPerRun();
                int events = lines - (options.malformedEvery() > 0 ? lines / options.malformedEvery() : 0);
                HistoryShape shape = new HistoryShape(writer, plan.rnd.split(), plan.pipe, plan.startMs,
                        options.failingPercent(), unfinished, events);
                malformed = writer.write(out, lines, options.malformedEvery(), shape);
            } else {
                malformed = writer.write(out, options.eventsPerRun(), options.malformedEvery());
            }
        }
        int lines = options.eventsPerRun();
        return new RunFile(plan.runId, file, lines, lines - malformed, malformed, Files.size(file));
    }
}
