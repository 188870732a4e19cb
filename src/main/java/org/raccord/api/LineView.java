package org.raccord.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.raccord.tracking.AppointmentWindow;
import org.raccord.tracking.DeliveryRevision;
import org.raccord.tracking.JeopardyAlert;
import org.raccord.tracking.MilestoneReached;
import org.raccord.tracking.Reason;
import org.raccord.tracking.ServiceGap;
import org.raccord.tracking.TrackedLine;
import org.raccord.wholesale.ReasonCatalogue;

/** A tracked line as customer channels see it. Absent values are left out of the JSON. */
public record LineView(
        String summary,
        String orderReference,
        String serviceReference,
        String ptoReference,
        String ndi,
        String technology,
        String state,
        String ownerState,
        OffsetDateTime orderedAt,
        LocalDate requestedDate,
        LocalDate committedDeliveryDate,
        Revisions deliveryDateRevisions,
        AppointmentWindow appointment,
        PreviousProvider previousProvider,
        Gap serviceGap,
        Map<String, MilestoneView> milestones,
        List<Alert> jeopardy,
        OffsetDateTime deliveredAt,
        OffsetDateTime inServiceAt,
        Reason lastReason,
        Freshness freshness) {

    public record Revision(LocalDate from, LocalDate to, OffsetDateTime revisedAt, Reason reason) {
    }

    public record Revisions(int count, List<Revision> history) {
    }

    public record PreviousProvider(String operator, String cutoverState, OffsetDateTime plannedCutAt,
                                   OffsetDateTime cutAt, String numberPorting) {
    }

    /** From the old service's cut to the new line's delivery; more than one working day is a breach. */
    public record Gap(int calendarDays, int workingDays, boolean breach, int allowedWorkingDays) {
    }

    public record MilestoneView(OffsetDateTime at, String sourceFeed, long sourceSequence) {
    }

    public record Alert(OffsetDateTime raisedAt, Reason reason) {
    }

    /** How current this answer is; old data is served with its age and the reason it is old. */
    public record Freshness(OffsetDateTime confirmedAt, OffsetDateTime changedAt, long orderSequence,
                            long cutoverSequence, boolean degraded, String degradedReason) {
    }

    /** The same view with its plain-language summary, French or English. */
    LineView summarized(boolean english) {
        return new LineView(StatusSummary.of(this, english), orderReference, serviceReference, ptoReference, ndi,
                technology, state, ownerState, orderedAt, requestedDate, committedDeliveryDate, deliveryDateRevisions,
                appointment, previousProvider, serviceGap, milestones, jeopardy, deliveredAt, inServiceAt, lastReason,
                freshness);
    }

    static LineView of(TrackedLine l, List<DeliveryRevision> revisions, List<MilestoneReached> milestones,
                       List<JeopardyAlert> alerts, String degradedReason) {
        List<Revision> history = revisions.stream()
                .map(r -> new Revision(r.fromDate(), r.toDate(), r.revisedAt(), ReasonCatalogue.read(r.reason())))
                .toList();
        Map<String, MilestoneView> reached = new LinkedHashMap<>();
        milestones.stream().sorted(Comparator.comparing(MilestoneReached::reachedAt))
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
                reached, alerts.stream().map(a -> new Alert(a.raisedAt(), ReasonCatalogue.read(a.reason()))).toList(),
                l.deliveredAt(), l.inServiceAt(), ReasonCatalogue.read(l.lastReason()),
                new Freshness(l.confirmedAt(), l.changedAt(), l.upstreamSequence(), l.cutoverSequence(),
                        degradedReason != null, degradedReason));
    }
}
