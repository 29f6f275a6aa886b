package dev.omne.inspector.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.omne.inspector.core.event.Ulid;
import dev.omne.inspector.generate.Pipes.NodeDef;
import dev.omne.inspector.generate.Pipes.Pipe;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Writes one run's lines. The event stream is a small state machine over a stack of open nodes;
 * it is told how many events are left and always keeps enough to close every open node and end
 * the run, so a run of any length ends with run.completed or run.failed (a run of 1 or 3 events
 * cannot, and ends still running).
 */
final class RunWriter {
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
    private static final String[] PLAIN_FAILURES = {"crash", "host_missing", "blocked"};
    private static final String[] GATE_FAILURES = {"gate_failed", "gate_timeout"};
    static final int MAX_ATTEMPTS = 3;
    private static final byte[] LINE_VALUE = "\"line\":\"".getBytes(StandardCharsets.US_ASCII);

    private static final SerializableString TYPE = new SerializedString("type");
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString TS = new SerializedString("ts");
    private static final SerializableString RUN_ID = new SerializedString("run_id");
    private static final SerializableString NODE_ID = new SerializedString("node_id");

    private final SplittableRandom rnd;
    private final Text text;
    private final Pipe pipe;
    private final String runId;
    private final SerializableString runIdJson;
    private final long runStartMs;
    private final LineBuffer buf = new LineBuffer();
    private final JsonGenerator gen;

    private long clockMs;
    private final char[] tsChars = new char[24];
    private long tsDay = Long.MIN_VALUE;
    private final char[] ulid = new char[29];

    private boolean started;
    private final ArrayDeque<Open> stack = new ArrayDeque<>();
    private int topCursor;
    private NodeDef pendingRetry;
    private NodeDef pendingStart;
    private int pendingAttempt;
    private final boolean runFails;
    private final String runFailKind;
    private int nodesRun;
    private int malformedCount;

    /** A node that has started and not yet completed or failed. */
    private static final class Open {
        final NodeDef def;
        final long startMs;
        final int attempt;
        int outputsLeft;
        boolean gatePending;
        String failKind;
        int iteration;
        int plannedIterations;
        int bodyIndex;
        boolean exceeds;

        Open(NodeDef def, long startMs, int attempt) {
            this.def = def;
            this.startMs = startMs;
            this.attempt = attempt;
        }
    }

    RunWriter(SplittableRandom rnd, Pipe pipe, String runId, long runStartMs) throws IOException {
        this.rnd = rnd;
        this.text = new Text(rnd);
        this.pipe = pipe;
        this.runId = runId;
        this.runIdJson = new SerializedString(runId);
        this.runStartMs = runStartMs;
        this.clockMs = runStartMs;
        this.gen = JSON.createGenerator(buf);
        gen.setRootValueSeparator(null);
        ulid[0] = 'e';
        ulid[1] = 'v';
        ulid[2] = '-';
        this.runFails = rnd.nextInt(100) < 20;
        String[] kinds = {"crash", "blocked", "gate_failed", "gate_timeout", "host_missing"};
        this.runFailKind = kinds[rnd.nextInt(kinds.length)];
    }

    /** A run id: pipe name, dash, a lowercase ULID of the start time and 80 random bits. */
    static String runId(String pipe, long startMs, SplittableRandom rnd) {
        char[] c = new char[26];
        writeUlid(c, 0, startMs, rnd);
        return pipe + "-" + new String(c);
    }

    private static void writeUlid(char[] c, int off, long ms, SplittableRandom rnd) {
        Ulid.encode(c, off, ms, rnd.nextLong(), rnd.nextLong());
    }

    /**
     * What decides a run's next event: the stream of this class (a pipe run round and round to fill any
     * budget) or {@link HistoryShape} (one pass through the pipe, as a run in a history).
     */
    interface Shape {
        /** Renders the next event, {@code remaining} events (this one included) being left of the budget. */
        void step(int remaining) throws IOException;

        /** The node a malformed line written now pretends to be about. */
        String currentNodeId();
    }

