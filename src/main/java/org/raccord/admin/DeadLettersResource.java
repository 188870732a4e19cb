package org.raccord.admin;

import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.raccord.api.Problem;
import org.raccord.notification.Deliveries;

/** Webhook deliveries that ran out of retries, for operations to see and send again. */
@Path("admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "operations")
@SecurityRequirement(name = "person")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not an admin")
public class DeadLettersResource {

    private static final Logger AUDIT = Logger.getLogger("org.raccord.audit");

    @Inject
    Deliveries deliveries;

    /** A dead letter: which event, for which subscription, and why it failed last. */
    public record DeadLetter(long id, String subscriptionId, String eventId, String eventType, int attempts,
                             Integer lastStatus, String lastError) {
    }

    @GET
    @Operation(summary = "Dead letters", description = "The newest 200 deliveries that ran out of retries.")
    @APIResponse(responseCode = "200", description = "Dead letters")
    public List<DeadLetter> list() {
        return deliveries.dead(200).stream().map(d -> new DeadLetter(d.id(), d.subscriptionId(), d.eventId(), d.eventType(),
                d.attempts(), d.lastStatus(), d.lastError())).toList();
    }

    @POST
    @Path("{id}/replay")
    @Operation(summary = "Send a dead letter again", description = "Same event id, a fresh retry schedule.")
    @APIResponse(responseCode = "204", description = "Due again now")
    @APIResponse(responseCode = "404", description = "No dead letter with this id")
    public Response replay(@PathParam("id") long id, @Context SecurityContext who) {
        if (!deliveries.replay(id, Instant.now())) {
            return Problem.of("unknown-dead-letter", "No such dead letter", Response.Status.NOT_FOUND,
                    "No dead letter has this id.").response().build();
        }
        AUDIT.info(() -> who.getUserPrincipal().getName() + " replayed dead letter " + id);
        return Response.noContent().build();
    }
}
