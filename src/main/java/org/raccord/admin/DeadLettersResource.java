package org.raccord.admin;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.raccord.web.Problem;
import org.raccord.notification.Deliveries;
import org.raccord.notification.Delivery;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.raccord.web.OperatorAction;

/** Webhook deliveries that ran out of retries, for operations to see and send again. */
@Path("admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "operations")
@SecurityRequirement(name = "person")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not an admin (`/problems/forbidden`, `/problems/csrf-token`)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DeadLettersResource {

    @Inject
    Deliveries deliveries;

    /** A dead letter: which event, for which subscription, and why it failed last. */
    public record DeadLetter(long id, String subscriptionId, String eventId, String eventType, int attempts,
                             Integer lastStatus, String lastError) {
        static DeadLetter of(Delivery d) {
            return new DeadLetter(d.id(), d.subscriptionId(), d.eventId(), d.eventType(), d.attempts(), d.lastStatus(), d.lastError());
        }
    }

    @GET
    @Operation(summary = "Dead letters", description = "The newest 200 deliveries that ran out of retries.")
    @APIResponse(responseCode = "200", description = "Dead letters")
    public List<DeadLetter> list() {
        return deliveries.dead(200).stream().map(DeadLetter::of).toList();
    }

    @POST
    @Path("{id}/replay")
    @OperatorAction("replay dead letter")
    @Operation(summary = "Send a dead letter again", description = "Same event id, a fresh retry schedule. Needs the CSRF token.")
    @APIResponse(responseCode = "204", description = "Due again now")
    @APIResponse(responseCode = "404", description = "No dead letter with this id")
    public Response replay(@PathParam("id") long id) {
        if (!deliveries.replay(id, Instant.now())) {
            return Problem.of("unknown-dead-letter", "No such dead letter", Response.Status.NOT_FOUND,
                    "No dead letter has this id.").response().build();
        }
        return Response.noContent().build();
    }
}
