package org.raccord.tracking;

/** Meaningful changes of a line, written to the outbox for the notification hook to deliver. */
public enum DomainEventType {
    DELIVERY_DATE_SET("delivery-date.set"),
    DELIVERY_DATE_REVISED("delivery-date.revised"),
    CUTOVER_SCHEDULED("cutover.scheduled"),
    CUTOVER_CANCELLED("cutover.cancelled"),
    /** A planned cut is near (a configurable lead time before it, by the owner's clock). */
    CUTOVER_IMMINENT("cutover.imminent"),
    PREVIOUS_SERVICE_CUT("previous-service.cut"),
    BREACH_DETECTED("breach.detected"),
    BREACH_CLEARED("breach.cleared"),
    /** The owner moved the old line's cut at Raccord's request, to the new line's delivery. */
    CUTOVER_POSTPONED("cutover.postponed"),
    /** The owner refused to move the cut: the breach stands, with its reason. */
    POSTPONEMENT_REFUSED("cutover.postponement-refused"),
    LINE_DELIVERED("line.delivered"),
    IN_SERVICE("line.in-service"),
    ORDER_REJECTED("order.rejected"),
    ORDER_CANCELLED("order.cancelled"),
    JEOPARDY("order.jeopardy"),
    APPOINTMENT_BOOKED("appointment.booked"),
    APPOINTMENT_MOVED("appointment.moved");

    private final String wireName;

    DomainEventType(String wireName) {
        this.wireName = wireName;
    }

    /** The stable name in payloads and subscriptions. */
    public String wireName() {
        return wireName;
    }
}
