package dev.omne.inspector.cli;

import dev.omne.inspector.core.Messages;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;
import dev.omne.inspector.core.log.Diagnostic;
import dev.omne.inspector.core.volume.FileKinds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code check PATH...}: every diagnostic as {@code FILE:LINE:COL: error: MESSAGE}, then a summary. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check event logs: print each bad line as FILE:LINE:COL: error: MESSAGE, then a summary.",
                "Exit 0 when there are no errors, 1 when there are, 2 for a usage or I/O problem."})
final class CheckCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "A project folder, its .omne folder, a run folder or an events.jsonl file.")
    List<Path> paths;

    @Option(names = "--stats", description = "Also print events, bytes, wall time, MB/s, events/s, index bytes per event and heap used.")
    boolean stats;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        long bytes = 0;
        long columnBytes = 0;
        long runs = 0;
        long events = 0;
        long errors = 0;
        long warnings = 0;
        for (Path path : paths) {
            for (LogTargets.Target target : LogTargets.resolve(path)) {
                runs++;
                if (!Files.exists(target.file())) {
                    if (Files.isSymbolicLink(target.file())) {
                        // A link that leads nowhere (or to itself) is somebody's mistake, not a run without a log.
                        out.println(target.file() + ": error: cannot read: " + FileKinds.describe(target.file()));
                        errors++;
                    }
                    continue;
                }
                // The same index the window builds: check measures and exercises the real path.
                IndexSnapshot index;
                try {
                    if (!Files.isRegularFile(target.file())) {
                        // Never opened: opening a FIFO for reading would wait for a writer.
                        throw new IOException("not a regular file (it is " + FileKinds.describe(target.file()) + ")");
                    }
                    index = RunIndex.build(target.file()).snapshot();
                } catch (IOException e) {
                    // One unreadable log is reported like a bad line; the other runs are still checked.
                    out.println(target.file() + ": error: cannot read: " + Messages.describeFileFirst(e));
                    errors++;
                    continue;
                }
                for (Diagnostic diagnostic : index.diagnostics()) {
                    out.println(diagnostic.format());
                }
                events += index.eventCount();
                errors += index.errorCount();
                warnings += index.warningCount();
                bytes += index.bytes();
                columnBytes += index.columnBytes();
            }
        }
        out.println(runs + " runs, " + events + " events, " + errors + " errors, " + warnings + " warnings");
        if (stats) {
            double seconds = (System.nanoTime() - started) / 1e9;
            Runtime rt = Runtime.getRuntime();
            long rows = events + errors;
            out.printf("stats: %d events, %d bytes, %.3f s, %.1f MB/s, %.0f events/s, %.1f index bytes/event, %.1f MiB heap used%n",
                    events, bytes, seconds, bytes / 1e6 / seconds, events / seconds,
                    rows == 0 ? 0.0 : (double) columnBytes / rows, (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
        }
        out.flush();
        return errors > 0 ? Cli.FOUND_ERRORS : Cli.OK;
    }
}
