package org.raccord.admin;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.raccord.polling.PreventionSettings;
import org.raccord.tracking.BreachPreventions;
import org.raccord.tracking.PhoneNumbers;
import org.raccord.tracking.PreventionPolicy;
import org.raccord.tracking.PreventionState;
import org.raccord.tracking.Reason;
import org.raccord.tracking.ReasonCatalogue;
import org.raccord.web.InvalidRequest;
import org.raccord.web.OperatorAction;
import org.raccord.web.Problem;

/**
 * Breach prevention for operations: the policy's mode, the proposals awaiting approval (approve or
 * dismiss each), the requests with the owner, and the latest outcomes.
 */
@Path("admin/prevention")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "operations")
@SecurityRequirement(name = "person")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not an admin, or no CSRF token (`/problems/forbidden`, `/problems/csrf-token`)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PreventionResource {

    private static final int LISTED = 50;

    @Inject
    BreachPreventions preventions;

    @Inject
    PreventionSettings settings;

    /** One line's request, as the console lists it (numbers masked: this is a screen). */
    @Schema(name = "PreventionRequest")
    public record Request(String orderReference, String ndi, String state, OffsetDateTime previousCut, OffsetDateTime requestedCut,
                          LocalDate forDelivery, String ownerReference, Reason reason, int requests, int attempts,
                          OffsetDateTime updatedAt) {
        static Request of(BreachPreventions.LineRecordsWithPrevention r) {
            var p = r.prevention();
            return new Request(r.line().orderReference(), PhoneNumbers.maskIn(r.line().ndi()), p.state().code(), p.previousCut(),
                    p.requestedCut(), p.forDelivery(), p.ownerReference(), ReasonCatalogue.reason(p.reasonCode(), p.reasonLabel()),
                    p.requests(), p.attempts(), p.updatedAt());
        }
    }

    @Schema(name = "PreventionStatus")
    public record Status(@Schema(enumeration = {"off", "propose", "automatic"}) String mode, Map<String, Long> counts,
                         List<Request> awaitingApproval, List<Request> inFlight, List<Request> outcomes) {
    }

    @Schema(name = "PreventionMode")
    public record Mode(@Schema(enumeration = {"off", "propose", "automatic"}, required = true) String mode) {
    }

    @GET
    @Operation(summary = "Breach prevention", description = "The mode, how many requests stand in each state, the proposals"
            + " awaiting approval, the requests with the owner and the latest outcomes (50 of each at most).")
    @APIResponse(responseCode = "200", description = "Breach prevention now",
            content = @Content(schema = @Schema(implementation = Status.class)))
    public Status status() {
        Map<String, Long> counts = new LinkedHashMap<>();
        preventions.counts().forEach((state, n) -> counts.put(state.code(), n));
        return new Status(settings.policy().mode().code(), counts, list(EnumSet.of(PreventionState.PROPOSED)),
                list(EnumSet.of(PreventionState.REQUESTED, PreventionState.ACKNOWLEDGED)),
                list(EnumSet.of(PreventionState.ACCEPTED, PreventionState.REFUSED, PreventionState.DISMISSED, PreventionState.EXPIRED)));
    }

    private List<Request> list(EnumSet<PreventionState> states) {
        return preventions.latest(states, LISTED).stream().map(Request::of).toList();
    }

    @POST
    @Path("{order}/approve")
    @OperatorAction("approve cut postponement")
    @Operation(summary = "Approve a proposal", description = "The request goes to the owner at the next polling run. Needs the CSRF token.")
    @APIResponse(responseCode = "204", description = "Approved")
    @APIResponse(responseCode = "404", description = "No proposal for this order")
    @APIResponse(responseCode = "409", description = "Not awaiting approval (sent, answered, dismissed or expired)")
    public Response approve(@PathParam("order") String order, @Context SecurityContext who) {
        return act(order, () -> preventions.approve(settings.rules(), order, who.getUserPrincipal().getName()));
    }

    @POST
    @Path("{order}/dismiss")
    @OperatorAction("dismiss cut postponement")
    @Operation(summary = "Dismiss a proposal", description = "Nothing is sent for this delivery date. Needs the CSRF token.")
    @APIResponse(responseCode = "204", description = "Dismissed")
    @APIResponse(responseCode = "404", description = "No proposal for this order")
    @APIResponse(responseCode = "409", description = "Not awaiting approval")
    public Response dismiss(@PathParam("order") String order, @Context SecurityContext who) {
        return act(order, () -> preventions.dismiss(settings.rules(), order, who.getUserPrincipal().getName()));
    }

    private static Response act(String order, Runnable action) {
        try {
            action.run();
            return Response.noContent().build();
        } catch (NoSuchElementException unknown) {
            return Problem.of("no-proposal", "No proposal for this order", Response.Status.NOT_FOUND,
                    "No breach prevention request is known for " + order + ".").response().build();
        } catch (IllegalStateException | OptimisticLockException moved) {
            return Problem.of("proposal-not-pending", "Not awaiting approval", Response.Status.CONFLICT,
                    "The request for " + order + " is no longer awaiting approval.").response().build();
        }
    }

    @PUT
    @Path("mode")
    @Consumes(MediaType.APPLICATION_JSON)
    @OperatorAction("breach prevention mode")
    @Operation(summary = "Change the mode", description = "off, propose or automatic, for every instance until changed again"
            + " (the configured raccord.prevention.mode is the default). Needs the CSRF token.")
    @APIResponse(responseCode = "200", description = "The mode now", content = @Content(schema = @Schema(implementation = Mode.class)))
    @APIResponse(responseCode = "400", description = "Not a mode",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Mode mode(Mode change, @Context jakarta.servlet.http.HttpServletRequest request) {
        if (change == null || change.mode() == null) {
            throw new InvalidRequest("mode", "must be off, propose or automatic");
        }
        try {
            PreventionPolicy.Mode mode = PreventionPolicy.Mode.parse(change.mode());
            request.setAttribute(OperatorActionGuard.TARGET, mode.code());
            settings.mode(mode);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("mode", "must be off, propose or automatic");
        }
        return new Mode(settings.policy().mode().code());
    }
}
