package dev.omne.inspector.cli;

import dev.omne.inspector.core.log.Diagnostic;
import dev.omne.inspector.core.log.EventReader;
import dev.omne.inspector.core.log.ReadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long runs = 0;
        long events = 0;
        long errors = 0;
        long warnings = 0;
        for (Path path : paths) {
            for (LogTargets.Target target : LogTargets.resolve(path)) {
                runs++;
                if (!Files.exists(target.file())) {
                    continue;
                }
                ReadResult result = EventReader.read(target.file());
                for (Diagnostic diagnostic : result.diagnostics()) {
                    out.println(diagnostic.format());
                }
                events += result.events().size();
                errors += result.errorCount();
                warnings += result.warningCount();
            }
        }
        out.println(runs + " runs, " + events + " events, " + errors + " errors, " + warnings + " warnings");
        out.flush();
        return errors > 0 ? Cli.FOUND_ERRORS : Cli.OK;
    }
}
