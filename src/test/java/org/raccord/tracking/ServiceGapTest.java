package org.raccord.tracking;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The service gap in calendar and French working days, and the one-working-day rule. */
class ServiceGapTest {

    private final WorkingDays france = WorkingDays.france();

    @ParameterizedTest(name = "cut {0}, delivered {1}: {2} calendar, {3} working days, breach {4}")
    @CsvSource({
            // same day: no loss of service
            "2026-12-01, 2026-12-01, 0, 0, false",
            // next working day: within the law
            "2026-12-01, 2026-12-02, 1, 1, false",
            // two working days: a breach
            "2026-12-01, 2026-12-03, 2, 2, true",
            // Friday to Monday: a weekend is not a working day
            "2026-12-04, 2026-12-07, 3, 1, false",
            // Friday to Tuesday
            "2026-12-04, 2026-12-08, 4, 2, true",
            // 11 November 2026 is a Wednesday holiday: Tuesday to Thursday is one working day
            "2026-11-10, 2026-11-12, 2, 1, false",
            // Christmas (Friday 25 December 2026): Thursday 24 to Monday 28 is one working day
            "2026-12-24, 2026-12-28, 4, 1, false",
            // Easter Monday 2027 is 29 March: Friday 26 to Tuesday 30 is one working day
            "2027-03-26, 2027-03-30, 4, 1, false",
            // Ascension 2027 is Thursday 6 May: Wednesday 5 to Friday 7 is one working day
            "2027-05-05, 2027-05-07, 2, 1, false",
            // the letter: cut on Friday 5 December 2025 (four days before the 9th), delivered Tuesday 9
            "2025-12-05, 2025-12-09, 4, 2, true",
            // delivered before the cut: no gap
            "2026-12-03, 2026-12-01, 0, 0, false"
    })
    void gapAndBreach(LocalDate cut, LocalDate delivered, int calendar, int working, boolean breach) {
        ServiceGap gap = ServiceGap.of(cut, true, delivered, true, france);

        assertThat(gap.calendarDays()).isEqualTo(calendar);
        assertThat(gap.workingDays()).isEqualTo(working);
        assertThat(gap.breach()).isEqualTo(breach);
    }

    @Test
    void frenchHolidaysAreNotWorkingDays() {
        assertThat(france.isWorkingDay(LocalDate.of(2026, 11, 11))).isFalse();
        assertThat(france.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
        assertThat(france.isWorkingDay(LocalDate.of(2027, 3, 29))).isFalse();
        assertThat(france.isWorkingDay(LocalDate.of(2026, 7, 14))).isFalse();
        assertThat(france.isWorkingDay(LocalDate.of(2026, 12, 1))).isTrue();
        assertThat(france.isWorkingDay(LocalDate.of(2026, 12, 5))).isFalse();
    }

    @Test
    void aGapIsSettledOnlyWhenBothEndsHappened() {
        assertThat(ServiceGap.of(LocalDate.of(2026, 12, 1), true, LocalDate.of(2026, 12, 9), false, france).settled()).isFalse();
        assertThat(ServiceGap.of(LocalDate.of(2026, 12, 1), true, LocalDate.of(2026, 12, 9), true, france).settled()).isTrue();
    }
}
