package org.raccord.admin;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.raccord.polling.PollingSchedule;
import org.raccord.tracking.TrackedLines;
import org.raccord.wholesale.NetworkOwner;
import org.raccord.wholesale.OperationHealth;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.raccord.web.Problem;
import org.raccord.web.OperatorAction;

/** Where polling stands (each feed's cursor and lag, each owner operation's health), and pausing it. */
@Path("admin/polling")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "operations")
@SecurityRequirement(name = "person")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not an admin (`/problems/forbidden`, `/problems/csrf-token`)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PollingStatusResource {

    @Inject
    FeedStatuses feeds;

    @Inject
    PollingSchedule schedule;

    @Inject
    NetworkOwner owner;

    @Inject
    TrackedLines lines;

    @Schema(name = "PollingStatus")
    public record Status(boolean paused, List<FeedStatuses.FeedStatus> feeds, List<OperationHealth> operations, long outboxPending) {
    }

    @GET
    @Operation(summary = "Where polling stands", description = "Each feed's cursor and lag, each owner operation's health, the outbox depth.")
    @APIResponse(responseCode = "200", description = "Polling status")
    public Status status() {
        return new Status(schedule.paused(), feeds.all(), owner.health(), lines.pendingOutbox());
    }

    @POST
    @Path("pause")
    @OperatorAction("pause polling")
    @Operation(summary = "Pause polling", description = "The schedule keeps running but skips its work until resumed. Needs the CSRF token.")
    @APIResponse(responseCode = "204", description = "Paused")
    public void pause() {
        schedule.pause();
    }

    @POST
    @Path("resume")
    @OperatorAction("resume polling")
    @Operation(summary = "Resume polling", description = "Needs the CSRF token.")
    @APIResponse(responseCode = "204", description = "Polling again")
    public void resume() {
        schedule.resume();
    }
}