    private final Shape stream = new Shape() {
        @Override
        public void step(int remaining) throws IOException {
            RunWriter.this.step(remaining);
        }

        @Override
        public String currentNodeId() {
            Open top = stack.peek();
            return top == null ? pipe.nodes().getFirst().id() : top.def.id();
        }
    };

    /**
     * Writes {@code lines} lines to {@code out}. With {@code malformedEvery} K &gt; 0, lines K, 2K, ...
     * are malformed and every other line is an event; returns the number of malformed lines.
     */
    int write(OutputStream out, int lines, int malformedEvery) throws IOException {
        return write(out, lines, malformedEvery, stream);
    }

    /** Writes as {@link #write(OutputStream, int, int)} does, the events coming from {@code shape}. */
    int write(OutputStream out, int lines, int malformedEvery, Shape shape) throws IOException {
        int malformed = malformedEvery > 0 ? lines / malformedEvery : 0;
        int events = lines - malformed;
        int emitted = 0;
        for (int line = 1; line <= lines; line++) {
            buf.reset();
            if (malformedEvery > 0 && line % malformedEvery == 0) {
                writeMalformed(shape.currentNodeId());
            } else {
                shape.step(events - emitted);
                emitted++;
            }
            buf.writeTo(out);
            out.write('\n');
        }
        return malformed;
    }

    // ---- the state machine ----

    private void step(int remaining) throws IOException {
        if (!started) {
            started = true;
            runStarted();
            return;
        }
        int closing = stack.size() + 1;
        if (remaining < closing) {
            filler();
        } else if (remaining == closing) {
            if (stack.isEmpty()) {
                runEnded();
            } else {
                Open top = stack.pop();
                if (runFails) {
                    nodeFailed(top, runFailKind);
                } else {
                    nodeCompleted(top);
                }
            }
        } else if (remaining == closing + 1) {
            if (stack.isEmpty()) {
                start(nextTopLevel(), 1);
            } else {
                filler();
            }
        } else {
            normal();
        }
    }

    private void normal() throws IOException {
        if (pendingRetry != null) {
            nodeRetrying(pendingRetry, pendingAttempt);
            pendingStart = pendingRetry;
            pendingRetry = null;
            return;
        }
        if (pendingStart != null) {
            NodeDef def = pendingStart;
            pendingStart = null;
            start(def, pendingAttempt);
            return;
        }
        Open top = stack.peek();
        if (top == null) {
            start(nextTopLevel(), 1);
        } else if (top.def.isLoop()) {
            stepLoop(top);
        } else {
            stepSimple(top);
        }
    }

    private NodeDef nextTopLevel() {
        NodeDef def = pipe.nodes().get(topCursor);
        topCursor = (topCursor + 1) % pipe.nodes().size();
        return def;
    }

    private void stepSimple(Open top) throws IOException {
        if (top.outputsLeft > 0) {
            top.outputsLeft--;
            nodeOutput(top);
        } else if (top.gatePending) {
            top.gatePending = false;
            gatePassed(top);
        } else {
            stack.pop();
            if (top.failKind == null) {
                nodeCompleted(top);
                return;
            }
            nodeFailed(top, top.failKind);
            Open parent = stack.peek();
            boolean transientFailure = !top.failKind.equals("gate_failed") && !top.failKind.equals("blocked");
            if (parent == null || transientFailure) {
                pendingRetry = top.def;
                pendingAttempt = top.attempt + 1;
            } else {
                parent.bodyIndex = parent.def.body().size();
            }
        }
    }

    private void stepLoop(Open loop) throws IOException {
        if (loop.iteration > 0 && loop.bodyIndex < loop.def.body().size()) {
            start(loop.def.body().get(loop.bodyIndex++), 1);
        } else if (loop.iteration < loop.plannedIterations) {
            loop.iteration++;
            loop.bodyIndex = 0;
            loopIteration(loop);
        } else {
            stack.pop();
            if (loop.exceeds) {
                nodeFailed(loop, "max_iterations_exceeded");
                if (stack.isEmpty()) {
                    pendingRetry = loop.def;
                    pendingAttempt = loop.attempt + 1;
                }
            } else {
                nodeCompleted(loop);
            }
        }
    }

