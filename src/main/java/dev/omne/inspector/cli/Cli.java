package dev.omne.inspector.cli;

import java.io.PrintStream;
import java.util.Set;

/** The headless command line. No JavaFX class is reachable from here. */
public final class Cli {
    private static final Set<String> COMMANDS = Set.of("check", "inject", "help", "--help", "-h", "--version");

    private Cli() {
    }

    public static boolean isCommand(String word) {
        return COMMANDS.contains(word);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        out.println("usage: omne-inspector [FOLDER] | check PATH... | inject PATH --run RUN_ID ...");
        return 0;
    }
}
