package dev.omne.inspector.core.export;

import dev.omne.inspector.generate.VolumeGenerator;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/** Generated runs and export helpers shared by the export tests. */
final class ExportFixtures {
    private ExportFixtures() {
    }

    /** One realistic run of {@code events} lines, every {@code malformedEvery}-th malformed (0: none). */
    static VolumeGenerator.RunFile run(Path dir, int events, int malformedEvery, long seed) throws IOException {
        return VolumeGenerator.generateFile(dir.resolve("events.jsonl"), VolumeGenerator.Options.defaults()
                .withEventsPerRun(events).withMalformedEvery(malformedEvery).withSeed(seed));
    }

    static IndexSnapshot index(Path file) throws IOException {
        return RunIndex.build(file).snapshot();
    }

    static byte[] export(Exporter exporter, IndexSnapshot snapshot, int[] rows, ExportOptions options)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.export(snapshot, rows, options, out);
        return out.toByteArray();
    }
}
