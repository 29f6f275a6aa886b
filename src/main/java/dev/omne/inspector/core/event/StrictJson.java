package dev.omne.inspector.core.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;

/**
 * The strict JSON factory every reading path shares: all of Jackson's lenient features off, nesting bounded.
 * Duplicate top-level keys are refused by the line scanner itself (Jackson's own detection costs a hash set
 * per object, which dominated indexing); nested duplicates are accepted, last one wins, as serde_json does. Kept apart from the data-binding mapper so that scanning lines loads only
 * jackson-core, which keeps the command line quick to start.
 */
public final class StrictJson {
    /** Deeper nesting than this is a diagnostic, not a stack overflow. */
    public static final int MAX_NESTING_DEPTH = 1000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .disable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
            .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .disable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .disable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build();

    private StrictJson() {
    }

    public static JsonFactory factory() {
        return FACTORY;
    }
}
