package org.raccord.tracking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What each access-order event does to a line: state, dates and their revisions, milestones, jeopardy. */
final class OrderEventRules {

    private static final Set<ServiceState> FINAL = Set.of(ServiceState.REJECTED, ServiceState.CANCELLED, ServiceState.COMPLETED);

    private OrderEventRules() {
    }

    static void apply(Outcome out, TrackedLine line, OrderEvent e, boolean latest, OffsetDateTime now) {
        out.timeline.add(new TimelineEntry(line.id(), Feed.ORDER, e.sequence(), e.at(), e.kind().name(), e.flow(),
                e.reason(), summary(e), e.ownerText(), now));
        line.references(e.serviceReference(), e.ptoReference(), e.ndi(), e.fibre());
        switch (e.kind()) {
            case ACKNOWLEDGED -> out.reach(line, Milestone.ORDER_ACKNOWLEDGED, e.at(), Feed.ORDER, e.sequence());
            case ACKNOWLEDGEMENT_REFUSED, REJECTED -> {
                if (latest) {
                    out.state(line, ServiceState.REJECTED);
                    line.lastReason(e.reason());
                }
                out.announce(DomainEventType.ORDER_REJECTED, e.at(), Outcome.reasonFacts(e.reason()));
            }
            case ACCEPTED -> {
                out.reach(line, Milestone.ORDER_ACCEPTED, e.at(), Feed.ORDER, e.sequence());
                if (latest) {
                    progress(out, line);
                }
                commit(out, line, e, latest);
            }
            case APPOINTMENT_BOOKED, APPOINTMENT_MOVED -> {
                boolean moved = e.kind() == OrderEventKind.APPOINTMENT_MOVED;
                if (!moved) {
                    out.reach(line, Milestone.APPOINTMENT_BOOKED, e.at(), Feed.ORDER, e.sequence());
                }
                if (latest) {
                    line.appointment(e.appointment());
                    progress(out, line);
                    out.changed = true;
                }
                Map<String, String> facts = Outcome.reasonFacts(e.reason());
                if (e.appointment() != null) {
                    facts.put("appointmentStart", e.appointment().start().toString());
                    facts.put("appointmentEnd", e.appointment().end().toString());
                }
                out.announce(moved ? DomainEventType.APPOINTMENT_MOVED : DomainEventType.APPOINTMENT_BOOKED, e.at(), facts);
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
                    out.state(line, ServiceState.HELD);
                    line.lastReason(e.reason());
                }
                out.announce(DomainEventType.JEOPARDY, e.at(), Outcome.reasonFacts(e.reason()));
            }
            case DELIVERED -> {
                OffsetDateTime at = e.effectiveAt() != null ? e.effectiveAt() : e.at();
                out.reach(line, Milestone.LINE_DELIVERED, at, Feed.ORDER, e.sequence());
                if (line.deliveredAt() == null) {
                    line.delivered(at);
                    out.changed = true;
                    out.announce(DomainEventType.LINE_DELIVERED, at, new LinkedHashMap<>(Map.of("deliveredAt", at.toString())));
                }
            }
            case IN_SERVICE -> {
                OffsetDateTime at = e.effectiveAt() != null ? e.effectiveAt() : e.at();
                out.reach(line, Milestone.IN_SERVICE, at, Feed.ORDER, e.sequence());
                if (line.inServiceAt() == null) {
                    line.inService(at);
                    out.state(line, ServiceState.COMPLETED);
                    out.announce(DomainEventType.IN_SERVICE, at, new LinkedHashMap<>(Map.of("inServiceAt", at.toString())));
                }
            }
            case CANCELLED, TERMINATED -> {
                if (latest) {
                    out.state(line, ServiceState.CANCELLED);
                    line.lastReason(e.reason());
                }
                out.announce(DomainEventType.ORDER_CANCELLED, e.at(), Outcome.reasonFacts(e.reason()));
            }
            case CONNECTED, REPROVISIONED, UNKNOWN -> { }
        }
    }

    /** The committed date is set (first commitment) or revised (every later move, with its reason). */
    private static void commit(Outcome out, TrackedLine line, OrderEvent e, boolean latest) {
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
        Map<String, String> facts = Outcome.reasonFacts(e.reason());
        facts.put("deliveryDate", to.toString());
        if (from == null) {
            out.announce(DomainEventType.DELIVERY_DATE_SET, e.at(), facts);
        } else {
            out.revisions.add(new DeliveryRevision(line.id(), from, to, e.at(), e.reason(), e.sequence()));
            facts.put("previousDeliveryDate", from.toString());
            out.announce(DomainEventType.DELIVERY_DATE_REVISED, e.at(), facts);
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
            out.state(line, ServiceState.IN_PROGRESS);
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
}
