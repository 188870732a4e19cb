package org.raccord.tracking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recomputes a line's service gap after every event, so that a breach is seen the moment either
 * date moves, and announces it when it appears or goes away.
 */
final class GapWatch {


    private final WorkingDays calendar;

    GapWatch(WorkingDays calendar) {
        this.calendar = calendar;
    }

    void refresh(Outcome out, TrackedLine line, OffsetDateTime at) {
        boolean before = line.gapBreach();
        ServiceGap gap = gapOf(line);
        line.gap(gap);
        if (gap != null && gap.breach() && !before) {
            out.changed = true;
            out.announceAlways(DomainEventType.BREACH_DETECTED, at, facts(gap));
        } else if (before && (gap == null || !gap.breach())) {
            out.changed = true;
            out.announceAlways(DomainEventType.BREACH_CLEARED, at, gap == null ? Map.of() : facts(gap));
        }
    }

    /** Cut: actual, else planned (unless called off). Delivery: actual, else committed. */
    ServiceGap gapOf(TrackedLine line) {
        OffsetDateTime cut = line.cutoverDoneAt() != null ? line.cutoverDoneAt()
                : line.cutoverState() == CutoverState.PLANNED ? line.cutoverPlannedAt() : null;
        if (cut == null) {
            return null;
        }
        LocalDate delivery = line.deliveredAt() != null ? line.deliveredAt().atZoneSameInstant(SpokenDates.PARIS).toLocalDate()
                : line.committedDeliveryDate();
        if (delivery == null) {
            return null;
        }
        return ServiceGap.of(cut.atZoneSameInstant(SpokenDates.PARIS).toLocalDate(), line.cutoverDoneAt() != null,
                delivery, line.deliveredAt() != null, calendar);
    }

    private static Map<String, String> facts(ServiceGap gap) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("cutDay", gap.cutDay().toString());
        facts.put("deliveryDay", gap.deliveryDay().toString());
        facts.put("calendarDays", Integer.toString(gap.calendarDays()));
        facts.put("workingDays", Integer.toString(gap.workingDays()));
        return facts;
    }
}
