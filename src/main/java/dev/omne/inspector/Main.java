package dev.omne.inspector;

import dev.omne.inspector.cli.CheckRun;
import dev.omne.inspector.cli.Cli;

/**
 * Entry point: a known command name runs the headless command line; anything else opens the window.
 * The GUI class is loaded reflectively so that CLI runs never load JavaFX.
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
        Class.forName("dev.omne.inspector.ui.app.InspectorApp")
                .getMethod("launchWindow", String[].class)
                .invoke(null, (Object) args);
    }
}
