package org.raccord.tracking;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a breach is worth a request to the owner, to which cut, and what its answers and the feed do. */
class PreventionRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-02T14:00:00+01:00");
    /** Friday's cut, Wednesday's delivery: three working days without service. */
    private static final OffsetDateTime CUT = OffsetDateTime.parse("2026-12-04T08:00:00+01:00");
    private static final LocalDate DUE = LocalDate.of(2026, 12, 9);

    private final PreventionRules automatic = rules(PreventionPolicy.Mode.AUTOMATIC);

    private static PreventionRules rules(PreventionPolicy.Mode mode) {
        return new PreventionRules(new PreventionPolicy(mode, Duration.ofHours(12), 3));
    }

    private static TrackedLine breach(OffsetDateTime cut, LocalDate due) {
        TrackedLine line = TrackedLine.first("CMD-00000008", NOW);
        line.cutover(CutoverState.PLANNED, "FREE", cut, null);
        line.committedDelivery(due);
        line.gap(ServiceGap.of(cut.toLocalDate(), false, due, false, WorkingDays.france()));
        return line;
    }

    @Test
    void aPreventableBreachAsksForTheDeliveryDaysEvening() {
        TrackedLine line = breach(CUT, DUE);
        assertThat(line.gapBreach()).isTrue();

        assertThat(automatic.proposal(line, null, NOW)).contains(OffsetDateTime.parse("2026-12-09T18:00:00+01:00"));
        assertThat(rules(PreventionPolicy.Mode.OFF).proposal(line, null, NOW)).isEmpty();
        // Less than the owner's notice left: too late to ask.
        assertThat(automatic.proposal(line, null, CUT.minusHours(11))).isEmpty();
        // No breach, or nothing planned to move.
        assertThat(automatic.proposal(breach(CUT, LocalDate.of(2026, 12, 7)), null, NOW)).isEmpty();
        line.cutover(null, null, null, CUT);
        assertThat(automatic.proposal(line, null, NOW)).isEmpty();
    }

    @Test
    void oneRequestPerDeliveryDateAndNoMoreThanTheMaximum() {
        TrackedLine line = breach(CUT, DUE);
        PreventionRules.Change started = automatic.start(line, null, automatic.proposal(line, null, NOW).orElseThrow(), NOW);
        BreachPrevention p = started.prevention();
        assertThat(p.state()).isEqualTo(PreventionState.REQUESTED);
        assertThat(rules(PreventionPolicy.Mode.PROPOSE).start(line, null, CUT.plusDays(5), NOW).prevention().state())
                .isEqualTo(PreventionState.PROPOSED);
        // Open, then settled for this date: nothing new until the date moves.
        assertThat(automatic.proposal(line, p, NOW)).isEmpty();
        automatic.refused(line, p, p.requestId(), "REPORTS_EPUISES", "Déjà reportée", NOW);
        assertThat(automatic.proposal(line, p, NOW)).isEmpty();
        line.committedDelivery(LocalDate.of(2026, 12, 11));
        assertThat(automatic.proposal(line, p, NOW)).contains(OffsetDateTime.parse("2026-12-11T18:00:00+01:00"));

        automatic.start(line, p, OffsetDateTime.parse("2026-12-11T18:00:00+01:00"), NOW);
        automatic.refused(line, p, p.requestId(), "REPORTS_EPUISES", "Déjà reportée", NOW);
        line.committedDelivery(LocalDate.of(2026, 12, 14));
        automatic.start(line, p, OffsetDateTime.parse("2026-12-14T18:00:00+01:00"), NOW);
        automatic.refused(line, p, p.requestId(), "REPORTS_EPUISES", "Déjà reportée", NOW);
        line.committedDelivery(LocalDate.of(2026, 12, 15));
        assertThat(p.requests()).isEqualTo(3);
        assertThat(automatic.proposal(line, p, NOW)).as("three requests at most").isEmpty();
    }

    @Test
    void answersMoveTheRequestAndOnlyTheFeedMakesItAccepted() {
        TrackedLine line = breach(CUT, DUE);
        OffsetDateTime aligned = PreventionRules.alignedCut(DUE);
        BreachPrevention p = automatic.start(line, null, aligned, NOW).prevention();

        assertThat(automatic.granted(p, UUID.randomUUID(), "RPB-1", aligned, NOW).changed()).as("an answer to another request").isFalse();
        assertThat(automatic.granted(p, p.requestId(), "RPB-00000001", aligned, NOW).changed()).isTrue();
        assertThat(p.state()).isEqualTo(PreventionState.ACKNOWLEDGED);
        assertThat(automatic.settle(line, p, NOW, NOW).changed()).as("the feed has not moved the cut yet").isFalse();

        line.cutover(CutoverState.PLANNED, null, aligned, null);
        line.gap(ServiceGap.of(aligned.toLocalDate(), false, DUE, false, WorkingDays.france()));
        PreventionRules.Change accepted = automatic.settle(line, p, NOW, NOW);
        assertThat(p.state()).isEqualTo(PreventionState.ACCEPTED);
        assertThat(accepted.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(DomainEventType.CUTOVER_POSTPONED);
            assertThat(e.facts()).containsEntry("plannedAt", aligned.toString()).containsEntry("deliveryDate", "2026-12-09")
                    .containsEntry("ownerReference", "RPB-00000001");
        });
    }

    @Test
    void aRefusalIsToldWithItsReasonAndAnOvertakenRequestExpires() {
        TrackedLine line = breach(CUT, DUE);
        BreachPrevention p = automatic.start(line, null, PreventionRules.alignedCut(DUE), NOW).prevention();
        PreventionRules.Change refused = automatic.refused(line, p, p.requestId(), "REPORT_MAXIMAL_DEPASSE", "Report trop loin", NOW);
        assertThat(refused.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(DomainEventType.POSTPONEMENT_REFUSED);
            assertThat(e.facts()).containsEntry("reasonCode", "REPORT_MAXIMAL_DEPASSE").containsEntry("plannedAt", CUT.toString());
        });
        assertThat(ReasonCatalogue.reason("REPORT_MAXIMAL_DEPASSE", null).plainEn()).contains("does not postpone");

        PreventionRules propose = rules(PreventionPolicy.Mode.PROPOSE);
        TrackedLine other = breach(CUT, DUE);
        BreachPrevention proposed = propose.start(other, null, PreventionRules.alignedCut(DUE), NOW).prevention();
        assertThat(propose.granted(proposed, proposed.requestId(), "x", CUT, NOW).changed()).as("a proposal was never sent").isFalse();
        assertThat(propose.settle(other, proposed, NOW, NOW).changed()).isFalse();
        assertThat(propose.settle(other, proposed, CUT.minusHours(2), NOW).changed()).isTrue();
        assertThat(proposed.state()).isEqualTo(PreventionState.EXPIRED);
        assertThatThrownBy(() -> propose.approve(proposed, "operator", NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFullDayAtTheOwnerAsksForTheWorkingDayBeforeWhichTheLawAllows() {
        TrackedLine line = breach(CUT, DUE);
        BreachPrevention p = automatic.start(line, null, PreventionRules.alignedCut(DUE), NOW).prevention();
        UUID first = p.requestId();

        PreventionRules.Change full = automatic.refused(line, p, first, "PLAN_DE_CHARGE_SATURE", "Plan de charge complet", NOW);

        assertThat(full.events()).as("nothing told yet: another day is asked for").isEmpty();
        assertThat(full.steps()).extracting(PreventionStep::state).containsExactly("refused", "requested");
        assertThat(p.state()).isEqualTo(PreventionState.REQUESTED);
        assertThat(p.requestId()).isNotEqualTo(first);
        assertThat(p.requestedCut()).isEqualTo(OffsetDateTime.parse("2026-12-08T18:00:00+01:00"));
        assertThat(ServiceGap.of(p.requestedCut().toLocalDate(), false, DUE, false, WorkingDays.france()).breach()).isFalse();

        PreventionRules.Change again = automatic.refused(line, p, p.requestId(), "PLAN_DE_CHARGE_SATURE", "Plan de charge complet", NOW);
        assertThat(again.events()).extracting(DomainEvent::type).containsExactly(DomainEventType.POSTPONEMENT_REFUSED);
        assertThat(p.state()).isEqualTo(PreventionState.REFUSED);
    }

    @Test
    void theCutTheOwnerGrantsIsTheOneTheFeedMustShowAndNothingStaysOpenForever() {
        TrackedLine line = breach(CUT, DUE);
        BreachPrevention p = automatic.start(line, null, PreventionRules.alignedCut(DUE), NOW).prevention();
        OffsetDateTime granted = OffsetDateTime.parse("2026-12-09T20:00:00+01:00");
        automatic.granted(p, p.requestId(), "RPB-00000007", granted, NOW);
        line.cutover(CutoverState.PLANNED, null, granted, null);
        assertThat(automatic.settle(line, p, NOW, NOW).events()).extracting(DomainEvent::type)
                .containsExactly(DomainEventType.CUTOVER_POSTPONED);

        // An acknowledged move whose cutover is then called off is over, not waiting for ever.
        TrackedLine cancelled = breach(CUT, DUE);
        BreachPrevention q = automatic.start(cancelled, null, PreventionRules.alignedCut(DUE), NOW).prevention();
        automatic.granted(q, q.requestId(), "RPB-00000008", PreventionRules.alignedCut(DUE), NOW);
        cancelled.cutover(CutoverState.CANCELLED, null, null, null);
        automatic.settle(cancelled, q, NOW, NOW);
        assertThat(q.state()).isEqualTo(PreventionState.EXPIRED);

        // A proposal for a delivery date that moved meanwhile expires; the next one asks for the new date.
        PreventionRules propose = rules(PreventionPolicy.Mode.PROPOSE);
        TrackedLine slipped = breach(CUT, DUE);
        BreachPrevention r = propose.start(slipped, null, PreventionRules.alignedCut(DUE), NOW).prevention();
        slipped.committedDelivery(LocalDate.of(2026, 12, 11));
        propose.settle(slipped, r, NOW, NOW);
        assertThat(r.state()).isEqualTo(PreventionState.EXPIRED);
        assertThat(propose.proposal(slipped, r, NOW)).contains(OffsetDateTime.parse("2026-12-11T18:00:00+01:00"));
    }
}
