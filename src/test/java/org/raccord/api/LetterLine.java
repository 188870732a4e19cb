package org.raccord.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.raccord.tracking.ReasonCatalogue;

/** The customer letter's line as the API shows it: cut on 1 December, delivery moved to the 9th, a breach. */
final class LetterLine {

    private LetterLine() {
    }

    /** Degraded (old data) when {@code degradedReason} is given. */
    static LineView view(String degradedReason) {
        LineView.Revision slipped = new LineView.Revision(LocalDate.of(2025, 12, 4), LocalDate.of(2025, 12, 9),
                OffsetDateTime.parse("2025-12-03T09:00:00+01:00"), ReasonCatalogue.reason("FINT01", "PM saturé"));
        return new LineView(null, "CMD-00000001", "VIA1", null, "0139421662", "copper", "held", "EN_RETARD",
                OffsetDateTime.parse("2025-11-27T10:00:00+01:00"), null, LocalDate.of(2025, 12, 9),
                new LineView.Revisions(1, List.of(slipped)), null,
                new LineView.PreviousProvider("FREE", "DONE", OffsetDateTime.parse("2025-12-01T08:00:00+01:00"),
                        OffsetDateTime.parse("2025-12-01T08:00:00+01:00"), "REQUESTED"),
                new LineView.Gap(8, 6, true, 1), null, Map.of(), List.of(), null, null, null,
                new LineView.Freshness(OffsetDateTime.parse("2025-12-05T10:42:00+01:00"), null, 10, 5,
                        degradedReason != null, degradedReason));
    }
}
