package org.raccord.tracking;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.raccord.simulator.LocalOwner;
import org.raccord.wholesale.AccessOrderGateway;
import org.raccord.wholesale.CutoverGateway;
import org.raccord.wholesale.FeedPage;
import org.raccord.wholesale.WholesaleSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules that turn the owner's events into a line's status, checked on the simulator's real
 * feeds (through the SOAP client) and on hand-made cases.
 */
class LineRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneOffset.UTC);
    private static LocalOwner owner;
    private static Map<String, TrackedLine> lines;
    private static Map<String, List<DomainEvent>> sent;
    private static Map<String, List<DeliveryRevision>> revisions;
    private static Map<String, List<MilestoneReached>> milestones;

    private final LineRules rules = new LineRules(WorkingDays.france());

    /** Replays 30 simulated days of both feeds, in time order, as polling would see them. */
    @BeforeAll
    static void replay() {
        owner = new LocalOwner(3, 60);
        owner.advance(Duration.ofDays(30));
        WholesaleSettings settings = WholesaleSettings.defaults(URI.create(owner.baseUrl));
        List<Object> events = new ArrayList<>();
        events.addAll(all(new AccessOrderGateway(settings)::readFeed));
        events.addAll(all(new CutoverGateway(settings)::readFeed));
        events.sort(Comparator.comparing(LineRulesTest::at));

        LineRules rules = new LineRules(WorkingDays.france());
        lines = new HashMap<>();
        sent = new HashMap<>();
        revisions = new HashMap<>();
        milestones = new HashMap<>();
        for (Object e : events) {
            String order = e instanceof OrderEvent o ? o.orderReference() : ((CutoverEvent) e).orderReference();
            TrackedLine line = lines.computeIfAbsent(order, ref -> TrackedLine.first(ref, NOW));
            Outcome out = e instanceof OrderEvent o ? rules.apply(line, o, NOW) : rules.apply(line, (CutoverEvent) e, NOW);
            sent.computeIfAbsent(order, k -> new ArrayList<>()).addAll(out.events());
            revisions.computeIfAbsent(order, k -> new ArrayList<>()).addAll(out.revisions());
            milestones.computeIfAbsent(order, k -> new ArrayList<>()).addAll(out.milestones());
        }
    }

    @AfterAll
    static void stop() {
        owner.close();
    }

    @Test
    void theCustomerLetterLineShowsTheCutTheSlippedDateAndTheBreach() {
        TrackedLine letter = lines.get("CMD-00000001");

        assertThat(letter.cutoverState()).isEqualTo(CutoverState.DONE);
        assertThat(letter.cutoverDoneAt()).isNotNull();
        assertThat(letter.losingOperator()).matches("[A-Z0-9]{4}");
        assertThat(letter.deliveredAt()).isNotNull();
        assertThat(letter.state()).isEqualTo(ServiceState.COMPLETED);
        assertThat(letter.gapBreach()).isTrue();
        assertThat(letter.gapWorkingDays()).isGreaterThan(ServiceGap.ALLOWED_WORKING_DAYS);

        List<DeliveryRevision> moved = revisions.get("CMD-00000001");
        assertThat(moved).hasSize(1);
        assertThat(moved.get(0).toDate()).isAfter(moved.get(0).fromDate());
        assertThat(moved.get(0).reason().code()).isEqualTo("FINT01");
        assertThat(letter.committedDeliveryDate()).isEqualTo(moved.get(0).toDate());

        assertThat(sent.get("CMD-00000001")).extracting(DomainEvent::type).containsSubsequence(
                DomainEventType.DELIVERY_DATE_SET, DomainEventType.CUTOVER_SCHEDULED, DomainEventType.BREACH_DETECTED,
                DomainEventType.PREVIOUS_SERVICE_CUT, DomainEventType.JEOPARDY, DomainEventType.DELIVERY_DATE_REVISED,
                DomainEventType.LINE_DELIVERED, DomainEventType.IN_SERVICE);
        assertThat(milestones.get("CMD-00000001")).extracting(MilestoneReached::milestone).contains(
                Milestone.ORDER_ACKNOWLEDGED, Milestone.ORDER_ACCEPTED, Milestone.PREVIOUS_SERVICE_CUT,
                Milestone.LINE_DELIVERED, Milestone.IN_SERVICE);
    }

    @Test
    void aCopperSwitchCutOnDeliveryDayIsNoBreach() {
        TrackedLine copper = lines.get("CMD-00000003");

        assertThat(copper.cutoverState()).isEqualTo(CutoverState.DONE);
        assertThat(copper.gapWorkingDays()).isZero();
        assertThat(copper.gapBreach()).isFalse();
        assertThat(copper.portingState()).isEqualTo(PortingState.PORTED);
        assertThat(sent.get("CMD-00000003")).extracting(DomainEvent::type).doesNotContain(DomainEventType.BREACH_DETECTED);
    }

    @Test
    void rejectedAndCancelledOrdersEnd() {
        assertThat(lines.get("CMD-00000005").state()).isEqualTo(ServiceState.REJECTED);
        assertThat(sent.get("CMD-00000005")).extracting(DomainEvent::type).contains(DomainEventType.ORDER_REJECTED);
        assertThat(lines.get("CMD-00000007").state()).isEqualTo(ServiceState.CANCELLED);
        assertThat(lines.get("CMD-00000006").appointment()).isNotNull();
        assertThat(sent.get("CMD-00000006")).extracting(DomainEvent::type).contains(DomainEventType.APPOINTMENT_MOVED);
    }

    @Test
    void anOlderEventJoinsTheHistoryWithoutOverwritingNewerFacts() {
        TrackedLine line = TrackedLine.first("CMD-X", NOW);
        LocalDate first = LocalDate.of(2026, 12, 10);
        LocalDate later = LocalDate.of(2026, 12, 15);
        rules.apply(line, revision(10, later, first, "FINT01"), NOW);
        Outcome late = rules.apply(line, revision(5, LocalDate.of(2026, 12, 12), first, "FINT03"), NOW);

        assertThat(line.committedDeliveryDate()).isEqualTo(later);
        assertThat(line.upstreamSequence()).isEqualTo(10);
        assertThat(late.revisions()).hasSize(1);
        assertThat(late.timeline()).hasSize(1);
        assertThat(late.events()).isEmpty();
    }

    @Test
    void anOlderCommitmentArrivingLateInventsNoRevision() {
        TrackedLine line = TrackedLine.first("CMD-Z", NOW);
        rules.apply(line, revision(20, LocalDate.of(2026, 12, 15), LocalDate.of(2026, 12, 10), "FINT01"), NOW);

        Outcome late = rules.apply(line, revision(7, LocalDate.of(2026, 12, 10), null, null), NOW);

        assertThat(late.revisions()).isEmpty();
        assertThat(late.events()).isEmpty();
        assertThat(line.committedDeliveryDate()).isEqualTo(LocalDate.of(2026, 12, 15));
    }

    @Test
    void aBreachClearsWhenTheDeliveryComesBackWithinAWorkingDay() {
        TrackedLine line = TrackedLine.first("CMD-Y", NOW);
        rules.apply(line, revision(1, LocalDate.of(2026, 12, 10), null, null), NOW);
        Outcome scheduled = rules.apply(line, cutover(2, CutoverEventKind.SCHEDULED,
                OffsetDateTime.parse("2026-12-03T08:00:00+01:00")), NOW);
        assertThat(scheduled.events()).extracting(DomainEvent::type).contains(DomainEventType.BREACH_DETECTED);
        assertThat(line.gapWorkingDays()).isEqualTo(5);

        Outcome earlier = rules.apply(line, revision(3, LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 10), "FAUT01"), NOW);

        assertThat(line.gapBreach()).isFalse();
        assertThat(earlier.events()).extracting(DomainEvent::type)
                .containsExactly(DomainEventType.DELIVERY_DATE_REVISED, DomainEventType.BREACH_CLEARED);
    }

    @Test
    void theOwnersOwnStateFollowsTheLatestFlowOnly() {
        TrackedLine line = TrackedLine.first("CMD", NOW);
        rules.apply(line, revision(5, LocalDate.of(2026, 12, 4), null, null), NOW);
        assertThat(line.ownerState()).isEqualTo("VALIDEE");

        OrderEvent replayedOlder = new OrderEvent(4, NOW, OrderEventKind.CANCELLED, "ANNULATION", "CMD", null, false,
                null, null, null, null, null, null, null, "ANNULEE", null);
        rules.apply(line, replayedOlder, NOW);

        assertThat(line.ownerState()).as("an older event does not move the owner's state back").isEqualTo("VALIDEE");
    }

    private static OrderEvent revision(long sequence, LocalDate to, LocalDate from, String code) {
        return new OrderEvent(sequence, NOW, from == null ? OrderEventKind.ACCEPTED : OrderEventKind.DELIVERY_DATE_REVISED,
                from == null ? "CR_CMD" : "REVISION_DATE_LIVRAISON", "CMD", null, false,
                code == null ? null : ReasonCatalogue.reason(code, "libellé"), to, from, null, null, null, null,
                from == null ? "VALIDEE" : null, null);
    }

    private static CutoverEvent cutover(long sequence, CutoverEventKind kind, OffsetDateTime planned) {
        return new CutoverEvent(sequence, NOW, kind, "BASCULE_PLANIFIEE", "CMD", "0123456789", null, "BOUY",
                planned, null, null, PortingState.REQUESTED, null, null);
    }

    private static <E> List<E> all(java.util.function.BiFunction<Long, Integer, FeedPage<E>> read) {
        List<E> events = new ArrayList<>();
        long since = 0;
        FeedPage<E> page;
        do {
            page = read.apply(since, 1000);
            events.addAll(page.events());
            since = page.next();
        } while (page.more());
        return events;
    }

    private static OffsetDateTime at(Object e) {
        return e instanceof OrderEvent o ? o.at() : ((CutoverEvent) e).at();
    }
}
