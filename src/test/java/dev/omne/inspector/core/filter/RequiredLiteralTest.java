package dev.omne.inspector.core.filter;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The literal a regular expression's every match contains: the longest one where it can be told, none where it
 * cannot, and never one that a match may lack (thousands of generated expressions against generated lines, malformed
 * UTF-8 and non-ASCII text included).
 */
class RequiredLiteralTest {
    @Test
    void theLongestRunOfLiteralCharacters() {
        assertEquals("node.failed", RequiredLiteral.of("node\\.failed"));
        assertEquals("\"node_id\":\"", RequiredLiteral.of("\"node_id\":\"(build|test)\""));
        assertEquals("Skipped: ", RequiredLiteral.of("Skipped: [1-9]"));
        assertEquals("exit_code\":", RequiredLiteral.of("exit_code\":[1-9]\\d*"));
        assertEquals("abc", RequiredLiteral.of("x?abc+d"), "c repeats: the run ends after it");
        assertEquals("ab", RequiredLiteral.of("abc?d"), "an optional character ends the run before it");
        assertEquals("crash", RequiredLiteral.of("^.*crash.*$"));
        assertEquals("aaa", RequiredLiteral.of("a{3}aaa"));
        assertEquals("]x", RequiredLiteral.of("[]a]]x"), "a ] first in a class is in the class");
        assertEquals("after", RequiredLiteral.of("(?:x|y)+after(?=z)"));
        assertEquals("ok", RequiredLiteral.of("\u00e9ok"), "non-ASCII characters break a run");
    }

    @Test
    void noneWhereItCannotBeTold() {
        assertNull(RequiredLiteral.of("fail|crash"), "alternation at the top");
        assertNull(RequiredLiteral.of("(?i)crash"), "inline flags");
        assertNull(RequiredLiteral.of("x(?i:crash)"));
        assertNull(RequiredLiteral.of("\\Qa.b\\E"));
        assertNull(RequiredLiteral.of("(a)\\1bc"), "a back reference");
        assertNull(RequiredLiteral.of("\\x41BC"));
        assertNull(RequiredLiteral.of("\\d+\\.\\d"), "only single characters");
        assertNull(RequiredLiteral.of("a"));
        assertNull(RequiredLiteral.of(""));
    }

    private static final String[] PIECES = {"a", "b", "c", "ab", ".", "\\.", "\\d", "\\w", "\\s", "[a-c]", "[^b]",
            "[]a]", "(a|b)", "(?:ab)", "(bc)", "x", "\"", ":", " ", "\u00e9", "\\\\", "^", "$", "(?=a)", "(?!b)", "\\b",
            "[\\]x]", "(a[)]b)"};
    private static final String[] QUANTIFIERS = {"", "", "", "?", "*", "+", "{2}", "{0,2}", "{1,3}", "+?", "*+", "{1}"};

    private static String regex(SplittableRandom random) {
        StringBuilder b = new StringBuilder();
        int atoms = 1 + random.nextInt(7);
        for (int i = 0; i < atoms; i++) {
            String piece = PIECES[random.nextInt(PIECES.length)];
            b.append(piece);
            boolean anchor = piece.equals("^") || piece.equals("$") || piece.equals("\\b") || piece.startsWith("(?=")
                    || piece.startsWith("(?!");
            if (!anchor) {
                b.append(QUANTIFIERS[random.nextInt(QUANTIFIERS.length)]);
            }
            if (random.nextInt(12) == 0) {
                b.append('|');
            }
        }
        return b.toString();
    }

    private static byte[] line(SplittableRandom random) {
        String alphabet = "abcx.:\" \\1\u00e9]";
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(24);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0 && random.nextInt(5) == 0) {
            bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80)); // malformed UTF-8
        }
        return bytes;
    }

    @Test
    void everyMatchContainsTheLiteral() {
        SplittableRandom random = new SplittableRandom(19);
        List<byte[]> lines = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            lines.add(line(random));
        }
        int withLiteral = 0;
        int matchesChecked = 0;
        for (int r = 0; r < 10_000; r++) {
            String regex = regex(random);
            Pattern pattern;
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                continue;
            }
            String literal = RequiredLiteral.of(regex);
            if (literal == null) {
                continue;
            }
            withLiteral++;
            byte[] needle = literal.getBytes(StandardCharsets.US_ASCII);
            for (byte[] line : lines) {
                if (pattern.matcher(new String(line, StandardCharsets.UTF_8)).find()) {
                    matchesChecked++;
                    assertTrue(contains(line, needle), "/" + regex + "/ matches \""
                            + new String(line, StandardCharsets.UTF_8) + "\", which lacks \"" + literal + "\"");
                }
            }
        }
        assertTrue(withLiteral > 700, withLiteral + " expressions had a literal");
        assertTrue(matchesChecked > 5_000, matchesChecked + " matches checked");
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (hay[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
