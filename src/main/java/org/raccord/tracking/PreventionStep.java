package org.raccord.tracking;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One step of a line's breach prevention (proposed, requested, acknowledged, refused...), append-only. */
@Entity
@Table(name = "breach_prevention_step")
public class PreventionStep {

    @Id
    @SequenceGenerator(name = "record_seq", sequenceName = "record_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "record_seq")
    private Long id;
    @Column(name = "line_id") private Long lineId;
    private OffsetDateTime at;
    private String state;
    @Column(name = "request_id") private String requestId;
    @Column(name = "requested_cut") private OffsetDateTime requestedCut;
    @Column(name = "owner_reference") private String ownerReference;
    @Column(name = "reason_code") private String reasonCode;
    @Column(name = "reason_label") private String reasonLabel;
    /** Who took the step: an operator's name for an approval or a dismissal, else null (Raccord or the owner). */
    private String actor;

    protected PreventionStep() {
    }

    PreventionStep(BreachPrevention p, OffsetDateTime at, String actor) {
        this.lineId = p.lineId();
        this.at = at;
        this.state = p.state().code();
        this.requestId = p.requestId().toString();
        this.requestedCut = p.requestedCut();
        this.ownerReference = p.ownerReference();
        this.reasonCode = p.reasonCode();
        this.reasonLabel = p.reasonLabel();
        this.actor = BoundedText.clip(actor, 100);
    }

    public Long lineId() { return lineId; }
    public OffsetDateTime at() { return at; }
    public String state() { return state; }
    public String requestId() { return requestId; }
    public OffsetDateTime requestedCut() { return requestedCut; }
    public String ownerReference() { return ownerReference; }
    public String reasonCode() { return reasonCode; }
    public String reasonLabel() { return reasonLabel; }
    public String actor() { return actor; }
}
