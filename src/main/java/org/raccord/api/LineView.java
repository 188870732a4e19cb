package org.raccord.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.raccord.tracking.AppointmentWindow;
import org.raccord.tracking.BreachPrevention;
import org.raccord.tracking.LineRecords;
import org.raccord.tracking.MilestoneReached;
import org.raccord.tracking.PreventionStep;
import org.raccord.tracking.Reason;
import org.raccord.tracking.ServiceGap;
import org.raccord.tracking.TrackedLine;
import org.raccord.tracking.ReasonCatalogue;

/** A tracked line as customer channels see it. Absent values are left out of the JSON. */
@Schema(description = "A tracked line: no customer name or address, ever. Absent values are left out.")
public record LineView(
        @Schema(description = "What an agent can read aloud: state, cut date, delivery date, gap; French or English")
        String summary,
        @Schema(description = "The provider's own order reference", example = "CMD-00000001")
        String orderReference,
        @Schema(description = "The owner's service reference; absent until the owner gives it", example = "VIA657942680")
        String serviceReference,
        @Schema(description = "The fibre outlet (PTO) reference; absent for copper lines, and until the owner gives it", example = "OO-AB12-CD34")
        String ptoReference,
        @Schema(description = "The line's number at the owner (NDI); absent until known", example = "0139421662")
        String ndi,
        @Schema(enumeration = {"copper", "fibre"})
        String technology,
        @Schema(description = "TMF641 state")
        String state,
        @Schema(description = "The owner's own state word, verbatim; absent until a consult or a flow that moves the state", example = "EN_SERVICE")
        String ownerState,
        @Schema(description = "When the order was placed; absent until the owner is consulted")
        OffsetDateTime orderedAt,
        @Schema(description = "The delivery date the customer asked for; absent until the owner is consulted")
        LocalDate requestedDate,
        @Schema(description = "The delivery date the owner commits to now; absent until it commits to one")
        LocalDate committedDeliveryDate,
        @Schema(description = "How often the committed date moved, each move with its reason")
        Revisions deliveryDateRevisions,
        @Schema(description = "The technician's appointment window; absent while no slot is booked")
        AppointmentWindow appointment,
        @Schema(description = "The previous provider's line and its cutover (unbundling); absent while no cutover is known")
        PreviousProvider previousProvider,
        @Schema(description = "Days without service between the old line's cut and the new line's delivery; absent unless"
                + " there is both a cut (done or planned) and a delivery (done or committed)")
        Gap serviceGap,
        @Schema(description = "Raccord's request to the owner to move the old line's cut to the new line's delivery, so that"
                + " the gap stays within the law; absent while no breach could be prevented")
        Prevention breachPrevention,
        @Schema(description = "Milestones reached, by name (ORDER_ACKNOWLEDGED, ORDER_ACCEPTED, APPOINTMENT_BOOKED,"
                + " PREVIOUS_SERVICE_CUT, LINE_DELIVERED, IN_SERVICE, ...), each with the upstream event it came from")
        Map<String, MilestoneView> milestones,
        @Schema(description = "Jeopardy alerts raised by the owner, oldest first")
        List<Alert> jeopardy,
        @Schema(description = "When the line was delivered; absent until then")
        OffsetDateTime deliveredAt,
        @Schema(description = "When the line went into service; absent until then")
        OffsetDateTime inServiceAt,
        @Schema(description = "The owner's latest reason, with plain-language French and English; absent until an event carries one")
        Reason lastReason,
        Freshness freshness) {

    public record Revision(LocalDate from, LocalDate to, OffsetDateTime revisedAt, Reason reason) {
    }

    @Schema(name = "DeliveryDateRevisions")
    public record Revisions(@Schema(description = "Times the committed date moved") int count, List<Revision> history) {
    }

    public record PreviousProvider(@Schema(description = "The previous provider's operator code", example = "FREE") String operator,
                                   @Schema(enumeration = {"PLANNED", "DONE", "CANCELLED"}) String cutoverState,
                                   @Schema(description = "When the old line is to be cut") OffsetDateTime plannedCutAt,
                                   @Schema(description = "When the old line was cut") OffsetDateTime cutAt,
                                   String numberPorting) {
    }

    /** From the old service's cut to the new line's delivery; more than one working day is a breach. */
    @Schema(name = "ServiceGap")
    public record Gap(int calendarDays,
                      @Schema(description = "French working days (weekends and public holidays excluded)") int workingDays,
                      @Schema(description = "More working days than allowed") boolean breach,
                      @Schema(description = "What the law allows: one working day") int allowedWorkingDays) {
    }

    public record MilestoneView(OffsetDateTime at, String sourceFeed, long sourceSequence) {
    }

    /** The request to move the cut, where it stands, and every step it took. */
    @Schema(name = "BreachPrevention")
    public record Prevention(
            @Schema(enumeration = {"proposed", "requested", "acknowledged", "accepted", "refused", "dismissed", "expired"},
                    description = "proposed: awaits operations' approval; requested: sent or to be sent; acknowledged: the owner"
                            + " agreed, its feed will confirm; accepted: the cut moved; refused: the owner said no (see reason);"
                            + " dismissed: operations said no; expired: the cut came too close first")
            String state,
            @Schema(description = "The cut asked for: the new line's delivery day, in the evening") OffsetDateTime requestedCut,
            @Schema(description = "The cut planned when the request started") OffsetDateTime previousCut,
            @Schema(description = "The delivery date the request aligns the cut with") LocalDate forDelivery,
            @Schema(description = "The owner's reference of the request, once acknowledged", example = "RPB-00000001") String ownerReference,
            @Schema(description = "Why the owner refused, with plain French and English") Reason reason,
            @Schema(description = "Requests made for this line, one per delivery date") int requests,
            @Schema(description = "Every step of every request, oldest first") List<PreventionStepView> history) {
    }

    @Schema(name = "BreachPreventionStep")
    public record PreventionStepView(OffsetDateTime at, String state, OffsetDateTime requestedCut, String ownerReference,
                                     @Schema(description = "The owner's refusal code, on a refused step") String reasonCode) {
    }

    public record Alert(OffsetDateTime raisedAt, Reason reason) {
    }

    /** How current this answer is; old data is served with its age and the reason it is old. */
    public record Freshness(@Schema(description = "When the owner last confirmed this answer") OffsetDateTime confirmedAt,
                            @Schema(description = "When the line last changed") OffsetDateTime changedAt,
                            @Schema(description = "The last access-order event applied") long orderSequence,
                            @Schema(description = "The last cutover event applied") long cutoverSequence,
                            @Schema(description = "True while the owner cannot be asked: the answer is stored data") boolean degraded,
                            @Schema(description = "Why the answer may be old; absent while not degraded") String degradedReason) {
    }

    /** The same view with its plain-language summary, French or English. */
    LineView summarized(boolean english) {
        return new LineView(StatusSummary.of(this, english), orderReference, serviceReference, ptoReference, ndi,
                technology, state, ownerState, orderedAt, requestedDate, committedDeliveryDate, deliveryDateRevisions,
                appointment, previousProvider, serviceGap, breachPrevention, milestones, jeopardy, deliveredAt, inServiceAt,
                lastReason, freshness);
    }

    static LineView of(LineRecords r, String degradedReason) {
        TrackedLine l = r.line();
        List<Revision> history = r.revisions().stream()
                .map(v -> new Revision(v.fromDate(), v.toDate(), v.revisedAt(), ReasonCatalogue.read(v.reason())))
                .toList();
        Map<String, MilestoneView> reached = new LinkedHashMap<>();
        r.milestones().stream().sorted(Comparator.comparing(MilestoneReached::reachedAt))
                .forEach(m -> reached.putIfAbsent(m.milestone().name(),
                        new MilestoneView(m.reachedAt(), m.sourceFeed().name(), m.sourceSequence())));
        PreviousProvider previous = l.cutoverState() == null ? null : new PreviousProvider(l.losingOperator(),
                l.cutoverState().name(), l.cutoverPlannedAt(), l.cutoverDoneAt(),
                l.portingState() == null ? null : l.portingState().name());
        Gap gap = l.gapWorkingDays() == null ? null : new Gap(l.gapCalendarDays(), l.gapWorkingDays(), l.gapBreach(),
                ServiceGap.ALLOWED_WORKING_DAYS);
        return new LineView(null, l.orderReference(), l.serviceReference(), l.ptoReference(), l.ndi(),
                l.fibre() ? "fibre" : "copper", l.state().code(), l.ownerState(), l.orderedAt(), l.requestedDate(),
                l.committedDeliveryDate(), new Revisions(history.size(), history), l.appointment(), previous, gap,
                prevention(r.prevention(), r.preventionSteps()), reached, r.alerts().stream().map(a -> new Alert(a.raisedAt(), ReasonCatalogue.read(a.reason()))).toList(),
                l.deliveredAt(), l.inServiceAt(), ReasonCatalogue.read(l.lastReason()),
                freshness(l, degradedReason));
    }

    private static Prevention prevention(BreachPrevention p, List<PreventionStep> steps) {
        if (p == null) {
            return null;
        }
        return new Prevention(p.state().code(), p.requestedCut(), p.previousCut(), p.forDelivery(), p.ownerReference(),
                ReasonCatalogue.reason(p.reasonCode(), p.reasonLabel()), p.requests(),
                // Who approved stays on the operations side (the audit trail): no staff name in a client's answer.
                steps.stream().map(s -> new PreventionStepView(s.at(), s.state(), s.requestedCut(), s.ownerReference(),
                        s.reasonCode())).toList());
    }

    /** Degraded while the owner cannot be asked, or while it says it no longer knows the order. */
    private static Freshness freshness(TrackedLine l, String degradedReason) {
        String why = degradedReason != null ? degradedReason : l.ownerUnknownSince() == null ? null
                : "the network owner has not known this order since " + l.ownerUnknownSince();
        return new Freshness(l.confirmedAt(), l.changedAt(), l.upstreamSequence(), l.cutoverSequence(), why != null, why);
    }
}
