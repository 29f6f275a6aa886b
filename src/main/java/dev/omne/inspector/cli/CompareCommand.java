package dev.omne.inspector.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.omne.inspector.core.history.NodeExecution;
import dev.omne.inspector.core.history.NodeRun;
import dev.omne.inspector.core.history.RunComparison;
import dev.omne.inspector.core.history.RunSummary;
import dev.omne.inspector.core.history.RunSummaryBuilder;
import dev.omne.inspector.core.volume.Volume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code compare PATH RUN_A RUN_B}: two runs node by node, and where they first diverge. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two runs of a volume node by node.",
                "Each node's time in both, the difference, the outcomes and error kinds, and where the runs first",
                "diverge (the first node that differs in order or in outcome). Lines that are not events are",
                "skipped and counted.",
                "Exit 0 when printed, 2 for a usage or I/O problem."})
final class CompareCommand implements Callable<Integer> {
    private static final int MESSAGE_CHARS = 50;

    @Parameters(index = "0", paramLabel = "PATH", description = "A project folder, its .omne folder or a run folder.")
    Path path;

    @Parameters(index = "1", paramLabel = "RUN_A",
            description = "A run id, or enough of its start or end to name one run (the runs list's short id).")
    String runA;

    @Parameters(index = "2", paramLabel = "RUN_B", description = "The run to compare with RUN_A, named the same way.")
    String runB;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (aligned tables, the default) or json.")
    String format;

    @Spec
    CommandSpec spec;

    private enum Format { TEXT, JSON }

    /** A user's mistake, said in one line. */
    private static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() throws Exception {
        Format out;
        RunSummary a;
        RunSummary b;
        try {
            out = StatsCommand.parseFormat(format, EnumSet.allOf(Format.class));
            Volume volume = Volume.open(path);
            List<String> runs = volume.listRuns();
            a = read(volume, match(volume, runs, runA));
            b = read(volume, match(volume, runs, runB));
        } catch (IllegalArgumentException | Refused e) {
            spec.commandLine().getErr().println("omne-inspector: " + e.getMessage());
            return Cli.USAGE_OR_IO;
        }
        RunComparison comparison = RunComparison.of(a, b);
        PrintWriter w = spec.commandLine().getOut();
        if (out == Format.JSON) {
            json(w, comparison);
        } else {
            text(w, comparison);
        }
        w.flush();
        return Cli.OK;
    }

    /** The one run a name means: the id itself, else the only run whose id starts or ends with it. */
    static String match(Volume volume, List<String> runs, String name) throws Refused {
        if (runs.contains(name)) {
            return name;
        }
        List<String> matches = new ArrayList<>();
        for (String run : runs) {
            if (!name.isEmpty() && (run.startsWith(name) || run.endsWith(name))) {
                matches.add(run);
            }
        }
        if (matches.size() == 1) {
            return matches.getFirst();
        }
        if (matches.isEmpty()) {
            throw new Refused("no run \"" + name + "\" in " + volume.root() + " (" + LogTargets.describe(runs) + ")");
        }
        throw new Refused("\"" + name + "\" could be " + LogTargets.describe(matches) + "; give more of the run id");
    }

    private RunSummary read(Volume volume, String runId) throws Refused {
        Path file = LogTargets.display(path, volume.eventsFile(runId));
        try {
            return RunSummaryBuilder.read(runId, file);
        } catch (IOException e) {
            throw new Refused(file + ": cannot read: " + CliMessages.describe(e));
        }
    }

    // ---- text ----

    private static void text(PrintWriter w, RunComparison c) {
        TextTable runs = new TextTable().column("", TextTable.Align.LEFT).column("RUN", TextTable.Align.LEFT)
                .column("OUTCOME", TextTable.Align.LEFT).column("STARTED", TextTable.Align.LEFT)
                .column("DURATION S", TextTable.Align.RIGHT).column("EVENTS", TextTable.Align.RIGHT)
                .column("SKIPPED LINES", TextTable.Align.RIGHT);
        runs.row(runRow("A", c.a()));
        runs.row(runRow("B", c.b()));
        runs.print(w);
        long difference = c.differenceMicros();
        w.println();
        w.println("B - A: " + (difference == RunComparison.NO_DIFFERENCE ? "unknown (a run has no times)"
                : HistoryText.signedSeconds(difference) + " s"));
        w.println("First divergence: " + (c.divergence() == null
                ? "none (the same nodes in the same order, with the same outcomes)" : c.divergence().describe()));
        w.println();
        TextTable nodes = new TextTable().column("NODE", TextTable.Align.LEFT).column("KIND", TextTable.Align.LEFT)
                .column("A S", TextTable.Align.RIGHT).column("B S", TextTable.Align.RIGHT)
                .column("B - A S", TextTable.Align.RIGHT).column("A OUTCOME", TextTable.Align.LEFT)
                .column("B OUTCOME", TextTable.Align.LEFT).column("A ERROR", TextTable.Align.LEFT)
                .column("B ERROR", TextTable.Align.LEFT);
        for (RunComparison.Row row : c.nodes()) {
            long diff = row.differenceMicros();
            nodes.row(List.of(row.nodeId(), row.kind() == null ? "" : row.kind(), duration(row.a()), duration(row.b()),
                    diff == RunComparison.NO_DIFFERENCE ? "" : HistoryText.signedSeconds(diff),
                    HistoryText.outcome(row.a()), HistoryText.outcome(row.b()), error(row.a()), error(row.b())));
        }
        nodes.print(w);
    }

