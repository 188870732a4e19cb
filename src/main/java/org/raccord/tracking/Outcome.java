package org.raccord.tracking;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What applying one upstream event did to a line: the records to store and the events to send. */
public final class Outcome {

    final List<TimelineEntry> timeline = new ArrayList<>();
    final List<DeliveryRevision> revisions = new ArrayList<>();
    final List<JeopardyAlert> alerts = new ArrayList<>();
    final List<MilestoneReached> milestones = new ArrayList<>();
    final List<DomainEvent> events = new ArrayList<>();
    boolean changed;
    /** An event older than what the line reflects: it joins the history but announces nothing. */
    final boolean quiet;

    Outcome(boolean quiet) {
        this.quiet = quiet;
    }

    public List<TimelineEntry> timeline() { return timeline; }
    public List<DeliveryRevision> revisions() { return revisions; }
    public List<JeopardyAlert> alerts() { return alerts; }
    public List<MilestoneReached> milestones() { return milestones; }
    public List<DomainEvent> events() { return events; }
    /** Whether the line's status changed (as opposed to a mere confirmation). */
    public boolean changed() { return changed; }

    void reach(TrackedLine line, Milestone m, OffsetDateTime at, Feed feed, long sequence) {
        milestones.add(new MilestoneReached(line.id(), m, at, feed, sequence));
    }

    /** Announces a change, unless this outcome is quiet. */
    void announce(DomainEventType type, OffsetDateTime at, Map<String, String> facts) {
        if (!quiet) {
            events.add(new DomainEvent(type, at, Map.copyOf(facts)));
        }
    }

    /** Announces a change of the line's state (a breach), whatever event caused it. */
    void announceAlways(DomainEventType type, OffsetDateTime at, Map<String, String> facts) {
        events.add(new DomainEvent(type, at, Map.copyOf(facts)));
    }

    void state(TrackedLine line, ServiceState state) {
        if (line.state() != state) {
            line.state(state, null);
            changed = true;
        }
    }

    static Map<String, String> reasonFacts(Reason reason) {
        Map<String, String> facts = new LinkedHashMap<>();
        if (reason != null) {
            facts.put("reasonCode", reason.code());
            if (reason.label() != null) {
                facts.put("reasonLabel", reason.label());
            }
        }
        return facts;
    }
}
