package dev.omne.inspector.cli;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.history.HistoryFilter;
import dev.omne.inspector.core.history.HistoryLoader;
import dev.omne.inspector.core.history.NodeStatistics;
import dev.omne.inspector.core.history.RunOutcome;
import dev.omne.inspector.core.history.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code stats PATH}: each node's runs, failures, durations and trend across a volume's runs. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Print node statistics across a volume's runs.",
                "For each node: its runs, failures and failure rate, median (p50), p95 and longest time per run,",
                "the trend over the runs, and its last failure.",
                "Lines that are not events are skipped and counted. Exit 0 when printed, 2 for a usage or I/O problem."})
final class StatsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATH",
            description = "A project folder, its .omne folder, a run folder or an events.jsonl file.")
    Path path;

    @Option(names = "--pipe", paramLabel = "PIPE", split = ",",
            description = "Only runs of this pipe (the run id's part before its ULID); repeat or list for several.")
    List<String> pipes;

    @Option(names = "--last", paramLabel = "N", description = "Only the newest N runs (after the other filters).")
    Integer last;

    @Option(names = "--outcome", paramLabel = "OUTCOME", split = ",",
            description = "Only runs that ended so: completed, failed or unfinished; repeat or list for several.")
    List<String> outcomes;

    @Option(names = "--since", paramLabel = "TIME", description = "Only runs that started at or after TIME (RFC 3339).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Only runs that started before TIME (RFC 3339).")
    String until;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "flakiest",
            description = "flakiest (highest failure rate first, the default), slowest (longest median first) or pipeline.")
    String sort;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (an aligned table, the default), json or csv.")
    String format;

    @Spec
    CommandSpec spec;

    private enum Format { TEXT, JSON, CSV }

    @Override
    public Integer call() throws Exception {
        Format out;
        NodeStatistics.Order order;
        HistoryFilter filter;
        try {
            out = parseFormat(format, EnumSet.allOf(Format.class));
            order = NodeStatistics.Order.parse(sort);
            filter = filter();
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage());
        }
        HistoryLoader.Result loaded = HistoryInput.load(path, spec.commandLine().getErr());
        List<String> known = loaded.history().pipes();
        for (String pipe : filter.pipes()) {
            if (!known.contains(pipe)) {
                return refuse("no runs of pipe \"" + pipe + "\" in " + path + " ("
                        + (known.isEmpty() ? "it has no runs" : "its pipes: " + String.join(", ", known)) + ")");
            }
        }
        List<RunSummary> runs = filter.apply(loaded.history());
        StatsReport report = new StatsReport(path, runs, NodeStatistics.of(runs, order), order, filter, loaded);
        PrintWriter w = spec.commandLine().getOut();
        switch (out) {
            case TEXT -> report.text(w);
            case JSON -> report.json(w);
            case CSV -> {
                report.csv(w);
                if (report.malformed() > 0) {
                    spec.commandLine().getErr().println("omne-inspector: " + report.skipped());
                }
            }
        }
        w.flush();
        return Cli.OK;
    }

    private HistoryFilter filter() {
        HistoryFilter filter = HistoryFilter.ALL;
        if (pipes != null) {
            filter = filter.withPipes(new LinkedHashSet<>(pipes.stream().map(String::strip).toList()));
        }
        if (outcomes != null) {
            Set<RunOutcome> set = EnumSet.noneOf(RunOutcome.class);
            for (String word : outcomes) {
                set.add(RunOutcome.parse(word));
            }
            filter = filter.withOutcomes(set);
        }
        if (since != null || until != null) {
            filter = filter.between(time("--since", since), time("--until", until));
        }
        if (last != null) {
            if (last < 1) {
                throw new IllegalArgumentException("--last needs a number of runs of at least 1: " + last);
            }
            filter = filter.withLast(last);
        }
        return filter;
    }

    private static long time(String option, String text) {
        if (text == null) {
            return Timestamps.NONE;
        }
        long micros = Timestamps.parseMicros(text.strip());
        if (micros == Timestamps.NONE) {
            throw new IllegalArgumentException(option + " needs an RFC 3339 time such as 2026-04-15T00:00:00Z: " + text);
        }
        return micros;
    }

    static <F extends Enum<F>> F parseFormat(String word, EnumSet<F> allowed) {
        for (F f : allowed) {
            if (f.name().toLowerCase(Locale.ROOT).equals(word.strip().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format \"" + word + "\" (" + String.join(", ",
                allowed.stream().map(f -> f.name().toLowerCase(Locale.ROOT)).toList()) + ")");
    }

    private int refuse(String message) {
        spec.commandLine().getErr().println("omne-inspector: " + message);
        return Cli.USAGE_OR_IO;
    }
}
