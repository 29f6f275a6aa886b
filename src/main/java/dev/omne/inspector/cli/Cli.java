package dev.omne.inspector.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Set;

/** The headless command line over the log core. No JavaFX class is reachable from here. */
@Command(name = "omne-inspector", mixinStandardHelpOptions = true, version = "omne-inspector 0.1.0",
        description = "Inspect omne run event logs. With no command (or a FOLDER), opens the window.",
        subcommands = {CheckCommand.class, InjectCommand.class, FollowCommand.class, ExportCommand.class,
                StatsCommand.class, CompareCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class})
public final class Cli {
    /** Exit codes shared by every command. */
    public static final int OK = 0;
    public static final int FOUND_ERRORS = 1;
    public static final int USAGE_OR_IO = 2;
    public static final int LOCK_TIMEOUT = 3;

    private static final Set<String> COMMANDS = Set.of("check", "inject", "follow", "export", "stats", "compare", "generate", "help",
            "--help", "-h", "--version", "-V");

    /** Whether {@code word} names a command (anything else is a folder for the window). */
    public static boolean isCommand(String word) {
        return COMMANDS.contains(word);
    }

    /** Standard output as bytes, for commands whose output must be exact (export). */
    private PrintStream stdout = System.out;

    PrintStream stdout() {
        return stdout;
    }

    /** Runs one command. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Cli cli = new Cli();
        cli.stdout = out;
        CommandLine commandLine = new CommandLine(cli);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExitCodeExceptionMapper(e -> USAGE_OR_IO);
        commandLine.setParameterExceptionHandler((e, cmdArgs) -> {
            PrintWriter w = e.getCommandLine().getErr();
            w.println("omne-inspector: " + e.getMessage());
            w.println("Try 'omne-inspector " + e.getCommandLine().getCommandName().replace("omne-inspector", "").trim()
                    + " --help'.".replace("  ", " "));
            return USAGE_OR_IO;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // One clear line, never a stack trace: every failure here is the user's file or arguments.
            cmd.getErr().println("omne-inspector: " + CliMessages.describe(e));
            return USAGE_OR_IO;
        });
        return commandLine.execute(args);
    }
}
