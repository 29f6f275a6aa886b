package dev.omne.inspector.core.log;

import java.nio.file.Path;
import java.util.List;

/** Everything read from one events file: its events and the diagnostics of its bad lines, both in file order. */
public record ReadResult(Path file, List<EventLine> events, List<Diagnostic> diagnostics, long lines, long bytes) {
    public long errorCount() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warningCount() {
        return diagnostics.size() - errorCount();
    }
}
