package org.raccord.tracking;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * An owner event that could not be applied, even alone and after retries: kept verbatim (the
 * translated event as JSON) with the error, so the feed could move past it and nothing is lost.
 * Operations see it and may replay it once the cause is fixed.
 */
@Entity
@Table(name = "quarantined_event")
public class QuarantinedEvent {

    static final int ERROR_LIMIT = 2000;

    @Id
    @SequenceGenerator(name = "quarantined_event_seq", sequenceName = "quarantined_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "quarantined_event_seq")
    private Long id;
    @Enumerated(EnumType.STRING) private Feed feed;
    @Column(name = "upstream_sequence") private long sequence;
    @Column(name = "order_reference") private String orderReference;
    private String event;
    private String error;
    @Column(name = "quarantined_at") private OffsetDateTime quarantinedAt;
    @Column(name = "replayed_at") private OffsetDateTime replayedAt;
    @Column(name = "replay_error") private String replayError;

    protected QuarantinedEvent() {
    }

    QuarantinedEvent(Feed feed, long sequence, String orderReference, String event, String error, OffsetDateTime at) {
        this.feed = feed;
        this.sequence = sequence;
        this.orderReference = BoundedText.clip(orderReference, 64);
        this.event = event;
        this.error = BoundedText.clip(error, ERROR_LIMIT);
        this.quarantinedAt = at;
    }

    public Long id() { return id; }
    public Feed feed() { return feed; }
    public long sequence() { return sequence; }
    public String orderReference() { return orderReference; }
    /** The event as Raccord received it (translated from the owner's XML), as JSON. */
    public String event() { return event; }
    public String error() { return error; }
    public OffsetDateTime quarantinedAt() { return quarantinedAt; }
    /** When a replay applied it; null while it is still set aside. */
    public OffsetDateTime replayedAt() { return replayedAt; }
    /** Why the last replay failed, if it did. */
    public String replayError() { return replayError; }

    void replayed(OffsetDateTime at) {
        this.replayedAt = at;
        this.replayError = null;
    }

    void replayFailed(String why) {
        this.replayError = BoundedText.clip(why, ERROR_LIMIT);
    }

    /** What went wrong, for a person: each cause's kind and message, outermost first. */
    public static String why(Throwable failure) {
        StringBuilder why = new StringBuilder();
        for (Throwable t = failure; t != null && why.length() < ERROR_LIMIT; t = t.getCause() == t ? null : t.getCause()) {
            if (why.length() > 0) {
                why.append(" <- ");
            }
            why.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                why.append(": ").append(t.getMessage());
            }
        }
        return BoundedText.clip(why.toString(), ERROR_LIMIT);
    }
}
