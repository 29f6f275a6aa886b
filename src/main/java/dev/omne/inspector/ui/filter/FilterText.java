package dev.omne.inspector.ui.filter;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.filter.FilterTerm;
import dev.omne.inspector.core.filter.FilterTerm.Key;
import dev.omne.inspector.core.filter.FilterSyntaxException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Edits of the filter field's text. Every control that filters (type facets, "failures only", a range dragged
 * on the timeline) writes terms into the one text, so the active filter is always shown plainly, can be edited
 * by hand, and one Esc clears all of it.
 */
public final class FilterText {
    public static final FilterTerm FAILURES = FilterTerm.is(FilterTerm.Condition.FAILURE);

    private FilterText() {
    }

    /** Whether the text has a term that means {@code term}. */
    public static boolean has(String text, FilterTerm term) {
        return terms(text).stream().anyMatch(t -> t.sameAs(term));
    }

    /** Adds {@code term} at the end, or removes it where it already is. */
    public static String toggle(String text, FilterTerm term) {
        List<FilterTerm> terms = terms(text);
        if (terms.removeIf(t -> t.sameAs(term))) {
            return join(terms);
        }
        String base = text == null ? "" : text.strip();
        return base.isEmpty() ? term.source() : base + " " + term.source();
    }

    /** The positive {@code type:} values of the text, in order. */
    public static List<String> types(String text) {
        List<String> out = new ArrayList<>();
        for (FilterTerm t : terms(text)) {
            if (t.key() == Key.TYPE && !t.negated() && !t.value().isEmpty()) {
                out.add(t.value());
            }
        }
        return out;
    }

    /** The text without its {@code type:} terms: what the type facets' counts depend on. */
    public static String withoutTypes(String text) {
        List<FilterTerm> terms = terms(text);
        terms.removeIf(t -> t.key() == Key.TYPE);
        return join(terms);
    }

    /** The text with its {@code after:} and {@code before:} terms replaced by the range [from, to). */
    public static String withRange(String text, long fromMicros, long toMicros) {
        List<FilterTerm> terms = terms(text);
        terms.removeIf(FilterText::isRange);
        long[] range = roundedRange(fromMicros, toMicros);
        terms.add(FilterTerm.of(Key.AFTER, Timestamps.format(Instant.ofEpochMilli(range[0] / 1000))));
        terms.add(FilterTerm.of(Key.BEFORE, Timestamps.format(Instant.ofEpochMilli(range[1] / 1000))));
        return join(terms);
    }

    /**
     * The range {@link #withRange} writes for [from, to) in epoch microseconds: whole milliseconds, widened
     * outwards (at least one), as {from, to} in microseconds, so that what is said of the range is what filters.
     */
    public static long[] roundedRange(long fromMicros, long toMicros) {
        long fromMillis = Math.floorDiv(fromMicros, 1000);
        long toMillis = Math.max(-Math.floorDiv(-toMicros, 1000), fromMillis + 1);
        return new long[] {fromMillis * 1000, toMillis * 1000};
    }

    /** The text without its time range. */
    public static String withoutRange(String text) {
        List<FilterTerm> terms = terms(text);
        terms.removeIf(FilterText::isRange);
        return join(terms);
    }

    /** The terms of a text; a text the parser refuses (an unclosed quote) is split at spaces. */
    private static List<FilterTerm> terms(String text) {
        if (text == null || text.isBlank()) {
            return new ArrayList<>();
        }
        try {
            return new ArrayList<>(FilterTerm.parse(text));
        } catch (FilterSyntaxException e) {
            List<FilterTerm> words = new ArrayList<>();
            for (String word : text.strip().split("\\s+")) {
                words.add(FilterTerm.read(word));
            }
            return words;
        }
    }

    private static boolean isRange(FilterTerm t) {
        return (t.key() == Key.AFTER || t.key() == Key.BEFORE) && !t.negated();
    }

    /** The terms as written, so that the rest of the text stays as it was typed. */
    private static String join(List<FilterTerm> terms) {
        return String.join(" ", terms.stream().map(FilterTerm::source).toList());
    }
}
