package org.raccord.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.raccord.lines.LineFinder;
import org.raccord.lines.LineRegistrar;
import org.raccord.lines.LineSummary;
import org.raccord.lines.Registration;
import org.raccord.polling.LineRefresh;
import org.raccord.tracking.TrackedLine;
import org.raccord.web.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.raccord.web.OperatorAction;

/**
 * Operations acting on one line: register it for tracking, or ask the owner about it now instead
 * of waiting for its next scheduled check. Owner trouble answers as the API's problems do (503).
 */
@Path("admin/lines")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "operations")
@SecurityRequirement(name = "person")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not an admin, or no CSRF token (`/problems/forbidden`, `/problems/csrf-token`)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class LineActionsResource {

    @Inject
    LineRegistrar registrar;

    @Inject
    LineFinder finder;

    @Inject
    LineRefresh refresh;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @OperatorAction("register line")
    @Operation(summary = "Register a line for tracking", description = "As POST /api/v1/lines, for operations. Needs the CSRF token.")
    @APIResponse(responseCode = "201", description = "Now tracked")
    @APIResponse(responseCode = "200", description = "Already tracked; refreshed")
    @APIResponse(responseCode = "400", description = "Invalid registration")
    public Response register(@NotNull(message = "a JSON body is required") @Valid Registration registration,
                             @Context HttpServletRequest request) {
        request.setAttribute(OperatorActionGuard.TARGET, registration.orderReference());
        LineRegistrar.Registered registered = registrar.register(registration);
        return Response.status(registered.known() ? Response.Status.OK : Response.Status.CREATED)
                .entity(LineSummary.of(registered.line())).build();
    }

    @POST
    @Path("{ref}/refresh")
    @OperatorAction("refresh line")
    @Operation(summary = "Ask the owner about a line now", description = "By any reference of the line. Needs the CSRF token.")
    @APIResponse(responseCode = "200", description = "The line as the owner now describes it")
    @APIResponse(responseCode = "404", description = "No tracked line has this reference")
    public Response refresh(@PathParam("ref") String ref) {
        return finder.find("ref", ref).map(TrackedLine::orderReference).map(refresh::check)
                .map(line -> Response.ok(LineSummary.of(line)).build())
                .orElseGet(Problem::unknownLine);
    }
}
