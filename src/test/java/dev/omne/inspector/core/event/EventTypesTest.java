package dev.omne.inspector.core.event;

import dev.omne.inspector.core.event.EventTypes.Mark;
import dev.omne.inspector.core.event.EventTypes.Tone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class EventTypesTest {
    /** Every place that reads meaning into a type name asks here, so one row says all it means. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // type,               tone,      mark,           failure, run end, names a node
            "run.started,          RUN,       RUN,            false,   false,   false",
            "run.completed,        DONE,      RUN,            false,   true,    false",
            "run.failed,           FAILED,    RUN,            true,    true,    false",
            "run.signal_received,  RUN,       RUN,            false,   false,   false",
            "node.started,         NODE,      NODE_STARTED,   false,   false,   true",
            "node.completed,       DONE,      NODE_COMPLETED, false,   false,   true",
            "node.failed,          FAILED,    NODE_FAILED,    true,    false,   true",
            "node.progress,        NODE,      NODE_ACTIVITY,  false,   false,   true",
            "node.output,          NODE,      NODE_ACTIVITY,  false,   false,   true",
            "node.iteration,       NODE,      ITERATION,      false,   false,   true",
            "node.retry.error,     FAILED,    OTHER,          true,    false,   true",
            "gate.passed,          GATE,      GATE,           false,   false,   false",
            "gate.completed,       GATE,      GATE,           false,   false,   false",
            "gate.failed,          FAILED,    GATE,           true,    false,   false",
            "gate.opened,          GATE,      GATE,           false,   false,   false",
            "loop.iteration,       OTHER,     ITERATION,      false,   false,   false",
            "loop.completed,       DONE,      OTHER,          false,   false,   false",
            "deploy.error,         FAILED,    OTHER,          true,    false,   false",
            "custom.thing,         OTHER,     OTHER,          false,   false,   false",
    })
    void aTypeMeansTheSameEverywhere(String type, Tone tone, Mark mark, boolean failure, boolean runEnd,
                                     boolean namesNode) {
        assertEquals(tone, EventTypes.tone(type), "tone");
        assertEquals(mark, EventTypes.mark(type), "mark");
        assertEquals(failure, EventTypes.isFailure(type), "failure");
        assertEquals(runEnd, EventTypes.isRunEnd(type), "run end");
        assertEquals(namesNode, EventTypes.namesNode(type), "names a node");
    }

    @Test
    void aLineWithNoTypeIsMalformedAndNeitherAFailureNorAnEnd() {
        assertEquals(Tone.MALFORMED, EventTypes.tone(null));
        assertFalse(EventTypes.isFailure(null));
        assertFalse(EventTypes.isRunEnd(null));
    }
}
