package org.raccord.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raccord.simulator.ScriptedEvent.Feed;
import org.raccord.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The owner's rules for moving a planned cutover, and the feeds it publishes when it agrees. */
class PostponementDeskTest {

    private static final Instant EPOCH = Instant.parse("2026-12-01T09:00:00Z");
    /** The live customer-letter line, and the one whose delivery slips beyond any postponement. */
    private static final int LETTER = Population.SHOWCASE - 2;
    private static final int CIVIL_WORKS = Population.SHOWCASE - 1;
    private static final int LINES = 40;

    private final MutableClock clock = new MutableClock(EPOCH);

    private OwnerWorld world(MoveLog moves) {
        return new OwnerWorld(new Population(7, LINES, EPOCH, Duration.ofDays(20), Duration.ofDays(20)),
                new SimulatedClock(clock, EPOCH, EPOCH, 1), moves);
    }

    private static PostponementDesk desk(OwnerWorld world) {
        return new PostponementDesk(world, PostponementRules.defaults(), 7);
    }

    /** When line {@code index}'s events of this flow happen in its script (before any move). */
    private static ScriptedEvent first(OwnerWorld world, int index, String flow) {
        return world.script(index).stream().filter(e -> e.flow().equals(flow)).findFirst().orElseThrow();
    }

    private static Instant evening(LocalDate day) {
        return day.atTime(LocalTime.of(18, 0)).atZone(LineScript.PARIS).toInstant();
    }

    private void at(Instant when) {
        clock.advance(Duration.between(clock.instant(), when));
    }

    private static List<PublishedEvent> feed(OwnerWorld world) {
        List<PublishedEvent> events = new ArrayList<>();
        FeedSlice slice;
        long since = 0;
        do {
            slice = world.read(Feed.CUTOVER, since, 1000);
            events.addAll(slice.events());
            since = slice.next();
        } while (slice.more());
        return events;
    }

    @Test
    void aGrantedMoveIsPublishedOnTheFeedAndTheCutHappensOnTheNewDate() throws Exception {
        OwnerWorld world = world(MoveLog.inMemory());
        PostponementDesk desk = desk(world);
        ScriptedEvent planned = first(world, LETTER, "BASCULE_PLANIFIEE");
        LocalDate due = first(world, LETTER, "CR_CMD").deliveryDate();
        at(planned.at().plus(Duration.ofHours(1)));
        List<PublishedEvent> before = feed(world);

        PostponementDesk.Grant grant = desk.request("11111111-1111-1111-1111-111111111111", LETTER, evening(due));

        assertThat(grant.previous()).isEqualTo(planned.plannedCutover());
        assertThat(grant.granted()).isEqualTo(evening(due));
        assertThat(grant.ownerReference()).startsWith("RPB-");
        // Published after the owner's processing time, not before; nothing published earlier changes.
        assertThat(feed(world)).isEqualTo(before);
        at(clock.instant().plus(PostponementRules.defaults().processing()));
        List<PublishedEvent> after = feed(world);
        assertThat(after.subList(0, before.size())).isEqualTo(before);
        PublishedEvent moved = after.stream().filter(e -> e.line().index() == LETTER && e.event().flow().equals("BASCULE_REPLANIFIEE"))
                .findFirst().orElseThrow();
        assertThat(moved.event().plannedCutover()).isEqualTo(evening(due));
        assertThat(moved.event().previousPlannedCutover()).isEqualTo(planned.plannedCutover());
        assertThat(moved.event().reason().code()).isEqualTo("FBAS01");
        for (int i = 1; i < after.size(); i++) {
            assertThat(after.get(i).event().at()).as("published in time order").isAfterOrEqualTo(after.get(i - 1).event().at());
        }
        assertThat(moved.event().ownerRequest()).isEqualTo(grant.ownerReference());
        assertThat(CutoverEndpoint.event(moved).getReferenceDemandeOI()).isEqualTo(grant.ownerReference());

        // The old line is not cut on the first date, but on the granted one.
        at(planned.plannedCutover().plus(Duration.ofHours(1)));
        assertThat(cuts(world, LETTER)).isEmpty();
        at(evening(due).plus(Duration.ofMinutes(1)));
        assertThat(cuts(world, LETTER)).containsExactly(evening(due));
    }

