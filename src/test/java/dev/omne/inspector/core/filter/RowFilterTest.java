package dev.omne.inspector.core.filter;

import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.index.RunIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text filters over many rows (judged in pieces in parallel, regular expressions looked for in the raw bytes first)
 * give exactly the rows, in order, that decoding every line and matching it one by one gives.
 */
class RowFilterTest {
    private static final int LINES = 6 * RowFilter.PIECE_ROWS + 123;

    @TempDir
    Path dir;

    /** Events of several types and nodes, some with non-ASCII text, malformed UTF-8, or not JSON at all. */
    private Path log() throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        String[] types = {"node.started", "node.output", "node.completed", "node.failed"};
        String[] nodes = {"build", "test", "verify", "commit"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < LINES; i++) {
            String line = String.format(Locale.ROOT, "{\"type\":\"%s\",\"ts\":\"2026-04-15T00:%02d:%02d.%03dZ\","
                            + "\"node_id\":\"%s\",\"line\":\"Tests run: %d, Failures: %d, took %d.%03d s%s\"}",
                    types[random.nextInt(types.length)], i / 3600 % 60, i / 60 % 60, i % 1000,
                    nodes[random.nextInt(nodes.length)], random.nextInt(90), random.nextInt(4) == 0 ? 1 : 0,
                    random.nextInt(20), random.nextInt(1000), random.nextInt(9) == 0 ? " caf\u00e9 \u4e16" : "");
            byte[] bytes = (random.nextInt(200) == 0 ? "not json, Failures: 3" : line).getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(150) == 0) {
                bytes[random.nextInt(bytes.length)] = (byte) 0xC3; // malformed UTF-8 somewhere
            }
            out.writeBytes(bytes);
            out.write('\n');
        }
        return Files.write(dir.resolve("events.jsonl"), out.toByteArray());
    }

    /** Each row's line decoded and matched one by one. */
    private static int[] oneByOne(IndexSnapshot s, byte[] content, Pattern pattern, boolean negated) {
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < s.size(); row++) {
            int from = (int) s.offset(row);
            int to = from;
            while (to < content.length && content[to] != '\n') {
                to++;
            }
            boolean found = pattern.matcher(new String(content, from, to - from, StandardCharsets.UTF_8)).find();
            if (found != negated) {
                rows.add(row);
            }
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void regularExpressionsGiveTheRowsThatMatchingEveryLineGives() throws IOException {
        Path file = log();
        byte[] content = Files.readAllBytes(file);
        IndexSnapshot s = RunIndex.build(file).snapshot();
        int checkedRows = 0;
        for (String regex : List.of("Failures: [1-9]", "\"node_id\":\"(build|commit)\"", "\\d\\.\\d{3} s", "caf\u00e9",
                "Tests run: \\d+, Failures: 0, took 1\\d", "(?i)FAILURES: 1", "not json|\u4e16", "x{0}Failures")) {
            for (boolean negated : new boolean[] {false, true}) {
                String expression = (negated ? "-" : "") + "/" + regex + "/";
                int[] expected = oneByOne(s, content, Pattern.compile(regex), negated);
                int[] actual = RowFilter.apply(s, EventFilter.parse(expression), () -> false);
                assertArrayEquals(expected, actual, expression);
                assertTrue(expected.length > 0 && expected.length < s.size(), expression + ": some rows, not all");
                checkedRows += expected.length;
            }
        }
        // The window's parts: a range of rows in the middle.
        int[] middle = RowFilter.apply(s, EventFilter.parse("/Failures: [1-9]/"), 5_000, 17_000, () -> false);
        int[] whole = oneByOne(s, content, Pattern.compile("Failures: [1-9]"), false);
        assertArrayEquals(java.util.Arrays.stream(whole).filter(r -> r >= 5_000 && r < 17_000).toArray(), middle);
        assertTrue(checkedRows > LINES, checkedRows + " rows compared");
    }

    @Test
    void aCancelledFilterStopsWhicheverPieceSeesIt() throws IOException {
        Path file = log();
        IndexSnapshot s = RunIndex.build(file).snapshot();
        AtomicInteger looks = new AtomicInteger();
        assertThrows(RowFilter.Cancelled.class, () -> RowFilter.apply(s, EventFilter.parse("/Failures: [1-9]/"),
                () -> looks.incrementAndGet() > 1));
        assertTrue(looks.get() >= 2, "the check was made: " + looks.get());
    }
}
