package org.raccord.tracking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What each upstream event does to a line, in one place and without I/O: states (TMF641), dates
 * and their revisions, the cutover, milestones, jeopardy, and the service gap, recomputed after
 * every event so that a breach is seen the moment either date moves. An event older than what the
 * line already reflects still joins the timeline but does not overwrite newer facts.
 */
public final class LineRules {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Set<ServiceState> FINAL = Set.of(ServiceState.REJECTED, ServiceState.CANCELLED, ServiceState.COMPLETED);

    private final WorkingDays calendar;

    public LineRules(WorkingDays calendar) {
        this.calendar = calendar;
    }

    public Outcome apply(TrackedLine line, OrderEvent e, OffsetDateTime now) {
        Outcome out = new Outcome();
        boolean latest = e.sequence() > line.upstreamSequence();
        out.quiet = !latest;
        out.timeline.add(new TimelineEntry(line.id(), Feed.ORDER, e.sequence(), e.at(), e.kind().name(), e.flow(),
                e.reason(), summary(e), now));
        line.references(e.serviceReference(), e.ptoReference(), e.ndi(), e.fibre());
        switch (e.kind()) {
            case ACKNOWLEDGED -> milestone(out, line, Milestone.ORDER_ACKNOWLEDGED, e.at(), Feed.ORDER, e.sequence());
            case ACKNOWLEDGEMENT_REFUSED, REJECTED -> {
                if (latest) {
                    state(out, line, ServiceState.REJECTED);
                    line.lastReason(e.reason());
                }
                event(out, DomainEventType.ORDER_REJECTED, e.at(), reasonFacts(e.reason()));
            }
            case ACCEPTED -> {
                milestone(out, line, Milestone.ORDER_ACCEPTED, e.at(), Feed.ORDER, e.sequence());
                if (latest) {
                    progress(out, line);
                }
                commit(out, line, e, latest);
            }
            case APPOINTMENT_BOOKED, APPOINTMENT_MOVED -> {
                boolean moved = e.kind() == OrderEventKind.APPOINTMENT_MOVED;
                if (!moved) {
                    milestone(out, line, Milestone.APPOINTMENT_BOOKED, e.at(), Feed.ORDER, e.sequence());
                }
                if (latest) {
                    line.appointment(e.appointment());
                    progress(out, line);
                    out.changed = true;
                }
                Map<String, String> facts = reasonFacts(e.reason());
                if (e.appointment() != null) {
                    facts.put("appointmentStart", e.appointment().start().toString());
                    facts.put("appointmentEnd", e.appointment().end().toString());
                }
                event(out, moved ? DomainEventType.APPOINTMENT_MOVED : DomainEventType.APPOINTMENT_BOOKED, e.at(), facts);
            }
            case DELIVERY_DATE_REVISED -> {
                commit(out, line, e, latest);
                if (latest) {
                    progress(out, line);
                }
            }
            case JEOPARDY -> {
                out.alerts.add(new JeopardyAlert(line.id(), e.at(), e.reason(), e.sequence()));
                if (latest) {
                    state(out, line, ServiceState.HELD);
                    line.lastReason(e.reason());
                }
                event(out, DomainEventType.JEOPARDY, e.at(), reasonFacts(e.reason()));
            }
            case DELIVERED -> {
                OffsetDateTime at = e.effectiveAt() != null ? e.effectiveAt() : e.at();
                milestone(out, line, Milestone.LINE_DELIVERED, at, Feed.ORDER, e.sequence());
                if (line.deliveredAt() == null) {
                    line.delivered(at);
                    out.changed = true;
                    event(out, DomainEventType.LINE_DELIVERED, at, new LinkedHashMap<>(Map.of("deliveredAt", at.toString())));
                }
            }
            case IN_SERVICE -> {
                OffsetDateTime at = e.effectiveAt() != null ? e.effectiveAt() : e.at();
                milestone(out, line, Milestone.IN_SERVICE, at, Feed.ORDER, e.sequence());
                if (line.inServiceAt() == null) {
                    line.inService(at);
                    state(out, line, ServiceState.COMPLETED);
                    event(out, DomainEventType.IN_SERVICE, at, new LinkedHashMap<>(Map.of("inServiceAt", at.toString())));
                }
            }
            case CANCELLED, TERMINATED -> {
                if (latest) {
                    state(out, line, ServiceState.CANCELLED);
                    line.lastReason(e.reason());
                }
                event(out, DomainEventType.ORDER_CANCELLED, e.at(), reasonFacts(e.reason()));
            }
            case CONNECTED, REPROVISIONED, UNKNOWN -> { }
        }
        line.orderSequence(e.sequence());
        gap(out, line, e.at());
        finish(out, line, now);
        return out;
    }

