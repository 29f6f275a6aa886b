package dev.omne.inspector.core.log;

import dev.omne.inspector.core.event.Timestamps;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The judge's verdicts, messages and columns, and the index fields it hands over. */
class LineJudgeTest {
    private static final String NODE_STARTED = TrickyLines.NODE_STARTED;

    private final LineJudge judge = new LineJudge();

    private ScannedLine judge(String line) {
        return judge(line.getBytes(StandardCharsets.UTF_8));
    }

    private ScannedLine judge(byte[] line) {
        ScannedLine out = new ScannedLine();
        judge.judge(line, 0, line.length, out);
        return out;
    }

    private ScannedLine error(String line) {
        ScannedLine out = judge(line);
        assertEquals(ScannedLine.Outcome.ERROR, out.outcome(), () -> line + " -> " + out.message());
        return out;
    }

    private ScannedLine event(String line) {
        ScannedLine out = judge(line);
        assertEquals(ScannedLine.Outcome.EVENT, out.outcome(), () -> line + " -> " + out.message());
        return out;
    }

    @Test
    void aNodeStartedGivesTheFieldsTheIndexKeeps() {
        ScannedLine out = event(NODE_STARTED);
        assertEquals("node.started", out.type());
        assertEquals("n1", out.nodeId());
        assertEquals("bash", out.kind());
        assertEquals(Timestamps.parseMicros("2026-04-15T00:00:00Z"), out.tsMicros());
        assertFalse(out.hasDiagnostic());
    }

    @Test
    void escapedNamesAndValuesAreReadAsTheRunnerReadsThem() {
        ScannedLine out = event(NODE_STARTED.replace("\"type\":\"node.started\"", "\"typ\\u0065\":\"node.st\\u0061rted\"")
                .replace("\"kind\":\"bash\"", "\"k\\u0069nd\":\"b\\u0061sh\"").replace("\"n1\"", "\"n\\u00e9\\ud83d\\ude00\""));
        assertEquals("node.started", out.type());
        assertEquals("bash", out.kind());
        assertEquals("n\u00e9\ud83d\ude00", out.nodeId());
        ScannedLine twice = error("{\"type\":\"x.y\",\"typ\\u0065\":\"x.z\"}");
        assertTrue(twice.message().startsWith("\"type\" is given twice"), twice.message());
        assertEquals(15, twice.column());
    }

    @Test
    void numbersOutsideAnF64AreOutOfRangeForTheRunner() {
        for (String n : List.of("1e400", "-1e400", "1e309", "1.8e308", "9".repeat(400), "2" + "0".repeat(308) + ".5",
                "123456789012345678901234567890e280", "1e2147483648")) {
            ScannedLine out = error("{\"type\":\"x.y\",\"n\":" + n + "}");
            assertEquals("number out of range for the omne runner (it reads numbers as 64-bit floats, at most about 1.8e308)",
                    out.message());
            assertEquals(19, out.column(), "the number's first character");
        }
        for (String n : List.of("1e308", "1.7976931348623157e308", "9".repeat(300), "0e400", "0.0e99999999999", "1e-400",
                "1e-99999999999", "18446744073709551616", "-9223372036854775809", "-0", "1" + "0".repeat(308) + ".5", "0." + "0".repeat(500) + "1")) {
            event("{\"type\":\"x.y\",\"n\":" + n + "}");
        }
    }

    @Test
    void theRangeFollowsSerdeJsonsArithmetic() {
        assertTrue(LineJudge.fits(17976931348623157L, 292));
        assertFalse(LineJudge.fits(18L, 307));
        assertTrue(LineJudge.fits(0, Integer.MAX_VALUE), "zero digits are zero at any exponent");
        assertTrue(LineJudge.fits(-1L, -400), "a negative exponent never overflows");
        assertFalse(LineJudge.fits(1, 309));
        assertEquals(1.8446744073709552E19, LineJudge.unsignedToDouble(-1L));
        assertEquals(9.223372036854775808E18, LineJudge.unsignedToDouble(Long.MIN_VALUE));
    }

