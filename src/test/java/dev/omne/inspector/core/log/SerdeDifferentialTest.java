package dev.omne.inspector.core.log;

import dev.omne.inspector.fuzz.FuzzLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every line gets the same verdict (blank, event, or refused) from the inspector's judge and from a real serde_json
 * reading it the way the omne runner does ({@link SerdeModel}). The lines: a corpus at the edges of the rules
 * ({@link TrickyLines}), the fuzz harness's hostile logs, and lines longer than a reader keeps in memory.
 *
 * <p>Two kinds of line may differ, and only these, each counted and checked to be what it claims:
 * <ul>
 *   <li>A line that is a JSON array: serde reads {@code ["x.y"]} as an event of type x.y (an internally tagged enum
 *   takes a sequence whose first element is the tag); the inspector refuses every line that is not an object, as
 *   the contract says (the README lists this difference).</li>
 *   <li>With serde_json older than 1.0.89 (Debian 12 packages 1.0.87): a number whose integer part has 20 or more
 *   digits followed by a '.', which those versions read wrongly in both directions; the judge follows current
 *   serde_json, as the runner uses.</li>
 * </ul>
 */
class SerdeDifferentialTest {
    private static final Pattern LONG_INTEGER_DOT = Pattern.compile("[0-9]{20,}\\.");

    @TempDir
    Path dir;

    @Test
    void theTrickyCorpusGetsTheRunnersVerdictOnEveryLine() throws Exception {
        List<byte[]> lines = TrickyLines.generate(7);
        Tally tally = compare("tricky", TrickyLines.join(lines));
        assertEquals(lines.size(), tally.lines);
        // The corpus must hold every verdict in quantity, or it tests little.
        assertTrue(tally.events > 5_000 && tally.errors > 5_000 && tally.blanks > 50, tally::toString);
        assertTrue(tally.arrays >= 2, "the corpus exercises the array difference: " + tally);
    }

    @Test
    void theFuzzHarnessLinesGetTheRunnersVerdictOnEveryLine() throws Exception {
        for (long seed = 11; seed <= 13; seed++) {
            compare("fuzz seed " + seed, FuzzLines.generate(seed, 4000));
        }
    }

    @Test
    void linesLongerThanAReaderKeepsGetTheRunnersVerdict() throws Exception {
        Tally tally = compare("long", TrickyLines.join(TrickyLines.longLines()));
        assertEquals(1, tally.events);
        assertEquals(2, tally.errors);
    }

    /** Judges {@code content} line by line with the real splitter (fed in uneven chunks) and compares with serde. */
    private Tally compare(String name, byte[] content) throws IOException, InterruptedException {
        Path file = dir.resolve(name.replace(' ', '-') + ".jsonl");
        Files.write(file, content);
        SerdeModel.Run model = SerdeModel.run(file);
        List<Judged> judged = judge(content);
        assertEquals(model.verdicts().size(), judged.size(), name + ": line counts differ");
        boolean oldSerde = olderThan(model.serdeJson(), 1, 0, 89);
        Tally tally = new Tally(name, model.serdeJson());
        List<String> disagreements = new ArrayList<>();
        List<byte[]> excusedAsOldDecimals = new ArrayList<>();
        for (int i = 0; i < judged.size(); i++) {
            Judged j = judged.get(i);
            SerdeModel.Verdict v = model.verdicts().get(i);
            char mine = switch (j.outcome) {
                case BLANK -> 'B';
                case EVENT -> 'E';
                case ERROR -> 'X';
            };
            tally.count(mine);
            if (mine == v.kind()) {
                continue;
            }
            String text = new String(j.start, StandardCharsets.UTF_8);
            if (v.kind() == 'E' && mine == 'X' && text.stripLeading().startsWith("[")) {
                tally.arrays++;
            } else if (oldSerde && mine != 'B' && v.kind() != 'B' && LONG_INTEGER_DOT.matcher(text).find()) {
                tally.oldDecimals++;
                excusedAsOldDecimals.add(j.start);
            } else if (disagreements.size() < 25) {
                disagreements.add("line " + (i + 1) + ": inspector " + mine + " (" + j.message + "), serde " + v.kind()
                        + " (" + v.message() + "): " + escape(java.util.Arrays.copyOf(j.start, Math.min(j.start.length, 300))));
            } else {
                tally.more++;
            }
        }
        if (!excusedAsOldDecimals.isEmpty()) {
            // Proof that only the long integer part made the difference: with it shortened, the two agree again.
            List<byte[]> shortened = new ArrayList<>();
            for (byte[] line : excusedAsOldDecimals) {
                shortened.add(LONG_INTEGER_DOT.matcher(new String(line, StandardCharsets.UTF_8)).replaceAll("1.")
                        .getBytes(StandardCharsets.UTF_8));
            }
            Tally again = compare(name + " shortened", TrickyLines.join(shortened));
            assertEquals(0, again.oldDecimals + again.arrays, "shortened lines need no excuse");
        }
        System.out.println("serde differential, " + tally);
        if (!disagreements.isEmpty()) {
            fail(name + ": the inspector and serde_json " + model.serdeJson() + " disagree on "
                    + (disagreements.size() + tally.more) + " lines:\n" + String.join("\n", disagreements));
        }
        return tally;
    }

    private record Judged(ScannedLine.Outcome outcome, String message, byte[] start) {
    }

    private static List<Judged> judge(byte[] content) {
        List<Judged> out = new ArrayList<>();
        LineSplitter splitter = new LineSplitter(0, 1, 1 << 16);
        LineSplitter.Sink sink = (lineNumber, offset, length, judged, text, off, len) -> out.add(new Judged(
                judged.outcome(), judged.message(), java.util.Arrays.copyOfRange(text, off, off + len)));
        SplittableRandom random = new SplittableRandom(content.length);
        for (int at = 0; at < content.length; ) {
            int n = Math.min(content.length - at, 1 + random.nextInt(random.nextBoolean() ? 16 : 1 << 20));
            splitter.feed(content, at, n, sink);
            at += n;
        }
        splitter.finish(sink);
        return out;
    }

    static boolean olderThan(String version, int major, int minor, int patch) {
        if (version == null) {
            return false;
        }
        String[] parts = version.split("[.+-]");
        int[] v = new int[3];
        for (int i = 0; i < 3 && i < parts.length; i++) {
            v[i] = Integer.parseInt(parts[i]);
        }
        return v[0] != major ? v[0] < major : v[1] != minor ? v[1] < minor : v[2] < patch;
    }

    private static String escape(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            int c = x & 0xFF;
            s.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02X", c));
        }
        return s.toString();
    }

    private static final class Tally {
        final String name;
        final String serdeJson;
        long lines;
        long events;
        long errors;
        long blanks;
        long arrays;
        long oldDecimals;
        long more;

        Tally(String name, String serdeJson) {
            this.name = name;
            this.serdeJson = serdeJson;
        }

        void count(char verdict) {
            lines++;
            switch (verdict) {
                case 'E' -> events++;
                case 'X' -> errors++;
                default -> blanks++;
            }
        }

        @Override
        public String toString() {
            return name + " (serde_json " + serdeJson + "): " + lines + " lines, " + events + " events, " + errors
                    + " errors, " + blanks + " blank; known differences: " + arrays + " arrays, " + oldDecimals
                    + " long-integer decimals of old serde_json";
        }
    }
}
