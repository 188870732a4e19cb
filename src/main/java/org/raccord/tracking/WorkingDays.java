package org.raccord.tracking;

import java.time.DayOfWeek;
import java.time.LocalDate;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * French working days: Monday to Friday, except public holidays of metropolitan France as the
 * maintained Jollyday calendar knows them (Easter Monday, Ascension and Whit Monday move every year;
 * a hand-written list would rot).
 */
public final class WorkingDays {

    private static final WorkingDays FRANCE = new WorkingDays(
            HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.FRANCE)));

    private final HolidayManager holidays;

    private WorkingDays(HolidayManager holidays) {
        this.holidays = holidays;
    }

    public static WorkingDays france() {
        return FRANCE;
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.isHoliday(day);
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not later. */
    public int between(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
