package dev.omne.inspector;

import dev.omne.inspector.bench.VolumeGenerator;
import dev.omne.inspector.cli.CheckRun;
import dev.omne.inspector.cli.Cli;

import java.util.Arrays;

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
        if (args.length > 0 && args[0].equals("generate")) {
            // The sample-volume generator lives with the benchmarks, which build on the command line, not under it.
            System.exit(VolumeGenerator.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (CheckRun.isPlain(args)) {
            // The common CI call, run without building the command-line parser: it starts faster.
            System.exit(CheckRun.run(args, System.out, System.err));
        }
        if (args.length > 0 && Cli.isCommand(args[0])) {
            System.exit(Cli.run(args, System.out, System.err));
        }
        Class.forName("dev.omne.inspector.ui.InspectorApp")
                .getMethod("launchWindow", String[].class)
                .invoke(null, (Object) args);
    }
}
