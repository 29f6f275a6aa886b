package dev.omne.inspector.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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

    @Option(names = "--stats", description = "Also print events, bytes, wall time, MB/s, events/s and heap used.")
    boolean stats;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return CheckRun.check(paths, stats, spec.commandLine().getOut());
    }
}
