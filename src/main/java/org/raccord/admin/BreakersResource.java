package org.raccord.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.raccord.web.OperatorAction;

/**
 * An operator's override of a breaker: hold it open (the owner announced trouble, or Raccord must
 * stop calling), or close it now (the owner is back and waiting out the open period is pointless),
 * on every instance of the cluster (see {@link BreakerHolds}).
 */
@Path("admin/breakers/{operation}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "operations")
@SecurityRequirement(name = "person")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not an admin, or no CSRF token (`/problems/forbidden`, `/problems/csrf-token`)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class BreakersResource {

    @Inject
    BreakerHolds holds;

    @POST
    @Path("open")
    @OperatorAction("force breaker open")
    @Operation(summary = "Hold a breaker open", description = "Until it is closed by an operator. Needs the CSRF token.")
    @APIResponse(responseCode = "204", description = "Held open")
    @APIResponse(responseCode = "404", description = "No such operation")
    public Response open(@PathParam("operation") String operation) {
        return force(operation, true);
    }

    @POST
    @Path("closed")
    @OperatorAction("force breaker closed")
    @Operation(summary = "Close a breaker now", description = "With a fresh window: it opens again by itself if the owner still fails."
            + " Needs the CSRF token.")
    @APIResponse(responseCode = "204", description = "Closed")
    @APIResponse(responseCode = "404", description = "No such operation")
    public Response close(@PathParam("operation") String operation) {
        return force(operation, false);
    }

    private Response force(String operation, boolean open) {
        try {
            holds.force(operation, open);
            return Response.noContent().build();
        } catch (IllegalArgumentException unknown) {
            return Problem.of("unknown-operation", "No such owner operation", Response.Status.NOT_FOUND,
                    "Operations are accessOrder.consult, accessOrder.feed, cutover.consult and cutover.feed.").response().build();
        }
    }
}
