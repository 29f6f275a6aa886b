package dev.omne.inspector;

import dev.omne.inspector.cli.CheckRun;
import dev.omne.inspector.cli.Cli;

/**
 * Entry point: a known command name runs the headless command line; anything else opens the window.
 * The GUI class is loaded reflectively (by {@link WindowLauncher}) so that CLI runs never load JavaFX.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String trainingLog = System.getProperty(StartupTraining.LOG_PROPERTY);
        if (trainingLog != null) {
            System.exit(StartupTraining.run(trainingLog));
        }
        if (CheckRun.isPlain(args)) {
            // The common CI call, run without building the command-line parser: it starts faster.
            System.exit(CheckRun.run(args, System.out, System.err));
        }
        if (args.length > 0 && Cli.isCommand(args[0])) {
            System.exit(Cli.run(args, System.out, System.err));
        }
        if (args.length > 0 && !args[0].startsWith("-") && !exists(args[0])) {
            // Neither a command nor something to open: a mistyped command, not a folder named "chek".
            System.exit(Cli.unknownCommand(args[0], System.err));
        }
        String noDisplay = noDisplay();
        if (noDisplay != null) {
            System.err.println("omne-inspector: " + noDisplay);
            System.exit(Cli.USAGE_OR_IO);
        }
        try {
            WindowLauncher.launch(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            // The toolkit could not start (no usable display, missing libraries): one line, not a trace.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            System.err.println("omne-inspector: cannot open the window: " + cause.getMessage());
            System.exit(Cli.USAGE_OR_IO);
        }
    }

    private static boolean exists(String path) {
        try {
            return java.nio.file.Files.exists(java.nio.file.Path.of(path));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /**
     * Why the window cannot open here, or null: on Linux and the BSDs the window needs an X or Wayland display
     * (a headless glass platform chosen with -Dglass.platform needs none).
     */
    static String noDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        boolean needsDisplay = !os.startsWith("windows") && !os.startsWith("mac");
        if (!needsDisplay || System.getProperty("glass.platform") != null) {
            return null;
        }
        boolean hasDisplay = isSet(System.getenv("DISPLAY")) || isSet(System.getenv("WAYLAND_DISPLAY"));
        return hasDisplay ? null : "no display to open the window on (DISPLAY is not set); the commands need none:"
                + " omne-inspector --help";
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
