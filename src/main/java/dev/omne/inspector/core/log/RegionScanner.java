package dev.omne.inspector.core.log;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.omne.inspector.core.event.StrictJson;
import dev.omne.inspector.core.event.Timestamps;

import java.io.IOException;

/**
 * A faster way to the same judgement as {@link LineScanner}: consecutive lines of one buffer are read by one
 * Jackson parser instead of one parser per line (creating a parser cost more than parsing a typical line).
 * It only ever <em>accepts</em> a line: one object, wholly inside the line, nothing but whitespace after it,
 * a string type, no repeated top-level field. Anything else, or anything it is unsure of, goes to
 * {@link LineScanner#scan}, which gives the verdict and the message; so results are identical by construction.
 *
 * <p>Not thread-safe: one per indexing thread.
 */
public final class RegionScanner {
    private JsonParser parser;
    private byte[] regionBuffer;
    /** Where the region parser will read next, in {@code regionBuffer}; -1 when there is no live parser. */
    private int expectedOffset = -1;
    private final String[] names = new String[32];
    private final CharSlice slice = new CharSlice();
    /** Recent distinct values of type, node_id and kind: they repeat, so most lines allocate no string. */
    private final String[] recent = new String[512];

    /**
     * Judges one line of {@code buf}. Consecutive calls for adjacent lines of the same buffer (as
     * {@link LineSplitter} delivers them from one chunk) share a parser; {@code regionEnd} bounds it.
     */
    public void scan(byte[] buf, int off, int len, int regionEnd, boolean firstLine, ScannedLine out) {
        if (!firstLine && len <= LineScanner.MAX_LINE_BYTES && tryAccept(buf, off, len, regionEnd, out)) {
            return;
        }
        close();
        LineScanner.scan(buf, off, len, firstLine, out);
    }

    /** Drops the region parser (call when the buffer is about to be reused). */
    public void close() {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // nothing to release: the parser reads from a byte array
            }
            parser = null;
        }
        regionBuffer = null;
        expectedOffset = -1;
    }

    private boolean tryAccept(byte[] buf, int off, int len, int regionEnd, ScannedLine out) {
        int end = off + len;
        if (LineScanner.isBlank(buf, off, len) || Utf8.firstInvalid(buf, off, len) >= 0) {
            return false;
        }
        try {
            if (parser == null || regionBuffer != buf || expectedOffset != off) {
                close();
                parser = StrictJson.factory().createParser(buf, off, regionEnd - off);
                regionBuffer = buf;
                base = off;
            }
            if (!walk(out, end)) {
                close();
                return false;
            }
            expectedOffset = end + 1;
            return true;
        } catch (IOException | RuntimeException e) {
            close();
            return false;
        }
    }

    private String text() throws IOException {
        char[] chars = parser.getTextCharacters();
        int off = parser.getTextOffset();
        int len = parser.getTextLength();
        int h = len;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + chars[i];
        }
        int slot = (h ^ (h >>> 9)) & (recent.length - 1);
        String known = recent[slot];
        if (known != null && known.length() == len) {
            boolean same = true;
            for (int i = 0; i < len && same; i++) {
                same = known.charAt(i) == chars[off + i];
            }
            if (same) {
                return known;
            }
        }
        String value = new String(chars, off, len);
        recent[slot] = value;
        return value;
    }

    /** A reusable view of a parser's characters, so a timestamp is read without making a string. */
    private static final class CharSlice implements CharSequence {
        private char[] chars;
        private int off;
        private int len;

        void set(char[] chars, int off, int len) {
            this.chars = chars;
            this.off = off;
            this.len = len;
        }

        @Override
        public int length() {
            return len;
        }

        @Override
        public char charAt(int index) {
            return chars[off + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(chars, off + start, end - start);
        }

        @Override
        public String toString() {
            return new String(chars, off, len);
        }
    }

    /** Offset in the buffer where the current parser started (its byte offsets count from here). */
    private int base;

    private boolean walk(ScannedLine out, int lineEnd) throws IOException {
        out.reset();
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        int count = 0;
        boolean sawTs = false;
        long ts = Timestamps.NONE;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (LineScanner.indexOf(names, count, name) >= 0 || count == names.length) {
                return false;
            }
            names[count++] = name;
            JsonToken value = parser.nextToken();
            switch (name) {
                case "type" -> {
                    if (value != JsonToken.VALUE_STRING) {
                        return false;
                    }
                    out.type = text();
                }
                case "ts" -> {
                    sawTs = true;
                    if (value == JsonToken.VALUE_STRING) {
                        slice.set(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
                        ts = Timestamps.parseMicros(slice);
                    }
                }
                case "node_id" -> {
                    if (value == JsonToken.VALUE_STRING) {
                        out.nodeId = text();
                    }
                }
                case "kind" -> {
                    if (value == JsonToken.VALUE_STRING) {
                        out.kind = text();
                    }
                }
                default -> {
                }
            }
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                parser.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT || out.type == null) {
            return false;
        }
        // The object must end inside this line, with only whitespace after it.
        long after = base + parser.currentLocation().getByteOffset();
        if (after > lineEnd) {
            return false;
        }
        byte[] b = regionBuffer;
        for (long i = after; i < lineEnd; i++) {
            byte c = b[(int) i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        LineScanner.accept(out, sawTs, ts);
        return true;
    }
}