    /** An event that neither opens nor closes a node; only used near the end of the budget. */
    private void filler() throws IOException {
        Open top = stack.peek();
        if (top.def.isLoop()) {
            top.iteration++;
            top.bodyIndex = 0;
            loopIteration(top);
        } else {
            nodeOutput(top);
        }
    }

    private void start(NodeDef def, int attempt) throws IOException {
        advance(rnd.nextInt(2, 60));
        Open open = new Open(def, clockMs, attempt);
        if (def.isLoop()) {
            open.plannedIterations = rnd.nextInt(1, def.maxIterations() + 1);
            if (attempt < MAX_ATTEMPTS && rnd.nextInt(100) < 10) {
                open.plannedIterations = def.maxIterations();
                open.exceeds = true;
            }
        } else {
            boolean prompt = def.kind().equals("prompt");
            int r = rnd.nextInt(100);
            open.outputsLeft = prompt ? rnd.nextInt(1, 14)
                    : r < 70 ? rnd.nextInt(0, 8) : r < 95 ? rnd.nextInt(8, 40) : rnd.nextInt(40, 200);
            if (attempt < MAX_ATTEMPTS && rnd.nextInt(100) < 7) {
                open.failKind = def.gate() != null && rnd.nextBoolean()
                        ? GATE_FAILURES[rnd.nextInt(GATE_FAILURES.length)]
                        : PLAIN_FAILURES[rnd.nextInt(PLAIN_FAILURES.length)];
            }
            open.gatePending = def.gate() != null && (open.failKind == null || !open.failKind.startsWith("gate_"));
        }
        stack.push(open);
        nodesRun++;
        nodeStarted(open);
    }

    // ---- rendering ----

    private void head(String type) throws IOException {
        gen.writeStartObject();
        gen.writeFieldName(TYPE);
        gen.writeString(type);
        gen.writeFieldName(ID);
        writeUlid(ulid, 3, clockMs, rnd);
        gen.writeString(ulid, 0, ulid.length);
        gen.writeFieldName(TS);
        formatTs(clockMs);
        gen.writeString(tsChars, 0, tsChars.length);
        gen.writeFieldName(RUN_ID);
        gen.writeString(runIdJson);
    }

    private void end() throws IOException {
        gen.writeEndObject();
        gen.flush();
    }

    void runStarted() throws IOException {
        head("run.started");
        gen.writeStringField("pipe", pipe.name());
        gen.writeObjectFieldStart("inputs");
        gen.writeStringField("ticket", text.ticket());
        gen.writeStringField("branch", pipe.name() + "/" + text.sentence(2, 4).replace(' ', '-'));
        gen.writeStringField("description", text.sentence(6, 18));
        gen.writeBooleanField("dry_run", rnd.nextInt(10) == 0);
        gen.writeNumberField("max_parallel", rnd.nextInt(1, 5));
        gen.writeEndObject();
        end();
    }

    private void runEnded() throws IOException {
        advance(rnd.nextInt(1, 200));
        renderRunEnd(runFails ? runFailKind : null, nodesRun);
    }

    /** {@code run.failed} with {@code failKind}, or {@code run.completed} when it is null, at the clock's time. */
    void renderRunEnd(String failKind, int nodesRun) throws IOException {
        if (failKind != null) {
            head("run.failed");
            gen.writeStringField("pipe", pipe.name());
            gen.writeNumberField("duration_ms", clockMs - runStartMs);
            gen.writeObjectFieldStart("error");
            gen.writeStringField("kind", failKind);
            gen.writeStringField("message", text.errorMessage(failKind, "run", null, 0));
            gen.writeEndObject();
        } else {
            head("run.completed");
            gen.writeStringField("pipe", pipe.name());
            gen.writeNumberField("duration_ms", clockMs - runStartMs);
            gen.writeNumberField("nodes_run", nodesRun);
        }
        end();
    }

    private void nodeStarted(Open open) throws IOException {
        renderStarted(open.def, open.attempt);
    }

    // The render methods below write one event at the clock's time; the shapes move the clock.