    @Test
    void escapesMustBeWholeCodePoints() {
        ScannedLine lone = error("{\"type\":\"x\",\"\":\"\\uD800\"}");
        assertTrue(lone.message().startsWith("lone surrogate \\uD800 at column 17"), lone.message());
        assertEquals(17, lone.column());
        assertTrue(error("{\"type\":\"x\",\"s\":\"\\uDC00\"}").message().startsWith("lone surrogate \\uDC00"));
        assertTrue(error("{\"type\":\"x\",\"s\":\"\\uD800\\u0041\"}").message().contains("is followed by \\u0041"));
        assertTrue(error("{\"type\":\"x\",\"s\":\"\\uD800\\n\"}").message().startsWith("lone surrogate \\uD800"));
        assertTrue(error("{\"type\":\"x\",\"s\":\"\\x41\"}").message().startsWith("invalid escape \\x at column 18"));
        assertTrue(error("{\"type\":\"x\",\"s\":\"\\u00G1\"}").message().contains("four hex digits"));
        event("{\"type\":\"x\",\"s\":\"\\uD83D\\uDE00 \\u0000 \\/ \\b\"}");
    }

    @Test
    void nestingStopsAt127Levels() {
        event("{\"type\":\"x.y\",\"d\":" + "[".repeat(126) + "]".repeat(126) + "}");
        ScannedLine deep = error("{\"type\":\"x.y\",\"d\":" + "[".repeat(127) + "]".repeat(127) + "}");
        assertEquals("nested 128 levels deep: the omne runner reads at most 127 levels of arrays and objects"
                + " (counting the line's own object)", deep.message());
        assertEquals(19 + 126, deep.column());
    }

    @Test
    void whitespaceIsJsonsBlanksAreRusts() {
        assertEquals(ScannedLine.Outcome.BLANK, judge("").outcome());
        assertEquals(ScannedLine.Outcome.BLANK, judge(" \t\r").outcome());
        assertEquals(ScannedLine.Outcome.BLANK, judge("\u000b\u000c").outcome(), "trim() removes VT and FF");
        assertEquals(ScannedLine.Outcome.BLANK, judge("\u00a0\u2028\u3000").outcome(), "and Unicode White_Space");
        ScannedLine bom = error("\ufeff{\"type\":\"x.y\"}");
        assertTrue(bom.message().contains("byte order mark (U+FEFF)"), bom.message());
        assertEquals(1, bom.column());
        assertEquals(1, error("\ufeff").column(), "U+FEFF is not whitespace: the line is not blank");
        ScannedLine nbsp = error(" \u00a0{\"type\":\"x.y\"}");
        assertEquals(2, nbsp.column());
        assertTrue(nbsp.message().startsWith("U+00A0 at column 2 is not whitespace in JSON"), nbsp.message());
        assertEquals(15, error("{\"type\":\"x.y\"}\u000b").column());
        event("{\"type\":\"x.y\",\"s\":\"\ufeff\u00a0\"}");
        event(" {\"type\" :\t\"x.y\" } \r");
    }

    @Test
    void bytesThatAreNotUtf8AreErrorsWhereverTheyAre() {
        byte[] line = "{\"type\":\"x.y\",\"s\":\"ab\"}".getBytes(StandardCharsets.UTF_8);
        line[20] = (byte) 0xC3;
        line[21] = (byte) 0x28;
        ScannedLine out = judge(line);
        assertEquals(ScannedLine.Outcome.ERROR, out.outcome());
        assertEquals(21, out.column());
        assertTrue(out.message().startsWith("invalid UTF-8"), out.message());
        assertEquals(ScannedLine.Outcome.ERROR, judge(new byte[] {' ', (byte) 0xFF}).outcome(), "not a blank line");
        assertEquals(ScannedLine.Outcome.ERROR, judge(new byte[] {'{', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80}).outcome());
    }

    @Test
    void stringsHoldNoControlCharacters() {
        ScannedLine out = error("{\"type\":\"x.y\",\"s\":\"a\tb\"}");
        assertEquals(21, out.column());
        assertTrue(out.message().startsWith("control character U+0009"), out.message());
        event("{\"type\":\"x.y\",\"s\":\"a\u007fb\"}");
    }

    @Test
    void oneObjectPerLineWithAStringType() {
        assertTrue(error("{\"type\":\"x.y\"} {}").message().endsWith("after the JSON object (one event per line)"));
        assertTrue(error("[\"x.y\"]").message().startsWith("a JSON array, not an object"));
        assertTrue(error("{\"type\":7}").message().startsWith("\"type\" must be a string, found a number"));
        assertTrue(error("{\"id\":\"a\"}").message().startsWith("missing \"type\" field"));
        assertTrue(error("{\"type\":\"x.y\",}").message().startsWith("a comma before '}'"));
        assertTrue(error("{\"type\":\"x.y\",\"n\":007}").message().contains("leading zero"));
        assertTrue(error("{\"type\":\"x.y\"").message().startsWith("the line ends before the JSON object is closed"));
        assertTrue(error("{\"type\":\"x.y").message().startsWith("the line ends inside a string"));
    }

