package org.raccord.tracking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A line's current request to the owner to move its cut to the new line's delivery: what was asked,
 * for which delivery date, and where it stands. One per line; a new delivery date starts a new
 * request (new id, {@link #requests()} counts them) in the same record, its steps kept apart
 * ({@link PreventionStep}). Changed only by {@link PreventionRules}.
 */
@Entity
@Table(name = "breach_prevention")
public class BreachPrevention {

    @Id @Column(name = "line_id") private Long lineId;
    @Enumerated(EnumType.STRING) private PreventionState state;
    @Column(name = "request_id") private String requestId;
    @Column(name = "requested_cut") private OffsetDateTime requestedCut;
    @Column(name = "previous_cut") private OffsetDateTime previousCut;
    @Column(name = "for_delivery") private LocalDate forDelivery;
    @Column(name = "owner_reference") private String ownerReference;
    @Column(name = "reason_code") private String reasonCode;
    @Column(name = "reason_label") private String reasonLabel;
    private int requests;
    private int attempts;
    @Column(name = "proposed_at") private OffsetDateTime proposedAt;
    @Column(name = "updated_at") private OffsetDateTime updatedAt;
    @Version private long version;

    protected BreachPrevention() {
    }

    BreachPrevention(Long lineId) {
        this.lineId = lineId;
    }

    public Long lineId() { return lineId; }
    public PreventionState state() { return state; }
    public UUID requestId() { return UUID.fromString(requestId); }
    public OffsetDateTime requestedCut() { return requestedCut; }
    public OffsetDateTime previousCut() { return previousCut; }
    public LocalDate forDelivery() { return forDelivery; }
    public String ownerReference() { return ownerReference; }
    public String reasonCode() { return reasonCode; }
    public String reasonLabel() { return reasonLabel; }
    /** Requests made for this line, one per delivery date it was aligned with. */
    public int requests() { return requests; }
    /** Times the current request was sent without an answer. */
    public int attempts() { return attempts; }
    public OffsetDateTime proposedAt() { return proposedAt; }
    public OffsetDateTime updatedAt() { return updatedAt; }

    // --- changes, made by PreventionRules only

    void start(PreventionState first, UUID id, OffsetDateTime cut, OffsetDateTime previous, LocalDate delivery, OffsetDateTime at) {
        state = first;
        requestId = id.toString();
        requestedCut = cut;
        previousCut = previous;
        forDelivery = delivery;
        ownerReference = null;
        reasonCode = null;
        reasonLabel = null;
        requests++;
        attempts = 0;
        proposedAt = at;
        updatedAt = at;
    }

    void state(PreventionState next, OffsetDateTime at) {
        state = next;
        updatedAt = at;
    }

    void answered(String reference, String code, String label) {
        ownerReference = BoundedText.clip(reference, 40);
        reasonCode = BoundedText.clip(code, 40);
        reasonLabel = BoundedText.clip(label, 200);
    }

    /** The owner commits to this cut: the feed is checked against it (it may differ from the one asked for). */
    void granted(OffsetDateTime cut) {
        if (cut != null) {
            requestedCut = cut;
        }
    }

    void attempted(OffsetDateTime at) {
        attempts++;
        updatedAt = at;
    }
}