    void renderStarted(NodeDef def, int attempt) throws IOException {
        head("node.started");
        gen.writeFieldName(NODE_ID);
        gen.writeString(def.id());
        gen.writeStringField("kind", def.kind());
        gen.writeStringField("name", def.name());
        gen.writeStringField("model", def.model());
        if (attempt > 1) {
            gen.writeNumberField("attempt", attempt);
        }
        end();
    }

    private void nodeOutput(Open open) throws IOException {
        boolean prompt = open.def.kind().equals("prompt");
        advance(prompt ? rnd.nextInt(20, 1500) : rnd.nextInt(0, 40));
        renderOutput(open.def);
    }

    void renderOutput(NodeDef def) throws IOException {
        boolean prompt = def.kind().equals("prompt");
        head("node.output");
        gen.writeFieldName(NODE_ID);
        gen.writeString(def.id());
        if (prompt) {
            gen.writeStringField("bytes", text.promptChunk());
        } else {
            gen.writeStringField("stream", rnd.nextInt(8) == 0 ? "stderr" : "stdout");
            gen.writeStringField("line", text.outputLine());
        }
        end();
    }

    private void gatePassed(Open open) throws IOException {
        advance(rnd.nextInt(5, 3000));
        renderGatePassed(open.def);
    }

    void renderGatePassed(NodeDef def) throws IOException {
        head("gate.passed");
        gen.writeFieldName(NODE_ID);
        gen.writeString(def.id());
        gen.writeStringField("gate", def.gate());
        end();
    }

    private void loopIteration(Open loop) throws IOException {
        advance(rnd.nextInt(1, 30));
        renderIteration(loop.def, loop.iteration);
    }

    void renderIteration(NodeDef loop, int iteration) throws IOException {
        head("loop.iteration");
        gen.writeNumberField("iteration", iteration);
        gen.writeFieldName(NODE_ID);
        gen.writeString(loop.id());
        end();
    }

    private void nodeCompleted(Open open) throws IOException {
        advance(rnd.nextInt(1, open.def.kind().equals("prompt") ? 8000 : 400));
        renderCompleted(open.def, open.startMs);
    }

    void renderCompleted(NodeDef def, long startMs) throws IOException {
        head("node.completed");
        gen.writeFieldName(NODE_ID);
        gen.writeString(def.id());
        gen.writeNumberField("duration_ms", clockMs - startMs);
        gen.writeNumberField("exit_code", 0);
        end();
    }

    private void nodeFailed(Open open, String kind) throws IOException {
        advance(rnd.nextInt(1, 2000));
        renderFailed(open.def, open.startMs, kind);
    }

    void renderFailed(NodeDef def, long startMs, String kind) throws IOException {
        head("node.failed");
        gen.writeFieldName(NODE_ID);
        gen.writeString(def.id());
        gen.writeNumberField("duration_ms", clockMs - startMs);
        gen.writeObjectFieldStart("error");
        gen.writeStringField("kind", kind);
        gen.writeStringField("message", text.errorMessage(kind, def.id(), def.gate(), def.maxIterations()));
        gen.writeEndObject();
        end();
    }

    private void nodeRetrying(NodeDef def, int attempt) throws IOException {
        advance(rnd.nextInt(1, 50));
        renderRetrying(def, attempt);
        advance(250L << (attempt - 1));
    }

    void renderRetrying(NodeDef def, int attempt) throws IOException {
        head("node.retrying");
        gen.writeFieldName(NODE_ID);
        gen.writeString(def.id());
        gen.writeNumberField("attempt", attempt);
        gen.writeNumberField("max_attempts", MAX_ATTEMPTS);
        gen.writeNumberField("delay_ms", 250L << (attempt - 1));
        end();
    }

    private void advance(long ms) {
        clockMs += ms;
    }

    /** Sets the clock: the next event is written at {@code ms}. */
    void clock(long ms) {
        clockMs = ms;
    }

    // ---- malformed lines ----

