package org.raccord.notification;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.raccord.tracking.OutboxEvent;

/**
 * One event for one subscriber: its body is fixed at its first attempt (its SMS is composed again
 * just before, see {@link Coalescing}), so every attempt sends the same CloudEvent (same
 * {@code webhook-id}); only the timestamp and signature change. PENDING until a
 * 2xx (DELIVERED), the last retry (DEAD, a dead letter) or its subscription's end (CANCELLED).
 */
@Entity
@Table(name = "webhook_delivery")
public class Delivery {

    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String DEAD = "DEAD";
    static final String CANCELLED = "CANCELLED";

    @Id
    @SequenceGenerator(name = "delivery_seq", sequenceName = "delivery_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delivery_seq")
    private Long id;
    @Column(name = "subscription_id") private String subscriptionId;
    @Column(name = "outbox_id") private long outboxId;
    @Column(name = "line_id") private long lineId;
    /** The event's number among its line's events: a subscriber gets one line's events in this order. */
    @Column(name = "line_event_number") private long lineEventNumber;
    @Column(name = "event_id") private String eventId;
    @Column(name = "event_type") private String eventType;
    private String body;
    private String state;
    private int attempts;
    @Column(name = "next_attempt_at") private OffsetDateTime nextAttemptAt;
    @Column(name = "last_status") private Integer lastStatus;
    @Column(name = "last_error") private String lastError;
    @Column(name = "created_at") private OffsetDateTime createdAt;
    @Column(name = "delivered_at") private OffsetDateTime deliveredAt;

    protected Delivery() {
    }

    Delivery(String subscriptionId, OutboxEvent event, String body, OffsetDateTime now) {
        this(subscriptionId, event.id(), event.lineId(), event.lineEventNumber(), event.eventId(), event.type(), body, now);
    }

    Delivery(String subscriptionId, long outboxId, long lineId, long lineEventNumber, String eventId, String eventType,
             String body, OffsetDateTime now) {
        this.subscriptionId = subscriptionId;
        this.outboxId = outboxId;
        this.lineId = lineId;
        this.lineEventNumber = lineEventNumber;
        this.eventId = eventId;
        this.eventType = eventType;
        this.body = body;
        this.state = PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    public Long id() { return id; }
    public String subscriptionId() { return subscriptionId; }
    public long lineId() { return lineId; }
    public long lineEventNumber() { return lineEventNumber; }
    public String eventId() { return eventId; }
    public String eventType() { return eventType; }
    public String body() { return body; }
    public String state() { return state; }
    public int attempts() { return attempts; }
    public OffsetDateTime nextAttemptAt() { return nextAttemptAt; }
    public Integer lastStatus() { return lastStatus; }
    public String lastError() { return lastError; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime deliveredAt() { return deliveredAt; }

    /** Taken for an attempt: counted now, and due again after the lease should the attempt never end. */
    void claim(OffsetDateTime leaseUntil) {
        attempts++;
        nextAttemptAt = leaseUntil;
    }

    void delivered(OffsetDateTime at, int status) {
        state = DELIVERED;
        deliveredAt = at;
        lastStatus = status;
        lastError = null;
    }

    void retryAt(OffsetDateTime at, Integer status, String error) {
        nextAttemptAt = at;
        lastStatus = status;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 300));
    }

    void dead(Integer status, String error) {
        retryAt(nextAttemptAt, status, error);
        state = DEAD;
    }

    /** No attempt was ever made (a replayed dead letter was: what it sent stays as it was). */
    boolean neverAttempted() {
        return attempts == 0 && lastStatus == null && lastError == null;
    }

    /** Coalescing changes a body before its first attempt only: what was sent is never changed. */
    void rewrite(String newBody) {
        if (attempts == 0) {
            this.body = newBody;
        }
    }

    void cancel() {
        state = CANCELLED;
    }

    /** A dead letter sent again by operations: a fresh schedule, the same event id. */
    void replay(OffsetDateTime now) {
        state = PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }
}
