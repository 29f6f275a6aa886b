package dev.omne.inspector.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a shell script as root of its own user and mount namespaces ({@code unshare --user --map-root-user
 * --mount}): it may mount a small tmpfs, fill it or remount it read-only, and run the command line in a JVM of its
 * own there, without being root outside. What the script records goes to a folder outside the mounts, which the
 * test reads afterwards. Where the system does not allow such namespaces, {@link #unavailable()} says why.
 */
final class MountNamespace {
    private static volatile Optional<String> unavailable;

    private MountNamespace() {
    }

    /** Why scripts cannot run in a namespace with mounts here, or empty when they can. */
    static Optional<String> unavailable() {
        Optional<String> known = unavailable;
        if (known == null) {
            known = probe();
            unavailable = known;
        }
        return known;
    }

    private static Optional<String> probe() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.of("user and mount namespaces are Linux's");
        }
        try {
            Path dir = Files.createTempDirectory("omne-ns-probe");
            try {
                Result r = run(dir, "mkdir -p \"$WORK/m\"; mount -t tmpfs -o size=64k tmpfs \"$WORK/m\";"
                        + " mount -o remount,ro tmpfs \"$WORK/m\"");
                return r.exit() == 0 ? Optional.empty() : Optional.of("cannot mount a tmpfs in a user and mount"
                        + " namespace here (unshare -Urm): " + r.output().strip());
            } finally {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            return Optional.of("cannot run unshare(1): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** What a script printed (standard output and error together) and how it ended. */
    record Result(int exit, String output) {
    }

    /**
     * Runs {@code script} with {@code sh -eu} in new namespaces. It sees {@code $WORK} (a folder outside any
     * mount), {@code $JAVA} and {@code $CP}, and shell functions: {@code omne ARGS...} runs the command line, and
     * {@code record NAME omne ARGS...} runs it keeping its output, error and exit code in
     * {@code $WORK/NAME.out}, {@code .err} and {@code .exit}.
     */
    static Result run(Path work, String script) throws IOException, InterruptedException {
        String prelude = """
                omne() { "$JAVA" -XX:TieredStopAtLevel=1 -XX:-UsePerfData --enable-native-access=ALL-UNNAMED \
                  -cp "$CP" dev.omne.inspector.Main "$@"; }
                record() { name=$1; shift; set +e; "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"; echo $? >"$WORK/$name.exit"; set -e; }
                """;
        ProcessBuilder pb = new ProcessBuilder(List.of("unshare", "--user", "--map-root-user", "--mount",
                "--propagation", "private", "sh", "-eu", "-c", prelude + script)).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("WORK", work.toAbsolutePath().toString());
        env.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        env.put("CP", System.getProperty("java.class.path"));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("the namespace script did not end within 120 s: " + output);
        }
        return new Result(p.exitValue(), output);
    }

    /** A command the script recorded with {@code record NAME ...}. */
    record Recorded(int exit, String out, String err) {
        static Recorded of(Path work, String name) throws IOException {
            return new Recorded(Integer.parseInt(Files.readString(work.resolve(name + ".exit")).strip()),
                    Files.readString(work.resolve(name + ".out")), Files.readString(work.resolve(name + ".err")));
        }
    }
}