    private static List<String> runRow(String label, RunSummary run) {
        return List.of(label, run.runId(), run.outcome().label(), HistoryText.time(run.startMicros()),
                HistoryText.seconds(run.durationMicros()), Integer.toString(run.events()),
                Integer.toString(run.malformed()));
    }

    private static String duration(NodeRun node) {
        return node == null ? "" : HistoryText.seconds(node.durationMicros());
    }

    private static String error(NodeRun node) {
        NodeExecution failure = node == null ? null : node.lastFailure();
        if (failure == null) {
            return "";
        }
        return failure.errorKind() == null ? "failed" : failure.errorKind();
    }

    // ---- json ----

    private void json(PrintWriter w, RunComparison c) throws IOException {
        try (JsonGenerator g = HistoryInput.jsonGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("path", path.toString());
            run(g, "a", c.a());
            run(g, "b", c.b());
            difference(g, c.differenceMicros());
            if (c.divergence() == null) {
                g.writeNullField("divergence");
            } else {
                RunComparison.Divergence d = c.divergence();
                g.writeObjectFieldStart("divergence");
                g.writeNumberField("position", d.position() + 1);
                g.writeStringField("reason", d.reason().name().toLowerCase(java.util.Locale.ROOT));
                HistoryText.text(g, "node_a", d.nodeA() == null ? null : d.nodeA().nodeId());
                HistoryText.text(g, "node_b", d.nodeB() == null ? null : d.nodeB().nodeId());
                g.writeStringField("description", d.describe());
                g.writeEndObject();
            }
            g.writeArrayFieldStart("nodes");
            for (RunComparison.Row row : c.nodes()) {
                g.writeStartObject();
                g.writeStringField("node", row.nodeId());
                HistoryText.text(g, "kind", row.kind());
                HistoryText.text(g, "name", row.name());
                side(g, "a", row.a());
                side(g, "b", row.b());
                difference(g, row.differenceMicros());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        w.println();
    }

    private static void difference(JsonGenerator g, long micros) throws IOException {
        g.writeFieldName("difference_ms");
        if (micros == RunComparison.NO_DIFFERENCE) {
            g.writeNull();
        } else {
            HistoryText.signedMillis(g, micros);
        }
    }

    private static void run(JsonGenerator g, String field, RunSummary run) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("run", run.runId());
        g.writeStringField("pipe", run.pipe());
        g.writeStringField("file", run.file().toString());
        g.writeStringField("outcome", run.outcome().label());
        HistoryText.time(g, "start", run.startMicros());
        HistoryText.time(g, "end", run.endMicros());
        HistoryText.millis(g, "duration_ms", run.durationMicros());
        g.writeNumberField("events", run.events());
        g.writeNumberField("malformed_lines_skipped", run.malformed());
        g.writeEndObject();
    }

    private static void side(JsonGenerator g, String field, NodeRun node) throws IOException {
        if (node == null) {
            g.writeNullField(field);
            return;
        }
        g.writeObjectFieldStart(field);
        HistoryText.millis(g, "ms", node.durationMicros());
        g.writeBooleanField("final", node.isTimed());
        HistoryText.text(g, "outcome", node.outcome() == null ? null : node.outcome().label());
        g.writeNumberField("executions", node.executions().size());
        g.writeNumberField("failures", node.failures());
        NodeExecution failure = node.lastFailure();
        HistoryText.text(g, "error_kind", failure == null ? null : failure.errorKind());
        HistoryText.text(g, "error_message", failure == null ? null : failure.errorMessage());
        g.writeNumberField("first_line", node.firstLine());
        g.writeEndObject();
    }
}
