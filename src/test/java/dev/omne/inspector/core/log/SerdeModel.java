package dev.omne.inspector.core.log;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The model of the omne runner's reader in {@code src/test/rust/serde-reader}: a small Rust program over serde_json,
 * built offline with cargo from the crates Debian packages ({@code librust-serde-json-dev}). Built once per test JVM
 * into {@code target/serde-reader}; a machine without cargo or those crates skips the tests that need it, saying why.
 */
final class SerdeModel {
    static final Path SOURCES = Path.of("src", "test", "rust", "serde-reader").toAbsolutePath();
    static final Path TARGET = Path.of("target", "serde-reader").toAbsolutePath();
    static final Path REGISTRY = Path.of("/usr/share/cargo/registry");

    private static Path binary;
    private static String unavailable;

    /** What the model said about one line: {@code B} blank, {@code E} an event, {@code X} refused (with serde's message). */
    record Verdict(char kind, String message) {
    }

    /** The model's verdicts on a file, one per line, and the serde_json version it was built with. */
    record Run(List<Verdict> verdicts, String serdeJson) {
    }

    private SerdeModel() {
    }

    /** The built program; aborts the calling test (a reported skip) when it cannot be built on this machine. */
    static synchronized Path binary() throws IOException, InterruptedException {
        if (binary != null) {
            return binary;
        }
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
        Path cargo = findCargo();
        if (cargo == null) {
            unavailable = "cargo not found (looked at $CARGO, the PATH, ~/.cargo/bin, /usr/bin): install Debian's cargo"
                    + " package to run the serde_json differential test";
        } else if (!hasCrate("serde_json-") || !hasCrate("serde-") || !hasCrate("serde_derive-")) {
            unavailable = "the serde crates are not in " + REGISTRY + ": install librust-serde-json-dev and"
                    + " librust-serde-dev to run the serde_json differential test";
        }
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
        Files.createDirectories(TARGET);
        Path log = TARGET.resolve("build.log");
        Process p = new ProcessBuilder(cargo.toString(), "build", "--offline", "--quiet", "--target-dir", TARGET.toString())
                .directory(SOURCES.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("cargo build of " + SOURCES + " took over 15 minutes");
        }
        if (p.exitValue() != 0) {
            throw new IOException("cargo build of " + SOURCES + " failed:\n" + Files.readString(log));
        }
        binary = TARGET.resolve("debug").resolve("omne-serde-reader");
        return binary;
    }

    /** Runs the model on {@code file}. */
    static Run run(Path file) throws IOException, InterruptedException {
        Path program = binary();
        Path out = Files.createTempFile(TARGET, "verdicts", ".txt");
        try {
            Process p = new ProcessBuilder(program.toString(), file.toString()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("the serde model took over 10 minutes on " + file);
            }
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IOException("the serde model failed on " + file + ": " + String.join("\n", lines));
            }
            List<Verdict> verdicts = new ArrayList<>(lines.size());
            String version = null;
            for (String line : lines) {
                if (line.startsWith("# serde_json ")) {
                    version = line.substring("# serde_json ".length());
                } else {
                    int tab = line.indexOf('\t');
                    verdicts.add(new Verdict(line.charAt(0), tab < 0 ? "" : line.substring(tab + 1)));
                }
            }
            return new Run(verdicts, version);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static Path findCargo() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("CARGO");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, "cargo"));
                }
            }
        }
        candidates.add(Path.of(System.getProperty("user.home"), ".cargo", "bin", "cargo"));
        candidates.add(Path.of("/root/.cargo/bin/cargo"));
        candidates.add(Path.of("/usr/bin/cargo"));
        return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    private static boolean hasCrate(String prefix) throws IOException {
        if (!Files.isDirectory(REGISTRY)) {
            return false;
        }
        try (Stream<Path> crates = Files.list(REGISTRY)) {
            return crates.anyMatch(c -> {
                String name = c.getFileName().toString();
                return name.startsWith(prefix) && Character.isDigit(name.charAt(prefix.length()));
            });
        }
    }
}
