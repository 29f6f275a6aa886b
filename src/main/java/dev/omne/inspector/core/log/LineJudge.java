package dev.omne.inspector.core.log;

import dev.omne.inspector.core.event.Timestamps;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one judge of a line: blank, an event (with the fields the index keeps), or an error with a column and a
 * message. Its rules are those of the omne runner's reader, which is Rust's {@code serde_json} (default features)
 * reading each line after {@code BufRead::lines()} into an {@code Event} enum internally tagged by {@code type}:
 * strict JSON, numbers that fit a 64-bit float, {@code \\u} escapes that are whole code points, at most 127 levels of
 * nesting, only {@code ' ' \t \r \n} as whitespace (so U+FEFF anywhere outside a string is an error), valid UTF-8, one
 * object per line, a string {@code type} given once, and a {@code node.started} the runner's typed event accepts.
 * Where the inspector knows less than the runner (an unknown node kind, the shape of other types) it warns.
 *
 * <p>It reads a line in one pass, byte by byte in a state machine that can stop at the end of any buffer and go on
 * with the next ({@link #begin}, {@link #feed}, {@link #end}), so a line of any length is judged without being held.
 * It allocates nothing for a good line once warm: top-level keys are checked for repeats through a table of their
 * hashes, and the few values the index keeps ({@code type}, {@code node_id}, {@code kind}, {@code ts}) are copied
 * into reused buffers and turned into strings through a cache.
 *
 * <p>Not thread-safe: one per reading thread.
 */
public final class LineJudge {
    /** The deepest nesting the runner reads: serde_json's limit of 128 counts the line's own object too. */
    public static final int MAX_DEPTH = 127;
    /** How much of {@code type}, {@code node_id}, {@code kind} is kept; a longer value is cut (with a warning). */
    static final int CAPTURE_LIMIT = 64 * 1024;

    // ---- states of the machine
    private static final int START = 0;        // before the object: whitespace (the line may still be blank)
    private static final int START_UTF8 = 1;   // inside a multi-byte character before the object
    private static final int OBJ_FIRST = 2;    // after '{': a key or '}'
    private static final int OBJ_KEY = 3;      // after ',' in an object: a key
    private static final int COLON = 4;        // after a key: ':'
    private static final int VALUE = 5;        // after ':' or ',' in an array: a value
    private static final int ARR_FIRST = 6;    // after '[': a value or ']'
    private static final int AFTER = 7;        // after a value inside a container: ',' or its closing bracket
    private static final int TRAILING = 8;     // after the object: whitespace only
    private static final int STRING = 9;
    private static final int ESCAPE = 10;      // after '\' in a string
    private static final int HEX = 11;         // in the four digits of \\uXXXX
    private static final int LOW_BACKSLASH = 12; // after a high surrogate: '\' must follow
    private static final int LOW_U = 13;       // ... then 'u'
    private static final int UTF8 = 14;        // inside a multi-byte character in a string
    private static final int NUMBER = 15;
    private static final int LITERAL = 16;
    private static final int FAILED = 17;

    // ---- the parts of a number
    private static final int N_MINUS = 0;
    private static final int N_ZERO = 1;
    private static final int N_INT = 2;
    private static final int N_DOT = 3;
    private static final int N_FRAC = 4;
    private static final int N_E = 5;
    private static final int N_ESIGN = 6;
    private static final int N_EXP = 7;

    // ---- what a string's bytes are for
    private static final int EMIT_NONE = 0;
    private static final int EMIT_KEY = 1;     // a top-level key: hashed and compared with the known names
    private static final int EMIT_CAPTURE = 2; // a kept value: copied, escapes decoded

    // ---- top-level fields the runner's typed event knows (the first four are also captured)
    static final int F_TYPE = 0;
    static final int F_TS = 1;
    static final int F_NODE_ID = 2;
    static final int F_KIND = 3;
    static final int F_ID = 4;
    static final int F_RUN_ID = 5;
    static final int F_NAME = 6;
    static final int F_MODEL = 7;
    private static final String[] FIELD_NAMES = {"type", "ts", "node_id", "kind", "id", "run_id", "name", "model"};
    /** The fields of node.started the runner requires (name and model may be absent). */
    private static final int[] REQUIRED = {F_ID, F_TS, F_RUN_ID, F_NODE_ID, F_KIND};
    private static final long[] FIELD_PACKED = new long[FIELD_NAMES.length];

    // ---- kinds of JSON value
    static final byte V_NONE = 0;
    static final byte V_STRING = 1;
    static final byte V_NULL = 2;
    static final byte V_OBJECT = 3;
    static final byte V_ARRAY = 4;
    static final byte V_NUMBER = 5;
    static final byte V_BOOLEAN = 6;

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] NODE_STARTED = "node.started".getBytes(StandardCharsets.US_ASCII);
    private static final String[] KNOWN_KINDS = {"bash", "command", "prompt", "loop"};

    /** serde_json's table of powers of ten: a number is out of range when its digits times one of these is infinite. */
    private static final double[] POW10 = new double[309];

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';
    private static final long SPACES = ONES * 0x20;

    static {
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = Double.parseDouble("1e" + i);
        }
        for (int f = 0; f < FIELD_NAMES.length; f++) {
            byte[] name = FIELD_NAMES[f].getBytes(StandardCharsets.US_ASCII);
            long packed = 0;
            for (int i = 0; i < name.length; i++) {
                packed |= (long) (name[i] & 0xFF) << (8 * i);
            }
            FIELD_PACKED[f] = packed | ((long) name.length << 56);
        }
    }

    private int state;
    /** Bytes of the line fed before the current buffer. */
    private long consumed;
    /** Column of {@code b[i]} is {@code base + i + 1} during a feed. */
    private long base;
    private int depth;
    /** Bit {@code d} set: the container at depth {@code d} (1-based) is an array. */
    private long arrays0;
    private long arrays1;
    /** Whether the innermost open container is an array (kept beside the bits: it is asked at every ','). */
    private boolean arrayNow;

    private long failColumn;
    private String failMessage;

    // blank-line tracking before the object: the first character that is whitespace to Rust's trim() but not to JSON
    private long notJsonColumn;
    private int notJsonCodePoint;

    // strings
    private boolean inKey;
    private int emit;
    private int hexCount;
    private int hexValue;
    private boolean lowExpected;
    private int highSurrogate;
    private long escapeColumn;
    private int utf8Need;
    private int utf8Lo;
    private int utf8Hi;
    private int utf8CodePoint;
    private long utf8Column;

    // numbers
    private int numPart;
    private long significand;
    private boolean intOverflow;
    private boolean fracStopped;
    private boolean isFloat;
    private int exp10;
    private int expValue;
    private boolean expNegative;
    private boolean expOverflow;
    private long numColumn;

    // literals
    private byte[] literal;
    private int literalAt;
    private long literalColumn;

    // the top-level key being read
    /** The buffer holding the key being read, while it is read in place; null once it was copied to {@link #keyText}. */
    private byte[] keyRef;
    private int keyOff;
    /** Bytes of the key beyond what {@link #keyText} holds, hashed as they come. */
    private long keyOverflowHash;
    private int keyLength;
    private long keyColumn;
    /** The first 64 bytes of the key (8 more allocated, so a word can be read past the end). */
    private final byte[] keyText = new byte[64 + 8];
    private static final int KEY_KEPT = 64;
    /** The known field of the current top-level member, or -1. */
    private int currentField;

    // per known field
    /** Bit {@code f}: known field {@code f} was seen; then {@link #fieldValue} and {@link #fieldColumn} hold its value. */
    private int seenFields;
    /** Bit {@code f}: it was given more than once; {@link #repeatColumn} says where first again. */
    private int repeatedFields;
    private final byte[] fieldValue = new byte[FIELD_NAMES.length];
    private final long[] fieldColumn = new long[FIELD_NAMES.length];
    private final long[] repeatColumn = new long[FIELD_NAMES.length];
    private final byte[][] capture = {new byte[64], new byte[64], new byte[64], new byte[64]};
    private final int[] captureLength = new int[4];
    private final boolean[] captureCut = new boolean[4];
    /** The buffer a kept value is read from while it is read in place (null once copied into {@link #capture}). */
    private final byte[][] captureRef = new byte[4][];
    private final int[] captureOff = new int[4];
    private int captureField = -1;

    // repeated top-level keys the typed event does not know
    private long[] keyHashes = new long[64];
    private int[] keyGenerations = new int[64];
    private int generation;
    private int keyCount;
    private long otherRepeatColumn;
    private String otherRepeatName;

    // "kind" written as an object: {"bash": null}
    private boolean kindObjectOpen;
    private int kindObjectMembers;
    private boolean kindObjectBad;
    private boolean kindInnerOpen;

    /** Judging one JSON value (the value of a field about to be written) rather than a line. */
    private boolean valueOnly;

    private final Strings strings = new Strings();
    /** The first 16 bytes ({@code YYYY-MM-DDTHH:MM}) of the last usual timestamp, and its minute in microseconds. */
    private final byte[] minute = new byte[16];
    private long minuteMicros = Timestamps.NONE;
    private final String[] lastKept = new String[4];
    private final byte[][] lastKeptBytes = {new byte[256], new byte[256], new byte[256], new byte[256]};
    private final int[] lastKeptLength = new int[4];

    public LineJudge() {
        begin();
    }

    /** Judges one whole line (without its {@code \n}; a {@code \r} before it is fine). */
    public void judge(byte[] b, int off, int len, ScannedLine out) {
        begin();
        run(b, off, len);
        end(out); // the kept values are still where they were read: no copy needed
    }

    /**
     * What is wrong with {@code b[off, off + len)} as JSON the runner reads (one object, by the same rules as a line),
     * with its column; null when nothing is. Only the JSON is judged, not what an event must hold: an object about to
     * be completed with {@code id}, {@code ts} and {@code run_id} is judged again as the whole line.
     */
    public String jsonProblem(byte[] b, int off, int len) {
        begin();
        feed(b, off, len);
        return syntaxProblem();
    }

    /**
     * The same for one JSON value of any kind, judged as the value of a field of an event (so it may nest one level
     * less deep than a line).
     */
    public String valueProblem(byte[] b, int off, int len) {
        begin();
        valueOnly = true;
        depth = 1;
        state = VALUE;
        feed(b, off, len);
        if (state == NUMBER && (numPart == N_ZERO || numPart == N_INT || numPart == N_FRAC || numPart == N_EXP)) {
            numberEnds(off + len, off + len);
        }
        if (state == AFTER && depth == 1) {
            return null;
        }
        if (state == VALUE) {
            return "no JSON value";
        }
        return syntaxProblem();
    }

    private String syntaxProblem() {
        ScannedLine out = new ScannedLine();
        if (state == TRAILING) {
            return null;
        }
        end(out);
        return out.outcome() == ScannedLine.Outcome.BLANK ? "no JSON object" : out.describe();
    }

    /**
     * The verdict on a line about to be appended (by {@code inject} or the Inject dialog): its exact UTF-8 bytes,
     * judged like any line read back. Text that has no UTF-8 form (a lone surrogate in a Java string, which an encoder
     * would quietly turn into {@code ?}) is an error, never changed to fit.
     */
    public static ScannedLine judgeToWrite(String line) {
        ScannedLine out = new ScannedLine();
        byte[] bytes;
        try {
            java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .encode(java.nio.CharBuffer.wrap(line));
            bytes = Arrays.copyOf(encoded.array(), encoded.limit());
        } catch (java.nio.charset.CharacterCodingException e) {
            error(out, 0, "the text holds a lone surrogate, which has no UTF-8 form: the omne runner could not read it");
            return out;
        }
        new LineJudge().judge(bytes, 0, bytes.length, out);
        return out;
    }

    /** Starts a new line. */
    public void begin() {
        valueOnly = false;
        state = START;
        consumed = 0;
        depth = 0;
        arrays0 = 0;
        arrays1 = 0;
        arrayNow = false;
        failColumn = 0;
        failMessage = null;
        notJsonColumn = 0;
        currentField = -1;
        keyRef = null;
        emit = EMIT_NONE;
        seenFields = 0;
        repeatedFields = 0;
        captureField = -1;
        captureRef[0] = null;
        captureRef[1] = null;
        captureRef[2] = null;
        captureRef[3] = null;
        generation++;
        if (generation == 0) {
            Arrays.fill(keyGenerations, 0);
            generation = 1;
        }
        keyCount = 0;
        otherRepeatColumn = 0;
        otherRepeatName = null;
        kindObjectOpen = false;
        kindObjectMembers = 0;
        kindObjectBad = false;
        kindInnerOpen = false;
    }

    /**
     * Judges the next {@code len} bytes of the line (they hold no {@code \n}). The transitions of a well-formed line
     * (a key, ':', a value, ',' ...) are taken in this loop and in {@link #strings}; every rarer state is one call
     * away. (The rare states share the {@code default} branch with the start and end of every line, so the JIT
     * never sees that branch unused and never has to compile this method again when a rare state comes.)
     */
    public void feed(byte[] b, int off, int len) {
        run(b, off, len);
        // The caller may reuse its buffer before the line ends: what is still read in place is copied now.
        if (keyRef != null && emit == EMIT_KEY) {
            keyToText();
        }
        for (int f = 0; f < captureRef.length; f++) {
            if (captureRef[f] != null) {
                captureToOwn(f);
            }
        }
    }

    private void run(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        base = consumed - off;
        while (i < end) {
            int c = b[i];
            switch (state) {
                case STRING -> i = strings(b, i, end);
                case COLON -> {
                    if (c == ':') {
                        state = VALUE;
                        i++;
                    } else if (isSpace(c)) {
                        i++;
                    } else {
                        i = failExpected("':' after the field name", b, i, end);
                    }
                }
                case VALUE, ARR_FIRST -> {
                    if (c == '"') {
                        if (stringValueStarts(b, i)) {
                            return;
                        }
                        i++;
                    } else if (isSpace(c)) {
                        i++;
                    } else {
                        i = valueStarts(b, i, end, c);
                    }
                }
                case AFTER -> {
                    if (c == ',' && !(valueOnly && depth == 1)) {
                        state = arrayNow ? VALUE : OBJ_KEY;
                        i++;
                    } else if (isSpace(c)) {
                        i++;
                    } else {
                        i = afterValue(b, i, end, c);
                    }
                }
                case OBJ_FIRST, OBJ_KEY -> {
                    if (c == '"') {
                        keyStarts(b, i);
                        i++;
                    } else if (isSpace(c)) {
                        i++;
                    } else {
                        i = notAKey(b, i, end, c);
                    }
                }
                case NUMBER -> i = number(b, i, end);
                default -> i = rare(b, i, end);
            }
        }
        consumed += len;
    }

    /** The states every line passes through once (its start and end) and those few lines reach. */
    private int rare(byte[] b, int i, int end) {
        return switch (state) {
            case START -> start(b, i, end);
            case TRAILING -> trailing(b, i, end);
            case LITERAL -> literal(b, i, end);
            case ESCAPE -> escape(b, i);
            case HEX -> hex(b, i, end);
            case LOW_BACKSLASH, LOW_U -> lowSurrogate(b, i);
            case UTF8 -> utf8(b, i, end);
            case START_UTF8 -> startUtf8(b, i, end);
            default -> end; // FAILED: the rest of the line does not matter
        };
    }

    /**
     * Inside a string, and on through the usual run of a line, {@code "key":"value","key":...}, for as long as it
     * lasts: everything else goes back to {@link #feed}.
     */
    private int strings(byte[] b, int i, int end) {
        while (true) {
            int from = i;
            i = plainEnd(b, i, end);
            if (emit != EMIT_NONE && i > from) {
                emit(b, from, i);
            }
            int c = i < end ? b[i] : -1;
            if (c != '"') {
                // An escape, a non-ASCII or control byte, or the end of this buffer (c is -1 then, as for 0xFF).
                return stringSpecial(b, i, end, c);
            }
            i++;
            if (inKey) {
                state = COLON;
                if (emit == EMIT_KEY) {
                    emit = EMIT_NONE;
                    topKeyDone(); // may fail the line (a repeated "type")
                }
                if (i + 1 < end && b[i] == ':' && b[i + 1] == '"' && state == COLON) {
                    i++;
                    if (stringValueStarts(b, i)) {
                        return end;
                    }
                    i++;
                    continue;
                }
            } else {
                emit = EMIT_NONE;
                state = depth == 0 ? TRAILING : AFTER;
                if (i + 1 < end && b[i] == ',' && b[i + 1] == '"' && !arrayNow && depth > 0 && !valueOnly) {
                    i++;
                    keyStarts(b, i);
                    i++;
                    continue;
                }
            }
            return i;
        }
    }

    /** The line is complete: its verdict. */
    public void end(ScannedLine out) {
        out.reset();
        long endColumn = consumed + 1;
        switch (state) {
            case FAILED -> error(out, failColumn, failMessage);
            case START -> {
                // Nothing but whitespace (as Rust's trim() sees it): a blank line, skipped by the runner too.
            }
            case TRAILING -> verdict(out);
            default -> unfinished(out, endColumn);
        }
    }

    // ------------------------------------------------------------------ structure

    private int start(byte[] b, int i, int end) {
        while (i < end) {
            int c = b[i];
            if (isSpace(c)) {
                i++;
            } else if (c == '{') {
                if (notJsonColumn > 0) {
                    return failNotJson(end);
                }
                depth = 1;
                topObjectStarts();
                state = OBJ_FIRST;
                return i + 1;
            } else if (c == 0x0B || c == 0x0C) {
                notJson(i, c);
                i++;
            } else if (c < 0) {
                utf8Column = column(i);
                if (!utf8Lead(c & 0xFF)) {
                    return fail(column(i), invalidUtf8(b, i, end), end);
                }
                utf8CodePoint = leadBits(c & 0xFF);
                state = START_UTF8;
                return i + 1;
            } else {
                if (notJsonColumn > 0) {
                    return failNotJson(end);
                }
                return fail(column(i), c == '[' ? "a JSON array, not an object: each line must be one event object"
                        : "expected a JSON object ('{'), found " + describeByte(c), end);
            }
        }
        return i;
    }

    /** A multi-byte character before the object: whitespace such as U+00A0 keeps the line possibly blank. */
    private int startUtf8(byte[] b, int i, int end) {
        i = continuation(b, i, end);
        if (state == FAILED) {
            return end;
        }
        if (utf8Need == 0) {
            int cp = utf8CodePoint;
            if (isUnicodeWhiteSpace(cp)) {
                if (notJsonColumn == 0) {
                    notJsonColumn = utf8Column;
                    notJsonCodePoint = cp;
                }
                state = START;
            } else if (notJsonColumn > 0) {
                return failNotJson(end);
            } else if (cp == 0xFEFF) {
                return fail(utf8Column, "a UTF-8 byte order mark (U+FEFF) at column " + utf8Column
                        + ": it is not whitespace in JSON, and the omne runner cannot read the line", end);
            } else {
                return fail(utf8Column, "expected a JSON object ('{'), found " + describeCodePoint(cp), end);
            }
        }
        return i;
    }

    /** Not the '"' of a key where one is due: an empty object's '}', or a mistake. */
    private int notAKey(byte[] b, int i, int end, int c) {
        if (c == '}') {
            if (state == OBJ_FIRST) {
                return close(i, false);
            }
            return fail(column(i), "a comma before '}' (a trailing comma is not JSON)", end);
        }
        return failExpected("a field name in double quotes", b, i, end);
    }

    /** A value that is not a string: a number, a literal, an array or object, or a mistake. */
    private int valueStarts(byte[] b, int i, int end, int c) {
        if (c == ']' && state == ARR_FIRST) {
            return close(i, true);
        }
        if (depth == 1) {
            if (currentField >= 0 && topValueStarts(b, c, i)) {
                return end;
            }
        } else if (kindObjectOpen && depth == 2) {
            kindMemberValueStarts(c);
        }
        switch (c) {
            case '{' -> {
                if (push(i, false)) {
                    return end;
                }
                state = OBJ_FIRST;
            }
            case '[' -> {
                if (push(i, true)) {
                    return end;
                }
                state = ARR_FIRST;
            }
            case 't' -> startLiteral(TRUE, i);
            case 'f' -> startLiteral(FALSE, i);
            case 'n' -> startLiteral(NULL, i);
            case '-' -> startNumber(i, N_MINUS, 0);
            case '0' -> startNumber(i, N_ZERO, 0);
            default -> {
                if (c >= '1' && c <= '9') {
                    startNumber(i, N_INT, c - '0');
                } else {
                    return c == ']' ? fail(column(i), "a comma before ']' (a trailing comma is not JSON)", end)
                            : failExpected("a value", b, i, end);
                }
            }
        }
        return i + 1;
    }

    /** After a value, not ',': the container's closing bracket, or a mistake. */
    private int afterValue(byte[] b, int i, int end, int c) {
        if (valueOnly && depth == 1) {
            return failFound(" after the value", b, i, end);
        }
        boolean array = arrayNow;
        if (c == (array ? ']' : '}')) {
            return close(i, array);
        }
        return failExpected(array ? "',' or ']'" : "',' or '}'", b, i, end);
    }

    private int trailing(byte[] b, int i, int end) {
        while (i < end) {
            int c = b[i];
            if (isSpace(c)) {
                i++;
                continue;
            }
            return failFound(" after the JSON object (one event per line)", b, i, end);
        }
        return i;
    }

    /** Opens an array or object; true when that nests too deep (the line has failed). */
    private boolean push(int i, boolean array) {
        if (depth == MAX_DEPTH) {
            fail(column(i), "nested " + (MAX_DEPTH + 1) + " levels deep: the omne runner reads at most " + MAX_DEPTH
                    + " levels of arrays and objects (counting the line's own object)", 0);
            return true;
        }
        depth++;
        if (array) {
            if (depth < 64) {
                arrays0 |= 1L << depth;
            } else {
                arrays1 |= 1L << (depth - 64);
            }
        } else if (depth < 64) {
            arrays0 &= ~(1L << depth);
        } else {
            arrays1 &= ~(1L << (depth - 64));
        }
        arrayNow = array;
        return false;
    }

    private boolean inArray() {
        return depth < 64 ? (arrays0 & (1L << depth)) != 0 : (arrays1 & (1L << (depth - 64))) != 0;
    }

    private int close(int i, boolean array) {
        if (depth == 2 && kindObjectOpen) {
            kindObjectOpen = false;
        } else if (depth == 3 && kindInnerOpen) {
            kindInnerOpen = false;
        }
        depth--;
        arrayNow = depth > 0 && inArray();
        valueDone();
        return i + 1;
    }

    private void valueDone() {
        state = depth == 0 ? TRAILING : AFTER;
    }

    // ------------------------------------------------------------------ strings

    /** In a string, at a byte that is not plain (a backslash, a non-ASCII byte, a control character) or at the buffer's end. */
    private int stringSpecial(byte[] b, int i, int end, int c) {
        if (i >= end) {
            return i;
        }
        if (c == '\\') {
            escapeColumn = column(i);
            state = ESCAPE;
            return i + 1;
        }
        if (c < 0) {
            utf8Column = column(i);
            if (!utf8Lead(c & 0xFF)) {
                return fail(utf8Column, invalidUtf8(b, i, end), end);
            }
            if (emit != EMIT_NONE) {
                emitByte(c);
            }
            state = UTF8;
            return i + 1;
        }
        return failControl(b, i, end);
    }

    /** Index of the first byte in {@code [i, end)} that ends a run of plain string bytes: {@code " \\}, a control or non-ASCII byte. */
    private static int plainEnd(byte[] b, int i, int end) {
        for (; i + 8 <= end; i += 8) {
            long x = (long) LONGS.get(b, i);
            long q = x ^ QUOTES;
            long s = x ^ BACKSLASHES;
            long found = (x | ((x - SPACES) & ~x) | ((q - ONES) & ~q) | ((s - ONES) & ~s)) & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < end; i++) {
            int c = b[i];
            if (c == '"' || c == '\\' || c < 0x20) {
                return i;
            }
        }
        return end;
    }

    private int utf8(byte[] b, int i, int end) {
        i = continuation(b, i, end);
        if (utf8Need == 0 && state != FAILED) {
            state = STRING;
        }
        return i;
    }

    /** The continuation bytes of a multi-byte character, checked as they come (kept when a string's bytes are). */
    private int continuation(byte[] b, int i, int end) {
        while (i < end && utf8Need > 0) {
            int c = b[i] & 0xFF;
            if (c < utf8Lo || c > utf8Hi) {
                return fail(utf8Column, "invalid UTF-8: byte 0x" + hex2(c) + " at column " + column(i), end);
            }
            if (emit != EMIT_NONE) {
                emitByte(c);
            }
            utf8CodePoint = (utf8CodePoint << 6) | (c & 0x3F);
            utf8Lo = 0x80;
            utf8Hi = 0xBF;
            utf8Need--;
            i++;
        }
        return i;
    }

    private int escape(byte[] b, int i) {
        int c = b[i];
        int decoded = switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> -1;
            default -> -2;
        };
        if (decoded == -2) {
            return fail(escapeColumn, "invalid escape \\" + (c > 0x20 && c < 0x7F ? String.valueOf((char) c)
                    : "followed by " + printable(c & 0xFF)) + " at column " + escapeColumn
                    + " (JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)", i + 1);
        }
        if (decoded == -1) {
            hexCount = 0;
            hexValue = 0;
            lowExpected = false;
            state = HEX;
        } else {
            if (emit != EMIT_NONE) {
                emitByte(decoded);
            }
            state = STRING;
        }
        return i + 1;
    }

    private int hex(byte[] b, int i, int end) {
        while (i < end && hexCount < 4) {
            int c = b[i];
            int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (v < 0) {
                return fail(escapeColumn, "invalid \\u escape at column " + escapeColumn
                        + ": it needs four hex digits, found " + describeAt(b, i, end), end);
            }
            hexValue = (hexValue << 4) | v;
            hexCount++;
            i++;
        }
        if (hexCount < 4) {
            return i;
        }
        int v = hexValue;
        if (lowExpected) {
            if (v < 0xDC00 || v > 0xDFFF) {
                return fail(escapeColumn, "\\u" + hex4(highSurrogate) + " is followed by \\u" + hex4(v)
                        + " at column " + escapeColumn + ": a high surrogate must be followed by a low one"
                        + " (\\uDC00 to \\uDFFF), so the omne runner cannot read it", end);
            }
            emitCodePoint(0x10000 + ((highSurrogate - 0xD800) << 10) + (v - 0xDC00));
            state = STRING;
        } else if (v >= 0xDC00 && v <= 0xDFFF) {
            return fail(escapeColumn, loneSurrogate(v, escapeColumn), end);
        } else if (v >= 0xD800 && v <= 0xDBFF) {
            highSurrogate = v;
            state = LOW_BACKSLASH;
        } else {
            emitCodePoint(v);
            state = STRING;
        }
        return i;
    }

    private int lowSurrogate(byte[] b, int i) {
        int c = b[i];
        long at = escapeColumn;
        if (state == LOW_BACKSLASH && c == '\\') {
            state = LOW_U;
            return i + 1;
        }
        if (state == LOW_U && c == 'u') {
            escapeColumn = column(i) - 1;
            hexCount = 0;
            hexValue = 0;
            lowExpected = true;
            state = HEX;
            return i + 1;
        }
        return fail(at, loneSurrogate(highSurrogate, at), i + 1);
    }

    private static String loneSurrogate(int v, long column) {
        return "lone surrogate \\u" + hex4(v) + " at column " + column + ": the omne runner reads only whole code points"
                + " (a high surrogate \\uD800-\\uDBFF followed by a low one \\uDC00-\\uDFFF)";
    }

    /** The '"' at {@code b[i]} opens a key. */
    private void keyStarts(byte[] b, int i) {
        inKey = true;
        state = STRING;
        if (depth == 1) {
            emit = EMIT_KEY;
            keyRef = b; // read where it is, unless an escape or the end of this buffer makes a copy necessary
            keyOff = i + 1;
            keyLength = 0;
            keyOverflowHash = 0;
            keyColumn = column(i);
        } else if (kindObjectOpen || kindInnerOpen) {
            kindKeyStarts();
        }
    }

    /** The '"' at {@code b[i]} opens a string value; true when that already fails the line. */
    private boolean stringValueStarts(byte[] b, int i) {
        if (depth == 1) {
            if (currentField >= 0 && topValueStarts(b, '"', i)) {
                return true;
            }
        } else if (kindObjectOpen && depth == 2) {
            kindMemberValueStarts('"');
        }
        inKey = false;
        state = STRING;
        return false;
    }

    /** A key inside {@code "kind": {...}} or inside the value of its member. */
    private void kindKeyStarts() {
        emit = EMIT_NONE;
        if (kindObjectOpen && depth == 2) {
            kindObjectMembers++;
        } else if (kindInnerOpen && depth == 3) {
            kindObjectBad = true;
        }
    }

    private void emit(byte[] b, int from, int to) {
        if (emit == EMIT_CAPTURE) {
            int f = captureField;
            if (captureRef[f] != null) {
                if (captureLength[f] + (to - from) <= CAPTURE_LIMIT) {
                    captureLength[f] += to - from; // still in place
                    return;
                }
                captureToOwn(f);
            }
            int have = captureLength[f];
            int n = Math.min(to - from, CAPTURE_LIMIT - have);
            if (n < to - from) {
                captureCut[f] = true;
            }
            if (n > 0) {
                byte[] buf = capture[f];
                if (have + n > buf.length) {
                    buf = capture[f] = Arrays.copyOf(buf, Math.min(CAPTURE_LIMIT, Math.max(have + n, buf.length * 2)));
                }
                System.arraycopy(b, from, buf, have, n);
                captureLength[f] = have + n;
            }
        } else if (keyRef != null) {
            keyLength += to - from; // still in place: the span follows the key's last byte
        } else {
            copyKey(b, from, to);
        }
    }

    private void copyKey(byte[] b, int from, int to) {
        int n = to - from;
        int room = KEY_KEPT - keyLength;
        if (n <= room) {
            System.arraycopy(b, from, keyText, keyLength, n);
            keyLength += n;
        } else {
            for (int k = from; k < to; k++) {
                keyByte(b[k]);
            }
        }
    }

    /** The kept value read in place so far, copied into its own buffer (at most {@link #CAPTURE_LIMIT} bytes). */
    private void captureToOwn(int f) {
        byte[] from = captureRef[f];
        int n = captureLength[f];
        captureRef[f] = null;
        if (n > capture[f].length) {
            capture[f] = new byte[Math.min(CAPTURE_LIMIT, Math.max(n, capture[f].length * 2))];
        }
        System.arraycopy(from, captureOff[f], capture[f], 0, n);
    }

    /** The key read in place so far, copied: an escape comes, or the buffer is about to end. */
    private void keyToText() {
        byte[] b = keyRef;
        int n = keyLength;
        keyRef = null;
        keyLength = 0;
        copyKey(b, keyOff, keyOff + n);
    }

    private void emitByte(int c) {
        if (emit == EMIT_CAPTURE) {
            int f = captureField;
            if (captureRef[f] != null) {
                captureToOwn(f);
            }
            int have = captureLength[f];
            if (have >= CAPTURE_LIMIT) {
                captureCut[f] = true;
                return;
            }
            if (have == capture[f].length) {
                capture[f] = Arrays.copyOf(capture[f], Math.min(CAPTURE_LIMIT, have * 2));
            }
            capture[f][have] = (byte) c;
            captureLength[f] = have + 1;
        } else if (emit == EMIT_KEY) {
            if (keyRef != null) {
                keyToText();
            }
            keyByte((byte) c);
        }
    }

    /** One decoded byte of a top-level key: kept while there is room, hashed beyond. */
    private void keyByte(byte c) {
        if (keyLength < KEY_KEPT) {
            keyText[keyLength] = c;
        } else {
            keyOverflowHash = (keyOverflowHash ^ (c & 0xFF)) * 0x100000001b3L;
        }
        keyLength++;
    }

    private void emitCodePoint(int cp) {
        if (emit == EMIT_NONE) {
            return;
        }
        if (cp < 0x80) {
            emitByte(cp);
        } else if (cp < 0x800) {
            emitByte(0xC0 | (cp >> 6));
            emitByte(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            emitByte(0xE0 | (cp >> 12));
            emitByte(0x80 | ((cp >> 6) & 0x3F));
            emitByte(0x80 | (cp & 0x3F));
        } else {
            emitByte(0xF0 | (cp >> 18));
            emitByte(0x80 | ((cp >> 12) & 0x3F));
            emitByte(0x80 | ((cp >> 6) & 0x3F));
            emitByte(0x80 | (cp & 0x3F));
        }
    }

    // ------------------------------------------------------------------ numbers and literals

    private void startNumber(int i, int part, int digit) {
        numPart = part;
        significand = digit;
        intOverflow = false;
        fracStopped = false;
        isFloat = false;
        exp10 = 0;
        expValue = 0;
        expNegative = false;
        expOverflow = false;
        numColumn = column(i);
        state = NUMBER;
    }

    /**
     * Reads digits as serde_json does: the first 19 or 20 significant digits into a u64, the rest only counted, so
     * that {@link #numberFits} can tell exactly which numbers it calls out of range.
     */
    private int number(byte[] b, int i, int end) {
        int part = numPart;
        while (i < end) {
            int c = b[i];
            int d = c - '0';
            boolean digit = d >= 0 && d <= 9;
            switch (part) {
                case N_MINUS -> {
                    if (!digit) {
                        return failExpected("a digit after '-'", b, i, end);
                    }
                    part = d == 0 ? N_ZERO : N_INT;
                    significand = d;
                }
                case N_ZERO -> {
                    if (digit) {
                        return fail(numColumn, "a number with a leading zero (such as 007) is not JSON", end);
                    }
                    if (c == '.') {
                        part = N_DOT;
                        isFloat = true;
                    } else if (c == 'e' || c == 'E') {
                        part = N_E;
                        isFloat = true;
                    } else {
                        return numberEnds(i, end);
                    }
                }
                case N_INT -> {
                    if (digit) {
                        if (intOverflow) {
                            if (exp10 < Integer.MAX_VALUE) {
                                exp10++;
                            }
                        } else if (overflowsU64(significand, d)) {
                            intOverflow = true;
                            exp10++;
                        } else {
                            significand = significand * 10 + d;
                        }
                    } else if (c == '.') {
                        part = N_DOT;
                        isFloat = true;
                    } else if (c == 'e' || c == 'E') {
                        part = N_E;
                        isFloat = true;
                    } else {
                        return numberEnds(i, end);
                    }
                }
                case N_DOT, N_FRAC -> {
                    if (digit) {
                        part = N_FRAC;
                        if (!fracStopped) {
                            if (overflowsU64(significand, d)) {
                                fracStopped = true;
                            } else {
                                significand = significand * 10 + d;
                                exp10--;
                            }
                        }
                    } else if (part == N_DOT) {
                        return failExpected("a digit after the decimal point", b, i, end);
                    } else if (c == 'e' || c == 'E') {
                        part = N_E;
                    } else {
                        return numberEnds(i, end);
                    }
                }
                case N_E, N_ESIGN -> {
                    if (digit) {
                        part = N_EXP;
                        expValue = d;
                    } else if (part == N_E && (c == '+' || c == '-')) {
                        part = N_ESIGN;
                        expNegative = c == '-';
                    } else {
                        return failExpected("a digit in the exponent", b, i, end);
                    }
                }
                default -> { // N_EXP
                    if (!digit) {
                        return numberEnds(i, end);
                    }
                    if (!expOverflow) {
                        if (expValue >= 214748364 && (expValue > 214748364 || d > 7)) {
                            expOverflow = true;
                            if (significand != 0 && !expNegative) {
                                return fail(numColumn, outOfRange(), end);
                            }
                        } else {
                            expValue = expValue * 10 + d;
                        }
                    }
                }
            }
            i++;
        }
        numPart = part;
        return i;
    }

    private int numberEnds(int i, int end) {
        if (!numberFits()) {
            return fail(numColumn, outOfRange(), end);
        }
        valueDone();
        return i;
    }

    /** serde_json's {@code f64_from_parts} (without float_roundtrip): out of range when the value is infinite. */
    private boolean numberFits() {
        int exponent;
        if (!isFloat) {
            if (!intOverflow) {
                return true;
            }
            exponent = exp10;
        } else {
            if (expOverflow) {
                return true; // a huge negative exponent, or zero digits: the value is zero
            }
            long e = (long) exp10 + (expNegative ? -(long) expValue : expValue);
            exponent = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, e));
        }
        return fits(significand, exponent);
    }

    static boolean fits(long significand, int exponent) {
        if (significand == 0 || exponent < 0) {
            return true;
        }
        if (exponent >= POW10.length) {
            return false;
        }
        return !Double.isInfinite(unsignedToDouble(significand) * POW10[exponent]);
    }

    /** Rust's {@code u64 as f64}: round to nearest, ties to even. */
    static double unsignedToDouble(long v) {
        if (v >= 0) {
            return v;
        }
        return (double) ((v >>> 1) | (v & 1)) * 2.0;
    }

    /** serde_json's overflow check: would {@code value * 10 + digit} exceed {@code u64::MAX}? */
    private static boolean overflowsU64(long value, int digit) {
        int c = Long.compareUnsigned(value, 1844674407370955161L);
        return c > 0 || (c == 0 && digit > 5);
    }

    private static String outOfRange() {
        return "number out of range for the omne runner (it reads numbers as 64-bit floats, at most about 1.8e308)";
    }

    private void startLiteral(byte[] word, int i) {
        literal = word;
        literalAt = 1;
        literalColumn = column(i);
        state = LITERAL;
    }

    private int literal(byte[] b, int i, int end) {
        byte[] word = literal;
        while (i < end && literalAt < word.length) {
            if (b[i] != word[literalAt]) {
                return failLiteral(b, i, end);
            }
            literalAt++;
            i++;
        }
        if (literalAt == word.length) {
            valueDone();
        }
        return i;
    }

    // ------------------------------------------------------------------ the top-level object's members

    private void topObjectStarts() {
        currentField = -1;
    }

    private void topKeyDone() {
        byte[] key = keyRef != null ? keyRef : keyText;
        int off = keyRef != null ? keyOff : 0;
        int field = -1;
        if (keyLength <= 7) {
            long packed = (off + 8 <= key.length ? (long) LONGS.get(key, off) : bytesAsLong(key, off, keyLength))
                    & ((1L << (8 * keyLength)) - 1) | ((long) keyLength << 56);
            for (int f = 0; f < FIELD_PACKED.length; f++) {
                if (FIELD_PACKED[f] == packed) {
                    field = f;
                    break;
                }
            }
        }
        currentField = field;
        if (field >= 0) {
            int bit = 1 << field;
            if ((seenFields & bit) != 0) {
                if (field == F_TYPE) {
                    fail(keyColumn, "\"type\" is given twice: the omne runner cannot read an event whose type is"
                            + " repeated", 0);
                    keyRef = null;
                    return;
                }
                if ((repeatedFields & bit) == 0) {
                    repeatedFields |= bit;
                    repeatColumn[field] = keyColumn;
                }
            }
            seenFields |= bit;
        } else if (!rememberKey(keyHash(key, off)) && otherRepeatColumn == 0) {
            otherRepeatColumn = keyColumn;
            int n = Math.min(keyLength, KEY_KEPT);
            otherRepeatName = new String(key, off, n, StandardCharsets.UTF_8) + (n < keyLength ? "…" : "");
        }
        keyRef = null;
    }

    private static long bytesAsLong(byte[] b, int off, int n) {
        long v = 0;
        for (int k = 0; k < n && k < 8; k++) {
            v |= (long) (b[off + k] & 0xFF) << (8 * k);
        }
        return v;
    }

    /**
     * A 64-bit hash of the key's decoded bytes, the same whether it was read in place or copied: its first 64 bytes
     * word by word, the rest byte by byte. A repeat is told by hash alone (a collision costs a false warning).
     */
    private long keyHash(byte[] key, int off) {
        int n = Math.min(keyLength, KEY_KEPT);
        long h = 0x9E3779B97F4A7C15L ^ keyLength;
        int k = 0;
        for (; k + 8 <= n; k += 8) {
            h = Long.rotateLeft((h ^ (long) LONGS.get(key, off + k)) * 0xBF58476D1CE4E5B9L, 29);
        }
        if (k < n) {
            long last = off + k + 8 <= key.length ? (long) LONGS.get(key, off + k) : bytesAsLong(key, off + k, n - k);
            h = Long.rotateLeft((h ^ (last & (-1L >>> (8 * (8 - (n - k)))))) * 0x94D049BB133111EBL, 31);
        }
        long overflow = keyOverflowHash;
        if (key != keyText) {
            for (int j = off + KEY_KEPT; j < off + keyLength; j++) {
                overflow = (overflow ^ (key[j] & 0xFF)) * 0x100000001b3L;
            }
        }
        h ^= overflow;
        return h ^ (h >>> 32);
    }

    /** Adds a key's hash to this line's table; false when it was there already (a repeated key). */
    private boolean rememberKey(long hash) {
        if ((keyCount + 1) * 2 > keyHashes.length) {
            growKeys();
        }
        int mask = keyHashes.length - 1;
        int slot = (int) (hash ^ (hash >>> 29) ^ (hash >>> 47)) & mask;
        while (keyGenerations[slot] == generation) {
            if (keyHashes[slot] == hash) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        keyGenerations[slot] = generation;
        keyHashes[slot] = hash;
        keyCount++;
        return true;
    }

    private void growKeys() {
        long[] oldHashes = keyHashes;
        int[] oldGenerations = keyGenerations;
        keyHashes = new long[oldHashes.length * 2];
        keyGenerations = new int[oldHashes.length * 2];
        int mask = keyHashes.length - 1;
        for (int k = 0; k < oldHashes.length; k++) {
            if (oldGenerations[k] == generation) {
                long hash = oldHashes[k];
                int slot = (int) (hash ^ (hash >>> 29) ^ (hash >>> 47)) & mask;
                while (keyGenerations[slot] == generation) {
                    slot = (slot + 1) & mask;
                }
                keyGenerations[slot] = generation;
                keyHashes[slot] = hash;
            }
        }
    }

    /** A top-level member's value begins with {@code c}; true when that already fails the line. */
    private boolean topValueStarts(byte[] b, int c, int i) {
        int f = currentField;
        emit = EMIT_NONE;
        if (f < 0) {
            return false;
        }
        byte kind = valueKind(c);
        fieldValue[f] = kind;
        fieldColumn[f] = column(i);
        if (f == F_TYPE && kind != V_STRING) {
            failTypeNotString(column(i), kind);
            return true;
        }
        if (f <= F_KIND && kind == V_STRING) {
            emit = EMIT_CAPTURE;
            captureField = f;
            captureRef[f] = b;
            captureOff[f] = i + 1;
            captureLength[f] = 0;
            captureCut[f] = false;
        }
        if (f == F_KIND) {
            kindObjectOpen = kind == V_OBJECT;
            kindObjectMembers = 0;
            kindObjectBad = false;
            kindInnerOpen = false;
        }
        return false;
    }

    /** A value inside {@code "kind": {...}}: serde reads {"bash": null} or {"bash": {}} as the unit variant bash. */
    private void kindMemberValueStarts(int c) {
        if (c == '{') {
            kindInnerOpen = true;
        } else if (c != 'n') {
            kindObjectBad = true;
        }
    }

    private static byte valueKind(int c) {
        return switch (c) {
            case '"' -> V_STRING;
            case 'n' -> V_NULL;
            case '{' -> V_OBJECT;
            case '[' -> V_ARRAY;
            case 't', 'f' -> V_BOOLEAN;
            default -> V_NUMBER;
        };
    }

    // ------------------------------------------------------------------ the verdict on a well-formed object

    private void verdict(ScannedLine out) {
        if (!seen(F_TYPE)) {
            error(out, 0, "missing \"type\" field: the omne runner cannot tell what event this is");
            return;
        }
        boolean nodeStarted = !captureCut[F_TYPE] && captured(F_TYPE, NODE_STARTED);
        if (nodeStarted && nodeStartedRefused(out)) {
            return;
        }
        out.outcome = ScannedLine.Outcome.EVENT;
        out.type = kept(F_TYPE);
        out.nodeId = valueOf(F_NODE_ID) == V_STRING ? kept(F_NODE_ID) : null;
        out.kind = valueOf(F_KIND) == V_STRING ? kept(F_KIND) : null;
        if (valueOf(F_TS) == V_STRING && !captureCut[F_TS]) {
            out.tsMicros = timestamp(keptBytes(F_TS), keptOffset(F_TS), captureLength[F_TS]);
        }
        if (nodeStarted || out.tsMicros == Timestamps.NONE || out.nodeId == null || repeatedFields != 0
                || otherRepeatColumn != 0 || captureCut[F_TYPE] || captureCut[F_NODE_ID]) {
            warnings(out, nodeStarted); // the usual event has nothing to warn about
        }
    }

    /** The runner's typed {@code node.started}: true (and an error) when it could not read this one. */
    private boolean nodeStartedRefused(ScannedLine out) {
        for (int f = 0; f < FIELD_NAMES.length; f++) {
            if ((repeatedFields & (1 << f)) != 0) {
                error(out, repeatColumn[f], "\"" + FIELD_NAMES[f] + "\" is given twice: the omne runner cannot read a"
                        + " node.started event with a repeated field");
                return true;
            }
        }
        for (int f : REQUIRED) {
            if (!seen(f)) {
                error(out, 0, "a node.started event needs \"" + FIELD_NAMES[f] + "\""
                        + (f == F_KIND ? " (bash, command, prompt or loop)" : "")
                        + ": without it the omne runner cannot read the line");
                return true;
            }
        }
        long worst = Long.MAX_VALUE;
        String problem = null;
        for (int f = 0; f < FIELD_NAMES.length; f++) {
            byte v = valueOf(f);
            boolean ok = switch (f) {
                case F_NAME, F_MODEL -> v == V_NONE || v == V_NULL || v == V_STRING;
                case F_KIND -> v == V_STRING || (v == V_OBJECT && kindObjectMembers == 1 && !kindObjectBad);
                default -> v == V_STRING;
            };
            if (!ok && fieldColumn[f] < worst) {
                worst = fieldColumn[f];
                problem = "\"" + FIELD_NAMES[f] + "\" of a node.started event must be "
                        + (f == F_NAME || f == F_MODEL ? "a string or null" : f == F_KIND ? "a string such as \"bash\""
                        : "a string") + ", found " + describeKind(v) + ": the omne runner cannot read the line";
            }
        }
        if (problem != null) {
            error(out, worst, problem);
            return true;
        }
        return false;
    }

    private void warnings(ScannedLine out, boolean nodeStarted) {
        StringBuilder w = null;
        long column = 0;
        String type = out.type;
        if (!seen(F_TS)) {
            w = add(w, "no \"ts\" field: the event has no time");
        } else if (out.tsMicros == Timestamps.NONE) {
            w = add(w, "\"ts\" is not an RFC 3339 timestamp: the event has no time");
            column = fieldColumn[F_TS];
        }
        if (!nodeStarted && out.nodeId == null && type.startsWith("node.")) {
            w = add(w, "a \"" + type + "\" event without a string \"node_id\"");
        }
        if (nodeStarted && out.kind != null && !isKnownKind(out.kind)) {
            w = add(w, "node kind \"" + out.kind + "\" is not one the inspector knows (bash, command, prompt, loop)");
            column = column == 0 ? fieldColumn[F_KIND] : column;
        }
        if (nodeStarted && valueOf(F_KIND) == V_OBJECT) {
            w = add(w, "\"kind\" is written as an object with one member such as {\"bash\": null}: the omne runner"
                    + " reads that, other tools expect a string such as \"bash\"");
            column = column == 0 ? fieldColumn[F_KIND] : column;
        }
        for (int f = 0; f < FIELD_NAMES.length && !nodeStarted; f++) {
            if ((repeatedFields & (1 << f)) != 0) {
                w = add(w, "\"" + FIELD_NAMES[f] + "\" is given twice: the omne runner reads on, other tools may keep"
                        + " either value");
                column = column == 0 ? repeatColumn[f] : column;
                break;
            }
        }
        if (otherRepeatColumn > 0) {
            w = add(w, "\"" + otherRepeatName + "\" is given twice: the omne runner reads on, other tools may keep"
                    + " either value");
            column = column == 0 ? otherRepeatColumn : column;
        }
        for (int f = F_TYPE; f <= F_KIND; f++) {
            if (captureCut[f] && valueOf(f) == V_STRING) {
                w = add(w, "\"" + FIELD_NAMES[f] + "\" is longer than " + CAPTURE_LIMIT / 1024
                        + " KiB: the inspector keeps only its start");
            }
        }
        if (w != null) {
            out.message = w.toString();
            out.column = column;
        }
    }

    private static StringBuilder add(StringBuilder w, String warning) {
        if (w == null) {
            return new StringBuilder(warning);
        }
        return w.append("; ").append(warning);
    }

    /** Whether a node kind is one the inspector knows; the runner's enum may have more. */
    public static boolean isKnownKind(String kind) {
        for (String k : KNOWN_KINDS) {
            if (k.equals(kind)) {
                return true;
            }
        }
        return false;
    }

    /** Epoch microseconds of a captured {@code ts}; consecutive events mostly share the minute, parsed once. */
    private long timestamp(byte[] b, int off, int len) {
        if (len >= 20 && minuteMicros != Timestamps.NONE && (long) LONGS.get(b, off) == (long) LONGS.get(minute, 0)
                && (long) LONGS.get(b, off + 8) == (long) LONGS.get(minute, 8) && b[off + 16] == ':') {
            long within = Timestamps.microsWithinMinute(b, off, len);
            if (within >= 0) {
                return minuteMicros + within;
            }
        }
        long micros = Timestamps.parseMicros(b, off, len);
        if (micros != Timestamps.NONE && len >= 20 && b[off + 16] == ':') {
            long within = Timestamps.microsWithinMinute(b, off, len);
            if (within >= 0) {
                System.arraycopy(b, off, minute, 0, 16);
                minuteMicros = micros - within;
            }
        }
        return micros;
    }

    /** The captured value of field {@code f} as a string: the last line's when it is the same (it mostly is). */
    private String kept(int f) {
        int len = captureLength[f];
        byte[] bytes = keptBytes(f);
        int off = keptOffset(f);
        String last = lastKept[f];
        if (last != null && lastKeptLength[f] == len
                && Arrays.equals(lastKeptBytes[f], 0, len, bytes, off, off + len)) {
            return last;
        }
        String value = strings.get(bytes, off, len);
        if (len <= lastKeptBytes[f].length) {
            System.arraycopy(bytes, off, lastKeptBytes[f], 0, len);
            lastKeptLength[f] = len;
            lastKept[f] = value;
        } else {
            lastKept[f] = null;
        }
        return value;
    }

    /** Where kept value {@code f} is: in the buffer it was read from, or in its own. */
    private byte[] keptBytes(int f) {
        return captureRef[f] != null ? captureRef[f] : capture[f];
    }

    private int keptOffset(int f) {
        return captureRef[f] != null ? captureOff[f] : 0;
    }

    private boolean seen(int f) {
        return (seenFields & (1 << f)) != 0;
    }

    /** The kind of the value of known field {@code f}, or {@link #V_NONE} when the line does not have it. */
    private byte valueOf(int f) {
        return seen(f) ? fieldValue[f] : V_NONE;
    }

    private boolean captured(int f, byte[] expected) {
        int off = keptOffset(f);
        return captureLength[f] == expected.length && Arrays.equals(keptBytes(f), off, off + expected.length, expected, 0,
                expected.length);
    }

    // ------------------------------------------------------------------ failing and describing

    /**
     * JSON whitespace as serde_json has it. A line never holds {@code \n} (it ends there), but text judged whole, such
     * as the Inject dialog's extra fields, may span lines.
     */
    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private long column(int i) {
        return base + i + 1;
    }

    /** Records the line's first problem; returns {@code next}, where the caller's loop goes on (the rest is skipped). */
    private int fail(long column, String message, int next) {
        if (state != FAILED) {
            state = FAILED;
            failColumn = column;
            failMessage = message;
        }
        return next;
    }

    // The messages are built in these (rarely run) methods, not where a problem is found: the JIT then keeps the
    // string building out of the hot methods it compiles.

    private int failExpected(String expected, byte[] b, int i, int end) {
        return fail(column(i), "expected " + expected + ", found " + describeAt(b, i, end), end);
    }

    private int failFound(String after, byte[] b, int i, int end) {
        return fail(column(i), "found " + describeAt(b, i, end) + after, end);
    }

    private int failControl(byte[] b, int i, int end) {
        int c = b[i];
        return fail(column(i), "control character U+00" + hex2(c) + " in a string at column " + column(i)
                + " (write it as an escape such as \\n or \\u00" + hex2(c) + ")", end);
    }

    private int failLiteral(byte[] b, int i, int end) {
        return fail(literalColumn, "expected " + new String(literal, StandardCharsets.US_ASCII) + " at column "
                + literalColumn + ", found " + describeAt(b, i, end) + " at column " + column(i)
                + " (JSON values are strings in double quotes, numbers, true, false, null, objects and arrays)", end);
    }

    private void failTypeNotString(long column, byte kind) {
        fail(column, "\"type\" must be a string, found " + describeKind(kind), 0);
    }

    /** The line ended in the middle of something. */
    private void unfinished(ScannedLine out, long endColumn) {
        switch (state) {
            case START_UTF8, UTF8 -> error(out, utf8Column, "invalid UTF-8: the line ends inside a character at column "
                    + utf8Column);
            case STRING, ESCAPE, HEX, LOW_BACKSLASH, LOW_U -> error(out, endColumn,
                    "the line ends inside a string (its closing quote is missing)");
            default -> error(out, endColumn, "the line ends before the JSON object is closed"
                    + (depth > 1 ? " (" + depth + " brackets are still open)" : ""));
        }
    }

    private void notJson(int i, int c) {
        if (notJsonColumn == 0) {
            notJsonColumn = column(i);
            notJsonCodePoint = c;
        }
    }

    private int failNotJson(int end) {
        return fail(notJsonColumn, describeCodePoint(notJsonCodePoint) + " at column " + notJsonColumn
                + " is not whitespace in JSON: the omne runner cannot read the line", end);
    }

    private static void error(ScannedLine out, long column, String message) {
        out.outcome = ScannedLine.Outcome.ERROR;
        out.type = null;
        out.nodeId = null;
        out.kind = null;
        out.tsMicros = Timestamps.NONE;
        out.column = column;
        out.message = message;
    }

    private boolean utf8Lead(int c) {
        if (c >= 0xC2 && c <= 0xDF) {
            utf8Need = 1;
            utf8Lo = 0x80;
            utf8Hi = 0xBF;
        } else if (c == 0xE0) {
            utf8Need = 2;
            utf8Lo = 0xA0;
            utf8Hi = 0xBF;
        } else if (c >= 0xE1 && c <= 0xEF) {
            utf8Need = 2;
            utf8Lo = 0x80;
            utf8Hi = c == 0xED ? 0x9F : 0xBF;
        } else if (c == 0xF0) {
            utf8Need = 3;
            utf8Lo = 0x90;
            utf8Hi = 0xBF;
        } else if (c >= 0xF1 && c <= 0xF4) {
            utf8Need = 3;
            utf8Lo = 0x80;
            utf8Hi = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return false;
        }
        return true;
    }

    private static int leadBits(int c) {
        return c >= 0xF0 ? c & 0x07 : c >= 0xE0 ? c & 0x0F : c & 0x1F;
    }

    private String invalidUtf8(byte[] b, int i, int end) {
        return "invalid UTF-8: byte 0x" + hex2(b[i] & 0xFF) + " at column " + column(i);
    }

    /** Rust's {@code char::is_whitespace} (the Unicode White_Space property), which {@code str::trim} uses. */
    static boolean isUnicodeWhiteSpace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F
                || cp == 0x3000;
    }

    /** What stands at {@code b[i]}, from that byte alone (so a message never depends on where a buffer ended). */
    private static String describeAt(byte[] b, int i, int end) {
        int c = b[i];
        if (c >= 0) {
            return describeByte(c);
        }
        return "byte 0x" + hex2(c & 0xFF) + " (the start of a character that is not allowed here"
                + ((c & 0xFF) == 0xEF ? ", such as a byte order mark U+FEFF" : "") + ")";
    }

    private static String describeByte(int c) {
        if (c == '"') {
            return "a string";
        }
        if (c == '{') {
            return "an object";
        }
        if (c == '[') {
            return "an array";
        }
        if (c == '/') {
            return "'/' (comments are not JSON)";
        }
        if (c == '\'') {
            return "a single quote (JSON strings use double quotes)";
        }
        return printable(c);
    }

    private static String describeCodePoint(int cp) {
        if (cp == 0xFEFF) {
            return "a byte order mark (U+FEFF)";
        }
        if (cp < 0x80) {
            return printable(cp);
        }
        return String.format("U+%04X", cp);
    }

    private static String printable(int c) {
        if (c >= 0x21 && c < 0x7F) {
            return "'" + (char) c + "'";
        }
        return c == ' ' ? "a space" : "byte 0x" + hex2(c & 0xFF);
    }

    static String describeKind(byte kind) {
        return switch (kind) {
            case V_STRING -> "a string";
            case V_NULL -> "null";
            case V_OBJECT -> "an object";
            case V_ARRAY -> "an array";
            case V_BOOLEAN -> "a boolean";
            case V_NUMBER -> "a number";
            default -> "nothing";
        };
    }

    private static String hex2(int v) {
        return String.format("%02X", v);
    }

    private static String hex4(int v) {
        return String.format("%04X", v);
    }

    /** Strings of the kept values, reused while they repeat (types, node ids and kinds do), so most lines make none. */
    private static final class Strings {
        private static final int SLOTS = 1024;
        private static final int MAX_CACHED = 256;
        private final byte[][] keys = new byte[SLOTS][];
        private final String[] values = new String[SLOTS];

        String get(byte[] b, int off, int len) {
            if (len > MAX_CACHED) {
                return new String(b, off, len, StandardCharsets.UTF_8);
            }
            int h = len;
            for (int i = off; i < off + len; i++) {
                h = 31 * h + b[i];
            }
            int slot = (h ^ (h >>> 10)) & (SLOTS - 1);
            byte[] key = keys[slot];
            if (key != null && key.length == len && Arrays.equals(key, 0, len, b, off, off + len)) {
                return values[slot];
            }
            String value = new String(b, off, len, StandardCharsets.UTF_8);
            keys[slot] = Arrays.copyOfRange(b, off, off + len);
            values[slot] = value;
            return value;
        }
    }
}
