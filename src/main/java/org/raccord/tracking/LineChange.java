package org.raccord.tracking;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One committed change of a line, for the other instances' read models: the line, the version it
 * was written with ({@link #ERASED} when retention erased it), numbered in commit order. Written in
 * the changing transaction (see {@link LineChanges}), so a change is never committed without it.
 */
@Entity
@Table(name = "line_change")
public class LineChange {

    /** The version recorded for a line that retention erased. */
    public static final long ERASED = -1;

    @Id
    @Column(name = "change_number") private long id;
    @Column(name = "line_id") private long lineId;
    @Column(name = "line_version") private long lineVersion;
    @Column(name = "changed_at") private OffsetDateTime changedAt;

    protected LineChange() {
    }

    public LineChange(long number, long lineId, long lineVersion, OffsetDateTime changedAt) {
        this.id = number;
        this.lineId = lineId;
        this.lineVersion = lineVersion;
        this.changedAt = changedAt;
    }

    public long number() { return id; }
    public long lineId() { return lineId; }
    public long lineVersion() { return lineVersion; }
    public boolean erased() { return lineVersion == ERASED; }
    /** When the changing transaction wrote it (by that instance's clock), just before its commit. */
    public OffsetDateTime changedAt() { return changedAt; }
}
