package dev.omne.inspector.testing;

import java.nio.file.Path;

/**
 * The one python flock writer, {@code src/bench/runner_append.py}: an append as the omne runner makes it. The tests'
 * python writers and the benchmarks' import it; a test starts its writer with the module's folder on
 * {@code PYTHONPATH}, as surefire names it ({@code omne.runner.append}).
 */
public final class RunnerAppend {
    private RunnerAppend() {
    }

    /** The folder of {@code runner_append.py}. */
    public static Path folder() {
        return Path.of(System.getProperty("omne.runner.append", "src/bench")).toAbsolutePath();
    }

    /** {@code process} with the folder on its {@code PYTHONPATH}. */
    public static ProcessBuilder onPath(ProcessBuilder process) {
        String before = process.environment().get("PYTHONPATH");
        process.environment().put("PYTHONPATH", folder() + (before == null || before.isEmpty() ? ""
                : java.io.File.pathSeparator + before));
        return process;
    }
}
