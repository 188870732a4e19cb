package org.raccord.tracking;

import java.util.List;

/**
 * A line with the records its status is read from: delivery-date revisions, milestones, jeopardy
 * alerts, and its breach prevention with every step (null and empty when none was ever started).
 */
public record LineRecords(TrackedLine line, List<DeliveryRevision> revisions, List<MilestoneReached> milestones,
                          List<JeopardyAlert> alerts, BreachPrevention prevention, List<PreventionStep> preventionSteps) {
}
