package org.raccord.tracking;

import java.time.OffsetDateTime;


/**
 * One cutover event as the owner published it, translated. Absent fields are null. {@code ownerText}
 * holds, verbatim, any owner text that was clipped to fit Raccord's record (null when nothing was).
 */
public record CutoverEvent(
        long sequence,
        OffsetDateTime at,
        CutoverEventKind kind,
        String flow,
        String orderReference,
        String ndi,
        String ptoReference,
        String losingOperator,
        OffsetDateTime plannedAt,
        OffsetDateTime previousPlannedAt,
        OffsetDateTime cutAt,
        PortingState porting,
        Reason reason,
        String ownerText) {
}