    private static List<Instant> cuts(OwnerWorld world, int index) {
        return world.history(index, Feed.CUTOVER).orElseThrow().stream().filter(e -> e.event().flow().equals("NOTIF_ECRASEMENT"))
                .map(e -> e.event().at()).toList();
    }

    @Test
    void theSameRequestSentAgainGetsTheSameAnswerAndMovesNothingMore() throws Exception {
        OwnerWorld world = world(MoveLog.inMemory());
        PostponementDesk desk = desk(world);
        at(first(world, LETTER, "BASCULE_PLANIFIEE").at().plus(Duration.ofHours(1)));
        Instant wanted = evening(first(world, LETTER, "CR_CMD").deliveryDate());
        PostponementDesk.Grant once = desk.request("22222222-2222-2222-2222-222222222222", LETTER, wanted);
        PostponementDesk.Grant again = desk.request("22222222-2222-2222-2222-222222222222", LETTER, wanted);

        assertThat(again).isEqualTo(once);
        assertThat(world.moves(LETTER)).isEqualTo(1);
        assertThatThrownBy(() -> desk.request("22222222-2222-2222-2222-222222222222", CIVIL_WORKS, wanted))
                .isInstanceOf(PostponementDesk.Refusal.class).extracting("code").isEqualTo("REQUETE_INVALIDE");
    }

    @Test
    void theOwnerRefusesForItsReasons() throws Exception {
        OwnerWorld world = world(MoveLog.inMemory());
        PostponementDesk desk = desk(world);
        ScriptedEvent planned = first(world, LETTER, "BASCULE_PLANIFIEE");
        LocalDate due = first(world, LETTER, "CR_CMD").deliveryDate();
        Instant cut = planned.plannedCutover();

        // Nothing planned yet; a fibre line has no cutover at all.
        assertThat(refusal(desk, LETTER, evening(due))).isEqualTo("BASCULE_INCONNUE");
        int fibre = 1;
        assertThat(world.population().line(fibre).scenario().takesOverAccess()).isFalse();
        at(planned.at().plus(Duration.ofHours(1)));
        assertThat(refusal(desk, fibre, evening(due))).isEqualTo("BASCULE_INCONNUE");
        // Not a postponement; too far from the first planned cut.
        assertThat(refusal(desk, LETTER, cut.minus(Duration.ofHours(1)))).isEqualTo("REQUETE_INVALIDE");
        assertThat(refusal(desk, LETTER, cut.plus(Duration.ofDays(16)))).isEqualTo("REPORT_MAXIMAL_DEPASSE");
        // Less than the minimum notice left, then the cut made.
        at(cut.minus(Duration.ofHours(11)));
        assertThat(refusal(desk, LETTER, evening(due))).isEqualTo("DELAI_PREAVIS_INSUFFISANT");
        at(cut.plus(Duration.ofMinutes(1)));
        assertThat(refusal(desk, LETTER, evening(due))).isEqualTo("BASCULE_EFFECTUEE");
    }