    public Outcome apply(TrackedLine line, CutoverEvent e, OffsetDateTime now) {
        Outcome out = new Outcome();
        boolean latest = e.sequence() > line.cutoverSequence();
        out.quiet = !latest;
        out.timeline.add(new TimelineEntry(line.id(), Feed.CUTOVER, e.sequence(), e.at(), e.kind().name(), e.flow(),
                e.reason(), summary(e), now));
        if (line.ndi() == null && e.ndi() != null || line.ptoReference() == null && e.ptoReference() != null) {
            line.references(null, e.ptoReference(), e.ndi(), null);
        }
        switch (e.kind()) {
            case SCHEDULED, RESCHEDULED -> {
                if (latest && e.plannedAt() != null && !e.plannedAt().equals(line.cutoverPlannedAt())) {
                    line.cutover(line.cutoverDoneAt() == null ? CutoverState.PLANNED : null, e.losingOperator(), e.plannedAt(), null);
                    out.changed = true;
                    Map<String, String> facts = new LinkedHashMap<>();
                    facts.put("plannedAt", e.plannedAt().toString());
                    facts.put("losingOperator", String.valueOf(e.losingOperator()));
                    if (e.previousPlannedAt() != null) {
                        facts.put("previousPlannedAt", e.previousPlannedAt().toString());
                    }
                    event(out, DomainEventType.CUTOVER_SCHEDULED, e.at(), facts);
                }
                if (e.porting() != null && latest) {
                    line.porting(e.porting());
                }
            }
            case PREVIOUS_SERVICE_CUT -> {
                OffsetDateTime at = e.cutAt() != null ? e.cutAt() : e.at();
                milestone(out, line, Milestone.PREVIOUS_SERVICE_CUT, at, Feed.CUTOVER, e.sequence());
                if (line.cutoverDoneAt() == null) {
                    line.cutover(CutoverState.DONE, e.losingOperator(), null, at);
                    out.changed = true;
                    event(out, DomainEventType.PREVIOUS_SERVICE_CUT, at, new LinkedHashMap<>(Map.of(
                            "cutAt", at.toString(), "losingOperator", String.valueOf(e.losingOperator()))));
                }
            }
            case CANCELLED -> {
                if (latest && line.cutoverDoneAt() == null) {
                    line.cutover(CutoverState.CANCELLED, null, null, null);
                    out.changed = true;
                    event(out, DomainEventType.CUTOVER_CANCELLED, e.at(), reasonFacts(e.reason()));
                }
            }
            case PORTING_CHANGED -> {
                if (latest && e.porting() != null && e.porting() != line.portingState()) {
                    line.porting(e.porting());
                    out.changed = true;
                }
            }
            case UNKNOWN -> { }
        }
        line.cutoverSequence(e.sequence());
        gap(out, line, e.at());
        finish(out, line, now);
        return out;
    }

    /** Facts from a consult that no event carries; confirms the line's freshness. */
    public void confirm(TrackedLine line, OrderFacts facts, OffsetDateTime now) {
        line.ordered(facts.orderedAt(), facts.requestedDate());
        line.references(null, facts.ptoReference(), facts.ndi(), facts.fibre());
        if (facts.ownerState() != null) {
            line.state(line.state(), facts.ownerState());
        }
        line.confirmed(now);
    }

    /** The committed date is set (first commitment) or revised (every later move, with its reason). */
    private void commit(Outcome out, TrackedLine line, OrderEvent e, boolean latest) {
        LocalDate to = e.deliveryDate();
        if (to == null) {
            return;
        }
        // An older event says only what it carries: the line's current date is not where it came from.
        LocalDate from = e.previousDeliveryDate() != null ? e.previousDeliveryDate()
                : latest ? line.committedDeliveryDate() : null;
        if (from != null && from.equals(to)) {
            return;
        }
        Map<String, String> facts = reasonFacts(e.reason());
        facts.put("deliveryDate", to.toString());
        if (from == null) {
            event(out, DomainEventType.DELIVERY_DATE_SET, e.at(), facts);
        } else {
            out.revisions.add(new DeliveryRevision(line.id(), from, to, e.at(), e.reason(), e.sequence()));
            facts.put("previousDeliveryDate", from.toString());
            event(out, DomainEventType.DELIVERY_DATE_REVISED, e.at(), facts);
        }
        if (latest) {
            line.committedDelivery(to);
            if (e.reason() != null) {
                line.lastReason(e.reason());
            }
            out.changed = true;
        }
    }

