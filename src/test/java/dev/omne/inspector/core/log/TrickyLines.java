package dev.omne.inspector.core.log;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lines at the edges of what the omne runner reads, for the differential test against serde_json: numbers around
 * the f64 range, every kind of escape and surrogate, nesting around the limit, UTF-8 valid and not, whitespace and
 * byte order marks, repeated keys, the shapes of node.started, lines that are not objects, and random mutations of
 * all of them. Deterministic for a seed.
 */
final class TrickyLines {
    static final String NODE_STARTED = "{\"type\":\"node.started\",\"id\":\"ev-1\",\"ts\":\"2026-04-15T00:00:00Z\","
            + "\"run_id\":\"pipe-01\",\"node_id\":\"n1\",\"kind\":\"bash\",\"name\":null,\"model\":null}";

    private final List<byte[]> lines = new ArrayList<>();
    private final SplittableRandom random;

    private TrickyLines(long seed) {
        random = new SplittableRandom(seed);
    }

    /** The corpus: each element one line, without its newline. */
    static List<byte[]> generate(long seed) {
        TrickyLines t = new TrickyLines(seed);
        t.numbers();
        t.strings();
        t.utf8();
        t.nesting();
        t.whitespace();
        t.duplicates();
        t.nodeStarted();
        t.shapes();
        t.mutations(20_000);
        t.randomNumbers(20_000);
        t.randomEscapes(5_000);
        return t.lines;
    }

    /** Lines longer than a reader keeps in memory: one good, one broken at its very end. */
    static List<byte[]> longLines() {
        String big = "x".repeat(LineSplitter.DISPLAY_BYTES + 1000);
        return List.of(utf8("{\"type\":\"x.y\",\"big\":\"" + big + "\",\"n\":1}"),
                utf8("{\"type\":\"x.y\",\"big\":\"" + big + "\",\"n\":1e400}"),
                utf8("{\"type\":\"x.y\",\"big\":\"" + big + "\",\"s\":\"\\uD800\"}"));
    }

