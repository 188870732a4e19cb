package org.raccord.tracking;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One upstream event in a line's append-only timeline. Unique by (feed, sequence): applying the
 * same event twice finds it here and changes nothing.
 */
@Entity
@Table(name = "line_event")
public class TimelineEntry {

    @Id
    @SequenceGenerator(name = "record_seq", sequenceName = "record_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "record_seq")
    private Long id;
    @Column(name = "line_id") private Long lineId;
    @Enumerated(EnumType.STRING) private Feed feed;
    @Column(name = "upstream_sequence") private long sequence;
    @Column(name = "occurred_at") private OffsetDateTime occurredAt;
    private String kind;
    private String flow;
    @Embedded private StoredReason reason;
    private String summary;
    /** The owner's texts that were clipped to fit this record, verbatim; null when none was. */
    @Column(name = "owner_text") private String ownerText;
    @Column(name = "recorded_at") private OffsetDateTime recordedAt;

    protected TimelineEntry() {
    }

    TimelineEntry(Long lineId, Feed feed, long sequence, OffsetDateTime occurredAt, String kind, String flow,
                  Reason reason, String summary, String ownerText, OffsetDateTime recordedAt) {
        this.lineId = lineId;
        this.feed = feed;
        this.sequence = sequence;
        this.occurredAt = occurredAt;
        this.kind = kind;
        this.flow = flow;
        this.reason = StoredReason.of(reason);
        this.summary = summary;
        this.ownerText = ownerText;
        this.recordedAt = recordedAt;
    }

    public Long lineId() { return lineId; }
    public Feed feed() { return feed; }
    public long sequence() { return sequence; }
    public OffsetDateTime occurredAt() { return occurredAt; }
    public String kind() { return kind; }
    public String flow() { return flow; }
    public Reason reason() { return StoredReason.read(reason); }
    public String summary() { return summary; }
    public String ownerText() { return ownerText; }
}
