package org.raccord.tracking;

import java.util.List;

/** A line with the records its status is read from: delivery-date revisions, milestones, jeopardy alerts. */
public record LineRecords(TrackedLine line, List<DeliveryRevision> revisions, List<MilestoneReached> milestones,
                          List<JeopardyAlert> alerts) {
}
