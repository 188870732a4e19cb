package org.raccord.tracking;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * When Raccord asks the owner to move a line's cut, to when, and what each answer does: pure rules
 * over a line and its {@link BreachPrevention}, the only code that changes one.
 *
 * <p>The cut asked for is the new line's committed delivery day at {@link #ALIGNED_HOUR}: the
 * owner's appointment slots end at 17:00, so the old line stays on while the technician connects
 * the new one (no gap at all when the delivery keeps its date, and the gap is counted in days: 0
 * working days), and the cut stays as far as it can from now, which leaves the most notice to move
 * it again if the delivery slips. When the owner's plan is full that day, the working day before
 * the delivery, at the same hour, is asked for instead: one working day without service, which the
 * law allows.
 */
public final class PreventionRules {

    /** The hour of the delivery day the old line's cut is asked for (Paris time). */
    public static final LocalTime ALIGNED_HOUR = LocalTime.of(18, 0);

    /** What a rule did: the steps to record and the events to send. */
    public record Change(BreachPrevention prevention, List<PreventionStep> steps, List<DomainEvent> events) {
        static Change none(BreachPrevention p) {
            return new Change(p, List.of(), List.of());
        }

        public boolean changed() {
            return !steps.isEmpty();
        }
    }

    private final PreventionPolicy policy;

    public PreventionRules(PreventionPolicy policy) {
        this.policy = policy;
    }

    public PreventionPolicy policy() {
        return policy;
    }

    /** The owner's refusal when its intervention plan is full on the day asked for. */
    static final String DAY_FULL = "PLAN_DE_CHARGE_SATURE";

    private static LocalDate workingDayBefore(LocalDate day) {
        LocalDate before = day.minusDays(1);
        while (!WorkingDays.france().isWorkingDay(before)) {
            before = before.minusDays(1);
        }
        return before;
    }

    public static OffsetDateTime alignedCut(LocalDate delivery) {
        return delivery.atTime(ALIGNED_HOUR).atZone(SpokenDates.PARIS).toOffsetDateTime();
    }

    /**
     * The cut to ask for, when this line's breach can still be prevented: the cut is planned, more
     * than the owner's notice away, the delivery is committed and later than the cut, and no request
     * for this delivery date was made yet (at most {@code maximumRequests}, one per date).
     */
    public Optional<OffsetDateTime> proposal(TrackedLine line, BreachPrevention current, OffsetDateTime ownerNow) {
        if (policy.mode() == PreventionPolicy.Mode.OFF || !line.gapBreach() || line.cutoverState() != CutoverState.PLANNED
                || line.cutoverDoneAt() != null || line.deliveredAt() != null || line.committedDeliveryDate() == null
                || line.cutoverPlannedAt() == null || !aheadByNotice(line, ownerNow)) {
            return Optional.empty();
        }
        OffsetDateTime cut = alignedCut(line.committedDeliveryDate());
        if (!cut.isAfter(line.cutoverPlannedAt())) {
            return Optional.empty();
        }
        if (current != null && (!current.state().settled() || current.forDelivery().equals(line.committedDeliveryDate())
                || current.requests() >= policy.maximumRequests())) {
            return Optional.empty();
        }
        return Optional.of(cut);
    }

    /** Starts a request (a new one, or the next for a new delivery date): proposed, or requested at once. */
    public Change start(TrackedLine line, BreachPrevention current, OffsetDateTime cut, OffsetDateTime now) {
        BreachPrevention p = current != null ? current : new BreachPrevention(line.id());
        p.start(firstState(), UUID.randomUUID(), cut, line.cutoverPlannedAt(), line.committedDeliveryDate(), now);
        return new Change(p, List.of(new PreventionStep(p, now, null)), List.of());
    }

    /** Automatic: sent at once; propose: an operator approves it first. */
    private PreventionState firstState() {
        return policy.mode() == PreventionPolicy.Mode.AUTOMATIC ? PreventionState.REQUESTED : PreventionState.PROPOSED;
    }

    /** An operator's approval of a proposal: it is to be sent. */
    public Change approve(BreachPrevention p, String operator, OffsetDateTime now) {
        return move(p, PreventionState.PROPOSED, PreventionState.REQUESTED, operator, now);
    }

    /** An operator's dismissal of a proposal: nothing is sent for this delivery date. */
    public Change dismiss(BreachPrevention p, String operator, OffsetDateTime now) {
        return move(p, PreventionState.PROPOSED, PreventionState.DISMISSED, operator, now);
    }

    private static Change move(BreachPrevention p, PreventionState from, PreventionState to, String actor, OffsetDateTime now) {
        if (p.state() != from) {
            throw new IllegalStateException("the request is " + p.state().code() + ", not " + from.code());
        }
        p.state(to, now);
        return new Change(p, List.of(new PreventionStep(p, now, actor)), List.of());
    }

    /** The owner's acknowledgement: it will move the cut (to the cut it grants); its feed confirms it later. */
    public Change granted(BreachPrevention p, UUID requestId, String ownerReference, OffsetDateTime grantedCut, OffsetDateTime now) {
        if (p.state() != PreventionState.REQUESTED || !p.requestId().equals(requestId)) {
            return Change.none(p);
        }
        p.answered(ownerReference, null, null);
        p.granted(grantedCut);
        p.state(PreventionState.ACKNOWLEDGED, now);
        return new Change(p, List.of(new PreventionStep(p, now, null)), List.of());
    }