    /** Renders a plausible event and then breaks it; the kinds take turns so each appears. */
    private void writeMalformed(String nodeId) throws IOException {
        int kind = malformedCount++ % 7;
        if (kind == 2) {
            buf.write(text.bareWord());
            return;
        }
        if (kind == 3) {
            gen.writeStartObject();
            gen.writeStringField("id", rnd.nextBoolean() ? "x" : "ev-" + Long.toString(clockMs, 32));
            if (rnd.nextBoolean()) {
                formatTs(clockMs);
                gen.writeFieldName(TS);
                gen.writeString(tsChars, 0, tsChars.length);
            }
            end();
            return;
        }
        head("node.output");
        gen.writeFieldName(NODE_ID);
        gen.writeString(nodeId);
        gen.writeStringField("stream", "stdout");
        gen.writeStringField("line", text.outputLine());
        end();
        switch (kind) {
            case 0 -> buf.truncate(rnd.nextInt(Math.max(2, buf.size() / 4), buf.size() - 1));
            case 1 -> buf.insert(buf.size() - 1, (byte) ',');
            case 4 -> buf.replace((byte) '"', (byte) '\'');
            case 5 -> buf.write(switch (rnd.nextInt(3)) {
                case 0 -> "}";
                case 1 -> " garbage";
                default -> "{\"type\":\"node.output\",\"id\":\"ev-";
            });
            case 6 -> {
                byte[][] bad = {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0x80}};
                byte[] b = bad[rnd.nextInt(bad.length)];
                int lineField = buf.indexOf(LINE_VALUE) + LINE_VALUE.length;
                for (int i = b.length - 1; i >= 0; i--) {
                    buf.insert(lineField, b[i]);
                }
            }
            default -> throw new IllegalStateException("kind " + kind);
        }
    }

    // ---- timestamps ----

    /** Formats epoch millis as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} into {@link #tsChars}. */
    private void formatTs(long ms) {
        long day = Math.floorDiv(ms, 86_400_000L);
        if (day != tsDay) {
            tsDay = day;
            String d = LocalDate.ofEpochDay(day).toString();
            if (d.length() != 10) {
                throw new IllegalArgumentException("year out of range: " + d);
            }
            d.getChars(0, 10, tsChars, 0);
            tsChars[10] = 'T';
            tsChars[13] = ':';
            tsChars[16] = ':';
            tsChars[19] = '.';
            tsChars[23] = 'Z';
        }
        int t = (int) Math.floorMod(ms, 86_400_000L);
        int milli = t % 1000;
        int sec = t / 1000 % 60;
        int min = t / 60_000 % 60;
        int hour = t / 3_600_000;
        two(11, hour);
        two(14, min);
        two(17, sec);
        tsChars[20] = (char) ('0' + milli / 100);
        tsChars[21] = (char) ('0' + milli / 10 % 10);
        tsChars[22] = (char) ('0' + milli % 10);
    }

    private void two(int at, int v) {
        tsChars[at] = (char) ('0' + v / 10);
        tsChars[at + 1] = (char) ('0' + v % 10);
    }

    long clockMs() {
        return clockMs;
    }

    String runId() {
        return runId;
    }

    /** A growable byte buffer holding the line being built. */
    static final class LineBuffer extends OutputStream {
        private byte[] bytes = new byte[8192];
        private int size;

        void reset() {
            size = 0;
        }

        int size() {
            return size;
        }

        private void ensure(int extra) {
            if (size + extra > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
            }
        }

        @Override
        public void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        void write(String ascii) {
            for (int i = 0; i < ascii.length(); i++) {
                write(ascii.charAt(i));
            }
        }

        int indexOf(byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= size; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (bytes[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            throw new IllegalStateException("not found");
        }

        void truncate(int newSize) {
            size = newSize;
        }

        void insert(int at, byte b) {
            ensure(1);
            System.arraycopy(bytes, at, bytes, at + 1, size - at);
            bytes[at] = b;
            size++;
        }

        void replace(byte from, byte to) {
            for (int i = 0; i < size; i++) {
                if (bytes[i] == from) {
                    bytes[i] = to;
                }
            }
        }

        void writeTo(OutputStream out) throws IOException {
            out.write(bytes, 0, size);
        }
    }
}
