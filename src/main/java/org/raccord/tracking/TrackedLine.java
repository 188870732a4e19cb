package org.raccord.tracking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A line Raccord tracks, with the owner's latest answer about its access order and when the owner
 * last confirmed it. Changes come only through {@link #observe}, which never moves backwards.
 */
@Entity
@Table(name = "tracked_line")
public class TrackedLine {

    @Id
    @SequenceGenerator(name = "tracked_line_seq", sequenceName = "tracked_line_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tracked_line_seq")
    private Long id;
    @Column(name = "order_reference", nullable = false, updatable = false)
    private String orderReference;
    @Column(name = "service_reference")
    private String serviceReference;
    @Column(name = "pto_reference")
    private String ptoReference;
    private String ndi;
    private boolean fibre;
    @Column(name = "owner_state")
    private String ownerState;
    @Enumerated(EnumType.STRING)
    private ServiceState state;
    @Column(name = "ordered_at")
    private OffsetDateTime orderedAt;
    @Column(name = "requested_date")
    private LocalDate requestedDate;
    @Column(name = "committed_delivery_date")
    private LocalDate committedDeliveryDate;
    @Column(name = "appointment_start")
    private OffsetDateTime appointmentStart;
    @Column(name = "appointment_end")
    private OffsetDateTime appointmentEnd;
    @Column(name = "delivered_at")
    private OffsetDateTime deliveredAt;
    @Column(name = "in_service_at")
    private OffsetDateTime inServiceAt;
    @Column(name = "last_reason_code")
    private String lastReasonCode;
    @Column(name = "last_reason_label")
    private String lastReasonLabel;
    @Column(name = "upstream_sequence")
    private long upstreamSequence;
    @Column(name = "confirmed_at")
    private OffsetDateTime confirmedAt;
    @Column(name = "changed_at")
    private OffsetDateTime changedAt;
    @Column(name = "registered_at", updatable = false)
    private OffsetDateTime registeredAt;
    @Version
    private long version;

    protected TrackedLine() {
    }

    static TrackedLine register(OrderObservation first, OffsetDateTime now) {
        TrackedLine line = new TrackedLine();
        line.orderReference = first.orderReference();
        line.registeredAt = now;
        line.upstreamSequence = -1;
        line.observe(first, now);
        return line;
    }

    /**
     * Applies what the owner said. An answer older than what we hold (a lower sequence) only
     * confirms freshness; it never overwrites newer facts.
     */
    void observe(OrderObservation o, OffsetDateTime now) {
        confirmedAt = now;
        if (o.upstreamSequence() < upstreamSequence) {
            return;
        }
        boolean changed = o.upstreamSequence() > upstreamSequence || !Objects.equals(state, o.state());
        serviceReference = o.serviceReference();
        ptoReference = o.ptoReference();
        ndi = o.ndi();
        fibre = o.fibre();
        ownerState = o.ownerState();
        state = o.state();
        orderedAt = o.orderedAt();
        requestedDate = o.requestedDate();
        committedDeliveryDate = o.committedDeliveryDate();
        appointmentStart = o.appointment() == null ? null : o.appointment().start();
        appointmentEnd = o.appointment() == null ? null : o.appointment().end();
        deliveredAt = o.deliveredAt();
        inServiceAt = o.inServiceAt();
        lastReasonCode = o.lastReason() == null ? null : o.lastReason().code();
        lastReasonLabel = o.lastReason() == null ? null : o.lastReason().label();
        upstreamSequence = o.upstreamSequence();
        if (changed) {
            changedAt = now;
        }
    }

    public String orderReference() { return orderReference; }
    public String serviceReference() { return serviceReference; }
    public String ptoReference() { return ptoReference; }
    public String ndi() { return ndi; }
    public boolean fibre() { return fibre; }
    public String ownerState() { return ownerState; }
    public ServiceState state() { return state; }
    public OffsetDateTime orderedAt() { return orderedAt; }
    public LocalDate requestedDate() { return requestedDate; }
    public LocalDate committedDeliveryDate() { return committedDeliveryDate; }

    public AppointmentWindow appointment() {
        return appointmentStart == null ? null : new AppointmentWindow(appointmentStart, appointmentEnd);
    }

    public OffsetDateTime deliveredAt() { return deliveredAt; }
    public OffsetDateTime inServiceAt() { return inServiceAt; }

    public Reason lastReason() {
        return lastReasonCode == null ? null : new Reason(lastReasonCode, lastReasonLabel);
    }

    public long upstreamSequence() { return upstreamSequence; }
    public OffsetDateTime confirmedAt() { return confirmedAt; }
    public OffsetDateTime changedAt() { return changedAt; }
    public OffsetDateTime registeredAt() { return registeredAt; }
    public long version() { return version; }
}
