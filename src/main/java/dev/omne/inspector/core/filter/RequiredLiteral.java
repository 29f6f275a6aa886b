package dev.omne.inspector.core.filter;

/**
 * The longest run of ASCII characters that every match of a regular expression contains, found from the
 * expression's text: a line whose raw bytes lack it cannot match, so it is not decoded at all. (An ASCII character
 * appears in a line's UTF-8 bytes exactly where it appears in the decoded text, malformed bytes or not.)
 *
 * <p>Conservative: anything it does not follow whole (alternation outside a group, inline flags, {@code \Q},
 * back references, escapes it does not know) gives no literal, never a wrong one. The expression is one that
 * {@link java.util.regex.Pattern#compile(String)} accepted, without flags.
 */
final class RequiredLiteral {
    /** Shorter literals reject too few lines to pay for the look. */
    static final int MIN_LENGTH = 2;

    private final String regex;
    private int at;

    private RequiredLiteral(String regex) {
        this.regex = regex;
    }

    /** The literal, or null when there is none of at least {@link #MIN_LENGTH} characters (or it cannot be told). */
    static String of(String regex) {
        if (regex.contains("\\Q")) {
            return null;
        }
        try {
            String best = new RequiredLiteral(regex).longest();
            return best != null && best.length() >= MIN_LENGTH ? best : null;
        } catch (Unknown e) {
            return null;
        }
    }

    /** Something the scan does not follow: no literal. */
    private static final class Unknown extends Exception {
        Unknown() {
            super(null, null, false, false);
        }
    }

    private String longest() throws Unknown {
        StringBuilder run = new StringBuilder();
        String best = "";
        while (at < regex.length()) {
            int literal = atom();
            int min = quantifierMin();
            if (min == 1 && literal >= 0) {
                run.append((char) literal);
                if (quantified) {
                    best = longer(best, run); // repeated: what follows is not next to it in every match
                    run.setLength(0);
                }
            } else {
                if (min > 1 && literal >= 0) {
                    run.append((char) literal); // at least once, right after the run
                }
                best = longer(best, run);
                run.setLength(0);
            }
        }
        return longer(best, run);
    }

    private static String longer(String best, StringBuilder run) {
        return run.length() > best.length() ? run.toString() : best;
    }

    /** Whether the last atom had a quantifier. */
    private boolean quantified;

    /** Reads one atom: its character when it is one ASCII character taken literally, else -1. */
    private int atom() throws Unknown {
        char c = regex.charAt(at);
        switch (c) {
            case '\\' -> {
                if (at + 1 >= regex.length()) {
                    throw new Unknown();
                }
                char e = regex.charAt(at + 1);
                at += 2;
                if (e < 128 && !Character.isLetterOrDigit(e)) {
                    return e; // an escaped punctuation character is itself
                }
                if ("dDsSwWbBhHvVtnrfaeAGzZ".indexOf(e) >= 0) {
                    return -1; // one character of a class, or a position: no literal
                }
                throw new Unknown(); // hex, Unicode and property escapes, back references and the like
            }
            case '[' -> {
                skipClass();
                return -1;
            }
            case '(' -> {
                if (at + 2 < regex.length() && regex.charAt(at + 1) == '?'
                        && "idmsuxU-".indexOf(regex.charAt(at + 2)) >= 0) {
                    throw new Unknown(); // inline flags change what the rest means
                }
                skipGroup();
                return -1;
            }
            case '|', ')', '*', '+', '?', '{' -> throw new Unknown();
            case '.', '^', '$' -> {
                at++;
                return -1;
            }
            default -> {
                at++;
                return c < 128 ? c : -1;
            }
        }
    }

    /** Reads the quantifier after an atom, if any; returns the least number of times the atom occurs (1 without). */
    private int quantifierMin() throws Unknown {
        quantified = false;
        if (at >= regex.length()) {
            return 1;
        }
        char q = regex.charAt(at);
        int min;
        switch (q) {
            case '?', '*' -> {
                at++;
                min = 0;
            }
            case '+' -> {
                at++;
                min = 2; // at least once, maybe more: a run does not go on past it
            }
            case '{' -> {
                int close = regex.indexOf('}', at);
                if (close < 0) {
                    throw new Unknown();
                }
                String body = regex.substring(at + 1, close);
                String first = body.contains(",") ? body.substring(0, body.indexOf(',')) : body;
                if (first.isEmpty() || !first.chars().allMatch(Character::isDigit) || first.length() > 9) {
                    throw new Unknown();
                }
                min = Integer.parseInt(first);
                min = min == 0 ? 0 : body.equals("1") ? 1 : 2;
                at = close + 1;
            }
            default -> {
                return 1;
            }
        }
        quantified = true;
        if (at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '+')) {
            at++; // lazy or possessive: the same least count
        }
        return min;
    }

    /** Skips a character class, nested ones and escapes included. */
    private void skipClass() throws Unknown {
        int depth = 0;
        boolean first = true;
        while (at < regex.length()) {
            char c = regex.charAt(at);
            if (c == '\\') {
                at += 2;
                first = false;
                continue;
            }
            if (c == '[') {
                depth++;
                at++;
                first = true;
                if (at < regex.length() && regex.charAt(at) == '^') {
                    at++;
                }
                continue;
            }
            if (c == ']' && !first) {
                depth--;
                at++;
                if (depth == 0) {
                    return;
                }
                continue;
            }
            first = false;
            at++;
        }
        throw new Unknown();
    }

    /** Skips a group to its closing parenthesis, classes and escapes inside included. */
    private void skipGroup() throws Unknown {
        int depth = 0;
        while (at < regex.length()) {
            char c = regex.charAt(at);
            if (c == '\\') {
                at += 2;
            } else if (c == '[') {
                skipClass();
            } else if (c == '(') {
                depth++;
                at++;
            } else if (c == ')') {
                depth--;
                at++;
                if (depth == 0) {
                    return;
                }
            } else {
                at++;
            }
        }
        throw new Unknown();
    }
}
