package org.raccord.tracking;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A delay or risk the owner announced on an order, open until the order moves on. */
@Entity
@Table(name = "jeopardy_alert")
public class JeopardyAlert {

    @Id
    @SequenceGenerator(name = "record_seq", sequenceName = "record_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "record_seq")
    private Long id;
    @Column(name = "line_id") private Long lineId;
    @Column(name = "raised_at") private OffsetDateTime raisedAt;
    @Column(name = "reason_code") private String reasonCode;
    @Column(name = "reason_label") private String reasonLabel;
    @Column(name = "reason_known") private Boolean reasonKnown;
    @Column(name = "source_sequence") private long sourceSequence;

    protected JeopardyAlert() {
    }

    JeopardyAlert(Long lineId, OffsetDateTime raisedAt, Reason reason, long sourceSequence) {
        this.lineId = lineId;
        this.raisedAt = raisedAt;
        this.reasonCode = reason == null ? null : reason.code();
        this.reasonLabel = reason == null ? null : reason.label();
        this.reasonKnown = reason == null ? null : reason.known();
        this.sourceSequence = sourceSequence;
    }

    public OffsetDateTime raisedAt() { return raisedAt; }
    public Reason reason() { return reasonCode == null ? null : Reason.stored(reasonCode, reasonLabel, Boolean.TRUE.equals(reasonKnown)); }
    public long sourceSequence() { return sourceSequence; }
}
