package dev.omne.inspector.core.log;

import java.util.Arrays;

/**
 * Cuts a byte stream into lines at {@code \n}, fed in chunks of any size, remembering the byte offset and
 * 1-based number of each line. Bytes after the last {@code \n} are held until their newline arrives (a
 * write still in progress) or until {@link #finish} says the file is complete. A line longer than
 * {@link LineScanner#MAX_LINE_BYTES} is not buffered: it is counted and reported once its end is found.
 */
public final class LineSplitter {
    /** Receives complete lines. The buffer is only valid during the call. */
    public interface Sink {
        void line(byte[] buf, int off, int len, long lineNumber, long offset);

        void overlong(long lineNumber, long offset, long length);
    }

    private final int maxLineBytes;
    private byte[] pending = new byte[0];
    private int pendingLength;
    private boolean skipping;
    private long skippedLength;
    private long lineStartOffset;
    private long nextLine;
    private int regionEnd;

    public LineSplitter() {
        this(0, 1, LineScanner.MAX_LINE_BYTES);
    }

    /** Starts at a known point: {@code offset} must be the start of line {@code lineNumber}. */
    public LineSplitter(long offset, long lineNumber, int maxLineBytes) {
        this.lineStartOffset = offset;
        this.nextLine = lineNumber;
        this.maxLineBytes = maxLineBytes;
    }

    /** The offset just after the last complete line: where a reader resumes. */
    public long committedOffset() {
        return lineStartOffset;
    }

    /** The number the next complete line will get. */
    public long nextLineNumber() {
        return nextLine;
    }

    /** Bytes held back after the last newline. */
    public long pendingBytes() {
        return skipping ? skippedLength : pendingLength;
    }

    /**
     * During a {@link Sink#line} call: the end of valid bytes in the buffer passed, so a sink may read
     * several adjacent lines of one buffer with one parser.
     */
    public int regionEnd() {
        return regionEnd;
    }

    public void feed(byte[] chunk, int off, int len, Sink sink) {
        int end = off + len;
        regionEnd = end;
        int start = off;
        for (int i = Bytes.indexOfNewline(chunk, off, end); i >= 0; i = Bytes.indexOfNewline(chunk, i + 1, end)) {
            int partLength = i - start;
            if (skipping) {
                emitOverlong(skippedLength + partLength, sink);
            } else if (pendingLength > 0) {
                if ((long) pendingLength + partLength > maxLineBytes) {
                    emitOverlong((long) pendingLength + partLength, sink);
                } else {
                    append(chunk, start, partLength);
                    regionEnd = pendingLength;
                    emit(pending, 0, pendingLength, sink);
                    regionEnd = end;
                }
            } else if (partLength > maxLineBytes) {
                emitOverlong(partLength, sink);
            } else {
                emit(chunk, start, partLength, sink);
            }
            pendingLength = 0;
            start = i + 1;
        }
        int rest = end - start;
        if (rest > 0) {
            if (skipping) {
                skippedLength += rest;
            } else if ((long) pendingLength + rest > maxLineBytes) {
                skipping = true;
                skippedLength = (long) pendingLength + rest;
                pendingLength = 0;
                pending = new byte[0];
            } else {
                append(chunk, start, rest);
            }
        }
    }

    /** The stream is complete: a final line without {@code \n} is judged like any other. */
    public void finish(Sink sink) {
        if (skipping) {
            long length = skippedLength;
            skipping = false;
            skippedLength = 0;
            sink.overlong(nextLine++, lineStartOffset, length);
            lineStartOffset += length;
        } else if (pendingLength > 0) {
            int length = pendingLength;
            pendingLength = 0;
            regionEnd = length;
            sink.line(pending, 0, length, nextLine++, lineStartOffset);
            lineStartOffset += length;
        }
    }

    private void emit(byte[] buf, int off, int len, Sink sink) {
        sink.line(buf, off, len, nextLine++, lineStartOffset);
        lineStartOffset += len + 1L;
    }

    private void emitOverlong(long length, Sink sink) {
        sink.overlong(nextLine++, lineStartOffset, length);
        lineStartOffset += length + 1;
        skipping = false;
        skippedLength = 0;
        pending = new byte[0];
    }

    private void append(byte[] chunk, int off, int len) {
        if (pendingLength + len > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pendingLength + len, Math.max(256, pending.length * 2)));
        }
        System.arraycopy(chunk, off, pending, pendingLength, len);
        pendingLength += len;
    }
}