    @Test
    void repeatedKeysAreErrorsWhereTheRunnerRefusesThemAndWarningsElsewhere() {
        ScannedLine other = event("{\"type\":\"x.y\",\"a\":1,\"a\":2}");
        assertTrue(other.message().contains("\"a\" is given twice: the omne runner reads on"), other.message());
        assertEquals(21, other.column());
        event("{\"type\":\"x.y\",\"id\":\"1\",\"id\":\"2\"}");
        event("{\"type\":\"x.y\",\"n\":{\"a\":1,\"a\":2}}");
        ScannedLine known = error(NODE_STARTED.replace("}", ",\"kind\":\"loop\"}"));
        assertTrue(known.message().startsWith("\"kind\" is given twice: the omne runner cannot read a node.started"),
                known.message());
        ScannedLine unknown = event(NODE_STARTED.replace("}", ",\"extra\":1,\"extra\":2}"));
        assertTrue(unknown.message().startsWith("\"extra\" is given twice"), unknown.message());
        StringBuilder many = new StringBuilder("{\"type\":\"x.y\"");
        for (int i = 0; i < 5000; i++) {
            many.append(",\"k").append(i).append("\":").append(i);
        }
        assertEquals("no \"ts\" field: the event has no time", event(many + "}").message(), "5000 distinct keys");
        assertTrue(event(many + ",\"k4321\":0}").message().contains("\"k4321\" is given twice"));
    }

    @Test
    void aNodeStartedIsTheRunnersTypedEvent() {
        for (String field : List.of("id", "ts", "run_id", "node_id", "kind")) {
            ScannedLine out = error(NODE_STARTED.replaceFirst(",?\"" + field + "\":\"[^\"]*\"", ""));
            assertTrue(out.message().startsWith("a node.started event needs \"" + field + "\""), out.message());
        }
        ScannedLine nullNode = error(NODE_STARTED.replace("\"node_id\":\"n1\"", "\"node_id\":null"));
        assertEquals("\"node_id\" of a node.started event must be a string, found null: the omne runner cannot read"
                + " the line", nullNode.message());
        assertEquals(NODE_STARTED.indexOf("\"n1\"") + 1, nullNode.column());
        assertTrue(error(NODE_STARTED.replace("\"name\":null", "\"name\":5")).message()
                .startsWith("\"name\" of a node.started event must be a string or null, found a number"));
        event(NODE_STARTED.replace(",\"name\":null,\"model\":null", ""));
        event(NODE_STARTED.replace("\"model\":null", "\"model\":\"m\""));
        ScannedLine unknownKind = event(NODE_STARTED.replace("\"bash\"", "\"gate\""));
        assertEquals("gate", unknownKind.kind());
        assertTrue(unknownKind.message().startsWith("node kind \"gate\" is not one the inspector knows"));
        ScannedLine unitVariant = event(NODE_STARTED.replace("\"bash\"", "{\"bash\":null}"));
        assertNull(unitVariant.kind());
        assertTrue(unitVariant.message().startsWith("\"kind\" is written as an object"), unitVariant.message());
        event(NODE_STARTED.replace("\"bash\"", "{\"bash\":{}}"));
        for (String kind : List.of("{}", "{\"bash\":1}", "{\"a\":null,\"b\":null}", "{\"bash\":{\"x\":1}}", "5", "null")) {
            assertTrue(error(NODE_STARTED.replace("\"bash\"", kind)).message().startsWith("\"kind\" of a node.started"));
        }
        ScannedLine notStarted = event("{\"type\":\"node.completed\",\"ts\":\"2026-04-15T00:00:00Z\"}");
        assertEquals("a \"node.completed\" event without a string \"node_id\"", notStarted.message());
    }

    @Test
    void warningsSayWhatTheEventLacks() {
        assertEquals("no \"ts\" field: the event has no time", event("{\"type\":\"x.y\"}").message());
        ScannedLine soon = event("{\"type\":\"x.y\",\"ts\":\"soon\"}");
        assertEquals("\"ts\" is not an RFC 3339 timestamp: the event has no time", soon.message());
        assertEquals(20, soon.column());
        assertEquals(Timestamps.NONE, soon.tsMicros());
        assertEquals("no \"ts\" field: the event has no time; \"a\" is given twice: the omne runner reads on, other"
                + " tools may keep either value", event("{\"type\":\"x.y\",\"a\":1,\"a\":1}").message());
    }

