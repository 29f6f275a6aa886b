package dev.omne.inspector.core.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One term of the filter language ({@link EventFilter} says what each means), as written and as read: its key,
 * its value and whether a {@code -} negates it. Reading a term checks only its shape; {@link EventFilter#parse}
 * checks its value (an {@code is:} word, a time, a regular expression), so a text with a mistake still reads as
 * terms and can be edited term by term.
 *
 * @param value  what follows the key: the text without its quotes, the regular expression without its slashes
 * @param source the term as written, so that edits keep the rest of a text as the person typed it
 */
public record FilterTerm(Key key, String value, boolean negated, String source) {
    /** What a term looks at. */
    public enum Key {
        /** A word or {@code "a phrase"} in the line. */
        TEXT,
        /** {@code /regex/} over the line. */
        REGEX,
        TYPE, NODE, KIND,
        /** {@code is:error}, {@code is:warning}, {@code is:failure}: see {@link Condition}. */
        IS,
        AFTER, BEFORE;

        /** {@code type:}, ..., or empty for text and regular expressions. */
        public String prefix() {
            return this == TEXT || this == REGEX ? "" : name().toLowerCase(Locale.ROOT) + ":";
        }

        /** Whether the key reads an index column (no file access). */
        boolean isColumn() {
            return this == TYPE || this == NODE || this == KIND || this == IS;
        }

        static Key named(String word) {
            for (Key k : values()) {
                if (k.isNamed() && k.name().equalsIgnoreCase(word)) {
                    return k;
                }
            }
            return null;
        }

        private boolean isNamed() {
            return this != TEXT && this != REGEX;
        }
    }

    /** The values of {@code is:}. */
    public enum Condition {
        /** A line that is not an event. */
        ERROR("error"),
        /** An event with a warning. */
        WARNING("warning"),
        /** A failed node or run, or a line that is not an event. */
        FAILURE("failure");

        private static final Condition[] ALL = values();
        private final String word;

        Condition(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        /** The condition of an {@code is:} value, or null. */
        public static Condition of(String word) {
            for (Condition c : ALL) {
                if (c.word.equals(word)) {
                    return c;
                }
            }
            return null;
        }
    }

    /** A term as the filter controls write it: {@code type:node.failed}, {@code is:failure}. */
    public static FilterTerm of(Key key, String value) {
        return new FilterTerm(key, value, false, key.prefix() + value);
    }

    public static FilterTerm is(Condition condition) {
        return of(Key.IS, condition.word());
    }

    /** Whether two terms mean the same, however they are written ({@code IS:failure} is {@code is:failure}). */
    public boolean sameAs(FilterTerm other) {
        return key == other.key && negated == other.negated && value.equals(other.value);
    }

    /** The terms of an expression ({@code "phrases"} and {@code /regexes/} whole). */
    public static List<FilterTerm> parse(String expression) {
        List<FilterTerm> terms = new ArrayList<>();
        for (String word : split(expression)) {
            terms.add(read(word));
        }
        return terms;
    }

    /** One word of an expression as a term; a key the language does not know makes it text. */
    public static FilterTerm read(String word) {
        boolean negated = word.length() > 1 && word.startsWith("-");
        String term = negated ? word.substring(1) : word;
        int colon = term.indexOf(':');
        Key key = colon > 0 && !term.startsWith("\"") && !term.startsWith("/") ? Key.named(term.substring(0, colon))
                : null;
        if (key != null) {
            return new FilterTerm(key, term.substring(colon + 1), negated, word);
        }
        if (term.length() >= 2 && term.startsWith("/") && term.endsWith("/")) {
            return new FilterTerm(Key.REGEX, term.substring(1, term.length() - 1), negated, word);
        }
        String text = term.startsWith("\"") && term.endsWith("\"") && term.length() >= 2
                ? term.substring(1, term.length() - 1) : term;
        return new FilterTerm(Key.TEXT, text, negated, word);
    }

    /** Words, keeping {@code "quoted phrases"} and {@code /regex with spaces/} whole. */
    private static List<String> split(String expression) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                word.append(c);
                if (c == quote && !(quote == '/' && word.length() > 1 && word.charAt(word.length() - 2) == '\\')) {
                    quote = 0;
                }
            } else if (Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                boolean startsTerm = word.isEmpty() || (word.length() == 1 && word.charAt(0) == '-');
                if ((c == '"' || c == '/') && startsTerm) {
                    quote = c;
                }
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new FilterSyntaxException("unclosed " + (quote == '"' ? "quote" : "regular expression") + " in \""
                    + expression.strip() + "\"");
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }
}
