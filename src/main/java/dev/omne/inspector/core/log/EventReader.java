package dev.omne.inspector.core.log;

import dev.omne.inspector.core.event.Event;
import dev.omne.inspector.core.event.EventCodec;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
        LineSplitter splitter = new LineSplitter();
        LineSplitter.Sink sink = (lineNumber, offset, length, judged, text, off, len) -> {
            switch (judged.outcome()) {
                case BLANK -> {
                }
                case ERROR -> deliver(visitor, null, Diagnostic.of(file, lineNumber, offset, judged, text, off, len));
                case EVENT -> {
                    Diagnostic warning = judged.hasDiagnostic()
                            ? Diagnostic.of(file, lineNumber, offset, judged, text, off, len) : null;
                    Event event;
                    try {
                        event = len == length ? EventCodec.decodeScanned(text, off, len) : decodeLong(file, offset, length);
                    } catch (IOException e) {
                        // The judge accepted it, so the file changed under us (or the codec disagrees): say so.
                        deliver(visitor, null, new Diagnostic(file, lineNumber, 0, offset, Severity.ERROR,
                                "could not be read back as an event: " + e.getMessage(), Diagnostic.raw(text, off, len)));
                        return;
                    }
                    deliver(visitor, new EventLine(lineNumber, offset, event), warning);
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
            }
            splitter.finish(sink);
        } catch (Stop stop) {
            return new long[] {splitter.nextLineNumber() - 1, bytes};
        }
        return new long[] {splitter.nextLineNumber() - 1, bytes};
    }

    private static void deliver(Visitor visitor, EventLine event, Diagnostic diagnostic) {
        if (!visitor.visit(event, diagnostic)) {
            throw new Stop();
        }
    }

    /** An event line longer than what is kept in memory: parsed again straight from the file. */
    private static Event decodeLong(Path file, long offset, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            InputStream region = new BufferedInputStream(Channels.newInputStream(channel.position(offset)), 1 << 16);
            return EventCodec.decodeScanned(new BoundedInputStream(region, length));
        }
    }

    /** The first {@code limit} bytes of a stream. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedInputStream(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int c = in.read();
            if (c >= 0) {
                left--;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