    static byte[] join(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.writeBytes(line);
            out.write('\n');
        }
        return out.toByteArray();
    }

    private void add(String line) {
        lines.add(utf8(line));
    }

    private void add(byte[] line) {
        lines.add(line);
    }

    /** An event with one extra field whose value is {@code value} (raw JSON text). */
    private void withValue(String value) {
        add("{\"type\":\"x.y\",\"v\":" + value + "}");
        add("{\"type\":\"x.y\",\"v\":[" + value + "]}");
        add("{\"v\":{\"w\":" + value + "},\"type\":\"x.y\"}");
    }

    private void numbers() {
        String[] fixed = {"0", "-0", "0.0", "-0.0", "1", "-1", "0e0", "0E+0", "0e-0", "1.5", "-1.5e-3",
                "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1.797693134862316e308",
                "-1.7976931348623157e308", "1.8e308", "-1.8e308", "1e308", "1e309", "-1e309", "10e307", "10e308",
                "0.1e309", "0.1e310", "1e400", "-1e400", "1E400", "1e+400", "1e-400", "1e-324", "5e-324", "1e-99999",
                "0e400", "0.0e99999", "-0e400", "1e2147483647", "1e2147483648", "1e-2147483648", "1e-2147483649",
                "0e2147483648", "0e99999999999999999", "1e-99999999999999999", "1e+99999999999999999",
                "1e0000000000000000000000000001", "18446744073709551615", "18446744073709551616",
                "18446744073709551619", "-9223372036854775808", "-9223372036854775809", "-18446744073709551615",
                "-18446744073709551616", "184467440737095516150", "1844674407370955161.5",
                "18446744073709551615.5", "18446744073709551616.25", "0.18446744073709551616",
                "123456789012345678901234567890e278", "123456789012345678901234567890e279",
                "123456789012345678901234567890e280", "123456789012345678901234567890.123e270",
                "00", "01", "-01", "007", "1.", "-1.", ".5", "-.5", "+1", "1e", "1e+", "1e-", "1e+-1", "--1", "-",
                "1.e5", "0x10", "1_000", "NaN", "Infinity", "-Infinity", "1.5.5", "1e5e5", "١"};
        for (String n : fixed) {
            withValue(n);
        }
        for (int digits = 300; digits <= 312; digits++) {
            withValue("1" + "0".repeat(digits - 1));
            withValue("9".repeat(digits));
            withValue("17976931348623157" + "0".repeat(digits - 17));
            withValue("17976931348623159" + "0".repeat(digits - 17));
            withValue("-" + "9".repeat(digits));
            withValue("9".repeat(digits) + ".5");
            withValue("0." + "0".repeat(digits) + "1e" + (digits + 300));
            withValue("1" + "0".repeat(digits) + "e-" + (digits - 300));
        }
        withValue("1" + "0".repeat(400) + "e-100");
        withValue("1" + "0".repeat(400) + "e-50");
        withValue("0." + "0".repeat(5000) + "1");
        withValue("1." + "0".repeat(5000) + "1");
        withValue("9".repeat(5000));
        withValue("4" + "9".repeat(2000) + "e-1700");
        // A '.' after an integer part of 20 or more digits: serde_json before 1.0.89 read these wrongly.
        withValue("18446744073709551619.");
        withValue("18446744073709551619.0");
        withValue("123456789012345678901.5");
        withValue("123456789012345678901.}");
    }

    private void strings() {
        String[] fixed = {"\"\"", "\"plain\"", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\u0000\"", "\"\\u001f\"", "\"\\u0041\"",
                "\"\\u00e9\\u00E9\"", "\"\\uFFFF\"", "\"\\uFEFF\"", "\"\\uD800\\uDC00\"", "\"\\uDBFF\\uDFFF\"",
                "\"\\ud83d\\ude00\"", "\"\\uD800\"", "\"\\uDBFF\"", "\"\\uDC00\"", "\"\\uDFFF\"", "\"\\uD800\\uD800\"",
                "\"\\uDC00\\uD800\"", "\"\\uD800\\u0041\"", "\"\\uD800\\n\"", "\"\\uD800x\"", "\"\\uD800\\\\\"",
                "\"\\uD800\\u\"", "\"\\uD800\\uDC0\"", "\"\\uD800\\\"", "\"a\\uD800\"", "\"\\x41\"", "\"\\'\"",
                "\"\\a\"", "\"\\U0041\"", "\"\\u004\"", "\"\\u00G1\"", "\"\\u\"", "\"\\", "\"unterminated", "\"\\\"",
                "'single'", "\"tab\there\"", "\"del\u007f\"", "\"nbsp\u00a0\"", "\"bom\ufeff\""};
        for (String s : fixed) {
            withValue(s);
            add("{\"type\":\"x.y\"," + s + ":1}");
        }
        for (int c = 0; c < 0x20; c++) {
            if (c != '\n') {
                withValue("\"a" + (char) c + "b\"");
            }
        }
        add("{\"type\":\"x\\u002ey\"}");
        add("{\"typ\\u0065\":\"x.y\"}");
        add("{\"type\":\"\\uD800\"}");
        add("{\"t\\uDC00ype\":\"x.y\"}");
        add("{\"type\":\"\"}");
    }

    private void utf8() {
        int[][] sequences = {{0xC3, 0xA9}, {0xE4, 0xB8, 0x96}, {0xF0, 0x9F, 0x98, 0x80}, {0xEF, 0xBB, 0xBF},
                {0xC0, 0x80}, {0xC1, 0xBF}, {0xE0, 0x80, 0x80}, {0xE0, 0x9F, 0xBF}, {0xED, 0xA0, 0x80},
                {0xED, 0xBF, 0xBF}, {0xF0, 0x80, 0x80, 0x80}, {0xF0, 0x8F, 0xBF, 0xBF}, {0xF4, 0x90, 0x80, 0x80},
                {0xF5, 0x80, 0x80, 0x80}, {0xFF}, {0xFE}, {0x80}, {0xBF}, {0xC3}, {0xE4, 0xB8}, {0xF0, 0x9F, 0x98},
                {0xC3, 0x28}, {0xE4, 0x28, 0x96}, {0xF4, 0x8F, 0xBF, 0xBF}, {0xEE, 0x80, 0x80}, {0xC2, 0x85},
                {0xC2, 0xA0}, {0xE2, 0x80, 0xA8}, {0xE3, 0x80, 0x80}};
        for (int[] seq : sequences) {
            byte[] raw = new byte[seq.length];
            for (int i = 0; i < seq.length; i++) {
                raw[i] = (byte) seq[i];
            }
            add(concat("{\"type\":\"x.y\",\"s\":\"a", raw, "b\"}"));
            add(concat("{\"type\":\"x.y\",\"s\":\"", raw, "\"}"));
            add(concat("{\"type\":\"x.y\",\"", raw, "\":1}"));
            add(concat("{\"type\":\"x.", raw, "\"}"));
            add(concat("{\"type\":\"x.y\",\"s\":1", raw, "}"));
            add(concat("", raw, "{\"type\":\"x.y\"}"));
            add(concat("{\"type\":\"x.y\"}", raw, ""));
            add(concat("{\"type\":\"x.y\",\"s\":\"", raw, ""));
            add(concat("", raw, ""));
        }
    }

    private void nesting() {
        for (int depth = 120; depth <= 132; depth++) {
            add("{\"type\":\"x.y\",\"d\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
            add("{\"type\":\"x.y\",\"d\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}");
            add("{\"type\":\"x.y\",\"d\":" + "[{\"a\":".repeat(depth / 2) + "[]" + "}]".repeat(depth / 2) + "}");
            add("{\"d\":" + "[".repeat(depth) + "]".repeat(depth) + ",\"type\":\"x.y\"}");
            add("{\"type\":\"x.y\",\"d\":" + "[".repeat(depth) + "1" + "]".repeat(depth) + "}");
            add("{\"type\":\"x.y\",\"d\":" + "[".repeat(depth) + "]".repeat(depth - 1) + "}");
        }
        add("{\"type\":\"x.y\",\"d\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
    }

    private void whitespace() {
        String event = "{\"type\":\"x.y\",\"a\":[1, 2] , \"b\" : {\"c\" :\t\"d\"}}";
        String[] spaces = {"", " ", "\t", "\r", " \t\r ", "\u000b", "\u000c", "\u001c", "\u001f", "\u0085", "\u00a0",
                "\u1680", "\u2000", "\u200a", "\u200b", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff",
                "\u180e", " \u00a0 "};
        for (String s : spaces) {
            add(s + event);
            add(event + s);
            add("{" + s + "\"type\":\"x.y\"}");
            add("{\"type\"" + s + ":\"x.y\"}");
            add("{\"type\":" + s + "\"x.y\"}");
            add("{\"type\":\"x.y\"" + s + "}");
            add("{\"type\":\"x.y\",\"a\":[1" + s + ",2]}");
            add(s);
            add(s + s);
            add(" " + s + "\t");
        }
        add("\ufeff\ufeff{\"type\":\"x.y\"}");
        add("\ufeff \ufeff");
        add("\u00a0{}");
        add("\r");
        add("\r\r");
        add("");
    }

    private void duplicates() {
        add("{\"type\":\"x.y\",\"type\":\"x.y\"}");
        add("{\"type\":\"x.y\",\"typ\\u0065\":\"x.z\"}");
        add("{\"type\":\"x.y\",\"a\":1,\"a\":2}");
        add("{\"type\":\"x.y\",\"a\":1,\"\\u0061\":2}");
        add("{\"type\":\"x.y\",\"id\":\"1\",\"id\":\"2\"}");
        add("{\"type\":\"x.y\",\"ts\":\"2026-04-15T00:00:00Z\",\"ts\":3}");
        add("{\"type\":\"node.completed\",\"node_id\":\"a\",\"node_id\":\"b\"}");
        add("{\"type\":\"x.y\",\"n\":{\"a\":1,\"a\":2}}");
        add("{\"type\":\"x.y\",\"n\":[{\"type\":1,\"type\":2}]}");
        String[] fields = {"id", "ts", "run_id", "node_id", "kind", "name", "model", "extra", "\\u0069d"};
        for (String f : fields) {
            add(NODE_STARTED.substring(0, NODE_STARTED.length() - 1) + ",\"" + f + "\":\"x\"}");
            add(NODE_STARTED.substring(0, NODE_STARTED.length() - 1) + ",\"" + f + "\":null}");
        }
        add(NODE_STARTED.substring(0, NODE_STARTED.length() - 1) + ",\"extra\":1,\"extra\":2}");
        add(NODE_STARTED.replace("{\"type\":\"node.started\",", "{\"type\":\"node.started\",\"type\":\"node.started\","));
        StringBuilder many = new StringBuilder("{\"type\":\"x.y\"");
        for (int i = 0; i < 3000; i++) {
            many.append(",\"k").append(i).append("\":").append(i);
        }
        add(many + "}");
        add(many + ",\"k1234\":0}");
    }

    private void nodeStarted() {
        add(NODE_STARTED);
        String[] fields = {"id", "ts", "run_id", "node_id", "kind", "name", "model"};
        String[] values = {"null", "1", "1.5", "true", "\"\"", "\"s\"", "{}", "[]", "{\"a\":1}", "[\"a\"]"};
        for (String f : fields) {
            add(without(NODE_STARTED, f));
            for (String v : values) {
                add(replace(NODE_STARTED, f, v));
            }
        }
        String[] kinds = {"\"bash\"", "\"command\"", "\"prompt\"", "\"loop\"", "\"Bash\"", "\"gate\"", "\"\"",
                "\"b\\u0061sh\"", "{\"bash\":null}", "{\"bash\":{}}", "{\"zzz\":null}", "{\"bash\":1}", "{}",
                "{\"a\":null,\"b\":null}", "{\"bash\":{\"x\":1}}", "{\"bash\":[]}", "{\"bash\":null,\"bash\":null}",
                "{\"bash\":\"x\"}", "{\"bash\":{\"a\":{}}}", "[\"bash\"]", "{\"b\\u0061sh\":null}"};
        for (String k : kinds) {
            add(replace(NODE_STARTED, "kind", k));
        }
        add(NODE_STARTED.replace("\"type\":\"node.started\"", "\"type\":\"node.st\\u0061rted\""));
        add(NODE_STARTED.replace("\"type\":\"node.started\"", "\"type\":\"node.started \""));
        add(NODE_STARTED.replace("\"type\":\"node.started\",", "").replace("}", ",\"type\":\"node.started\"}"));
        add("{\"type\":\"node.started\"}");
        add("{\"type\":\"node.completed\"}");
        add("{\"type\":\"node.failed\",\"node_id\":null}");
        add("{\"type\":\"gate.passed\",\"id\":5}");
    }

    private void shapes() {
        String[] fixed = {"[]", "[\"x.y\"]", "[\"x.y\",1]", "[\"node.started\"]",
                "[\"node.started\",\"a\",\"b\",\"c\",\"d\",\"bash\",null,null]",
                "[\"node.started\",\"a\",\"b\",\"c\",\"d\",\"bash\",null]", "[1]", "[null]", "\"x.y\"", "1", "null",
                "true", "{}", "{\"type\":1}", "{\"type\":null}", "{\"type\":[\"x\"]}", "{\"type\":{\"a\":1}}",
                "{\"type\":true}", "{\"id\":\"x\"}", "{\"type\":\"x.y\"} {}", "{\"type\":\"x.y\"}x", "{\"type\":\"x.y\"}}",
                "{\"type\":\"x.y\",}", "{\"type\":\"x.y\" \"id\":\"a\"}", "{,}", "{\"type\" \"x\"}",
                "{\"type\":\"x.y\",,\"a\":1}", "{\"type\":\"x.y\"} // c", "{\"type\":\"x.y\" /* c */}",
                "{'type':'x.y'}", "{type:\"x.y\"}", "{\"type\":\"x.y\",\"a\":tru}", "{\"type\":\"x.y\",\"a\":nul}",
                "{\"type\":\"x.y\",\"a\":truee}", "{\"type\":\"x.y\",\"a\":True}", "{\"type\":\"x.y\",\"a\":[1,]}",
                "{\"type\":\"x.y\",\"a\":[,1]}", "{\"type\":\"x.y\",\"a\":[1 2]}", "{\"type\":\"x.y\",\"a\":{\"b\"}}",
                "{\"type\":\"x.y\",\"a\":{\"b\":}}", "{\"type\":\"x.y\",\"a\":", "{\"type\":\"x.y\"", "{\"type\"", "{",
                "}", "{\"type\":\"x.y\",\"a\":[}", "{\"type\":\"x.y\",\"a\":{]}", "{\"type\":\"x.y\"]",
                "{\"type\":\"x.y\",\"a\":1}\u0000", "\u0000{\"type\":\"x.y\"}", "{\"type\":\"x.y\",\"a\":-}",
                "{\"type\":\"x.y\",\"a\":\"\\\"}"};
        for (String s : fixed) {
            add(s);
        }
    }

    /** Good lines with a few bytes changed to the characters that matter most to a JSON parser. */
    private void mutations(int count) {
        String[] bases = {NODE_STARTED, "{\"type\":\"x.y\",\"n\":[1,-2.5e3,true,false,null,{\"b\":\"c\\u00e9\\n\"}]}",
                "{\"type\":\"node.completed\",\"id\":\"e\",\"ts\":\"2026-04-15T00:00:00.123Z\",\"node_id\":\"n\",\"exit\":0}",
                "{\"type\":\"x.y\",\"s\":\"\\uD83D\\uDE00 \\u0041\",\"e\":1.7976931348623157e308}"};
        byte[] alphabet = utf8("\"\\{}[]:,0123456789eE.-+ ufnlasrtD8C0\t\r");
        for (int k = 0; k < count; k++) {
            byte[] b = utf8(bases[random.nextInt(bases.length)]);
            int times = 1 + random.nextInt(3);
            for (int t = 0; t < times; t++) {
                int at = random.nextInt(b.length);
                int pick = random.nextInt(alphabet.length + 6);
                if (pick < alphabet.length) {
                    b[at] = alphabet[pick];
                } else {
                    b[at] = (byte) new int[] {0x80, 0xC3, 0xEF, 0xED, 0xFF, 0x00}[pick - alphabet.length];
                }
            }
            add(b);
        }
    }

    private void randomNumbers(int count) {
        for (int k = 0; k < count; k++) {
            StringBuilder n = new StringBuilder();
            if (random.nextInt(4) == 0) {
                n.append('-');
            }
            int intDigits = random.nextInt(10) == 0 ? random.nextInt(1, 420) : random.nextInt(1, 25);
            n.append(random.nextInt(8) == 0 ? '0' : (char) ('1' + random.nextInt(9)));
            for (int i = 1; i < intDigits; i++) {
                n.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextInt(3) == 0) {
                n.append('.');
                int frac = random.nextInt(20) == 0 ? 0 : random.nextInt(1, random.nextInt(5) == 0 ? 400 : 25);
                for (int i = 0; i < frac; i++) {
                    n.append((char) ('0' + random.nextInt(10)));
                }
            }
            if (random.nextInt(2) == 0) {
                n.append(random.nextBoolean() ? 'e' : 'E');
                int sign = random.nextInt(3);
                n.append(sign == 0 ? "" : sign == 1 ? "+" : "-");
                int exp = random.nextInt(6) == 0 ? random.nextInt(0, 12) : random.nextInt(270, 340);
                if (random.nextInt(10) == 0) {
                    exp = random.nextInt(1_000_000);
                }
                n.append(random.nextInt(30) == 0 ? "" : Integer.toString(exp));
            }
            add("{\"type\":\"x.y\",\"n\":" + n + "}");
        }
    }

    private void randomEscapes(int count) {
        String[] pieces = {"\\uD800", "\\uDBFF", "\\uDC00", "\\uDFFF", "\\uD83D", "\\uDE00", "\\u0041", "\\u00e9",
                "\\uFFFF", "\\u0000", "\\n", "\\\\", "\\\"", "\\/", "\\u", "\\", "a", "\u00e9", "\ud83d\ude00", " "};
        for (int k = 0; k < count; k++) {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(1, 5);
            for (int i = 0; i < n; i++) {
                s.append(pieces[random.nextInt(pieces.length)]);
            }
            add(random.nextInt(5) == 0 ? "{\"type\":\"x.y\",\"" + s + "\":1}" : "{\"type\":\"x.y\",\"s\":\"" + s + "\"}");
        }
    }

    private static String without(String event, String field) {
        return event.replaceFirst(",\"" + field + "\":(\"[^\"]*\"|null)", "");
    }

    private static String replace(String event, String field, String value) {
        return event.replaceFirst("\"" + field + "\":(\"[^\"]*\"|null)",
                java.util.regex.Matcher.quoteReplacement("\"" + field + "\":" + value));
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(before));
        out.writeBytes(middle);
        out.writeBytes(utf8(after));
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
