package dev.omne.inspector.ui.filter;

import dev.omne.inspector.core.filter.FilterTerm;
import dev.omne.inspector.core.filter.FilterTerm.Key;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilterTextTest {
    @Test
    void togglingATermAddsItAtTheEndOrTakesItOutWherever() {
        assertEquals("is:failure", FilterText.toggle("", FilterText.FAILURES));
        assertEquals("plan is:failure", FilterText.toggle(" plan ", FilterText.FAILURES));
        assertEquals("plan \"a b\"", FilterText.toggle("plan IS:failure \"a b\"", FilterText.FAILURES), "keys ignore case");
        assertEquals("plan -is:failure is:failure", FilterText.toggle("plan -is:failure", FilterText.FAILURES),
                "a negated term means the opposite");
        assertTrue(FilterText.has("x /a b/ Type:node.failed", FilterTerm.of(Key.TYPE, "node.failed")));
        assertFalse(FilterText.has("x type:node.failed", FilterTerm.of(Key.TYPE, "node.failed2")));
        assertFalse(FilterText.has("\"type:node.failed\"", FilterTerm.of(Key.TYPE, "node.failed")), "a phrase is text");
    }

    @Test
    void typesAreThePositiveTypeTermsOnly() {
        assertEquals(List.of("node.failed", "gate.*"), FilterText.types("type:node.failed -type:x plan TYPE:gate.*"));
    }

    @Test
    void aRangeIsWrittenInWholeMillisecondsCoveringTheDraggedSpan() {
        long from = 1_776_247_200_123_456L;   // 2026-04-15T10:00:00.123456Z
        long to = from + 2_500_001L;
        assertEquals("node:plan after:2026-04-15T10:00:00.123Z before:2026-04-15T10:00:02.624Z",
                FilterText.withRange("node:plan after:2020-01-01T00:00:00Z", from, to));
        assertEquals("node:plan", FilterText.withoutRange("after:x node:plan before:y"));
    }

    @Test
    void aTextTheParserRefusesIsStillEditedWordByWord() {
        assertEquals("\"open is:failure", FilterText.toggle("\"open", FilterText.FAILURES));
    }
}
