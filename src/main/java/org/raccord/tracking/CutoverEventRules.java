package org.raccord.tracking;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** What each cutover event does to a line: when the previous provider's service is (to be) cut. */
final class CutoverEventRules {

    private CutoverEventRules() {
    }

    static void apply(Outcome out, TrackedLine line, CutoverEvent e, boolean latest, OffsetDateTime now) {
        out.timeline.add(new TimelineEntry(line.id(), Feed.CUTOVER, e.sequence(), e.at(), e.kind().name(), e.flow(),
                e.reason(), summary(e), e.ownerText(), now));
        if (line.ndi() == null && e.ndi() != null || line.ptoReference() == null && e.ptoReference() != null) {
            line.references(null, e.ptoReference(), e.ndi(), null);
        }
        switch (e.kind()) {
            case SCHEDULED, RESCHEDULED -> {
                if (latest && e.plannedAt() != null && !e.plannedAt().equals(line.cutoverPlannedAt())) {
                    line.cutover(line.cutoverDoneAt() == null ? CutoverState.PLANNED : null, e.losingOperator(), e.plannedAt(), null);
                    out.changed = true;
                    Map<String, String> facts = new LinkedHashMap<>();
                    facts.put("plannedAt", e.plannedAt().toString());
                    facts.put("losingOperator", String.valueOf(e.losingOperator()));
                    if (e.previousPlannedAt() != null) {
                        facts.put("previousPlannedAt", e.previousPlannedAt().toString());
                    }
                    out.announce(DomainEventType.CUTOVER_SCHEDULED, e.at(), facts);
                }
                if (e.porting() != null && latest) {
                    line.porting(e.porting());
                }
            }
            case PREVIOUS_SERVICE_CUT -> {
                OffsetDateTime at = e.cutAt() != null ? e.cutAt() : e.at();
                out.reach(line, Milestone.PREVIOUS_SERVICE_CUT, at, Feed.CUTOVER, e.sequence());
                if (line.cutoverDoneAt() == null) {
                    line.cutover(CutoverState.DONE, e.losingOperator(), null, at);
                    out.changed = true;
                    out.announce(DomainEventType.PREVIOUS_SERVICE_CUT, at, new LinkedHashMap<>(Map.of(
                            "cutAt", at.toString(), "losingOperator", String.valueOf(e.losingOperator()))));
                }
            }
            case CANCELLED -> {
                if (latest && line.cutoverDoneAt() == null) {
                    Map<String, String> facts = Outcome.reasonFacts(e.reason());
                    if (line.cutoverPlannedAt() != null) {
                        // Which cut is called off: the line keeps no planned cut once it is cancelled.
                        facts.put("plannedAt", line.cutoverPlannedAt().toString());
                    }
                    line.cutover(CutoverState.CANCELLED, null, null, null);
                    out.changed = true;
                    out.announce(DomainEventType.CUTOVER_CANCELLED, e.at(), facts);
                }
            }
            case PORTING_CHANGED -> {
                if (latest && e.porting() != null && e.porting() != line.portingState()) {
                    line.porting(e.porting());
                    out.changed = true;
                }
            }
            case UNKNOWN -> { }
        }
    }

    private static String summary(CutoverEvent e) {
        StringBuilder s = new StringBuilder(e.flow() == null ? "?" : e.flow());
        if (e.plannedAt() != null) {
            s.append(" planned=").append(e.plannedAt());
        }
        if (e.cutAt() != null) {
            s.append(" cut=").append(e.cutAt());
        }
        if (e.porting() != null) {
            s.append(" porting=").append(e.porting());
        }
        return s.toString();
    }
}
