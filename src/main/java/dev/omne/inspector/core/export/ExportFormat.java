package dev.omne.inspector.core.export;

import java.util.Locale;

/** The formats a run's events export to. */
public enum ExportFormat {
    /** The events' original lines, byte for byte. */
    JSONL("jsonl", ".jsonl"),
    /** Chosen columns, one row per event, RFC 4180. */
    CSV("csv", ".csv"),
    /** Chrome Trace Event Format JSON, for Perfetto and {@code chrome://tracing}. */
    TRACE("trace", ".json");

    private final String id;
    private final String extension;

    ExportFormat(String id, String extension) {
        this.id = id;
        this.extension = extension;
    }

    /** The name on the command line: {@code jsonl}, {@code csv}, {@code trace}. */
    public String id() {
        return id;
    }

    /** The usual file name ending, with its dot. */
    public String extension() {
        return extension;
    }

    public Exporter exporter() {
        return switch (this) {
            case JSONL -> new JsonlExporter();
            case CSV -> new CsvExporter();
            case TRACE -> new TraceExporter();
        };
    }

    /** The format called {@code name} (any case), or an {@link IllegalArgumentException} naming the choices. */
    public static ExportFormat parse(String name) {
        for (ExportFormat f : values()) {
            if (f.id.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format \"" + name + "\": use jsonl, csv or trace");
    }
}
