package dev.omne.inspector.core.filter;

import dev.omne.inspector.core.event.EventTypes;
import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.index.IndexSnapshot;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The filter language of the window's filter field and of {@code export --filter}:
 * <ul>
 *   <li>{@code word} or {@code "a phrase"}: the raw line contains it, ignoring case;</li>
 *   <li>{@code /regex/}: the raw line matches a regular expression;</li>
 *   <li>{@code type:node.failed}, {@code node:plan}, {@code kind:bash}: the indexed columns; a trailing
 *       {@code *} matches a prefix ({@code type:node.*}); the same key given twice means either;</li>
 *   <li>{@code is:error} (malformed lines), {@code is:warning}, {@code is:failure} (failed nodes and runs,
 *       and malformed lines);</li>
 *   <li>{@code after:TIME}, {@code before:TIME}: an RFC 3339 time range (inclusive, exclusive);</li>
 *   <li>{@code -} before any term negates it.</li>
 * </ul>
 * Terms are all required. Matching on the indexed columns needs no file access; text terms need the line.
 */
public final class EventFilter {
    /** Matches everything. */
    public static final EventFilter ALL = new EventFilter("", List.of(), List.of(), Timestamps.NONE, Timestamps.NONE);

    private final String source;
    private final List<ColumnTerm> columns;
    private final List<TextTerm> texts;
    private final long afterMicros;
    private final long beforeMicros;

    private EventFilter(String source, List<ColumnTerm> columns, List<TextTerm> texts, long afterMicros,
                        long beforeMicros) {
        this.source = source;
        this.columns = columns;
        this.texts = texts;
        this.afterMicros = afterMicros;
        this.beforeMicros = beforeMicros;
    }

    public static EventFilter parse(String expression) {
        if (expression == null || expression.isBlank()) {
            return ALL;
        }
        Map<String, List<String>> positive = new LinkedHashMap<>();
        Map<String, List<String>> negative = new LinkedHashMap<>();
        List<TextTerm> texts = new ArrayList<>();
        long after = Timestamps.NONE;
        long before = Timestamps.NONE;
        for (String word : split(expression)) {
            boolean negated = word.length() > 1 && word.startsWith("-");
            String term = negated ? word.substring(1) : word;
            int colon = term.indexOf(':');
            String key = colon > 0 && !term.startsWith("\"") && !term.startsWith("/")
                    ? term.substring(0, colon).toLowerCase(Locale.ROOT) : null;
            if (key != null && List.of("type", "node", "kind", "is").contains(key)) {
                String value = term.substring(colon + 1);
                if (value.isEmpty()) {
                    throw new FilterSyntaxException("\"" + word + "\": say which " + key);
                }
                if (key.equals("is") && !List.of("error", "warning", "failure").contains(value)) {
                    throw new FilterSyntaxException("\"" + word + "\": is: takes error, warning or failure");
                }
                (negated ? negative : positive).computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            } else if (key != null && (key.equals("after") || key.equals("before"))) {
                long micros = Timestamps.parseMicros(term.substring(colon + 1));
                if (micros == Timestamps.NONE) {
                    throw new FilterSyntaxException("\"" + word + "\": " + key
                            + ": takes an RFC 3339 time such as 2026-04-15T00:00:00Z");
                }
                if (key.equals("after")) {
                    after = micros;
                } else {
                    before = micros;
                }
            } else if (term.length() >= 2 && term.startsWith("/") && term.endsWith("/")) {
                try {
                    texts.add(new TextTerm(null, Pattern.compile(term.substring(1, term.length() - 1)), negated));
                } catch (PatternSyntaxException e) {
                    throw new FilterSyntaxException("\"" + word + "\": not a regular expression: " + e.getDescription());
                }
            } else {
                String text = term.startsWith("\"") && term.endsWith("\"") && term.length() >= 2
                        ? term.substring(1, term.length() - 1) : term;
                if (!text.isEmpty()) {
                    texts.add(new TextTerm(text.toLowerCase(Locale.ROOT), null, negated));
                }
            }
        }
        List<ColumnTerm> columns = new ArrayList<>();
        positive.forEach((key, values) -> columns.add(new ColumnTerm(key, List.copyOf(values), false)));
        negative.forEach((key, values) -> columns.add(new ColumnTerm(key, List.copyOf(values), true)));
        return new EventFilter(expression.strip(), List.copyOf(columns), List.copyOf(texts), after, before);
    }

    /** The terms of an expression as the parser sees them ({@code "phrases"} and {@code /regexes/} whole). */
    public static List<String> terms(String expression) {
        return split(expression);
    }

