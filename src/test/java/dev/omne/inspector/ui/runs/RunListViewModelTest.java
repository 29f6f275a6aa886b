package dev.omne.inspector.ui.runs;

import dev.omne.inspector.testing.MutableClock;
import dev.omne.inspector.ui.testing.TestLogs;
import dev.omne.inspector.core.index.IndexSnapshot;
import dev.omne.inspector.tail.TailNotice;
import dev.omne.inspector.ui.session.RunFacts;
import dev.omne.inspector.ui.session.RunFactsBuilder;
import dev.omne.inspector.ui.session.RunChange;
import dev.omne.inspector.ui.session.SessionBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class RunListViewModelTest {
    static final String OLD = "feature-01kp856vg071hfe865v215de1c";
    static final String NEW = "bugfix-01kp8a0nc0z1rnsax81s15v8xb";
    static final String EMPTY = "nightly-01kp8d76m03akjw7xkshzw52vm";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-15T10:01:00Z"));
    private final RunListViewModel model = new RunListViewModel(clock);

    private RunChange change(String run, List<String> lines, long changedAt) {
        IndexSnapshot s = TestLogs.index(dir, lines);
        RunFacts facts = new RunFactsBuilder().add(s, 0, s.size());
        return new RunChange(run, s.file(), s, true, 0, s.size(), facts, changedAt, false, s.bytes(), false);
    }

    private void apply(List<String> added, List<String> removed, RunChange... changes) {
        model.apply(new SessionBatch(added, removed, List.of(changes), List.of()));
    }

    private List<String> shown() {
        return model.visibleRuns().stream().map(RunItem::runId).toList();
    }

    @Test
    void runsAreListedNewestFirstByTheirFirstEvent() {
        long now = clock.millis();
        // OLD's id is older, but its events started later: start time decides.
        apply(List.of(OLD, NEW),
                List.of(),
                change(OLD, List.of(TestLogs.event("run.started", 30, null)), now),
                change(NEW, List.of(TestLogs.event("run.started", 10, null)), now));
        assertEquals(List.of(OLD, NEW), shown());
    }

    @Test
    void anIdWithoutAUlidIsShownOnceAndOneWithAUlidByItsPipeAndEnd() {
        apply(List.of("nightly", NEW), List.of());
        RunItem plain = model.find("nightly");
        assertEquals("nightly", plain.pipe());
        assertEquals("", plain.idSuffix(), "not \"nightly nightly\"");
        RunItem ulid = model.find(NEW);
        assertEquals(NEW.substring(NEW.length() - 6), ulid.idSuffix());
        assertFalse(ulid.pipe().equals(NEW));
    }

    @Test
    void aRunListedBeforeItsLogIsReadIsAwaitingTheReadNotOfUnknownStatus() {
        apply(List.of(NEW), List.of());
        assertTrue(model.find(NEW).awaitingRead());
        apply(List.of(), List.of(), change(NEW, List.of(TestLogs.event("run.started", 10, null),
                TestLogs.event("run.completed", 20, null)), clock.millis()));
        assertFalse(model.find(NEW).awaitingRead());
        assertEquals(RunStatus.COMPLETED, model.find(NEW).status());
    }

    @Test
    void aRunWithoutEventsIsPlacedByTheTimeInItsId() {
        apply(List.of(OLD, NEW), List.of());
        assertEquals(List.of(NEW, OLD), shown());
    }

    @Test
    void statusCountsAndDurationComeFromTheFacts() {
        long now = clock.millis();
        apply(List.of(OLD), List.of(), change(OLD, List.of(TestLogs.event("run.started", 1, null), "{bad",
                TestLogs.event("node.failed", 21, "n1")), now));
        RunItem run = model.find(OLD);
        assertEquals(RunStatus.FAILED, run.status());
        assertEquals(2, run.facts().events());
        assertEquals(1, run.facts().malformed());
        assertEquals(20_000, run.durationMillis(now));
        assertEquals("feature", run.pipe());
        assertEquals("5de1c", run.shortId().substring(1));
    }

    @Test
    void aRunningRunTurnsUnknownWhenItsLogGoesQuiet() {
        long now = clock.millis();
        apply(List.of(OLD), List.of(), change(OLD, List.of(TestLogs.event("run.started", 1, null)), now));
        RunItem run = model.find(OLD);
        assertEquals(RunStatus.RUNNING, run.status());
        assertEquals(59_000, run.durationMillis(now), "running: until now");
        int revision = run.revisionProperty().get();
        clock.advance(RunStatusRule.QUIET_AFTER.plusSeconds(1));
        model.tick();
        assertEquals(RunStatus.UNKNOWN, run.status());
        assertEquals(revision + 1, run.revisionProperty().get());
    }

    @Test
    void searchFiltersByIdOrStatus() {
        long now = clock.millis();
        apply(List.of(OLD, NEW, EMPTY), List.of(),
                change(OLD, List.of(TestLogs.event("run.completed", 1, null)), now),
                change(NEW, List.of(TestLogs.event("run.failed", 2, null)), now));
        model.searchProperty().set("BUG");
        assertEquals(List.of(NEW), shown());
        model.searchProperty().set("completed");
        assertEquals(List.of(OLD), shown());
        model.searchProperty().set("");
        assertEquals(3, shown().size());
    }

    @Test
    void selectionSurvivesUpdatesAndIsClearedWhenTheRunGoes() {
        long now = clock.millis();
        apply(List.of(OLD, NEW), List.of());
        model.selectNewestIfNone();
        RunItem selected = model.selected();
        assertEquals(NEW, selected.runId());
        apply(List.of(), List.of(), change(NEW, TestLogs.events(3), now));
        assertSame(selected, model.selected(), "an update changes the item in place");
        assertEquals(3, selected.facts().events());
        apply(List.of(), List.of(NEW));
        assertNull(model.selected());
        assertEquals(List.of(OLD), shown());
    }

    @Test
    void selectingByIdAndRunsAddedTwiceStayOne() {
        apply(List.of(OLD), List.of());
        apply(List.of(OLD), List.of());
        assertEquals(1, model.runCount());
        assertEquals(true, model.select(OLD));
        assertEquals(false, model.select("nope-01kp856vg071hfe865v215de1c"));
        assertEquals(OLD, model.selected().runId());
    }

    @Test
    void ulidTimeIsDecoded() {
        assertEquals(Instant.parse("2026-04-15T08:48:00Z").toEpochMilli(), RunItem.ulidMillis(OLD));
        assertEquals(0, RunItem.ulidMillis("plain"));
    }

    private void notice(TailNotice.Kind kind, String run, String message) {
        model.apply(new SessionBatch(List.of(), List.of(), List.of(), List.of(message), true,
                List.of(new TailNotice(kind, run, dir, message)), java.util.Map.of()));
    }

    @Test
    void aRunShowsItsLatestNoticeAndAnUnreadableLogIsNotEmpty() {
        apply(List.of(OLD, NEW), List.of());
        notice(TailNotice.Kind.UNREADABLE, OLD, "log unreadable: a FIFO (named pipe)");
        RunItem run = model.find(OLD);
        assertTrue(run.unreadable());
        assertEquals("log unreadable: a FIFO (named pipe)", run.notice());
        assertTrue(run.statusExplanation().contains("a FIFO"));
        assertFalse(model.find(NEW).unreadable());
        assertNull(model.find(NEW).notice());
        notice(TailNotice.Kind.RECREATED, OLD, "log recreated: reading from the start");
        assertFalse(run.unreadable(), "readable again");
        assertEquals("log recreated: reading from the start", run.notice());
        notice(TailNotice.Kind.DELETED, OLD, "log deleted");
        assertEquals("log deleted", run.notice());
        assertEquals(TailNotice.Kind.DELETED, run.noticeKind());
    }

    @Test
    void rowsArrivingMakeAnUnreadableRunReadableAgain() {
        apply(List.of(OLD), List.of());
        notice(TailNotice.Kind.UNREADABLE, OLD, "log unreadable: a folder");
        apply(List.of(), List.of(), change(OLD, List.of(TestLogs.event("run.started", 1, null)), clock.millis()));
        assertFalse(model.find(OLD).unreadable());
    }

    @Test
    void noticesAboutNoRunOrAnUnknownRunMarkNothing() {
        apply(List.of(OLD), List.of());
        notice(TailNotice.Kind.NOT_A_RUN, null, "not a run: notes.txt");
        notice(TailNotice.Kind.TRUNCATED, "gone-01kp856vg071hfe865v215de1c", "log truncated");
        assertEquals(List.of(OLD), shown(), "not-a-run entries never become runs");
        assertNull(model.find(OLD).notice());
    }

    @Test
    void aRunReadThroughALinkOutsideTheVolumeIsMarked() {
        model.apply(new SessionBatch(List.of(OLD, NEW), List.of(), List.of(), List.of(), true, List.of(),
                java.util.Map.of(OLD, Path.of("/elsewhere/run"))));
        RunItem run = model.find(OLD);
        assertTrue(run.isLinkedOutside());
        assertEquals("read through a link to " + Path.of("/elsewhere/run") + "; never written", run.linkText());
        assertFalse(model.find(NEW).isLinkedOutside());
        assertEquals("", model.find(NEW).linkText());
    }

    @Test
    void longUnicodeAndSpacedNamesAreKeptWhole() {
        String longId = "p".repeat(228) + "-01kp856vg071hfe865v215de1c";
        String unicode = "résumé ünïcode 名前-01kp856vg071hfe865v215de1c";
        String spaced = "a run with spaces";
        apply(List.of(longId, unicode, spaced), List.of());
        assertEquals(longId, model.find(longId).runId());
        assertEquals("p".repeat(228), model.find(longId).pipe());
        assertEquals(unicode, model.find(unicode).toString());
        assertEquals(spaced, model.find(spaced).shortId());
        model.searchProperty().set("名前");
        assertEquals(List.of(unicode), shown());
    }
}
