package org.raccord.api;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import org.raccord.polling.LineRefresh;
import org.raccord.tracking.PhoneNumbers;
import org.raccord.tracking.TrackedLine;
import org.raccord.tracking.TrackedLines;
import org.raccord.wholesale.NetworkOwner;

/** Lines, by any of their references: what customer channels read, what back offices register. */
@Path("v1/lines")
@Produces(MediaType.APPLICATION_JSON)
public class LinesResource {

    @Inject
    TrackedLines lines;

    @Inject
    LineRefresh refresh;

    @Inject
    NetworkOwner owner;

    @GET
    @Path("{lineRef}")
    @RolesAllowed({Roles.READ, Roles.ADMIN})
    public Response line(@PathParam("lineRef")
                         @Pattern(regexp = References.ANY, message = "must be an order, service, PTO or NDI reference")
                         String lineRef) {
        return lines.byAnyReference(lineRef)
                .map(line -> Response.ok(view(line)).build())
                .orElseGet(() -> Problem.of("unknown-line", "No tracked line has this reference",
                        Response.Status.NOT_FOUND, "No tracked line is known by this reference.").response().build());
    }

    /**
     * Starts tracking a line: asks the owner about the order now and stores the answer. Registering
     * a tracked order again refreshes it (idempotent): 201 the first time, 200 afterwards.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGISTER, Roles.ADMIN})
    public Response register(@NotNull(message = "a JSON body is required") @Valid Registration registration,
                             @Context UriInfo uri) {
        String phone = null;
        if (registration.phoneNumber() != null) {
            try {
                phone = PhoneNumbers.e164(registration.phoneNumber());
            } catch (IllegalArgumentException invalid) {
                return Problem.of("invalid-request", "The request is invalid", Response.Status.BAD_REQUEST,
                                "1 invalid value(s)")
                        .with(List.of(new Problem.Violation("phoneNumber", invalid.getMessage()))).response().build();
            }
        }
        boolean known = lines.byOrderReference(registration.orderReference()).isPresent();
        TrackedLine line = refresh.refresh(registration.orderReference(), phone);
        if (known) {
            return Response.ok(view(line)).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(line.orderReference()).build())
                .entity(view(line)).build();
    }

    private LineView view(TrackedLine line) {
        return LineView.of(line, lines.revisions(line), lines.milestones(line), lines.alerts(line),
                owner.degradedReason(Instant.now()));
    }
}
