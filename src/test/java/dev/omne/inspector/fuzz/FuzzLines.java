package dev.omne.inspector.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Hostile event logs for the fuzz harness: random bytes, valid lines mutated byte by byte, huge and deeply
 * nested values, invalid UTF-8, NUL bytes, CR-only line endings, and the edges of the omne runner's rules (numbers
 * around the f64 range, surrogate escapes, nesting around 127, whitespace and byte order marks, repeated keys, the
 * shapes of node.started), among ordinary good lines.
 */
public final class FuzzLines {
    private static final String[] TYPES = {"node.started", "node.completed", "node.failed", "gate.passed",
            "run.started", "loop.iteration", "x.y"};

    private FuzzLines() {
    }

    /** About {@code lines} lines (CR-only endings may merge some), deterministic for a seed. */
    public static byte[] generate(long seed, int lines) {
        SplittableRandom random = new SplittableRandom(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream(lines * 120);
        for (int i = 0; i < lines; i++) {
            out.writeBytes(line(random, i));
            int ending = random.nextInt(40);
            if (ending == 0) {
                out.write('\r'); // CR-only: the next line joins this one
            } else if (ending == 1) {
                out.write('\r');
                out.write('\n');
            } else {
                out.write('\n');
            }
        }
        if (out.size() > 0) {
            out.write('\n'); // ends complete, so a follower holds nothing back at the end
        }
        return out.toByteArray();
    }

    private static final String[] NUMBERS = {"1e308", "1e309", "-1e400", "1.7976931348623157e308",
            "1.7976931348623159e308", "0e99999", "1e-99999", "18446744073709551616", "-9223372036854775809", "-0",
            "0.1e310", "123456789012345678901234567890e279", "01", "1.", ".5", "1e+", "NaN"};
    private static final String[] ESCAPES = {"\\uD800", "\\uDC00", "\\uD83D\\uDE00", "\\uD800\\u0041", "\\u0041",
            "\\n", "\\x", "\\u00e9", "\\uDBFF\\uDFFF", "\\", "\\u12"};
    private static final String[] SPACES = {" ", "\t", "\r", "\u000b", "\u00a0", "\u2028", "\u3000", "\ufeff", "\u0085"};
    private static final String[] KINDS = {"\"bash\"", "\"loop\"", "\"gate\"", "null", "5", "{\"bash\":null}", "{}"};

    static byte[] line(SplittableRandom random, int i) {
        return switch (random.nextInt(24)) {
            case 0 -> randomBytes(random, random.nextInt(1, 200));
            case 1, 2, 3 -> mutate(random, good(random, i).getBytes(StandardCharsets.UTF_8), 1 + random.nextInt(4));
            case 4 -> ("{\"type\":\"x.y\",\"big\":\"" + "h".repeat(random.nextInt(10_000, 200_000)) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            case 5 -> {
                int depth = random.nextInt(500, 3000);
                yield ("{\"type\":\"x.y\",\"deep\":" + "[".repeat(depth) + "]".repeat(depth) + "}")
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 6 -> {
                byte[] b = good(random, i).getBytes(StandardCharsets.UTF_8);
                b[random.nextInt(b.length)] = (byte) (0x80 + random.nextInt(0x80));
                yield b;
            }
            case 7 -> {
                byte[] b = good(random, i).getBytes(StandardCharsets.UTF_8);
                b[random.nextInt(b.length)] = 0;
                yield b;
            }
            case 8 -> new byte[0];
            case 9 -> ("{\"type\":\"x.y\",\"n\":" + "9".repeat(random.nextInt(500, 3000)) + "}").getBytes(StandardCharsets.UTF_8);
            case 10 -> {
                String n = random.nextBoolean() ? NUMBERS[random.nextInt(NUMBERS.length)]
                        : (1 + random.nextInt(9)) + "." + random.nextInt(1_000_000) + "e" + random.nextInt(300, 312);
                yield ("{\"type\":\"x.y\",\"n\":[" + n + "]}").getBytes(StandardCharsets.UTF_8);
            }
            case 11 -> ("{\"type\":\"x.y\",\"s\":\"a" + ESCAPES[random.nextInt(ESCAPES.length)]
                    + ESCAPES[random.nextInt(ESCAPES.length)] + "\"}").getBytes(StandardCharsets.UTF_8);
            case 12 -> {
                int depth = random.nextInt(122, 133);
                yield ("{\"type\":\"x.y\",\"d\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
            }
            case 13 -> {
                String space = SPACES[random.nextInt(SPACES.length)];
                String good = good(random, i);
                yield (random.nextBoolean() ? space + good : random.nextBoolean() ? good + space : space)
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 14 -> {
                String key = random.nextBoolean() ? "type" : random.nextBoolean() ? "node_id" : "extra";
                String good = good(random, i);
                yield (good.substring(0, good.length() - 1) + ",\"" + key + "\":\"x.y\"}").getBytes(StandardCharsets.UTF_8);
            }
            case 15 -> ("{\"type\":\"node.started\",\"id\":\"ev-" + i + "\",\"ts\":\"2026-04-15T00:00:01Z\","
                    + "\"run_id\":\"r\",\"node_id\":" + (random.nextInt(5) == 0 ? "null" : "\"n1\"")
                    + (random.nextInt(5) == 0 ? "" : ",\"kind\":" + KINDS[random.nextInt(KINDS.length)])
                    + (random.nextBoolean() ? ",\"name\":null" : ",\"name\":" + random.nextInt(3)) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            default -> good(random, i).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** A line longer than a reader keeps in memory (16 MiB): a good event, or one broken near its end. */
    public static byte[] longLine(SplittableRandom random) {
        String tail = switch (random.nextInt(3)) {
            case 0 -> "\"}";
            case 1 -> "\",\"n\":1e400}";
            default -> "\\uD800\"}";
        };
        return ("{\"type\":\"x.y\",\"big\":\"" + "l".repeat((16 << 20) + random.nextInt(1 << 20)) + tail)
                .getBytes(StandardCharsets.UTF_8);
    }

    static String good(SplittableRandom random, int i) {
        String type = TYPES[random.nextInt(TYPES.length)];
        return "{\"type\":\"" + type + "\",\"id\":\"ev-" + i + "\",\"ts\":\"2026-04-15T00:00:" + String.format("%02d", i % 60)
                + ".123Z\",\"run_id\":\"r\",\"node_id\":\"n" + random.nextInt(9) + "\",\"text\":\"caf\u00e9 \\u00e9 \\n\","
                + "\"nested\":{\"a\":[1,-2.5e3,true,false,null,{\"b\":\"c\"}]}}";
    }

    private static byte[] randomBytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            int v = random.nextInt(256);
            b[i] = (byte) (v == '\n' ? ' ' : v);
        }
        return b;
    }

    private static byte[] mutate(SplittableRandom random, byte[] b, int times) {
        for (int k = 0; k < times; k++) {
            int at = random.nextInt(b.length);
            int v = random.nextInt(256);
            b[at] = (byte) (v == '\n' ? '"' : v);
        }
        return b;
    }
}
