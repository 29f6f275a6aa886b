package dev.omne.inspector.core.filter;

import dev.omne.inspector.core.event.EventTypes;
import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.core.log.Bytes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
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
        Map<FilterTerm.Key, List<String>> positive = new EnumMap<>(FilterTerm.Key.class);
        Map<FilterTerm.Key, List<String>> negative = new EnumMap<>(FilterTerm.Key.class);
        List<TextTerm> texts = new ArrayList<>();
        long after = Timestamps.NONE;
        long before = Timestamps.NONE;
        for (FilterTerm term : FilterTerm.parse(expression)) {
            String word = term.source();
            String value = term.value();
            switch (term.key()) {
                case TYPE, NODE, KIND, IS -> {
                    String key = term.key().prefix();
                    if (value.isEmpty()) {
                        throw new FilterSyntaxException("\"" + word + "\": say which " + key.substring(0, key.length() - 1));
                    }
                    if (term.key() == FilterTerm.Key.IS && FilterTerm.Condition.of(value) == null) {
                        throw new FilterSyntaxException("\"" + word + "\": is: takes error, warning or failure");
                    }
                    (term.negated() ? negative : positive).computeIfAbsent(term.key(), k -> new ArrayList<>()).add(value);
                }
                case AFTER, BEFORE -> {
                    long micros = Timestamps.parseMicros(value);
                    if (micros == Timestamps.NONE) {
                        throw new FilterSyntaxException("\"" + word + "\": " + term.key().prefix()
                                + " takes an RFC 3339 time such as 2026-04-15T00:00:00Z");
                    }
                    if (term.key() == FilterTerm.Key.AFTER) {
                        after = micros;
                    } else {
                        before = micros;
                    }
                }
                case REGEX -> {
                    try {
                        texts.add(new TextTerm(null, Pattern.compile(value), term.negated()));
                    } catch (PatternSyntaxException e) {
                        throw new FilterSyntaxException("\"" + word + "\": not a regular expression: " + e.getDescription());
                    }
                }
                case TEXT -> {
                    if (!value.isEmpty()) {
                        texts.add(new TextTerm(value.toLowerCase(Locale.ROOT), null, term.negated()));
                    }
                }
            }
        }
        List<ColumnTerm> columns = new ArrayList<>();
        positive.forEach((key, values) -> columns.add(new ColumnTerm(key, List.copyOf(values), false)));
        negative.forEach((key, values) -> columns.add(new ColumnTerm(key, List.copyOf(values), true)));
        return new EventFilter(expression.strip(), List.copyOf(columns), List.copyOf(texts), after, before);
    }

    public boolean isAll() {
        return columns.isEmpty() && texts.isEmpty() && afterMicros == Timestamps.NONE && beforeMicros == Timestamps.NONE;
    }

    /**
     * Bytes that every line this filter matches contains (the literal of a regular expression that must match), or
     * null: a reader may pass over lines without them, unread.
     */
    public byte[] requiredBytes() {
        for (TextTerm term : texts) {
            if (!term.negated && term.required != null) {
                return term.required.clone();
            }
        }
        return null;
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
        return columns.stream().anyMatch(c -> c.key == FilterTerm.Key.TYPE);
    }

    /** A copy without its {@code type:} terms: what type facets count against. */
    public EventFilter withoutTypes() {
        List<ColumnTerm> kept = columns.stream().filter(c -> c.key != FilterTerm.Key.TYPE).toList();
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
                case TYPE -> byId(types, term, s::typeId);
                case NODE -> byId(nodes, term, s::nodeId);
                case KIND -> byId(kinds, term, s::nodeId);
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
                if (term.required != null && Bytes.indexOf(line, off, off + len, term.required) < 0) {
                    hit = false; // the line lacks what every match holds: it is not decoded
                } else {
                    if (text == null) {
                        text = new String(line, off, len, StandardCharsets.UTF_8);
                    }
                    hit = term.pattern.matcher(text).find();
                }
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

    private record ColumnTerm(FilterTerm.Key key, List<String> values, boolean negated) {
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
                case TYPE -> glob(value, s.type(row));
                case NODE -> glob(value, s.node(row));
                case KIND -> glob(value, s.nodeKind(s.nodeId(row)));
                case IS -> switch (FilterTerm.Condition.of(value)) {
                    case ERROR -> s.isError(row);
                    case WARNING -> s.hasWarning(row);
                    case FAILURE -> s.isError(row) || EventTypes.isFailure(s.type(row));
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
        /** ASCII bytes that every match of {@code pattern} contains ({@link RequiredLiteral}), or null. */
        final byte[] required;
        final boolean negated;

        TextTerm(String lowerText, Pattern pattern, boolean negated) {
            this.lowerText = lowerText;
            this.pattern = pattern;
            this.negated = negated;
            String literal = pattern == null ? null : RequiredLiteral.of(pattern.pattern());
            this.required = literal == null ? null : literal.getBytes(StandardCharsets.US_ASCII);
            this.asciiNeedle = lowerText != null && lowerText.chars().allMatch(c -> c < 128)
                    ? lowerText.getBytes(StandardCharsets.US_ASCII) : null;
        }
    }
}