    /** Words, keeping {@code "quoted phrases"} and {@code /regex with spaces/} whole. */
    static List<String> split(String expression) {
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

    public boolean isAll() {
        return columns.isEmpty() && texts.isEmpty() && afterMicros == Timestamps.NONE && beforeMicros == Timestamps.NONE;
    }

    /** Whether matching needs each line's text (free text or a regular expression). */
    public boolean needsText() {
        return !texts.isEmpty();
    }

    public String source() {
        return source;
    }

    /** A copy limited to a time range (either end may be {@link Timestamps#NONE}). */
    public EventFilter withTimeRange(long afterMicros, long beforeMicros) {
        return new EventFilter(source, columns, texts, afterMicros, beforeMicros);
    }

    /** Whether the filter has {@code type:} terms (given or negated). */
    public boolean hasTypeTerms() {
        return columns.stream().anyMatch(c -> c.key.equals("type"));
    }

    /** A copy without its {@code type:} terms: what type facets count against. */
    public EventFilter withoutTypes() {
        List<ColumnTerm> kept = columns.stream().filter(c -> !c.key.equals("type")).toList();
        return new EventFilter(source, kept, texts, afterMicros, beforeMicros);
    }

    public long afterMicros() {
        return afterMicros;
    }

    public long beforeMicros() {
        return beforeMicros;
    }

    /** The part of the filter that the index columns decide. */
    public boolean matchesColumns(IndexSnapshot s, int row) {
        if (afterMicros != Timestamps.NONE || beforeMicros != Timestamps.NONE) {
            long ts = s.tsMicros(row);
            if (ts == Timestamps.NONE || (afterMicros != Timestamps.NONE && ts < afterMicros)
                    || (beforeMicros != Timestamps.NONE && ts >= beforeMicros)) {
                return false;
            }
        }
        for (ColumnTerm term : columns) {
            if (term.matches(s, row) == term.negated) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #matchesColumns} made for one snapshot: each term is decided once per interned type, node and kind
     * instead of once per row, so a row costs a few array reads.
     */
    public java.util.function.IntPredicate columnsOf(IndexSnapshot s) {
        java.util.function.IntPredicate all = row -> true;
        if (afterMicros != Timestamps.NONE || beforeMicros != Timestamps.NONE) {
            long after = afterMicros;
            long before = beforeMicros;
            all = row -> {
                long ts = s.tsMicros(row);
                return ts != Timestamps.NONE && (after == Timestamps.NONE || ts >= after)
                        && (before == Timestamps.NONE || ts < before);
            };
        }
        List<String> types = s.types();
        List<String> nodes = s.nodes();
        // A node's kind, by node id (null where unknown): kind terms are decided per node.
        List<String> kinds = java.util.stream.IntStream.range(0, nodes.size()).mapToObj(s::nodeKind).toList();
        for (ColumnTerm term : columns) {
            java.util.function.IntPredicate one = switch (term.key) {
                case "type" -> byId(types, term, s::typeId);
                case "node" -> byId(nodes, term, s::nodeId);
                case "kind" -> byId(kinds, term, s::nodeId);
                default -> row -> term.matches(s, row);
            };
            java.util.function.IntPredicate decided = term.negated ? one.negate() : one;
            all = all.and(decided);
        }
        return all;
    }

    private static java.util.function.IntPredicate byId(List<String> names, ColumnTerm term,
                                                        java.util.function.IntUnaryOperator idOf) {
        boolean[] hit = new boolean[names.size()];
        for (int id = 0; id < hit.length; id++) {
            String name = names.get(id);
            hit[id] = term.values.stream().anyMatch(v -> ColumnTerm.glob(v, name));
        }
        return row -> {
            int id = idOf.applyAsInt(row);
            return id >= 0 && id < hit.length && hit[id];
        };
    }

    /** The part that needs the raw line (UTF-8 bytes, without its newline). */
    public boolean matchesText(byte[] line, int off, int len) {
        if (texts.isEmpty()) {
            return true;
        }
        String text = null;
        for (TextTerm term : texts) {
            boolean hit;
            if (term.pattern != null) {
                if (text == null) {
                    text = new String(line, off, len, StandardCharsets.UTF_8);
                }
                hit = term.pattern.matcher(text).find();
            } else if (term.asciiNeedle != null) {
                hit = containsIgnoreCaseAscii(line, off, len, term.asciiNeedle);
            } else {
                if (text == null) {
                    text = new String(line, off, len, StandardCharsets.UTF_8);
                }
                hit = text.toLowerCase(Locale.ROOT).contains(term.lowerText);
            }
            if (hit == term.negated) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsIgnoreCaseAscii(byte[] hay, int off, int len, byte[] needle) {
        int n = needle.length;
        if (n == 0) {
            return true;
        }
        byte first = needle[0];
        for (int i = off, last = off + len - n; i <= last; i++) {
            if (lower(hay[i]) != first) {
                continue;
            }
            int k = 1;
            while (k < n && lower(hay[i + k]) == needle[k]) {
                k++;
            }
            if (k == n) {
                return true;
            }
        }
        return false;
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }

    @Override
    public String toString() {
        return source;
    }

    private record ColumnTerm(String key, List<String> values, boolean negated) {
        boolean matches(IndexSnapshot s, int row) {
            for (String value : values) {
                if (matchesOne(s, row, value)) {
                    return true;
                }
            }
            return false;
        }

        private boolean matchesOne(IndexSnapshot s, int row, String value) {
            return switch (key) {
                case "type" -> glob(value, s.type(row));
                case "node" -> glob(value, s.node(row));
                case "kind" -> glob(value, s.nodeKind(s.nodeId(row)));
                case "is" -> switch (value) {
                    case "error" -> s.isError(row);
                    case "warning" -> s.hasWarning(row);
                    default -> s.isError(row) || EventTypes.isFailure(s.type(row));
                };
                default -> false;
            };
        }

        private static boolean glob(String pattern, String actual) {
            if (actual == null) {
                return false;
            }
            return pattern.endsWith("*") ? actual.startsWith(pattern.substring(0, pattern.length() - 1))
                    : actual.equals(pattern);
        }
    }

    private static final class TextTerm {
        final String lowerText;
        final byte[] asciiNeedle;
        final Pattern pattern;
        final boolean negated;

        TextTerm(String lowerText, Pattern pattern, boolean negated) {
            this.lowerText = lowerText;
            this.pattern = pattern;
            this.negated = negated;
            this.asciiNeedle = lowerText != null && lowerText.chars().allMatch(c -> c < 128)
                    ? lowerText.getBytes(StandardCharsets.US_ASCII) : null;
        }
    }
}
