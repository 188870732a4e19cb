package org.raccord.polling;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.raccord.simulator.LocalOwner;
import org.raccord.tracking.BreachPrevention;
import org.raccord.tracking.CutoverEvent;
import org.raccord.tracking.CutoverEventKind;
import org.raccord.tracking.DomainEventType;
import org.raccord.tracking.PreventionPolicy;
import org.raccord.tracking.PreventionRules;
import org.raccord.tracking.PreventionState;
import org.raccord.tracking.StoryLedger;
import org.raccord.tracking.StoryPreventions;
import org.raccord.wholesale.LineQuery;
import org.raccord.wholesale.NetworkOwner;
import org.raccord.wholesale.PostponementGranted;
import org.raccord.wholesale.PostponementRequest;
import org.raccord.wholesale.WholesaleException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The showcase lines' stories replayed against the simulated owner, with Raccord's real poller,
 * rules and breach prevention (its records in memory): the customer-letter line keeps its old line
 * until the new one comes, the civil-works line's request is refused and the breach stands, told.
 */
class BreachPreventionStoryTest {

    private static final long SEED = 42;
    /** The showcase: the live customer-letter line, then the one whose delivery slips beyond any postponement. */
    private static final int LETTER = 7;
    private static final int CIVIL_WORKS = 8;
    private static final Duration STEP = Duration.ofMinutes(30);
    /** Shorter than the owner's 30 minutes between acknowledging a move and publishing it. */
    private static final Duration SHORT_STEP = Duration.ofMinutes(10);

    private final LocalOwner owner = new LocalOwner(SEED, 9, LocalOwner.EPOCH);
    private final StoryLedger ledger = new StoryLedger(owner.realClock, order -> null);
    private final StoryPreventions preventions = new StoryPreventions(ledger, owner.realClock);
    private final StoryFeed feed = new StoryFeed(owner.baseUrl, ledger);
    private final CutAlignment alignment = new CutAlignment();

    /** The poller's own owner: the alignment reads the owner's time as the feeds last told it. */
    private NetworkOwner network() {
        return feed.owner();
    }

    private static PreventionRules rules(PreventionPolicy.Mode mode) {
        return new PreventionRules(new PreventionPolicy(mode, Duration.ofHours(12), 3));
    }

    /** Polls and aligns every half hour of owner time until {@code done} holds, at most {@code days}. */
    private void replay(PreventionRules rules, int days, Predicate<StoryLedger> done) {
        replay(rules, days, STEP, done);
    }

    private void replay(PreventionRules rules, int days, Duration every, Predicate<StoryLedger> done) {
        alignment.preventions = preventions;
        if (alignment.meters == null) {
            alignment.meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        }
        if (alignment.owner == null) {
            alignment.owner = network();
        }
        for (long step = 0; step < Duration.ofDays(days).dividedBy(every) && !done.test(ledger); step++) {
            owner.advance(every);
            feed.poll();
            alignment.run(rules);
        }
    }

    private static Predicate<StoryLedger> inService(String order) {
        return l -> l.line(order).map(s -> "completed".equals(s.state()) && s.cutoverDoneAt() != null).orElse(false);
    }

    @AfterEach
    void close() {
        feed.close();
        owner.close();
    }

    @Test
    void automaticallyTheLetterLineKeepsItsOldLineUntilTheNewOneAndTheCivilWorksLineIsToldWhyNot() {
        String letter = owner.orderOf(LETTER);
        String civil = owner.orderOf(CIVIL_WORKS);
        replay(rules(PreventionPolicy.Mode.AUTOMATIC), 30, inService(letter).and(l -> l.line(civil).map(s -> s.cutoverDoneAt() != null).orElse(false)));

        // The letter line: aligned with its delivery, then again when the delivery slipped; cut on the evening it came.
        StoryLedger.LineSnapshot line = ledger.line(letter).orElseThrow();
        BreachPrevention prevented = preventions.of(letter).orElseThrow();
        assertThat(prevented.state()).isEqualTo(PreventionState.ACCEPTED);
        assertThat(prevented.requests()).isEqualTo(2);
        LocalDate delivered = line.committedDeliveryDate();
        assertThat(prevented.forDelivery()).isEqualTo(delivered);
        assertThat(line.cutoverDoneAt().toInstant()).isEqualTo(PreventionRules.alignedCut(delivered).toInstant());
        assertThat(line.gapWorkingDays()).isLessThanOrEqualTo(1);
        assertThat(line.breach()).isFalse();
        assertThat(preventions.stepsOf(letter)).extracting(s -> s.state())
                .containsExactly("requested", "acknowledged", "accepted", "requested", "acknowledged", "accepted");

        // The civil-works line: the first alignment granted, the second refused beyond the owner's maximum.
        BreachPrevention refused = preventions.of(civil).orElseThrow();
        assertThat(refused.state()).isEqualTo(PreventionState.REFUSED);
        assertThat(refused.reasonCode()).isEqualTo("REPORT_MAXIMAL_DEPASSE");
        StoryLedger.LineSnapshot standing = ledger.line(civil).orElseThrow();
        assertThat(standing.breach()).as("the refusal leaves the breach visible").isTrue();

        List<StoryLedger.Announced> told = ledger.drain();
        assertThat(told.stream().filter(a -> a.line().orderReference().equals(letter) && a.type() == DomainEventType.CUTOVER_POSTPONED))
                .hasSize(2);
        StoryLedger.Announced refusal = told.stream().filter(a -> a.line().orderReference().equals(civil)
                && a.type() == DomainEventType.POSTPONEMENT_REFUSED).findFirst().orElseThrow();
        assertThat(refusal.payload()).contains("\"reasonCode\":\"REPORT_MAXIMAL_DEPASSE\"");
        assertThat(refusal.storedAt()).as("told before the cut").isBefore(standing.cutoverDoneAt());
        // The historical letter line was cut before Raccord could ask: nothing was asked.
        assertThat(preventions.of(owner.orderOf(0))).isEmpty();
        assertThat(alignment.meters.counter(CutAlignment.SETTLED, "state", "accepted").count()).as("breaches prevented").isEqualTo(3);
        assertThat(alignment.meters.counter(CutAlignment.SENT, "outcome", "refused", "code", "REPORT_MAXIMAL_DEPASSE").count()).isEqualTo(1);
    }