    /**
     * The owner's refusal, with its code and label: the breach stands, the customer hears why;
     * unless the owner's plan was only full that day and the day before still keeps the gap lawful,
     * in which case that day is asked for (at once, or proposed: as the first request was; the
     * customer hears nothing yet).
     */
    public Change refused(TrackedLine line, BreachPrevention p, UUID requestId, String code, String label, OffsetDateTime now) {
        if (p.state() != PreventionState.REQUESTED || !p.requestId().equals(requestId)) {
            return Change.none(p);
        }
        p.answered(null, code, label);
        p.state(PreventionState.REFUSED, now);
        PreventionStep refusal = new PreventionStep(p, now, null);
        OffsetDateTime dayBefore = alignedCut(workingDayBefore(p.forDelivery()));
        if (DAY_FULL.equals(code) && p.requestedCut().isAfter(dayBefore) && dayBefore.isAfter(line.cutoverPlannedAt())
                && p.requests() < policy.maximumRequests()) {
            p.start(firstState(), UUID.randomUUID(), dayBefore, line.cutoverPlannedAt(), p.forDelivery(), now);
            return new Change(p, List.of(refusal, new PreventionStep(p, now, null)), List.of());
        }
        Map<String, String> facts = facts(line, p);
        Reason reason = ReasonCatalogue.reason(code, label);
        facts.putAll(Outcome.reasonFacts(reason));
        return new Change(p, List.of(refusal), List.of(new DomainEvent(DomainEventType.POSTPONEMENT_REFUSED, now, Map.copyOf(facts))));
    }

    /** Sent without an answer (timeout, owner down, no quota): it goes again later under the same id. */
    public Change unanswered(BreachPrevention p, OffsetDateTime now) {
        p.attempted(now);
        return Change.none(p);
    }

    /**
     * What the line's facts settle: an acknowledged move the feed now shows is accepted; a request
     * or proposal the cut overtook (less than the owner's notice left, or the cut made) expires, as
     * does one whose breach went away by itself.
     */
    public Change settle(TrackedLine line, BreachPrevention p, OffsetDateTime ownerNow, OffsetDateTime now) {
        List<PreventionStep> steps = new ArrayList<>();
        List<DomainEvent> events = new ArrayList<>();
        boolean moved = cutIsRequested(line, p);
        switch (p.state()) {
            // A request whose answer was lost can be confirmed by the feed too: the owner acted on it.
            case ACKNOWLEDGED, REQUESTED -> {
                if (moved) {
                    p.state(PreventionState.ACCEPTED, now);
                    steps.add(new PreventionStep(p, now, null));
                    events.add(new DomainEvent(DomainEventType.CUTOVER_POSTPONED, now, Map.copyOf(facts(line, p))));
                } else if (p.state() == PreventionState.ACKNOWLEDGED
                        ? line.cutoverDoneAt() != null || line.cutoverState() != CutoverState.PLANNED : overtaken(line, ownerNow)) {
                    p.state(PreventionState.EXPIRED, now);
                    steps.add(new PreventionStep(p, now, null));
                }
            }
            case PROPOSED -> {
                // A proposal for a delivery date that has since moved would ask for the wrong cut: a new one follows.
                if (overtaken(line, ownerNow) || !p.forDelivery().equals(line.committedDeliveryDate())) {
                    p.state(PreventionState.EXPIRED, now);
                    steps.add(new PreventionStep(p, now, null));
                }
            }
            default -> { }
        }
        return new Change(p, steps, events);
    }

    /** The line's cut, made or planned, is the one asked for. */
    private static boolean cutIsRequested(TrackedLine line, BreachPrevention p) {
        OffsetDateTime cut = line.cutoverDoneAt() != null ? line.cutoverDoneAt() : line.cutoverPlannedAt();
        return cut != null && cut.toInstant().equals(p.requestedCut().toInstant());
    }

    /** Too late to ask: the cut is made, called off, or closer than the owner's notice; or the breach went away. */
    private boolean overtaken(TrackedLine line, OffsetDateTime ownerNow) {
        return line.cutoverDoneAt() != null || line.cutoverState() != CutoverState.PLANNED || !aheadByNotice(line, ownerNow)
                || !line.gapBreach();
    }

    private boolean aheadByNotice(TrackedLine line, OffsetDateTime ownerNow) {
        return line.cutoverPlannedAt() != null
                && Duration.between(ownerNow, line.cutoverPlannedAt()).compareTo(policy.minimumNotice()) > 0;
    }

    /**
     * The facts of a postponement's events, named as the SMS templates read them: {@code plannedAt}
     * the cut now planned (the granted one once accepted), {@code deliveryDate} the delivery the
     * request aligned the cut with, {@code requestedCut} and {@code previousCut} what was asked.
     */
    private static Map<String, String> facts(TrackedLine line, BreachPrevention p) {
        Map<String, String> facts = new LinkedHashMap<>();
        if (line.cutoverPlannedAt() != null) {
            facts.put("plannedAt", line.cutoverPlannedAt().toString());
        }
        facts.put("deliveryDate", p.forDelivery().toString());
        facts.put("requestedCut", p.requestedCut().toString());
        if (p.previousCut() != null) {
            facts.put("previousCut", p.previousCut().toString());
        }
        if (p.ownerReference() != null) {
            facts.put("ownerReference", p.ownerReference());
        }
        return facts;
    }
}
