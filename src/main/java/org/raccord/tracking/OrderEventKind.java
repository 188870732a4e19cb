package org.raccord.tracking;

/** What an access-order event means, in Raccord's words (the owner's flow names are in the wsdl README). */
public enum OrderEventKind {
    ACKNOWLEDGED,
    ACKNOWLEDGEMENT_REFUSED,
    ACCEPTED,
    REJECTED,
    APPOINTMENT_BOOKED,
    APPOINTMENT_MOVED,
    CONNECTED,
    DELIVERED,
    IN_SERVICE,
    CANCELLED,
    TERMINATED,
    JEOPARDY,
    DELIVERY_DATE_REVISED,
    REPROVISIONED,
    /** A flow this version of Raccord does not know; kept, never dropped. */
    UNKNOWN
}
