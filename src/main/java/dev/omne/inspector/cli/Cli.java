package dev.omne.inspector.cli;

import dev.omne.inspector.core.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.Set;

/** The headless command line over the log core. No JavaFX class is reachable from here. */
@Command(name = "omne-inspector", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
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

    /** The version, as pom.xml gives it (written into {@code version.properties} when the build copies it). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = Cli.class.getResourceAsStream("/dev/omne/inspector/version.properties")) {
                if (in == null) {
                    throw new IOException("version.properties is missing from the build");
                }
                properties.load(in);
            }
            return new String[] {"omne-inspector " + properties.getProperty("version")};
        }
    }

    /** Whether {@code word} names a command (anything else is a folder for the window). */
    public static boolean isCommand(String word) {
        return COMMANDS.contains(word);
    }

    /**
     * A first word that is neither a command nor a path: says so, with the command it most likely meant, and
     * returns the usage exit code.
     */
    public static int unknownCommand(String word, PrintStream err) {
        String guess = null;
        int best = 3;
        for (String command : COMMANDS.stream().filter(c -> !c.startsWith("-")).sorted().toList()) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), command);
            if (d < best) {
                best = d;
                guess = command;
            }
        }
        err.println("omne-inspector: unknown command '" + word + "'" + (guess == null ? "" : " (did you mean " + guess + "?)")
                + "; no file or folder of that name either");
        err.println("Try 'omne-inspector --help'.");
        return USAGE_OR_IO;
    }

    /** Edits (insert, delete, replace, swap two neighbours) from {@code a} to {@code b}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
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
            cmd.getErr().println("omne-inspector: " + Messages.describeFileFirst(e));
            return USAGE_OR_IO;
        });
        return commandLine.execute(args);
    }
}