    @Test
    void aLineFedInAnyPiecesGetsTheVerdictOfTheWholeLine() {
        List<byte[]> corpus = TrickyLines.generate(3).subList(0, 12_000);
        SplittableRandom random = new SplittableRandom(5);
        LineJudge pieces = new LineJudge();
        for (byte[] line : corpus) {
            ScannedLine whole = judge(line);
            ScannedLine split = new ScannedLine();
            pieces.begin();
            for (int at = 0; at < line.length; ) {
                int n = Math.min(line.length - at, random.nextInt(1, 6));
                pieces.feed(line, at, n);
                at += n;
            }
            pieces.end(split);
            String text = new String(line, StandardCharsets.UTF_8);
            assertEquals(whole.outcome(), split.outcome(), text);
            assertEquals(whole.message(), split.message(), text);
            assertEquals(whole.column(), split.column(), text);
            assertEquals(whole.type(), split.type(), text);
            assertEquals(whole.nodeId(), split.nodeId(), text);
            assertEquals(whole.kind(), split.kind(), text);
            assertEquals(whole.tsMicros(), split.tsMicros(), text);
        }
    }

    @Test
    void judgingGoodLinesAllocatesNothingOnceWarm() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[][] lines = new byte[64][];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = NODE_STARTED.replace("ev-1", "ev-" + i).replace("\"n1\"", "\"n" + i % 7 + "\"")
                    .replace("00:00:00Z", "00:00:" + String.format("%02d", i % 60) + ".123456Z").getBytes(StandardCharsets.UTF_8);
        }
        ScannedLine out = new ScannedLine();
        for (int round = 0; round < 200; round++) {
            for (byte[] line : lines) {
                judge.judge(line, 0, line.length, out);
            }
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int round = 0; round < 2000; round++) {
            for (byte[] line : lines) {
                judge.judge(line, 0, line.length, out);
            }
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(ScannedLine.Outcome.EVENT, out.outcome());
        assertTrue(allocated < 64 * 1024, allocated + " bytes allocated for 128,000 lines");
    }

    @Test
    void jsonAboutToBeWrittenIsJudgedByTheSameRules() {
        LineJudge j = new LineJudge();
        assertNull(j.valueProblem(bytes("[1, {\"a\": \"b\"}]"), 0, 15));
        assertNull(j.valueProblem(bytes(" 12.5 "), 0, 6));
        String range = j.valueProblem(bytes("1e400"), 0, 5);
        assertTrue(range.startsWith("number out of range for the omne runner") && range.endsWith("(column 1)"), range);
        assertTrue(j.valueProblem(bytes("\"\\ud800\""), 0, 8).startsWith("lone surrogate \\uD800 at column 2"));
        assertTrue(j.valueProblem(bytes("1, 2"), 0, 4).startsWith("found ',' after the value"));
        assertTrue(j.valueProblem(bytes("1 x"), 0, 3).startsWith("found 'x' after the value"));
        assertEquals("no JSON value", j.valueProblem(bytes("  "), 0, 2));
        byte[] deep = bytes("[".repeat(126) + "]".repeat(126));
        assertNull(j.valueProblem(deep, 0, deep.length));
        byte[] deeper = bytes("[".repeat(127) + "]".repeat(127));
        assertTrue(j.valueProblem(deeper, 0, deeper.length).startsWith("nested 128 levels deep"),
                "a field's value sits one level in");
        assertNull(j.jsonProblem(bytes("{\n \"a\": 1\n}"), 0, 11), "text judged whole may span lines");
        assertTrue(j.jsonProblem(bytes("{\"a\": 1} x"), 0, 10).startsWith("found 'x' after the JSON object"));
        assertEquals(ScannedLine.Outcome.ERROR, LineJudge.judgeToWrite("{\"type\":\"x.y\",\"s\":\"\ud800\"}").outcome(),
                "a lone surrogate in a Java string is refused, not written as '?'");
        assertEquals(ScannedLine.Outcome.EVENT, LineJudge.judgeToWrite("{\"type\":\"x.y\",\"s\":\"\ud83d\ude00\"}").outcome());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
