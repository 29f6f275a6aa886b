package dev.omne.inspector.ui.filter;

import dev.omne.inspector.core.event.Timestamps;
import dev.omne.inspector.core.filter.EventFilter;
import dev.omne.inspector.core.filter.FilterSyntaxException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Edits of the filter field's text. Every control that filters (type facets, "failures only", a range dragged
 * on the timeline) writes terms into the one text, so the active filter is always shown plainly, can be edited
 * by hand, and one Esc clears all of it.
 */
public final class FilterText {
    public static final String FAILURES = "is:failure";

    private FilterText() {
    }

    /** Whether the text has {@code term} (keys compared ignoring case, as the parser does). */
    public static boolean has(String text, String term) {
        return terms(text).stream().anyMatch(t -> same(t, term));
    }

    /** Adds {@code term} at the end, or removes it where it already is. */
    public static String toggle(String text, String term) {
        List<String> terms = terms(text);
        if (terms.removeIf(t -> same(t, term))) {
            return String.join(" ", terms);
        }
        return join(text, term);
    }

    /** The positive {@code type:} values of the text, in order. */
    public static List<String> types(String text) {
        List<String> out = new ArrayList<>();
        for (String t : terms(text)) {
            if (t.regionMatches(true, 0, "type:", 0, 5) && t.length() > 5) {
                out.add(t.substring(5));
            }
        }
        return out;
    }

    /** The text with its {@code after:} and {@code before:} terms replaced by the range [from, to). */
    public static String withRange(String text, long fromMicros, long toMicros) {
        List<String> terms = terms(text);
        terms.removeIf(t -> isKey(t, "after:") || isKey(t, "before:"));
        long fromMillis = Math.floorDiv(fromMicros, 1000);
        long toMillis = -Math.floorDiv(-toMicros, 1000);
        terms.add("after:" + Timestamps.format(Instant.ofEpochMilli(fromMillis)));
        terms.add("before:" + Timestamps.format(Instant.ofEpochMilli(Math.max(toMillis, fromMillis + 1))));
        return String.join(" ", terms);
    }

    /** The text without its time range. */
    public static String withoutRange(String text) {
        List<String> terms = terms(text);
        terms.removeIf(t -> isKey(t, "after:") || isKey(t, "before:"));
        return String.join(" ", terms);
    }

    /** The terms of a text; a text the parser refuses (an unclosed quote) is split at spaces. */
    private static List<String> terms(String text) {
        if (text == null || text.isBlank()) {
            return new ArrayList<>();
        }
        try {
            return new ArrayList<>(EventFilter.terms(text));
        } catch (FilterSyntaxException e) {
            return new ArrayList<>(List.of(text.strip().split("\\s+")));
        }
    }

    private static String join(String text, String term) {
        String base = text == null ? "" : text.strip();
        return base.isEmpty() ? term : base + " " + term;
    }

    private static boolean isKey(String term, String key) {
        return term.regionMatches(true, 0, key, 0, key.length());
    }

    private static boolean same(String a, String b) {
        int colon = a.indexOf(':');
        if (colon > 0 && colon == b.indexOf(':')) {
            return a.substring(0, colon).toLowerCase(Locale.ROOT).equals(b.substring(0, colon).toLowerCase(Locale.ROOT))
                    && a.substring(colon).equals(b.substring(colon));
        }
        return a.equals(b);
    }
}
