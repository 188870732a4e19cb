package org.raccord.simulator;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.raccord.web.OperatorAction;
import org.raccord.web.Problem;

/**
 * Operations' handle on the simulated owner: where its clock stands, which showcase lines to look
 * at, and its trouble knobs (latency, errors, quota, outage, maintenance), changeable at run time.
 */
@Path("simulator")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "operations")
@SecurityRequirement(name = "person")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not an admin (`/problems/forbidden`, `/problems/csrf-token`)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SimulatorResource {

    @Inject
    SimulatedOwner owner;

    /** The knobs, as sent and shown; {@code maintenance} is {@code HH:mm-HH:mm} or absent. */
    public record Knobs(Long latencyMillis, Double errorRate, Integer quotaPerSecond, Boolean outage, String maintenance) {
        static Knobs of(DeskSettings s) {
            return new Knobs(s.latencyMillis(), s.errorRate(), s.quotaPerSecond(), s.outage(),
                    s.maintenance() == null ? null : s.maintenance().toString());
        }
    }

    public record ShowcaseLine(String scenario, String orderReference, String technology, String ndi, String ptoReference) {
    }

    @Schema(name = "SimulatorStatus")
    public record Status(Instant simulatedNow, Instant simulatedEpoch, int lines, long lastOrderSequence,
                         long lastCutoverSequence, long requestsAdmitted, long requestsThrottled,
                         @Schema(description = "The most requests that arrived within one second (the quota's window) since start-up")
                         int busiestSecond, Knobs knobs, List<ShowcaseLine> showcase) {
    }

    @GET
    @Operation(summary = "The simulated owner", description = "Its clock, size, feed positions, showcase lines and knobs.")
    @APIResponse(responseCode = "200", description = "The simulator's status", content = @Content(schema = @Schema(implementation = Status.class)))
    @APIResponse(responseCode = "404", description = "The simulator is off (production)")
    public Response status() {
        if (!owner.enabled()) {
            return disabled();
        }
        OwnerWorld world = owner.world();
        List<ShowcaseLine> showcase = IntStream.range(0, Population.SHOWCASE)
                .mapToObj(i -> world.population().line(i))
                .map(l -> new ShowcaseLine(l.scenario().name(), l.orderReference(), l.fibre() ? "fibre" : "copper",
                        l.ndi(), l.ptoReference()))
                .toList();
        return Response.ok(new Status(world.clock().now(), world.clock().epoch(), world.population().size(),
                world.lastSequence(ScriptedEvent.Feed.ORDER), world.lastSequence(ScriptedEvent.Feed.CUTOVER),
                owner.desk().admitted(), owner.desk().throttled(), owner.desk().busiestSecond(), Knobs.of(owner.desk().settings()), showcase)).build();
    }

    /** Changes the knobs that are present in the body; the others keep their value. */
    @PUT
    @Path("knobs")
    @OperatorAction("simulator knobs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Turn the simulated owner's trouble knobs", description = "Only the knobs sent change.")
    @APIResponse(responseCode = "200", description = "The knobs now", content = @Content(schema = @Schema(implementation = Knobs.class)))
    @APIResponse(responseCode = "400", description = "A knob out of range", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The simulator is off (production)")
    public Response knobs(Knobs change) {
        if (!owner.enabled()) {
            return disabled();
        }
        if (change == null) {
            return Problem.of("invalid-request", "The request is invalid", Response.Status.BAD_REQUEST,
                    "A JSON body with the knobs to change is required.").response().build();
        }
        DeskSettings now = owner.desk().settings();
        try {
            DeskSettings next = new DeskSettings(
                    change.latencyMillis() != null ? change.latencyMillis() : now.latencyMillis(),
                    change.errorRate() != null ? change.errorRate() : now.errorRate(),
                    change.quotaPerSecond() != null ? change.quotaPerSecond() : now.quotaPerSecond(),
                    change.outage() != null ? change.outage() : now.outage(),
                    change.maintenance() != null ? MaintenanceWindow.parse(change.maintenance()) : now.maintenance());
            owner.desk().configure(next);
            return Response.ok(Knobs.of(next)).build();
        } catch (IllegalArgumentException e) {
            return Problem.of("invalid-request", "The request is invalid", Response.Status.BAD_REQUEST, e.getMessage())
                    .response().build();
        }
    }

    /** Which hostile events to publish; none named: all of them. */
    public record HostileRequest(List<HostileEvent> kinds) {
    }

    /** The hostile events published, each with its sequence on the order feed. */
    public record HostilePublished(List<HostileEvent> kinds, List<Long> sequences) {
    }

    @POST
    @Path("hostile-events")
    @OperatorAction("publish hostile events")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish hostile events", description = "Events a broken owner would publish, on the order"
            + " feed, about orders it never announced: an over-long label, an unknown code, an over-long order"
            + " reference, an acknowledgement of an order it does not know, a flow the contract does not list."
            + " In memory only (tests).")
    @APIResponse(responseCode = "200", description = "Published", content = @Content(schema = @Schema(implementation = HostilePublished.class)))
    public Response hostileEvents(HostileRequest request) {
        if (!owner.enabled()) {
            return disabled();
        }
        List<HostileEvent> kinds = request == null || request.kinds() == null || request.kinds().isEmpty()
                ? HostileEvent.ALL : request.kinds();
        return Response.ok(new HostilePublished(kinds, owner.world().publishHostile(kinds))).build();
    }

    private static Response disabled() {
        return Problem.of("simulator-disabled", "The wholesale simulator is off", Response.Status.NOT_FOUND,
                "This server talks to a real network owner (raccord.simulator.enabled=false).").response().build();
    }
}
