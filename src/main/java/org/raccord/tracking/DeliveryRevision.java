package org.raccord.tracking;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One move of the committed delivery date: from, to, when, and why (MEF: every revision has a reason). */
@Entity
@Table(name = "delivery_revision")
public class DeliveryRevision {

    @Id
    @SequenceGenerator(name = "record_seq", sequenceName = "record_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "record_seq")
    private Long id;
    @Column(name = "line_id") private Long lineId;
    @Column(name = "from_date") private LocalDate fromDate;
    @Column(name = "to_date") private LocalDate toDate;
    @Column(name = "revised_at") private OffsetDateTime revisedAt;
    @Embedded private StoredReason reason;
    @Column(name = "source_sequence") private long sourceSequence;

    protected DeliveryRevision() {
    }

    DeliveryRevision(Long lineId, LocalDate from, LocalDate to, OffsetDateTime at, Reason reason, long sourceSequence) {
        this.lineId = lineId;
        this.fromDate = from;
        this.toDate = to;
        this.revisedAt = at;
        this.reason = StoredReason.of(reason);
        this.sourceSequence = sourceSequence;
    }

    public Long lineId() { return lineId; }
    public LocalDate fromDate() { return fromDate; }
    public LocalDate toDate() { return toDate; }
    public OffsetDateTime revisedAt() { return revisedAt; }
    public Reason reason() { return StoredReason.read(reason); }
    public long sourceSequence() { return sourceSequence; }
}
