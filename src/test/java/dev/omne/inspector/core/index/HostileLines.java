package dev.omne.inspector.core.index;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Generates event logs with malformed lines of many kinds scattered through good ones. */
final class HostileLines {
    private static final String[] TYPES = {"node.started", "node.completed", "node.failed", "gate.passed",
            "run.started", "loop.iteration", "custom.thing"};
    private static final String[] NODES = {"plan", "build", "test", "review", "ship"};

    private HostileLines() {
    }

    static byte[] generate(long seed, int lines, int badEvery) {
        SplittableRandom random = new SplittableRandom(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lines; i++) {
            byte[] line = random.nextInt(badEvery) == 0 ? bad(random, i) : good(random, i).getBytes(StandardCharsets.UTF_8);
            out.writeBytes(line);
            out.write(random.nextInt(20) == 0 ? '\r' : 0x20);
            out.write('\n');
            if (random.nextInt(30) == 0) {
                out.write('\n'); // blank lines are counted, not indexed
            }
        }
        return out.toByteArray();
    }

    static String good(SplittableRandom random, int i) {
        String type = TYPES[random.nextInt(TYPES.length)];
        String node = NODES[random.nextInt(NODES.length)];
        StringBuilder b = new StringBuilder();
        b.append("{\"type\":\"").append(type).append("\",\"id\":\"ev-").append(i).append('"');
        if (random.nextInt(15) != 0) {
            b.append(",\"ts\":\"2026-04-15T00:").append(String.format("%02d:%02d.%03d", (i / 60) % 60, i % 60, random.nextInt(1000)))
                    .append("Z\"");
        }
        b.append(",\"run_id\":\"r\"");
        if (!type.startsWith("run.") && random.nextInt(20) != 0) {
            b.append(",\"node_id\":\"").append(node).append('"');
        }
        if (type.equals("node.started")) {
            b.append(",\"kind\":\"").append(random.nextBoolean() ? "bash" : "prompt").append("\",\"name\":null,\"model\":null");
        }
        if (random.nextInt(4) == 0) {
            b.append(",\"extra\":{\"list\":[1,2.5,true,null,\"\\u00e9\\n\"],\"text\":\"caf\u00e9 \u4e16\u754c\"}");
        }
        return b.append('}').toString();
    }

    static byte[] bad(SplittableRandom random, int i) {
        String good = good(random, i);
        return switch (random.nextInt(12)) {
            case 0 -> good.substring(0, 1 + random.nextInt(good.length() - 1)).getBytes(StandardCharsets.UTF_8);
            case 1 -> (good + " {\"type\":\"x\"}").getBytes(StandardCharsets.UTF_8);
            case 2 -> "not json at all".getBytes(StandardCharsets.UTF_8);
            case 3 -> "{\"id\":\"no type\"}".getBytes(StandardCharsets.UTF_8);
            case 4 -> good.replace('"', '\'').getBytes(StandardCharsets.UTF_8);
            case 5 -> (good.substring(0, good.length() - 1) + ",}").getBytes(StandardCharsets.UTF_8);
            case 6 -> {
                byte[] b = good.getBytes(StandardCharsets.UTF_8);
                b[random.nextInt(b.length)] = (byte) (0x80 + random.nextInt(0x80));
                yield b;
            }
            case 7 -> {
                byte[] b = good.getBytes(StandardCharsets.UTF_8);
                b[random.nextInt(b.length)] = 0;
                yield b;
            }
            case 8 -> "[1,2,3]".getBytes(StandardCharsets.UTF_8);
            case 9 -> ("{\"type\":\"x.y\",\"deep\":" + "[".repeat(1200) + "]".repeat(1200) + "}").getBytes(StandardCharsets.UTF_8);
            case 10 -> "{\"type\":7}".getBytes(StandardCharsets.UTF_8);
            default -> {
                byte[] b = good.getBytes(StandardCharsets.UTF_8);
                b[random.nextInt(b.length)] = (byte) (32 + random.nextInt(95));
                yield b;
            }
        };
    }
}
