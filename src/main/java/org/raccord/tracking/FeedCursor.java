package org.raccord.tracking;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * How far Raccord has read one of the owner's feeds. Advanced in the same transaction as the
 * events it covers, so a restart resumes exactly after the last applied event.
 */
@Entity
@Table(name = "feed_cursor")
public class FeedCursor {

    @Id
    @Enumerated(EnumType.STRING)
    private Feed feed;
    @Column(name = "last_sequence") private long lastSequence;
    @Column(name = "owner_last_sequence") private long ownerLastSequence;
    @Column(name = "updated_at") private OffsetDateTime updatedAt;
    /** Fences a deposed poller: a page committed over a cursor another instance moved fails. */
    @Version private long version;

    protected FeedCursor() {
    }

    FeedCursor(Feed feed) {
        this.feed = feed;
    }

    void advance(long to, long ownerLast, OffsetDateTime at) {
        this.lastSequence = Math.max(lastSequence, to);
        this.ownerLastSequence = ownerLast;
        this.updatedAt = at;
    }

    public Feed feed() { return feed; }
    public long lastSequence() { return lastSequence; }
    /** The owner's newest sequence when last read: {@code ownerLastSequence - lastSequence} is the lag. */
    public long ownerLastSequence() { return ownerLastSequence; }
    public OffsetDateTime updatedAt() { return updatedAt; }

    /** Events the owner had published, when last read, beyond what Raccord has applied. */
    public long lag() {
        return Math.max(0, ownerLastSequence - lastSequence);
    }
}
