package dev.omne.inspector.core.log;

import java.util.Arrays;

/**
 * Cuts a byte stream into lines at {@code \n}, fed in chunks of any size, and judges each line with its own
 * {@link LineJudge} as the bytes go by, remembering the byte offset and 1-based number of each line. A line that
 * runs past the end of a chunk is judged part by part, so a line of any length is judged without being held:
 * only its first {@code keepBytes} are kept, for whoever needs its text (a diagnostic shows the start of a bad
 * line). Bytes after the last {@code \n} wait for their newline (a write still in progress) or for
 * {@link #finish}, which says the file is complete.
 */
public final class LineSplitter {
    /**
     * The most of one line kept in memory for display; a longer line is still judged whole (and is an event when it
     * is one), but only its start is shown.
     */
    public static final int DISPLAY_BYTES = 16 * 1024 * 1024;

    /** Receives complete, judged lines. */
    public interface Sink {
        /**
         * One line (without its {@code \n}) and what the judge found. {@code text[textOff, textOff + textLen)} is its
         * start: all of it when {@code textLen == length}, else its first bytes. The buffer is only valid during the call.
         */
        void line(long lineNumber, long offset, long length, ScannedLine judged, byte[] text, int textOff, int textLen);
    }

    private final int keepBytes;
    private final LineJudge judge = new LineJudge();
    private final ScannedLine judged = new ScannedLine();
    private byte[] head = new byte[0];
    private int headLength;
    private boolean pending;
    private long pendingLength;
    private long lineStartOffset;
    private long nextLine;

    /** From the start of a stream, keeping up to {@link #DISPLAY_BYTES} of each line. */
    public LineSplitter() {
        this(0, 1, DISPLAY_BYTES);
    }

    /** Starts at a known point: {@code offset} must be the start of line {@code lineNumber}. */
    public LineSplitter(long offset, long lineNumber, int keepBytes) {
        this.lineStartOffset = offset;
        this.nextLine = lineNumber;
        this.keepBytes = keepBytes;
    }

    /** The offset just after the last complete line: where a reader resumes. */
    public long committedOffset() {
        return lineStartOffset;
    }

    /** The number the next complete line will get. */
    public long nextLineNumber() {
        return nextLine;
    }

    /** Bytes after the last newline, judged so far but not yet a line. */
    public long pendingBytes() {
        return pending ? pendingLength : 0;
    }

    public void feed(byte[] chunk, int off, int len, Sink sink) {
        int end = off + len;
        int start = off;
        for (int i = Bytes.indexOfNewline(chunk, off, end); i >= 0; i = Bytes.indexOfNewline(chunk, i + 1, end)) {
            int part = i - start;
            if (pending) {
                judge.feed(chunk, start, part);
                keep(chunk, start, part);
                pendingLength += part;
                judge.end(judged);
                pending = false;
                emit(sink, pendingLength, head, 0, headLength);
                lineStartOffset++; // the newline
            } else {
                judge.judge(chunk, start, part, judged);
                emit(sink, part, chunk, start, Math.min(part, keepBytes));
                lineStartOffset++;
            }
            start = i + 1;
        }
        int rest = end - start;
        if (rest > 0) {
            if (!pending) {
                pending = true;
                pendingLength = 0;
                headLength = 0;
                judge.begin();
            }
            judge.feed(chunk, start, rest);
            keep(chunk, start, rest);
            pendingLength += rest;
        }
    }

    /** The stream is complete: a final line without {@code \n} is judged like any other. */
    public void finish(Sink sink) {
        if (pending) {
            pending = false;
            judge.end(judged);
            emit(sink, pendingLength, head, 0, headLength);
        }
    }

    private void emit(Sink sink, long length, byte[] text, int off, int len) {
        sink.line(nextLine++, lineStartOffset, length, judged, text, off, len);
        lineStartOffset += length;
    }

    private void keep(byte[] chunk, int off, int len) {
        int n = Math.min(len, keepBytes - headLength);
        if (n <= 0) {
            return;
        }
        if (headLength + n > head.length) {
            head = Arrays.copyOf(head, Math.min(keepBytes, Math.max(headLength + n, Math.max(256, head.length * 2))));
        }
        System.arraycopy(chunk, off, head, headLength, n);
        headLength += n;
    }
}
