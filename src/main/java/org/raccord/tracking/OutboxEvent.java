package org.raccord.tracking;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A domain event waiting for delivery (transactional outbox): written in the same transaction as
 * the change it describes, so a change is never stored without its event nor the other way round.
 * {@code eventId} is stable: every delivery attempt of this event carries it. {@code lineEventNumber}
 * orders one line's events as they were committed, across instances (ids do not: each instance
 * takes them in blocks).
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    @SequenceGenerator(name = "record_seq", sequenceName = "record_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "record_seq")
    private Long id;
    @Column(name = "event_id") private String eventId;
    @Column(name = "line_id") private Long lineId;
    @Column(name = "line_event_number") private long lineEventNumber;
    @Column(name = "event_type") private String type;
    @Column(name = "occurred_at") private OffsetDateTime occurredAt;
    private String payload;
    @Column(name = "created_at") private OffsetDateTime createdAt;
    @Column(name = "published_at") private OffsetDateTime publishedAt;

    protected OutboxEvent() {
    }

    /** The line's next event: numbered by the line, which the transaction writes with it. */
    OutboxEvent(String eventId, TrackedLine line, String type, OffsetDateTime occurredAt, String payload, OffsetDateTime createdAt) {
        this.eventId = eventId;
        this.lineId = line.id();
        this.lineEventNumber = line.nextEventNumber();
        this.type = type;
        this.occurredAt = occurredAt;
        this.payload = payload;
        this.createdAt = createdAt;
    }

    public Long id() { return id; }
    public String eventId() { return eventId; }
    public Long lineId() { return lineId; }
    public long lineEventNumber() { return lineEventNumber; }
    public String type() { return type; }
    public OffsetDateTime occurredAt() { return occurredAt; }
    public String payload() { return payload; }
    public OffsetDateTime publishedAt() { return publishedAt; }
    public OffsetDateTime createdAt() { return createdAt; }

    /** Handed over to the notification hook (its deliveries are written in the same transaction). */
    public void published(OffsetDateTime at) {
        this.publishedAt = at;
    }
}
