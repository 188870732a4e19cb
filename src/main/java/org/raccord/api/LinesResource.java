package org.raccord.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;

import org.raccord.polling.LineRefresh;
import org.raccord.tracking.PhoneNumbers;
import org.raccord.tracking.TrackedLine;
import org.raccord.tracking.TrackedLines;
import org.raccord.wholesale.NetworkOwner;

/** Lines, by any of their references: what customer channels read, what back offices register. */
@Path("v1/lines")
@Produces(MediaType.APPLICATION_JSON)
public class LinesResource {

    /** Status changes at any time: clients may keep an answer but must revalidate it (ETag). */
    private static final CacheControl REVALIDATE = revalidate();

    private static CacheControl revalidate() {
        CacheControl cc = new CacheControl();
        cc.setPrivate(true);
        cc.setNoCache(true);
        return cc;
    }

    @Inject
    TrackedLines lines;

    @Inject
    LineRefresh refresh;

    @Inject
    NetworkOwner owner;

    @GET
    @Path("{lineRef}")
    @RolesAllowed({Roles.READ, Roles.ADMIN})
    public Response line(@PathParam("lineRef") String lineRef, @Context HttpHeaders headers, @Context Request request) {
        LineReference reference;
        try {
            reference = LineReference.parse(lineRef);
        } catch (IllegalArgumentException invalid) {
            return invalid("lineRef", invalid.getMessage());
        }
        Optional<TrackedLine> found = find(reference);
        if (found.isEmpty()) {
            return unknownLine();
        }
        TrackedLine line = found.get();
        boolean english = Languages.prefersEnglish(headers);
        String degraded = owner.degradedReason(Instant.now());
        // The representation changes with the line (its version), its freshness and the language.
        EntityTag tag = new EntityTag(line.version() + "-" + (degraded == null ? "fresh" : "degraded")
                + "-" + (english ? "en" : "fr"), true);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.tag(tag).cacheControl(REVALIDATE).build();
        }
        return Response.ok(view(line, degraded).summarized(english)).tag(tag).cacheControl(REVALIDATE)
                .header(HttpHeaders.CONTENT_LANGUAGE, english ? "en" : "fr").header(HttpHeaders.VARY, "Accept-Language")
                .build();
    }

    /** The line's timeline, every upstream event oldest first, paged ({@code limit} 1 to 200). */
    @GET
    @Path("{lineRef}/events")
    @RolesAllowed({Roles.READ, Roles.ADMIN})
    public Response events(@PathParam("lineRef") String lineRef,
                           @QueryParam("offset") @DefaultValue("0") String offset,
                           @QueryParam("limit") @DefaultValue("50") String limit) {
        LineReference reference;
        try {
            reference = LineReference.parse(lineRef);
        } catch (IllegalArgumentException invalid) {
            return invalid("lineRef", invalid.getMessage());
        }
        Integer from = Paging.number(offset, 0, 1_000_000);
        Integer size = Paging.number(limit, 1, 200);
        if (from == null || size == null) {
            List<Problem.Violation> violations = new ArrayList<>();
            if (from == null) {
                violations.add(new Problem.Violation("offset", "must be a whole number from 0 to 1000000"));
            }
            if (size == null) {
                violations.add(new Problem.Violation("limit", "must be a whole number from 1 to 200"));
            }
            return Problem.of("invalid-request", "The request is invalid", Response.Status.BAD_REQUEST,
                    violations.size() + " invalid value(s)").with(violations).response().build();
        }
        return find(reference)
                .map(line -> Response.ok(new TimelinePage(lines.timeline(line, from, size).stream()
                        .map(TimelinePage.Item::of).toList(), from, size, lines.timelineSize(line)))
                        .cacheControl(REVALIDATE).build())
                .orElseGet(LinesResource::unknownLine);
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
                return invalid("phoneNumber", invalid.getMessage());
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
        return view(line, owner.degradedReason(Instant.now())).summarized(false);
    }

    private LineView view(TrackedLine line, String degraded) {
        return LineView.of(line, lines.revisions(line), lines.milestones(line), lines.alerts(line), degraded);
    }

    private Optional<TrackedLine> find(LineReference reference) {
        return switch (reference.kind()) {
            case PHONE -> lines.byPhone(reference.value(), reference.ndi());
            case PTO -> lines.byPto(reference.value());
            case REFERENCE -> lines.byAnyReference(reference.value());
        };
    }

    private static Response unknownLine() {
        return Problem.of("unknown-line", "No tracked line has this reference", Response.Status.NOT_FOUND,
                "No tracked line is known by this reference.").response().build();
    }

    private static Response invalid(String field, String message) {
        return Problem.of("invalid-request", "The request is invalid", Response.Status.BAD_REQUEST, "1 invalid value(s)")
                .with(List.of(new Problem.Violation(field, message))).response().build();
    }
}
