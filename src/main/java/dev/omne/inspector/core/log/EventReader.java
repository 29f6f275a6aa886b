package dev.omne.inspector.core.log;

import dev.omne.inspector.core.event.Event;
import dev.omne.inspector.core.event.EventCodec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a finished events file whole into events: the tolerant read keeps going past bad lines and reports
 * each one; the strict read behaves like the reference reader and stops at the first.
 */
public final class EventReader {
    private static final int CHUNK = 1 << 20;

    private EventReader() {
    }

    /** Every event and every diagnostic of the file, never stopping at a bad line. */
    public static ReadResult read(Path file) throws IOException {
        List<EventLine> events = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        long[] totals = scan(file, (event, diagnostic) -> {
            if (event != null) {
                events.add(event);
            }
            if (diagnostic != null) {
                diagnostics.add(diagnostic);
            }
            return true;
        });
        return new ReadResult(file, List.copyOf(events), List.copyOf(diagnostics), totals[0], totals[1]);
    }

    /**
     * The reference reader's behaviour: all events, or a {@link MalformedEventException}
     * ({@code malformed event at PATH:LINE: MESSAGE}) for the first bad line. Warnings do not stop it.
     */
    public static List<Event> readStrict(Path file) throws IOException {
        List<Event> events = new ArrayList<>();
        Diagnostic[] first = new Diagnostic[1];
        scan(file, (event, diagnostic) -> {
            if (diagnostic != null && diagnostic.isError()) {
                first[0] = diagnostic;
                return false;
            }
            events.add(event.event());
            return true;
        });
        if (first[0] != null) {
            throw new MalformedEventException(first[0]);
        }
        return List.copyOf(events);
    }

    private interface Visitor {
        /** One judged line: an event (maybe with a warning) or an error. Returns false to stop. */
        boolean visit(EventLine event, Diagnostic diagnostic);
    }

    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** Returns {lines, bytes}. */
    private static long[] scan(Path file, Visitor visitor) throws IOException {
        ScannedLine scanned = new ScannedLine();
        LineSplitter splitter = new LineSplitter();
        RegionScanner regions = new RegionScanner();
        LineSplitter.Sink sink = new LineSplitter.Sink() {
            @Override
            public void line(byte[] buf, int off, int len, long lineNumber, long offset) {
                regions.scan(buf, off, len, splitter.regionEnd(), lineNumber == 1, scanned);
                switch (scanned.outcome()) {
                    case BLANK -> {
                    }
                    case ERROR -> deliver(null, Diagnostic.of(file, lineNumber, offset, scanned, buf, off, len));
                    case EVENT -> {
                        Diagnostic warning = scanned.hasDiagnostic()
                                ? Diagnostic.of(file, lineNumber, offset, scanned, buf, off, len) : null;
                        Event event;
                        try {
                            event = EventCodec.decodeScanned(buf, off, len);
                        } catch (IOException e) {
                            deliver(null, new Diagnostic(file, lineNumber, 0, offset, Severity.ERROR,
                                    LineScanner.tidy(String.valueOf(e.getMessage())), Diagnostic.raw(buf, off, len)));
                            return;
                        }
                        deliver(new EventLine(lineNumber, offset, event), warning);
                    }
                }
            }

            @Override
            public void overlong(long lineNumber, long offset, long length) {
                deliver(null, Diagnostic.overlong(file, lineNumber, offset, length));
            }

            private void deliver(EventLine event, Diagnostic diagnostic) {
                if (!visitor.visit(event, diagnostic)) {
                    throw new Stop();
                }
            }
        };
        long bytes = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[CHUNK];
            int n;
            while ((n = in.read(chunk)) > 0) {
                bytes += n;
                splitter.feed(chunk, 0, n, sink);
                regions.close();
            }
            splitter.finish(sink);
        } catch (Stop stop) {
            return new long[] {splitter.nextLineNumber() - 1, bytes};
        }
        return new long[] {splitter.nextLineNumber() - 1, bytes};
    }
}
