package dev.omne.inspector.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.omne.inspector.core.event.EventCodec;
import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.export.CsvWriter;
import dev.omne.inspector.core.history.HistoryFilter;
import dev.omne.inspector.core.history.HistoryLoader;
import dev.omne.inspector.core.history.NodeStatistics;
import dev.omne.inspector.core.history.NodeStats;
import dev.omne.inspector.core.history.RunOutcome;
import dev.omne.inspector.core.history.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code stats PATH}: each node's runs, failures, durations and trend across a volume's runs. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Node statistics across a volume's runs: for each node its runs, failures and failure rate,",
                "median (p50), p95 and longest time per run, the trend over the runs, and its last failure.",
                "Lines that are not events are skipped and counted. Exit 0 when printed, 2 for a usage or I/O problem."})
final class StatsCommand implements Callable<Integer> {
    /** Points of the trend a text table shows (JSON and CSV have them all). */
    static final int TREND_POINTS = 20;
    private static final int MESSAGE_CHARS = 60;

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
        List<NodeStats> stats = NodeStatistics.of(runs, order);
        Totals totals = Totals.of(runs);
        PrintWriter w = spec.commandLine().getOut();
        switch (out) {
            case TEXT -> text(w, runs, stats, totals, order, loaded);
            case JSON -> json(w, runs, stats, totals, order, filter, loaded);
            case CSV -> {
                csv(w, stats);
                if (totals.malformed > 0) {
                    spec.commandLine().getErr().println("omne-inspector: " + totals.skipped());
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

    /** Events and skipped lines of the runs shown. */
    private record Totals(int runs, long events, long malformed, int runsWithMalformed, Set<String> pipes) {
        static Totals of(List<RunSummary> runs) {
            long events = 0;
            long malformed = 0;
            int with = 0;
            Set<String> pipes = new TreeSet<>();
            for (RunSummary run : runs) {
                events += run.events();
                malformed += run.malformed();
                with += run.malformed() > 0 ? 1 : 0;
                pipes.add(run.pipe());
            }
            return new Totals(runs.size(), events, malformed, with, pipes);
        }

        String skipped() {
            return malformed + (malformed == 1 ? " line that is not an event was" : " lines that are not events were")
                    + " skipped (in " + runsWithMalformed + (runsWithMalformed == 1 ? " run)" : " runs)");
        }
    }

    // ---- text ----

    private static void text(PrintWriter w, List<RunSummary> runs, List<NodeStats> stats, Totals totals,
                             NodeStatistics.Order order, HistoryLoader.Result loaded) {
        boolean pipeColumn = totals.pipes.size() > 1;
        TextTable table = new TextTable();
        if (pipeColumn) {
            table.column("PIPE", TextTable.Align.LEFT);
        }
        table.column("NODE", TextTable.Align.LEFT).column("KIND", TextTable.Align.LEFT)
                .column("RUNS", TextTable.Align.RIGHT).column("FAILED", TextTable.Align.RIGHT)
                .column("RATE", TextTable.Align.RIGHT).column("P50 S", TextTable.Align.RIGHT)
                .column("P95 S", TextTable.Align.RIGHT).column("MAX S", TextTable.Align.RIGHT)
                .column("TREND", TextTable.Align.LEFT).column("LAST FAILURE", TextTable.Align.LEFT);
        for (NodeStats s : stats) {
            List<String> row = new ArrayList<>();
            if (pipeColumn) {
                row.add(s.node().pipe());
            }
            row.add(s.node().nodeId());
            row.add(s.kind() == null ? "" : s.kind());
            row.add(Integer.toString(s.runs()));
            row.add(Integer.toString(s.failures()));
            row.add(HistoryText.percent(s.failureRate()));
            row.add(HistoryText.seconds(s.p50Micros()));
            row.add(HistoryText.seconds(s.p95Micros()));
            row.add(HistoryText.seconds(s.maxMicros()));
            row.add(HistoryText.sparkline(s.trend(), TREND_POINTS));
            NodeStats.LastFailure f = s.lastFailure();
            row.add(f == null ? "" : f.runId() + "  " + (f.errorKind() == null ? "" : f.errorKind() + ": ")
                    + HistoryText.oneLine(f.errorMessage(), MESSAGE_CHARS));
            table.row(row);
        }
        table.print(w);
        w.println();
        StringBuilder footer = new StringBuilder();
        footer.append(totals.runs).append(totals.runs == 1 ? " run" : " runs");
        if (!totals.pipes.isEmpty()) {
            footer.append(" of ").append(String.join(", ", totals.pipes));
        }
        if (!runs.isEmpty()) {
            footer.append(", ").append(HistoryText.time(runs.getLast().sortMicros())).append(" to ")
                    .append(HistoryText.time(runs.getFirst().sortMicros()));
        }
        footer.append("; ").append(totals.events).append(" events; ").append(totals.skipped())
                .append("; sorted ").append(order.label()).append("; trend: the last ").append(TREND_POINTS)
                .append(" runs, oldest left, ").append(HistoryText.NO_DURATION).append(" where a run has no final time");
        if (!loaded.unreadable().isEmpty()) {
            footer.append("; ").append(loaded.unreadable().size()).append(" log(s) could not be read");
        }
        w.println(footer);
    }

    // ---- json ----

    private void json(PrintWriter w, List<RunSummary> runs, List<NodeStats> stats, Totals totals,
                      NodeStatistics.Order order, HistoryFilter filter, HistoryLoader.Result loaded) throws IOException {
        try (JsonGenerator g = HistoryInput.jsonGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("path", path.toString());
            g.writeNumberField("runs", totals.runs);
            g.writeArrayFieldStart("pipes");
            for (String pipe : totals.pipes) {
                g.writeString(pipe);
            }
            g.writeEndArray();
            HistoryText.time(g, "oldest_run_start", runs.isEmpty() ? Timestamps.NONE : runs.getLast().sortMicros());
            HistoryText.time(g, "newest_run_start", runs.isEmpty() ? Timestamps.NONE : runs.getFirst().sortMicros());
            g.writeNumberField("events", totals.events);
            g.writeNumberField("malformed_lines_skipped", totals.malformed);
            HistoryInput.unreadable(g, loaded.unreadable());
            g.writeObjectFieldStart("filter");
            g.writeArrayFieldStart("pipes");
            for (String pipe : filter.pipes().stream().sorted().toList()) {
                g.writeString(pipe);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("outcomes");
            for (RunOutcome o : filter.outcomes().stream().sorted().toList()) {
                g.writeString(o.label());
            }
            g.writeEndArray();
            HistoryText.time(g, "since", filter.fromMicros());
            HistoryText.time(g, "until", filter.toMicros());
            if (filter.last() > 0) {
                g.writeNumberField("last", filter.last());
            } else {
                g.writeNullField("last");
            }
            g.writeEndObject();
            g.writeStringField("sort", order.label());
            g.writeArrayFieldStart("nodes");
            for (NodeStats s : stats) {
                node(g, s);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        w.println();
    }

    private static void node(JsonGenerator g, NodeStats s) throws IOException {
        g.writeStartObject();
        g.writeStringField("pipe", s.node().pipe());
        g.writeStringField("node", s.node().nodeId());
        HistoryText.text(g, "kind", s.kind());
        HistoryText.text(g, "name", s.name());
        g.writeNumberField("runs", s.runs());
        g.writeNumberField("executions", s.executions());
        g.writeNumberField("failures", s.failures());
        g.writeNumberField("failed_executions", s.failedExecutions());
        g.writeNumberField("failure_rate", s.failureRate());
        g.writeNumberField("timed_runs", s.timedRuns());
        HistoryText.millis(g, "p50_ms", s.p50Micros());
        HistoryText.millis(g, "p95_ms", s.p95Micros());
        HistoryText.millis(g, "max_ms", s.maxMicros());
        g.writeArrayFieldStart("trend");
        for (NodeStats.TrendPoint p : s.trend()) {
            g.writeStartObject();
            g.writeStringField("run", p.runId());
            HistoryText.millis(g, "ms", p.durationMicros());
            HistoryText.text(g, "outcome", p.outcome() == null ? null : p.outcome().label());
            g.writeEndObject();
        }
        g.writeEndArray();
        NodeStats.LastFailure f = s.lastFailure();
        if (f == null) {
            g.writeNullField("last_failure");
        } else {
            g.writeObjectFieldStart("last_failure");
            g.writeStringField("run", f.runId());
            HistoryText.time(g, "at", f.atMicros());
            HistoryText.text(g, "error_kind", f.errorKind());
            HistoryText.text(g, "message", f.errorMessage());
            g.writeNumberField("line", f.line());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    // ---- csv ----

    static final List<String> CSV_COLUMNS = List.of("pipe", "node", "kind", "name", "runs", "executions", "failures",
            "failed_executions", "failure_rate", "timed_runs", "p50_ms", "p95_ms", "max_ms", "trend_ms",
            "last_failure_run", "last_failure_at", "last_failure_error_kind", "last_failure_message");

    private static void csv(PrintWriter w, List<NodeStats> stats) throws IOException {
        CsvWriter csv = new CsvWriter(w);
        csv.record(CSV_COLUMNS);
        for (NodeStats s : stats) {
            NodeStats.LastFailure f = s.lastFailure();
            List<String> trend = new ArrayList<>(s.trend().size());
            for (NodeStats.TrendPoint p : s.trend()) {
                trend.add(p.durationMicros() < 0 ? "-" : millis(p.durationMicros()));
            }
            csv.record(List.of(s.node().pipe(), s.node().nodeId(), orEmpty(s.kind()), orEmpty(s.name()),
                    Integer.toString(s.runs()), Integer.toString(s.executions()), Integer.toString(s.failures()),
                    Integer.toString(s.failedExecutions()), Double.toString(s.failureRate()),
                    Integer.toString(s.timedRuns()), millis(s.p50Micros()), millis(s.p95Micros()),
                    millis(s.maxMicros()), String.join(" ", trend), f == null ? "" : f.runId(),
                    f == null ? "" : HistoryText.time(f.atMicros()), f == null ? "" : orEmpty(f.errorKind()),
                    f == null ? "" : orEmpty(f.errorMessage())));
        }
        csv.flush();
    }

    /** Milliseconds as text ({@code 1234}, {@code 1234.5}), or empty for unknown. */
    private static String millis(long micros) {
        if (micros < 0) {
            return "";
        }
        return micros % 1000 == 0 ? Long.toString(micros / 1000)
                : java.math.BigDecimal.valueOf(micros, 3).stripTrailingZeros().toPlainString();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