    @Test
    void proposedRequestsWaitForAnOperatorAndOffAsksNothing() {
        String letter = owner.orderOf(LETTER);
        replay(rules(PreventionPolicy.Mode.PROPOSE), 10, l -> preventions.of(letter).isPresent());
        assertThat(preventions.of(letter).orElseThrow().state()).isEqualTo(PreventionState.PROPOSED);
        OffsetDateTime planned = ledger.line(letter).orElseThrow().cutoverPlannedAt();
        replay(rules(PreventionPolicy.Mode.PROPOSE), 0, l -> true);
        for (int i = 0; i < 4; i++) {
            owner.advance(STEP);
            feed.poll();
            alignment.run(rules(PreventionPolicy.Mode.PROPOSE));
        }
        assertThat(ledger.line(letter).orElseThrow().cutoverPlannedAt()).as("nothing sent before approval").isEqualTo(planned);

        preventions.approve(rules(PreventionPolicy.Mode.PROPOSE), letter, "operator");
        replay(rules(PreventionPolicy.Mode.PROPOSE), 2, l -> preventions.of(letter).orElseThrow().state() == PreventionState.ACCEPTED);
        assertThat(preventions.of(letter).orElseThrow().state()).isEqualTo(PreventionState.ACCEPTED);
        assertThat(preventions.stepsOf(letter)).extracting(s -> s.actor()).contains("operator");

        StoryPreventions none = new StoryPreventions(ledger, owner.realClock);
        none.propose(rules(PreventionPolicy.Mode.OFF), OffsetDateTime.now(owner.realClock), 50);
        assertThat(none.of(owner.orderOf(CIVIL_WORKS))).as("off: nothing proposed").isEmpty();
    }

    /**
     * An owner that acts on the first request it gets (the letter line's: it is ordered first) and
     * whose answer is lost on the way back; the requests it got, by request id, in order.
     */
    private List<String> loseFirstAnswer() {
        List<String> sent = new java.util.ArrayList<>();
        NetworkOwner real = network();
        alignment.owner = new NetworkOwner(null, null, null) {
            @Override
            public PostponementGranted requestPostponement(PostponementRequest request) {
                PostponementGranted granted = real.requestPostponement(request);
                sent.add(request.line().value() + " " + request.requestId());
                if (sent.size() == 1) {
                    throw new WholesaleException.Unreachable("cutover.postpone", "read timed out", null);
                }
                return granted;
            }

            @Override
            public java.time.Instant ownerNow(java.time.Instant ourNow) {
                return real.ownerNow(ourNow);
            }
        };
        return sent;
    }

    private List<CutoverEvent> moves(String order) {
        return network().consultCutover(LineQuery.order(order)).events().stream()
                .filter(e -> e.kind() == CutoverEventKind.RESCHEDULED).toList();
    }

    @Test
    void aLostAnswerIsAskedAgainUnderTheSameIdAndTheOwnerMovesTheCutOnce() {
        String letter = owner.orderOf(LETTER);
        List<String> sent = loseFirstAnswer();
        replay(rules(PreventionPolicy.Mode.AUTOMATIC), 30, SHORT_STEP, inService(letter));

        List<String> letters = sent.stream().filter(r -> r.startsWith(ledger.line(letter).orElseThrow().ndi() + " ")).toList();
        assertThat(letters).as("the first request went twice, under the same id; the second once").hasSize(3);
        assertThat(letters.get(1)).isEqualTo(letters.get(0));
        assertThat(letters.get(2)).isNotEqualTo(letters.get(0));
        assertThat(moves(letter)).as("one move per request, none for the repeat").hasSize(2);
        // The repeat got the first answer (acknowledged), not a refusal of a "second" request.
        assertThat(preventions.stepsOf(letter)).extracting(s -> s.state())
                .containsExactly("requested", "acknowledged", "accepted", "requested", "acknowledged", "accepted");
        assertThat(ledger.line(letter).orElseThrow().gapWorkingDays()).isLessThanOrEqualTo(1);
    }

    @Test
    void aLostAnswerTheFeedConfirmsFirstIsAccepted() {
        String letter = owner.orderOf(LETTER);
        List<String> sent = loseFirstAnswer();
        replay(rules(PreventionPolicy.Mode.AUTOMATIC), 30, inService(letter));

        assertThat(sent.stream().filter(r -> r.startsWith(ledger.line(letter).orElseThrow().ndi() + " ")))
                .as("the feed showed the move before the request went again").hasSize(2);
        assertThat(moves(letter)).hasSize(2);
        assertThat(preventions.stepsOf(letter)).extracting(s -> s.state())
                .containsExactly("requested", "accepted", "requested", "acknowledged", "accepted");
        assertThat(ledger.line(letter).orElseThrow().gapWorkingDays()).isLessThanOrEqualTo(1);
    }
}
