package dev.omne.inspector.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.export.CsvWriter;
import dev.omne.inspector.core.history.HistoryFilter;
import dev.omne.inspector.core.history.HistoryLoader;
import dev.omne.inspector.core.history.NodeStatistics;
import dev.omne.inspector.core.history.NodeStats;
import dev.omne.inspector.core.history.RunOutcome;
import dev.omne.inspector.core.history.RunSummary;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What {@code stats} prints, in its three formats: the node statistics of the runs shown and what they cover. */
final class StatsReport {
    /** Points of the trend a text table shows (JSON and CSV have them all). */
    static final int TREND_POINTS = 20;
    private static final int MESSAGE_CHARS = 60;

    private final Path path;
    private final List<RunSummary> runs;
    private final List<NodeStats> stats;
    private final NodeStatistics.Order order;
    private final HistoryFilter filter;
    private final HistoryLoader.Result loaded;
    private final long events;
    private final long malformed;
    private final int runsWithMalformed;
    private final Set<String> pipes = new TreeSet<>();

    /**
     * @param runs   the runs shown, newest first
     * @param loaded what was read, the logs that could not be read included
     */
    StatsReport(Path path, List<RunSummary> runs, List<NodeStats> stats, NodeStatistics.Order order,
                HistoryFilter filter, HistoryLoader.Result loaded) {
        this.path = path;
        this.runs = runs;
        this.stats = stats;
        this.order = order;
        this.filter = filter;
        this.loaded = loaded;
        long e = 0;
        long m = 0;
        int with = 0;
        for (RunSummary run : runs) {
            e += run.events();
            m += run.malformed();
            with += run.malformed() > 0 ? 1 : 0;
            pipes.add(run.pipe());
        }
        this.events = e;
        this.malformed = m;
        this.runsWithMalformed = with;
    }

    /** Lines that are not events, skipped in the runs shown. */
    long malformed() {
        return malformed;
    }

    String skipped() {
        return malformed + (malformed == 1 ? " line that is not an event was" : " lines that are not events were")
                + " skipped (in " + runsWithMalformed + (runsWithMalformed == 1 ? " run)" : " runs)");
    }

    // ---- text ----

    /** An aligned table, then a line saying what it covers. */
    void text(PrintWriter w) {
        boolean pipeColumn = pipes.size() > 1;
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
        footer.append(runs.size()).append(runs.size() == 1 ? " run" : " runs");
        if (!pipes.isEmpty()) {
            footer.append(" of ").append(String.join(", ", pipes));
        }
        if (!runs.isEmpty()) {
            footer.append(", ").append(HistoryText.time(runs.getLast().sortMicros())).append(" to ")
                    .append(HistoryText.time(runs.getFirst().sortMicros()));
        }
        footer.append("; ").append(events).append(" events; ").append(skipped())
                .append("; sorted ").append(order.label()).append("; trend: the last ").append(TREND_POINTS)
                .append(" runs, oldest left, ").append(HistoryText.NO_DURATION).append(" where a run has no final time");
        if (!loaded.unreadable().isEmpty()) {
            footer.append("; ").append(loaded.unreadable().size()).append(" log(s) could not be read");
        }
        w.println(footer);
    }

    // ---- json ----

    /** The same figures for scripts, with every run's point of each trend and the filter. */
    void json(PrintWriter w) throws IOException {
        try (JsonGenerator g = HistoryInput.jsonGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("path", path.toString());
            g.writeNumberField("runs", runs.size());
            g.writeArrayFieldStart("pipes");
            for (String pipe : pipes) {
                g.writeString(pipe);
            }
            g.writeEndArray();
            HistoryText.time(g, "oldest_run_start", runs.isEmpty() ? Timestamps.NONE : runs.getLast().sortMicros());
            HistoryText.time(g, "newest_run_start", runs.isEmpty() ? Timestamps.NONE : runs.getFirst().sortMicros());
            g.writeNumberField("events", events);
            g.writeNumberField("malformed_lines_skipped", malformed);
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

    /** RFC 4180: a header row, then a row per node. */
    void csv(PrintWriter w) throws IOException {
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
