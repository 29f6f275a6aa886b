package dev.omne.inspector.ui.session;

import dev.omne.inspector.core.volume.RunIds;
import dev.omne.inspector.core.volume.RunSource;
import dev.omne.inspector.core.volume.Volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Shows a plain {@code .jsonl} file (an export, or any events file outside a volume) as a volume of one run:
 * a temporary volume whose only run's {@code events.jsonl} is a link to the file. The window then lists,
 * follows and exports it like any run; and since logs are never written through links, it is read only.
 */
public final class SingleFileVolume {
    private SingleFileVolume() {
    }

    /** The one-run volume for {@code file}; its folders are removed when the JVM exits. */
    public static Volume create(Path file) throws IOException {
        Path real = file.toAbsolutePath().normalize();
        String runId = RunSource.ofFile(real).runId();
        if (!RunIds.isValid(runId) || runId.startsWith(".")) {
            runId = "file";
        }
        String name = real.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        Path root = Files.createTempDirectory(name + "-");
        Path runDir = Files.createDirectories(root.resolve(Volume.OMNE_DIR).resolve("var").resolve("runs").resolve(runId));
        Path link = Files.createSymbolicLink(runDir.resolve(Volume.EVENTS_FILE), real);
        // Removed in reverse order of creation at exit; the file itself is never touched.
        for (Path p : new Path[] {root, root.resolve(Volume.OMNE_DIR), root.resolve(Volume.OMNE_DIR).resolve("var"),
                runDir.getParent(), runDir, link}) {
            p.toFile().deleteOnExit();
        }
        return Volume.open(root);
    }

    /** Whether {@code path} is an events file that is not inside a volume's run folder. */
    public static boolean isLooseFile(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if (!Files.isRegularFile(p) || p.getParent() == null) {
            return false;
        }
        try {
            Volume.open(p.getParent());
            return !p.getFileName().toString().equals(Volume.EVENTS_FILE);
        } catch (IOException e) {
            return true;
        }
    }
}
