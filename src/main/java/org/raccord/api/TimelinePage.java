package org.raccord.api;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.raccord.tracking.Reason;
import org.raccord.tracking.TimelineEntry;
import org.raccord.tracking.ReasonCatalogue;

/** One page of a line's timeline: every upstream event, oldest first. */
public record TimelinePage(List<Item> items, int offset, int limit, long total) {

    /** One upstream event: which feed and sequence it came from, what it meant, and why. */
    @Schema(name = "TimelineItem")
    public record Item(String feed, long sequence, OffsetDateTime occurredAt, String kind, String flow, Reason reason,
                       String detail) {
        static Item of(TimelineEntry e) {
            return new Item(e.feed().name(), e.sequence(), e.occurredAt(), e.kind(), e.flow(),
                    ReasonCatalogue.read(e.reason()), e.summary());
        }
    }
}
