package org.raccord.tracking;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
    @Embedded private StoredReason reason;
    @Column(name = "source_sequence") private long sourceSequence;

    protected JeopardyAlert() {
    }

    JeopardyAlert(Long lineId, OffsetDateTime raisedAt, Reason reason, long sourceSequence) {
        this.lineId = lineId;
        this.raisedAt = raisedAt;
        this.reason = StoredReason.of(reason);
        this.sourceSequence = sourceSequence;
    }

    public Long lineId() { return lineId; }
    public OffsetDateTime raisedAt() { return raisedAt; }
    public Reason reason() { return StoredReason.read(reason); }
    public long sourceSequence() { return sourceSequence; }
}