    @Test
    void aCutMovesTwiceAtMostAndNotOnAFullDay() throws Exception {
        OwnerWorld world = world(MoveLog.inMemory());
        PostponementDesk desk = desk(world);
        ScriptedEvent planned = first(world, LETTER, "BASCULE_PLANIFIEE");
        at(planned.at().plus(Duration.ofHours(1)));
        Instant cut = planned.plannedCutover();
        PostponementDesk full = new PostponementDesk(world, new PostponementRules(Duration.ofHours(12), Duration.ofDays(15), 2, 1.0,
                Duration.ofMinutes(30)), 7);
        assertThat(refusal(full, LETTER, cut.plus(Duration.ofDays(2)))).isEqualTo("PLAN_DE_CHARGE_SATURE");

        desk.request("33333333-3333-3333-3333-333333333331", LETTER, cut.plus(Duration.ofDays(2)));
        desk.request("33333333-3333-3333-3333-333333333332", LETTER, cut.plus(Duration.ofDays(4)));
        assertThat(refusal(desk, LETTER, cut.plus(Duration.ofDays(6)))).isEqualTo("REPORTS_EPUISES");
        assertThat(world.script(LETTER)).hasSizeLessThanOrEqualTo(LineScript.MAX_EVENTS);
    }

    @Test
    void aRestartedOwnerReplaysTheSameFeedsWithTheMovesItGranted(@TempDir Path state) throws Exception {
        Path file = state.resolve("cutover-moves.tsv");
        OwnerWorld world = world(MoveLog.kept(file));
        PostponementDesk desk = desk(world);
        at(first(world, LETTER, "BASCULE_PLANIFIEE").at().plus(Duration.ofHours(1)));
        PostponementDesk.Grant grant = desk.request("44444444-4444-4444-4444-444444444444", LETTER,
                evening(first(world, LETTER, "CR_CMD").deliveryDate()));
        at(clock.instant().plus(Duration.ofDays(12)));
        List<PublishedEvent> published = feed(world);

        OwnerWorld restarted = world(MoveLog.kept(file));
        assertThat(Files.readAllLines(file)).hasSize(1);
        assertThat(feed(restarted)).isEqualTo(published);
        // The restarted owner remembers the request too.
        assertThat(desk(restarted).request("44444444-4444-4444-4444-444444444444", LETTER, grant.granted())).isEqualTo(grant);
    }

    @Test
    void theLetterLineCanBeAlignedTwiceButCivilWorksGoBeyondWhatTheOwnerGrants() throws Exception {
        OwnerWorld world = world(MoveLog.inMemory());
        PostponementDesk desk = desk(world);
        for (int line : new int[] {LETTER, CIVIL_WORKS}) {
            ScriptedEvent planned = first(world, line, "BASCULE_PLANIFIEE");
            if (clock.instant().isBefore(planned.at())) {
                at(planned.at().plus(Duration.ofHours(2)));
            }
            desk.request("55555555-5555-5555-5555-55555555555" + (line - LETTER), line,
                    evening(first(world, line, "CR_CMD").deliveryDate()));
        }
        ScriptedEvent letterSlip = first(world, LETTER, "REVISION_DATE_LIVRAISON");
        ScriptedEvent civilSlip = first(world, CIVIL_WORKS, "REVISION_DATE_LIVRAISON");
        assertThat(civilSlip.reason().code()).isEqualTo("FINT07");
        at(letterSlip.at().plus(Duration.ofHours(2)));
        desk.request("66666666-6666-6666-6666-666666666660", LETTER, evening(letterSlip.deliveryDate()));
        at(civilSlip.at().plus(Duration.ofHours(2)));
        assertThat(refusal(desk, CIVIL_WORKS, evening(civilSlip.deliveryDate()))).isEqualTo("REPORT_MAXIMAL_DEPASSE");

        at(clock.instant().plus(Duration.ofDays(40)));
        assertThat(cuts(world, LETTER)).containsExactly(evening(letterSlip.deliveryDate()));
        assertThat(cuts(world, CIVIL_WORKS)).containsExactly(evening(first(world, CIVIL_WORKS, "CR_CMD").deliveryDate()));
    }

    private static String refusal(PostponementDesk desk, int line, Instant wanted) {
        try {
            desk.request(java.util.UUID.randomUUID().toString(), line, wanted);
            return "granted";
        } catch (PostponementDesk.Refusal refusal) {
            return refusal.code();
        }
    }
}
