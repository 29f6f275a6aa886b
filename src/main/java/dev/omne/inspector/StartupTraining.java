package dev.omne.inspector;

import dev.omne.inspector.cli.Cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;

/**
 * The training run behind the installers' AOT cache ({@code packaging/package.sh}): in one JVM, what the first
 * minute of use does, so that the cache holds the classes and method profiles of the command line and of the window.
 * It checks one event log, then opens the window and closes it a moment after it was shown.
 * Started through the app launcher itself (so the class path and options are the launcher's) with
 * {@code -Domne.training.log=FILE -XX:AOTCacheOutput=...} in {@code JAVA_TOOL_OPTIONS}. Not for users.
 */
final class StartupTraining {
    /** System property naming the log to check; when set, {@link Main} runs this instead of the arguments. */
    static final String LOG_PROPERTY = "omne.training.log";

    private StartupTraining() {
    }

    static int run(String log) throws Exception {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        int check = Cli.run(new String[] {"check", log}, sink, System.err);
        if (check != Cli.OK && check != Cli.FOUND_ERRORS) {
            System.err.println("training: check " + log + " failed with exit code " + check);
            return check;
        }
        try {
            // The closer speaks to the window's JavaFX: it is loaded as the window is.
            java.lang.reflect.Method close = Class.forName(WindowCloser.class.getName(), true,
                    WindowLauncher.windowLoader()).getDeclaredMethod("closeSoonAfterShown");
            close.setAccessible(true);
            close.invoke(null);
            WindowLauncher.launch(new String[0]);
        } catch (InvocationTargetException e) {
            System.err.println("training: the window failed: " + e.getCause());
            return Cli.USAGE_OR_IO;
        }
        return Cli.OK;
    }
}
