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

/** A milestone of a line, with the upstream event it came from. */
@Entity
@Table(name = "line_milestone")
public class MilestoneReached {

    @Id
    @SequenceGenerator(name = "record_seq", sequenceName = "record_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "record_seq")
    private Long id;
    @Column(name = "line_id") private Long lineId;
    @Enumerated(EnumType.STRING) private Milestone milestone;
    @Column(name = "reached_at") private OffsetDateTime reachedAt;
    @Enumerated(EnumType.STRING) @Column(name = "source_feed") private Feed sourceFeed;
    @Column(name = "source_sequence") private long sourceSequence;

    protected MilestoneReached() {
    }

    MilestoneReached(Long lineId, Milestone milestone, OffsetDateTime reachedAt, Feed sourceFeed, long sourceSequence) {
        this.lineId = lineId;
        this.milestone = milestone;
        this.reachedAt = reachedAt;
        this.sourceFeed = sourceFeed;
        this.sourceSequence = sourceSequence;
    }

    public Long lineId() { return lineId; }
    public Milestone milestone() { return milestone; }
    public OffsetDateTime reachedAt() { return reachedAt; }
    public Feed sourceFeed() { return sourceFeed; }
    public long sourceSequence() { return sourceSequence; }
}
