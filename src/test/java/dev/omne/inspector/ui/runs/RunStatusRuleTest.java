package dev.omne.inspector.ui.runs;

import dev.omne.inspector.ui.session.RunFacts;
import dev.omne.inspector.core.event.Timestamps;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunStatusRuleTest {
    private static final long RECENT = 1_000;
    private static final long QUIET = RunStatusRule.QUIET_AFTER.toMillis() + 1;

    private static RunFacts facts(int events, String endType, String lastType) {
        return new RunFacts(events, 0, 0, events > 0 ? 1 : Timestamps.NONE, events > 0 ? 2 : Timestamps.NONE,
                endType, lastType);
    }

    @Test
    void runCompletedMeansCompletedEvenWhenQuiet() {
        assertEquals(RunStatus.COMPLETED, RunStatusRule.derive(facts(5, "run.completed", "run.completed"), QUIET));
        assertEquals(RunStatus.COMPLETED, RunStatusRule.derive(facts(5, "run.completed", "run.completed"), RECENT));
    }

    @Test
    void runFailedMeansFailed() {
        assertEquals(RunStatus.FAILED, RunStatusRule.derive(facts(5, "run.failed", "run.failed"), RECENT));
    }

    @Test
    void nodeFailedLastWithoutRunEndMeansFailed() {
        assertEquals(RunStatus.FAILED, RunStatusRule.derive(facts(5, null, "node.failed"), RECENT));
        assertEquals(RunStatus.FAILED, RunStatusRule.derive(facts(5, null, "node.failed"), QUIET));
    }

    @Test
    void nodeFailedFollowedByOtherEventsIsNotFailure() {
        assertEquals(RunStatus.RUNNING, RunStatusRule.derive(facts(5, null, "node.started"), RECENT));
    }

    @Test
    void eventsWithoutEndAreRunningWhileTheLogChangesAndUnknownWhenQuiet() {
        assertEquals(RunStatus.RUNNING, RunStatusRule.derive(facts(3, null, "node.started"), RECENT));
        assertEquals(RunStatus.UNKNOWN, RunStatusRule.derive(facts(3, null, "node.started"), QUIET));
    }

    @Test
    void noEventsIsUnknown() {
        assertEquals(RunStatus.UNKNOWN, RunStatusRule.derive(RunFacts.EMPTY, RECENT));
        assertEquals(RunStatus.UNKNOWN, RunStatusRule.derive(new RunFacts(0, 4, 0, Timestamps.NONE, Timestamps.NONE,
                null, null), RECENT));
    }

    @Test
    void explanationsSayWhy() {
        assertTrue(RunStatusRule.explain(RunStatus.FAILED, facts(5, null, "node.failed")).contains("node.failed"));
        assertTrue(RunStatusRule.explain(RunStatus.UNKNOWN, RunFacts.EMPTY).contains("no events"));
    }
}
