package dev.omne.inspector.core.log;

import java.io.IOException;

/** The strict read's failure, worded as the reference reader words it. */
public final class MalformedEventException extends IOException {
    private final transient Diagnostic diagnostic;

    public MalformedEventException(Diagnostic diagnostic) {
        super("malformed event at " + diagnostic.file() + ":" + diagnostic.line() + ": " + diagnostic.message());
        this.diagnostic = diagnostic;
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
