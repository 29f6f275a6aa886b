package dev.omne.inspector.cli;

import dev.omne.inspector.core.log.Diagnostic;
import dev.omne.inspector.core.log.LogCheck;
import dev.omne.inspector.core.volume.FileKinds;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code check} does, apart from its command-line parser: the plain forms ({@code check [--stats] PATH...}) are
 * run from here directly, without picocli, because building the parser for every command costs more than a small
 * check (a check in CI starts a fresh JVM each time). Everything else, {@code --help} and mistakes included, goes
 * through {@link CheckCommand}.
 */
public final class CheckRun {
    private CheckRun() {
    }

    /** Whether {@code args} is a plain {@code check}: at least one PATH, at most the {@code --stats} option. */
    public static boolean isPlain(String[] args) {
        if (args.length < 2 || !args[0].equals("check")) {
            return false;
        }
        int paths = 0;
        int stats = 0;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--stats")) {
                stats++;
                continue;
            }
            if (args[i].isEmpty() || args[i].startsWith("-") || args[i].startsWith("@")) {
                return false; // an option, "--", or an argument file: the parser's business
            }
            paths++;
        }
        return paths > 0 && stats <= 1;
    }

    /** Runs a plain {@code check} (see {@link #isPlain}); returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> paths = new ArrayList<>();
        boolean stats = false;
        PrintWriter writer = new PrintWriter(out, false);
        try {
            for (int i = 1; i < args.length; i++) {
                if (args[i].equals("--stats")) {
                    stats = true;
                } else {
                    paths.add(Path.of(args[i]));
                }
            }
            return check(paths, stats, writer);
        } catch (Exception e) {
            // One clear line, never a stack trace, as the command line says it everywhere.
            writer.flush();
            err.println("omne-inspector: " + CliMessages.describe(e));
            return Cli.USAGE_OR_IO;
        }
    }

    /** Every diagnostic as {@code FILE:LINE:COL: error: MESSAGE}, then a summary; the exit code. */
    static int check(List<Path> paths, boolean stats, PrintWriter out) throws IOException {
        long started = System.nanoTime();
        long bytes = 0;
        long runs = 0;
        long events = 0;
        long errors = 0;
        long warnings = 0;
        for (Path path : paths) {
            for (Path file : LogTargets.files(path)) {
                runs++;
                if (!Files.exists(file)) {
                    if (Files.isSymbolicLink(file)) {
                        // A link that leads nowhere (or to itself) is somebody's mistake, not a run without a log.
                        out.println(file + ": error: cannot read: " + FileKinds.describe(file));
                        errors++;
                    }
                    continue;
                }
                // Every line judged by the same judge the window's index uses, in one streaming pass.
                LogCheck.Result result;
                try {
                    if (!Files.isRegularFile(file)) {
                        // Never opened: opening a FIFO for reading would wait for a writer.
                        throw new IOException("not a regular file (it is " + FileKinds.describe(file) + ")");
                    }
                    result = LogCheck.check(file);
                } catch (IOException e) {
                    // One unreadable log is reported like a bad line; the other runs are still checked.
                    out.println(file + ": error: cannot read: " + CliMessages.describe(e));
                    errors++;
                    continue;
                }
                for (Diagnostic diagnostic : result.diagnostics()) {
                    out.println(diagnostic.format());
                }
                events += result.events();
                errors += result.errors();
                warnings += result.warnings();
                bytes += result.bytes();
            }
        }
        out.println(runs + " runs, " + events + " events, " + errors + " errors, " + warnings + " warnings");
        if (stats) {
            double seconds = (System.nanoTime() - started) / 1e9;
            Runtime rt = Runtime.getRuntime();
            out.printf("stats: %d events, %d bytes, %.3f s, %.1f MB/s, %.0f events/s, %.1f MiB heap used%n",
                    events, bytes, seconds, bytes / 1e6 / seconds, events / seconds,
                    (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
        }
        out.flush();
        return errors > 0 ? Cli.FOUND_ERRORS : Cli.OK;
    }
}
