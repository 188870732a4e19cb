package org.raccord.tracking;

import java.time.OffsetDateTime;

/**
 * What each upstream event does to a line, in one place and without I/O (the details live in
 * {@link OrderEventRules}, {@link CutoverEventRules} and {@link GapWatch}). An event older than what
 * the line already reflects still joins the timeline but does not overwrite newer facts nor announce
 * anything; the service gap is recomputed after every event.
 */
public final class LineRules {

    private final GapWatch gaps;

    public LineRules(WorkingDays calendar) {
        this.gaps = new GapWatch(calendar);
    }

    public Outcome apply(TrackedLine line, OrderEvent e, OffsetDateTime now) {
        boolean latest = e.sequence() > line.upstreamSequence();
        Outcome out = new Outcome(!latest);
        OrderEventRules.apply(out, line, e, latest, now);
        if (latest && e.ownerState() != null) {
            line.state(line.state(), e.ownerState());
        }
        line.orderSequence(e.sequence());
        gaps.refresh(out, line, e.at());
        finish(out, line, now);
        return out;
    }

    public Outcome apply(TrackedLine line, CutoverEvent e, OffsetDateTime now) {
        boolean latest = e.sequence() > line.cutoverSequence();
        Outcome out = new Outcome(!latest);
        CutoverEventRules.apply(out, line, e, latest, now);
        line.cutoverSequence(e.sequence());
        gaps.refresh(out, line, e.at());
        finish(out, line, now);
        return out;
    }

    /** Facts from a consult that no event carries; confirms the line's freshness. */
    public void confirm(TrackedLine line, OrderFacts facts, OffsetDateTime now) {
        line.ordered(facts.orderedAt(), facts.requestedDate());
        line.references(null, facts.ptoReference(), facts.ndi(), facts.fibre());
        if (facts.ownerState() != null) {
            line.state(line.state(), facts.ownerState());
        }
        line.confirmed(now);
    }

    private static void finish(Outcome out, TrackedLine line, OffsetDateTime now) {
        line.confirmed(now);
        if (out.changed || !out.events.isEmpty()) {
            line.changed(now);
        }
    }
}
