package dev.omne.inspector.cli;

import dev.omne.inspector.generate.VolumeGenerator;
import dev.omne.inspector.generate.VolumeGenerator.Options;
import dev.omne.inspector.generate.VolumeGenerator.Result;
import dev.omne.inspector.generate.VolumeGenerator.RunFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code generate}: writes a sample volume (or one run's log) of realistic events, for demos, tests and benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a sample volume of generated runs (the same options give the same bytes).",
                "Exit 0 when written, 1 for an I/O problem, 2 for a usage problem."})
final class GenerateCommand implements Callable<Integer> {
    /** Where to write: exactly one of the two. */
    static final class Target {
        @Option(names = "--out", paramLabel = "DIR", required = true,
                description = "Project folder: writes DIR/.omne/var/runs/<run_id>/events.jsonl per run.")
        Path out;

        @Option(names = "--file", paramLabel = "FILE", required = true,
                description = "Write one run's log to FILE instead (--runs must be 1).")
        Path file;
    }

    /** Whole numbers as the benchmarks write them: {@code 1_000_000} as well as {@code 1000000}. */
    static final class Count implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                return Integer.parseInt(value.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("needs a whole number: " + value);
            }
        }
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--runs", paramLabel = "N", converter = Count.class, defaultValue = "1",
            description = "Runs to write (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--events", paramLabel = "N", converter = Count.class, defaultValue = "1000",
            description = "Lines per run, malformed ones included (default ${DEFAULT-VALUE}; 1_000_000 style allowed).")
    int events;

    @Option(names = "--malformed-every", paramLabel = "K", converter = Count.class, defaultValue = "0",
            description = "Every K-th line of each file is malformed (default 0: none).")
    int malformedEvery;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed (default ${DEFAULT-VALUE}); the same options give the same bytes.")
    String seed;

    @Option(names = "--start", paramLabel = "TIME", defaultValue = "2026-04-15T00:00:00Z",
            description = "Start of the first run, RFC 3339 (default ${DEFAULT-VALUE}).")
    Instant start;

    @Option(names = "--pipes", paramLabel = "P", split = ",",
            description = "Draw runs from these pipes only (feature, bugfix, release, docs; default all).")
    List<String> pipes;

    @Option(names = "--history",
            description = {"Each run passes through its pipe once, as in a project's history: retries, loops,",
                    "failed and unfinished runs, durations that vary (default: a pipe round and round)."})
    boolean history;

    @Option(names = "--failing", paramLabel = "PCT", converter = Count.class,
            description = "With --history: percent of runs that fail for good at one node (default 20).")
    Integer failing;

    @Option(names = "--unfinished", paramLabel = "N", converter = Count.class,
            description = "With --history: the newest N runs stop part-way, a node still running (default 0).")
    Integer unfinished;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Options options;
        if (!history && (failing != null || unfinished != null)) {
            throw new ParameterException(spec.commandLine(), "--failing and --unfinished go with --history");
        }
        try {
            options = new Options(runs, events, malformedEvery, Long.parseLong(seed.replace("_", "")), start,
                    pipes == null ? List.of() : pipes.stream().map(String::strip).toList(), false, 20, 0);
            if (history) {
                options = options.withHistory(failing == null ? options.failingPercent() : failing,
                        unfinished == null ? 0 : unfinished);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (target.file != null && runs != 1) {
            throw new ParameterException(spec.commandLine(), "--file writes one run; use --out for --runs " + runs);
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            Result result;
            if (target.file != null) {
                long t0 = System.nanoTime();
                RunFile one = VolumeGenerator.generateFile(target.file, options);
                result = new Result(List.of(one), System.nanoTime() - t0);
            } else {
                result = VolumeGenerator.generate(target.out, options);
            }
            for (RunFile r : result.runs()) {
                out.printf(Locale.ROOT, "%s  %d lines (%d events, %d malformed)  %d bytes%n",
                        r.file(), r.lines(), r.events(), r.malformed(), r.bytes());
            }
            out.printf(Locale.ROOT, "wrote %d run(s): %d lines, %d events, %d malformed, %d bytes (%.1f MiB) in %.2f s%n",
                    result.runs().size(), result.lines(), result.events(), result.malformed(), result.bytes(),
                    result.bytes() / (1024.0 * 1024.0), result.elapsedNanos() / 1e9);
            out.flush();
            return Cli.OK;
        } catch (IOException e) {
            spec.commandLine().getErr().println("omne-inspector: " + CliMessages.describe(e));
            return 1;
        }
    }
}
