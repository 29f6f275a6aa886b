package dev.omne.inspector.cli;

import dev.omne.inspector.core.export.CsvExporter;
import dev.omne.inspector.core.export.ExportFormat;
import dev.omne.inspector.core.export.ExportOptions;
import dev.omne.inspector.core.export.Exporter;
import dev.omne.inspector.core.export.Exports;
import dev.omne.inspector.core.filter.EventFilter;
import dev.omne.inspector.core.filter.FilterSyntaxException;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code export}: one run's events, all or filtered, as JSON lines, CSV or a Chrome trace. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export one run's events, all of them or those a filter selects, to standard output or a file.",
                "  jsonl  the events' original lines, byte for byte",
                "  csv    chosen columns, RFC 4180 (default: line,ts,type,node,kind,summary)",
                "  trace  Chrome Trace Event Format JSON for Perfetto or chrome://tracing",
                "Exit 0 when written, 2 for a usage or I/O problem (nothing is left half written)."})
final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATH",
            description = "A project folder, its .omne folder, a run folder, or a .jsonl file (then --run is optional).")
    Path path;

    @Option(names = "--run", paramLabel = "RUN_ID",
            description = "The run (default: the run folder or file given as PATH, or the volume's only run).")
    String run;

    @Option(names = "--format", paramLabel = "FORMAT", required = true, description = "jsonl, csv or trace.")
    String format;

    @Option(names = "--filter", paramLabel = "EXPR",
            description = "Only the events this filter selects, in the window's filter syntax, e.g. 'type:node.* -node:lint'.")
    String filter;

    @Option(names = "--columns", paramLabel = "COL", split = ",",
            description = "csv columns: line, ts, type, node, kind, summary, or any field of the events by name"
                    + " (error.kind for a nested one, .line for one named like a column above).")
    List<String> columns;

    @Option(names = "--include-malformed",
            description = "Also export lines that are not events (jsonl: as they are; csv: with their problem).")
    boolean includeMalformed;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (atomically: all or nothing) instead of standard output.")
    Path output;

    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ExportFormat exportFormat;
        try {
            exportFormat = ExportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage());
        }
        if (columns != null && exportFormat != ExportFormat.CSV) {
            return refuse("--columns applies to --format csv only");
        }
        if (includeMalformed && exportFormat == ExportFormat.TRACE) {
            return refuse("--include-malformed applies to jsonl and csv: lines that are not events have no place in a trace");
        }
        EventFilter eventFilter;
        try {
            eventFilter = EventFilter.parse(filter);
        } catch (FilterSyntaxException e) {
            return refuse("bad filter: " + e.getMessage());
        }
        ExportOptions options = ExportOptions.DEFAULT.withIncludeMalformed(includeMalformed)
                .withColumns(columns == null ? List.of() : columns.stream().map(String::strip).toList())
                .withFilterText(eventFilter.source());
        if (exportFormat == ExportFormat.CSV) {
            try {
                CsvExporter.columns(options);
            } catch (IllegalArgumentException e) {
                return refuse("--columns: " + e.getMessage());
            }
        }
        LogTargets.Target target;
        try {
            target = LogTargets.resolveRun(path, run);
        } catch (LogTargets.NoSuchRunException e) {
            return refuse(e.getMessage());
        }
        options = options.withRunId(target.runId());
        IndexSnapshot snapshot = index(target.file());
        int[] rows = Exports.select(snapshot, eventFilter, () -> false);
        Exporter exporter = exportFormat.exporter();
        if (output != null) {
            Exports.toFile(exporter, snapshot, rows, options, output);
            return Cli.OK;
        }
        PrintStream stdout = cli.stdout();
        CheckedOut out = new CheckedOut(stdout);
        try {
            OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            exporter.export(snapshot, rows, options, buffered);
            buffered.flush();
        } catch (OutputClosed e) {
            return refuse("standard output was closed before the export was written");
        }
        return Cli.OK;
    }

    /** The run's index; a run folder without a log yet is a run with no events. */
    private static IndexSnapshot index(Path file) throws IOException {
        if (!Files.exists(file) && file.getFileName() != null && file.getParent() != null
                && Files.isDirectory(file.getParent())) {
            return RunIndex.empty(file).snapshot();
        }
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": not a regular file");
        }
        return RunIndex.build(file).snapshot();
    }

    private int refuse(String message) {
        spec.commandLine().getErr().println("omne-inspector: " + message);
        return Cli.USAGE_OR_IO;
    }

    private static final class OutputClosed extends IOException {
        OutputClosed() {
            super("standard output closed");
        }
    }

    /** A PrintStream swallows write errors; this turns them back into one, so a closed pipe stops the export. */
    private static final class CheckedOut extends OutputStream {
        private final PrintStream target;

        CheckedOut(PrintStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
            check();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
            check();
        }

        @Override
        public void flush() throws IOException {
            target.flush();
            check();
        }

        private void check() throws IOException {
            if (target.checkError()) {
                throw new OutputClosed();
            }
        }
    }
}
