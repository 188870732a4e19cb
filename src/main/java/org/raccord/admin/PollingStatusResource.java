package org.raccord.admin;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.raccord.polling.FeedPoller;
import org.raccord.polling.PollingSchedule;
import org.raccord.tracking.Feed;
import org.raccord.tracking.FeedCursor;
import org.raccord.tracking.LineLedger;
import org.raccord.tracking.TrackedLines;
import org.raccord.wholesale.NetworkOwner;
import org.raccord.wholesale.OperationHealth;

/** Where polling stands: each feed's cursor and lag, and how each owner operation is doing. */
@Path("admin/polling")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "operations")
@SecurityRequirement(name = "person")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not an admin")
public class PollingStatusResource {

    @Inject
    LineLedger ledger;

    @Inject
    FeedPoller poller;

    @Inject
    PollingSchedule schedule;

    @Inject
    NetworkOwner owner;

    @Inject
    TrackedLines lines;

    /** One feed: our cursor, the owner's newest sequence when last read, and the lag between them. */
    public record FeedStatus(Feed feed, long cursor, long ownerLast, long lag, OffsetDateTime readAt, long appliedSinceStart) {
    }

    @Schema(name = "PollingStatus")
    public record Status(boolean paused, List<FeedStatus> feeds, List<OperationHealth> operations, long outboxPending) {
    }

    @GET
    @Operation(summary = "Where polling stands", description = "Each feed's cursor and lag, each owner operation's health, the outbox depth.")
    @APIResponse(responseCode = "200", description = "Polling status")
    public Status status() {
        List<FeedStatus> feeds = Stream.of(Feed.values()).map(feed -> {
            FeedCursor c = ledger.cursorOf(feed).orElse(null);
            long cursor = c == null ? 0 : c.lastSequence();
            long ownerLast = c == null ? 0 : c.ownerLastSequence();
            return new FeedStatus(feed, cursor, ownerLast, Math.max(0, ownerLast - cursor),
                    c == null ? null : c.updatedAt(), poller.appliedSinceStart(feed));
        }).toList();
        return new Status(schedule.paused(), feeds, owner.health(), lines.pendingOutbox());
    }
}
