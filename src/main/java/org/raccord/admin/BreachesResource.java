package org.raccord.admin;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.raccord.web.InvalidRequest;
import org.raccord.lines.LineFinder;
import org.raccord.tracking.BreachPrevention;
import org.raccord.tracking.BreachPreventions;
import org.raccord.tracking.PhoneNumbers;
import org.raccord.tracking.ServiceGap;
import org.raccord.tracking.TrackedLine;
import org.raccord.tracking.TrackedLines;
import org.raccord.web.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The customers in breach: lines whose new service comes more than one working day after the old
 * one was cut, most urgent first, or the one line a number designates.
 */
@Path("admin/breaches")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "operations")
@SecurityRequirement(name = "person")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not an admin (`/problems/forbidden`, `/problems/csrf-token`)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class BreachesResource {

    @Inject
    TrackedLines lines;

    @Inject
    LineFinder finder;

    /**
     * One line in breach, with the dates that make it one. Its numbers are masked (this is a screen);
     * the line is still found by its whole number, typed in any French format.
     */
    public record Breach(String orderReference, String ndi, String phoneNumber, String state, OffsetDateTime cutPlannedAt,
                         OffsetDateTime cutAt, LocalDate deliveryDate, OffsetDateTime deliveredAt, Integer gapCalendarDays,
                         Integer gapWorkingDays, boolean waiting,
                         @Schema(description = "Where the request to move the cut stands (proposed, requested, acknowledged,"
                                 + " accepted, refused, dismissed, expired); absent when none was made") String prevention) {
        static Breach of(TrackedLine l, BreachPrevention p) {
            return new Breach(l.orderReference(), PhoneNumbers.maskIn(l.ndi()), PhoneNumbers.maskIn(l.phoneE164()),
                    l.state() == null ? null : l.state().code(),
                    l.cutoverPlannedAt(), l.cutoverDoneAt(), l.committedDeliveryDate(), l.deliveredAt(),
                    l.gapCalendarDays(), l.gapWorkingDays(), l.deliveredAt() == null, p == null ? null : p.state().code());
        }
    }

    @Inject
    BreachPreventions preventions;

    private List<Breach> withPrevention(List<TrackedLine> found) {
        Map<Long, BreachPrevention> byLine = preventions.byLine(found.stream().map(TrackedLine::id).toList());
        return found.stream().map(l -> Breach.of(l, byLine.get(l.id()))).toList();
    }

    @GET
    @Operation(summary = "Lines in breach", description = "Most urgent first: still waiting (earliest cut first), then delivered since;"
            + " or, with q, the line that reference designates if it is in breach.")
    @APIResponse(responseCode = "200", description = "Lines in breach")
    @APIResponse(responseCode = "400", description = "q is no line reference, or limit is out of range")
    public List<Breach> breaches(@Parameter(description = "A phone number in any French format, NDI, PTO or order reference")
                                 @QueryParam("q") String q,
                                 @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidRequest("limit", "must be between 1 and 500");
        }
        if (q != null && !q.isBlank()) {
            return withPrevention(finder.find("q", q.strip()).filter(l -> l.gapWorkingDays() != null
                    && l.gapWorkingDays() > ServiceGap.ALLOWED_WORKING_DAYS).stream().toList());
        }
        return withPrevention(lines.breaches(limit));
    }
}
