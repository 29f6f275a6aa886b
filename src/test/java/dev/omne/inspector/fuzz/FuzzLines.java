package dev.omne.inspector.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Hostile event logs for the fuzz harness: random bytes, valid lines mutated byte by byte, huge and deeply
 * nested values, invalid UTF-8, NUL bytes, CR-only line endings, among ordinary good lines.
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

    static byte[] line(SplittableRandom random, int i) {
        return switch (random.nextInt(16)) {
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
            default -> good(random, i).getBytes(StandardCharsets.UTF_8);
        };
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
