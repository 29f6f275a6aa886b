package dev.omne.inspector.core.filter;

import dev.omne.inspector.core.filter.FilterTerm.Key;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilterTermTest {
    @Test
    void eachWordReadsAsAKeyAValueAndItsNegation() {
        List<FilterTerm> terms = FilterTerm.parse(
                "TYPE:node.* -node:plan kind:bash is:failure after:2026-04-15T00:00:00Z \"a phrase\" -/x y/ foo:bar -");
        assertEquals(List.of(
                new FilterTerm(Key.TYPE, "node.*", false, "TYPE:node.*"),
                new FilterTerm(Key.NODE, "plan", true, "-node:plan"),
                new FilterTerm(Key.KIND, "bash", false, "kind:bash"),
                new FilterTerm(Key.IS, "failure", false, "is:failure"),
                new FilterTerm(Key.AFTER, "2026-04-15T00:00:00Z", false, "after:2026-04-15T00:00:00Z"),
                new FilterTerm(Key.TEXT, "a phrase", false, "\"a phrase\""),
                new FilterTerm(Key.REGEX, "x y", true, "-/x y/"),
                new FilterTerm(Key.TEXT, "foo:bar", false, "foo:bar"),
                new FilterTerm(Key.TEXT, "-", false, "-")), terms);
    }

    @Test
    void readingChecksOnlyTheShapeSoATextWithAMistakeStillHasTerms() {
        assertEquals(new FilterTerm(Key.IS, "bogus", false, "is:bogus"), FilterTerm.read("is:bogus"));
        assertEquals(new FilterTerm(Key.BEFORE, "yesterday", false, "before:yesterday"), FilterTerm.read("before:yesterday"));
        assertThrows(FilterSyntaxException.class, () -> EventFilter.parse("is:bogus"));
        assertThrows(FilterSyntaxException.class, () -> FilterTerm.parse("\"unclosed"));
    }

    @Test
    void termsAsTheControlsWriteThemMeanTheSameAsTyped() {
        FilterTerm failures = FilterTerm.is(FilterTerm.Condition.FAILURE);
        assertEquals("is:failure", failures.source());
        assertTrue(failures.sameAs(FilterTerm.read("IS:failure")));
        assertEquals("type:gate.passed", FilterTerm.of(Key.TYPE, "gate.passed").source());
        assertFalse(failures.sameAs(FilterTerm.read("-is:failure")));
    }
}
