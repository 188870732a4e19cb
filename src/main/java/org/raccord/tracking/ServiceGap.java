package org.raccord.tracking;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How long the customer is left without service when switching: from the day the previous
 * provider's access is cut to the day the new line is delivered. French law (CPCE art. L.34-15,
 * from EECC art. 106) allows at most one working day; more is a breach.
 *
 * @param cutDay       the cut, actual if it happened, planned otherwise
 * @param deliveryDay  the delivery, actual if it happened, committed otherwise
 * @param calendarDays days from the cut to the delivery (0 if delivered first)
 * @param workingDays  French working days after the cut day up to the delivery day
 */
public record ServiceGap(LocalDate cutDay, LocalDate deliveryDay, boolean cutActual, boolean deliveryActual,
                         int calendarDays, int workingDays) {

    /** The most working days without service the law allows. */
    public static final int ALLOWED_WORKING_DAYS = 1;

    public static ServiceGap of(LocalDate cutDay, boolean cutActual, LocalDate deliveryDay, boolean deliveryActual,
                                WorkingDays calendar) {
        int calendarDays = (int) Math.max(0, ChronoUnit.DAYS.between(cutDay, deliveryDay));
        return new ServiceGap(cutDay, deliveryDay, cutActual, deliveryActual, calendarDays,
                calendar.between(cutDay, deliveryDay));
    }

    public boolean breach() {
        return workingDays > ALLOWED_WORKING_DAYS;
    }

    /** Whether both ends are facts rather than plans: the gap can no longer change. */
    public boolean settled() {
        return cutActual && deliveryActual;
    }
}
