package org.raccord.tracking;

import java.util.ArrayList;
import java.util.List;

/** What applying one upstream event did to a line: the records to store and the events to send. */
public final class Outcome {

    final List<TimelineEntry> timeline = new ArrayList<>();
    final List<DeliveryRevision> revisions = new ArrayList<>();
    final List<JeopardyAlert> alerts = new ArrayList<>();
    final List<MilestoneReached> milestones = new ArrayList<>();
    final List<DomainEvent> events = new ArrayList<>();
    boolean changed;
    /** An event older than what the line reflects: it joins the history but announces nothing. */
    boolean quiet;

    public List<TimelineEntry> timeline() { return timeline; }
    public List<DeliveryRevision> revisions() { return revisions; }
    public List<JeopardyAlert> alerts() { return alerts; }
    public List<MilestoneReached> milestones() { return milestones; }
    public List<DomainEvent> events() { return events; }
    /** Whether the line's status changed (as opposed to a mere confirmation). */
    public boolean changed() { return changed; }
}
