package org.raccord.admin;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.NoSuchElementException;

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
import org.raccord.tracking.LineLedger;
import org.raccord.tracking.PhoneNumbers;
import org.raccord.tracking.QuarantinedEvent;
import org.raccord.tracking.TrackedLines;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.raccord.web.OperatorAction;

/** Owner events set aside because they could not be applied: for operations to see and replay. */
@Path("admin/quarantine")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "operations")
@SecurityRequirement(name = "person")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not an admin (`/problems/forbidden`, `/problems/csrf-token`)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class QuarantineResource {

    @Inject
    TrackedLines lines;

    @Inject
    LineLedger ledger;

    /** A quarantined event: where it stood on its feed, why it was set aside, what became of it. Numbers masked. */
    public record Quarantined(long id, String feed, long sequence, String orderReference, String event, String error,
                              OffsetDateTime quarantinedAt, OffsetDateTime replayedAt, String replayError) {
        static Quarantined of(QuarantinedEvent q) {
            return new Quarantined(q.id(), q.feed().name(), q.sequence(), q.orderReference(), PhoneNumbers.maskIn(q.event()),
                    q.error(), q.quarantinedAt(), q.replayedAt(), q.replayError());
        }
    }

    @GET
    @Operation(summary = "Quarantined owner events", description = "The newest 100: those still set aside first.")
    @APIResponse(responseCode = "200", description = "Quarantined events")
    public List<Quarantined> list() {
        return lines.quarantined(100).stream().map(Quarantined::of).toList();
    }

    @POST
    @Path("{id}/replay")
    @OperatorAction("replay quarantined event")
    @Operation(summary = "Apply a quarantined event again", description = "As the feed would have; once it applies, it"
            + " is marked replayed. Needs the CSRF token.")
    @APIResponse(responseCode = "204", description = "Applied (or applied before)")
    @APIResponse(responseCode = "404", description = "No quarantined event with this id")
    @APIResponse(responseCode = "409", description = "It still cannot be applied: why is in detail, and kept on the event")
    public Response replay(@PathParam("id") long id) {
        try {
            ledger.replay(id);
            return Response.noContent().build();
        } catch (NoSuchElementException unknown) {
            return Problem.of("unknown-quarantined-event", "No such quarantined event", Response.Status.NOT_FOUND,
                    "No quarantined event has this id.").response().build();
        } catch (RuntimeException stillFailing) {
            String why = PhoneNumbers.maskIn(QuarantinedEvent.why(stillFailing));
            ledger.replayFailed(id, why);
            return Problem.of("replay-failed", "The event still cannot be applied", Response.Status.CONFLICT, why)
                    .response().build();
        }
    }
}