    /** A re-planned order (accepted, appointment, new date) is in progress again, unless it ended. */
    private static void progress(Outcome out, TrackedLine line) {
        if (!FINAL.contains(line.state()) && line.state() != ServiceState.IN_PROGRESS) {
            state(out, line, ServiceState.IN_PROGRESS);
        }
    }

    private static void state(Outcome out, TrackedLine line, ServiceState state) {
        if (line.state() != state) {
            line.state(state, null);
            out.changed = true;
        }
    }

    private void gap(Outcome out, TrackedLine line, OffsetDateTime at) {
        boolean before = line.gapBreach();
        ServiceGap gap = gapOf(line);
        line.gap(gap);
        // A breach follows the line's state, whatever event moved it: always announced.
        if (gap != null && gap.breach() && !before) {
            out.changed = true;
            out.events.add(new DomainEvent(DomainEventType.BREACH_DETECTED, at, Map.copyOf(gapFacts(gap))));
        } else if (before && (gap == null || !gap.breach())) {
            out.changed = true;
            out.events.add(new DomainEvent(DomainEventType.BREACH_CLEARED, at,
                    gap == null ? Map.of() : Map.copyOf(gapFacts(gap))));
        }
    }

    /** Cut: actual, else planned (unless called off). Delivery: actual, else committed. */
    ServiceGap gapOf(TrackedLine line) {
        OffsetDateTime cut = line.cutoverDoneAt() != null ? line.cutoverDoneAt()
                : line.cutoverState() == CutoverState.PLANNED ? line.cutoverPlannedAt() : null;
        if (cut == null) {
            return null;
        }
        LocalDate delivery = line.deliveredAt() != null ? line.deliveredAt().atZoneSameInstant(PARIS).toLocalDate()
                : line.committedDeliveryDate();
        if (delivery == null) {
            return null;
        }
        return ServiceGap.of(cut.atZoneSameInstant(PARIS).toLocalDate(), line.cutoverDoneAt() != null,
                delivery, line.deliveredAt() != null, calendar);
    }

    private static Map<String, String> gapFacts(ServiceGap gap) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("cutDay", gap.cutDay().toString());
        facts.put("deliveryDay", gap.deliveryDay().toString());
        facts.put("calendarDays", Integer.toString(gap.calendarDays()));
        facts.put("workingDays", Integer.toString(gap.workingDays()));
        return facts;
    }

    private static void milestone(Outcome out, TrackedLine line, Milestone m, OffsetDateTime at, Feed feed, long sequence) {
        out.milestones.add(new MilestoneReached(line.id(), m, at, feed, sequence));
    }

    private static void event(Outcome out, DomainEventType type, OffsetDateTime at, Map<String, String> facts) {
        if (!out.quiet) {
            out.events.add(new DomainEvent(type, at, Map.copyOf(facts)));
        }
    }

    private static Map<String, String> reasonFacts(Reason reason) {
        Map<String, String> facts = new LinkedHashMap<>();
        if (reason != null) {
            facts.put("reasonCode", reason.code());
            if (reason.label() != null) {
                facts.put("reasonLabel", reason.label());
            }
        }
        return facts;
    }

    private static void finish(Outcome out, TrackedLine line, OffsetDateTime now) {
        line.confirmed(now);
        if (out.changed || !out.events.isEmpty()) {
            line.changed(now);
        }
    }

    private static String summary(OrderEvent e) {
        StringBuilder s = new StringBuilder(e.flow() == null ? "?" : e.flow());
        if (e.deliveryDate() != null) {
            s.append(" date=").append(e.deliveryDate());
        }
        if (e.previousDeliveryDate() != null) {
            s.append(" from=").append(e.previousDeliveryDate());
        }
        if (e.appointment() != null) {
            s.append(" slot=").append(e.appointment().start());
        }
        return s.length() > 300 ? s.substring(0, 300) : s.toString();
    }

    private static String summary(CutoverEvent e) {
        StringBuilder s = new StringBuilder(e.flow() == null ? "?" : e.flow());
        if (e.plannedAt() != null) {
            s.append(" planned=").append(e.plannedAt());
        }
        if (e.cutAt() != null) {
            s.append(" cut=").append(e.cutAt());
        }
        if (e.porting() != null) {
            s.append(" porting=").append(e.porting());
        }
        return s.toString();
    }
}
