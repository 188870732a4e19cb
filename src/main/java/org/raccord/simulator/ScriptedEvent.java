package org.raccord.simulator;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event of a line's scripted life, on one of the owner's two feeds. Fields that a flow does not
 * carry are null. Built with the small factories below so scripts read like the flows they mirror.
 */
public record ScriptedEvent(
        Instant at,
        Feed feed,
        String flow,
        boolean ok,
        OwnerReason reason,
        LocalDate deliveryDate,
        LocalDate previousDeliveryDate,
        Instant slotStart,
        Instant slotEnd,
        Instant plannedCutover,
        Instant previousPlannedCutover,
        String porting,
        String ownerRequest) {

    /** The two delta feeds of the owner, each with its own sequence. */
    public enum Feed { ORDER, CUTOVER }

    static ScriptedEvent order(Instant at, String flow) {
        return new ScriptedEvent(at, Feed.ORDER, flow, true, null, null, null, null, null, null, null, null, null);
    }

    static ScriptedEvent cutover(Instant at, String flow) {
        return new ScriptedEvent(at, Feed.CUTOVER, flow, true, null, null, null, null, null, null, null, null, null);
    }

    ScriptedEvent rejectedFor(OwnerReason why) {
        return new ScriptedEvent(at, feed, flow, false, why, deliveryDate, previousDeliveryDate, slotStart, slotEnd,
                plannedCutover, previousPlannedCutover, porting, ownerRequest);
    }

    ScriptedEvent because(OwnerReason why) {
        return new ScriptedEvent(at, feed, flow, ok, why, deliveryDate, previousDeliveryDate, slotStart, slotEnd,
                plannedCutover, previousPlannedCutover, porting, ownerRequest);
    }

    ScriptedEvent delivery(LocalDate date, LocalDate previous) {
        return new ScriptedEvent(at, feed, flow, ok, reason, date, previous, slotStart, slotEnd,
                plannedCutover, previousPlannedCutover, porting, ownerRequest);
    }

    ScriptedEvent slot(Instant start, Instant end) {
        return new ScriptedEvent(at, feed, flow, ok, reason, deliveryDate, previousDeliveryDate, start, end,
                plannedCutover, previousPlannedCutover, porting, ownerRequest);
    }

    ScriptedEvent cutoverAt(Instant planned, Instant previous) {
        return new ScriptedEvent(at, feed, flow, ok, reason, deliveryDate, previousDeliveryDate, slotStart, slotEnd,
                planned, previous, porting, ownerRequest);
    }

    /** The same event at another time (a cut the owner moved). */
    ScriptedEvent movedTo(Instant when) {
        return new ScriptedEvent(when, feed, flow, ok, reason, deliveryDate, previousDeliveryDate, slotStart, slotEnd,
                plannedCutover, previousPlannedCutover, porting, ownerRequest);
    }

    /** The owner's reference of the request this event answers (a postponement it granted). */
    ScriptedEvent answering(String request) {
        return new ScriptedEvent(at, feed, flow, ok, reason, deliveryDate, previousDeliveryDate, slotStart, slotEnd,
                plannedCutover, previousPlannedCutover, porting, request);
    }

    ScriptedEvent porting(String state) {
        return new ScriptedEvent(at, feed, flow, ok, reason, deliveryDate, previousDeliveryDate, slotStart, slotEnd,
                plannedCutover, previousPlannedCutover, state, ownerRequest);
    }
}
