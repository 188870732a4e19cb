package org.raccord.api;

import java.time.Instant;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.raccord.polling.LineRefresh;
import org.raccord.tracking.PhoneNumbers;
import org.raccord.tracking.TrackedLine;
import org.raccord.tracking.TrackedLines;
import org.raccord.wholesale.NetworkOwner;

/** Lines, by any of their references: what customer channels read, what back offices search and register. */
@Path("v1/lines")
@Produces(MediaType.APPLICATION_JSON)
public class LinesResource {

    /** Status changes at any time: clients may keep an answer but must revalidate it (ETag). */
    private static final CacheControl REVALIDATE = revalidate();

    @Inject
    TrackedLines lines;

    @Inject
    LineFinder finder;

    @Inject
    LineRefresh refresh;

    @Inject
    NetworkOwner owner;

    @GET
    @Path("{lineRef}")
    @RolesAllowed({Roles.READ, Roles.ADMIN})
    public Response line(@PathParam("lineRef") String lineRef, @Context HttpHeaders headers, @Context Request request) {
        Optional<TrackedLine> found = finder.find(LineFinder.read("lineRef", lineRef));
        if (found.isEmpty()) {
            return LineFinder.unknownLine();
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
        LineReference reference = LineFinder.read("lineRef", lineRef);
        Integer from = Paging.number(offset, 0, 1_000_000);
        Integer size = Paging.number(limit, 1, 200);
        if (from == null || size == null) {
            throw new InvalidRequest(from == null ? "offset" : "limit", from == null
                    ? "must be a whole number from 0 to 1000000" : "must be a whole number from 1 to 200");
        }
        return finder.find(reference)
                .map(line -> Response.ok(new TimelinePage(lines.timeline(line, from, size).stream()
                        .map(TimelinePage.Item::of).toList(), from, size, lines.timelineSize(line)))
                        .cacheControl(REVALIDATE).build())
                .orElseGet(LineFinder::unknownLine);
    }

    /** Lines by state, breach and delivery date range, paged: for call-centre and back-office lists. */
    @GET
    @RolesAllowed({Roles.READ, Roles.ADMIN})
    public Response search(@QueryParam("state") String state, @QueryParam("breach") String breach,
                           @QueryParam("deliveryFrom") String deliveryFrom, @QueryParam("deliveryTo") String deliveryTo,
                           @QueryParam("offset") @DefaultValue("0") String offset,
                           @QueryParam("limit") @DefaultValue("50") String limit) {
        LineSearch.Query query = LineSearch.read(state, breach, deliveryFrom, deliveryTo, offset, limit);
        return Response.ok(new LinePage(lines.search(query.filter(), query.offset(), query.limit()).stream()
                        .map(LineSummary::of).toList(), query.offset(), query.limit(), lines.count(query.filter())))
                .cacheControl(REVALIDATE).build();
    }

    /** Up to 100 references at once, each answered on its own (200, 400 or 404). */
    @POST
    @Path("lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.READ, Roles.ADMIN})
    public Response lookup(@NotNull(message = "a JSON body is required") @Valid Lookup lookup) {
        return Response.ok(lookup.references().stream().map(this::lookupOne).toList()).build();
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
                throw new InvalidRequest("phoneNumber", invalid.getMessage());
            }
        }
        boolean known = lines.byOrderReference(registration.orderReference()).isPresent();
        TrackedLine line = refresh.refresh(registration.orderReference(), phone);
        LineView view = view(line, owner.degradedReason(Instant.now())).summarized(false);
        if (known) {
            return Response.ok(view).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(line.orderReference()).build()).entity(view).build();
    }

    private Lookup.Result lookupOne(String text) {
        try {
            return finder.find(LineReference.parse(text))
                    .map(line -> new Lookup.Result(text, 200, LineSummary.of(line), null))
                    .orElseGet(() -> new Lookup.Result(text, 404, null, "/problems/unknown-line"));
        } catch (IllegalArgumentException invalid) {
            return new Lookup.Result(text, 400, null, "/problems/invalid-request: " + invalid.getMessage());
        }
    }

    private LineView view(TrackedLine line, String degraded) {
        return LineView.of(line, lines.revisions(line), lines.milestones(line), lines.alerts(line), degraded);
    }

    private static CacheControl revalidate() {
        CacheControl cc = new CacheControl();
        cc.setPrivate(true);
        cc.setNoCache(true);
        return cc;
    }
}
