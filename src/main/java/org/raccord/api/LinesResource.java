package org.raccord.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
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

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.raccord.tracking.TrackedLine;
import org.raccord.tracking.TrackedLines;
import org.raccord.wholesale.NetworkOwner;
import org.raccord.web.ApiDocs;
import org.raccord.web.ClientScopes;
import org.raccord.web.DatabaseAway;
import org.raccord.web.InvalidRequest;
import org.raccord.web.Languages;
import org.raccord.web.Paging;
import org.raccord.web.Problem;
import org.raccord.web.Roles;
import org.raccord.answers.StoredAnswers;
import org.raccord.lines.LineFinder;
import org.raccord.lines.LineReference;
import org.raccord.lines.LineRegistrar;
import org.raccord.lines.Registration;
import org.raccord.lines.LineSummary;

/** Lines, by any of their references: what customer channels read, what back offices search and register. */
// One instance for all requests: a per-request resource pays CDI injection, serialized in Liberty, every time.
@ApplicationScoped
@Path("v1/lines")
@Produces(MediaType.APPLICATION_JSON)
@ClientScopes({Roles.READ, Roles.ADMIN})
@Tag(name = "lines")
@SecurityRequirement(name = ApiDocs.CLIENT, scopes = Roles.READ)
@APIResponse(ref = "Unauthenticated")
@APIResponse(ref = "Forbidden")
@APIResponse(ref = "TooManyRequests")
public class LinesResource {

    /** Status changes at any time: clients may keep an answer but must revalidate it (ETag). */
    private static final CacheControl REVALIDATE = revalidate();
    static final String ANSWERS = "raccord.api.line.answers";
    /** Why a stored answer may be old although the owner answers: this instance cannot read the database. */
    static final String BEHIND = "Raccord's database is not answering: this is the answer stored when it last did";
    static final String BEFORE_CHANGE = "Raccord's database is not answering: this is the answer stored before the line's"
            + " latest change, which cannot be read now";

    @Inject
    TrackedLines lines;

    @Inject
    LineFinder finder;

    @Inject
    LineRegistrar registrar;

    @Inject
    NetworkOwner owner;

    @Inject
    StoredAnswers answers;

    @Inject
    MeterRegistry meters;

    /** Lookups answered from the read model, and rendered from the line (read model behind, or degraded). */
    private Counter fromStore;
    private Counter rendered;

    @PostConstruct
    void meters() {
        fromStore = Counter.builder(ANSWERS).tag("source", "stored").description("Line lookups answered from the read model")
                .register(meters);
        rendered = Counter.builder(ANSWERS).tag("source", "rendered")
                .description("Line lookups rendered from the line (not in the read model, or withdrawn while it changes)").register(meters);
        FunctionCounter.builder("raccord.api.line.answers.read.failures", answers, StoredAnswers::readFailures)
                .description("Lookups whose stored answer could not be read (a damaged read model): each rendered instead")
                .register(meters);
    }

    @GET
    @Path("{lineRef}")
    @Operation(operationId = "getLine", summary = "Where a line stands", description = "Its state, milestones, committed delivery date and every"
            + " revision with its reason, appointment, the previous provider's cutover, the service gap, jeopardy alerts,"
            + " freshness, and a plain-language summary (French by default, English with Accept-Language: en)."
            + " Answers carry an ETag; send it back in If-None-Match to get 304 while nothing changed.")
    @APIResponse(responseCode = "200", description = "The line",
            content = @Content(schema = @Schema(implementation = LineView.class),
                    examples = @ExampleObject(name = "customer-letter", summary = "The old line cut eleven days before the new one was delivered",
                            value = ApiDocs.LETTER_LINE)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(ref = "BadRequest")
    @APIResponse(responseCode = "404", description = "No tracked line has this reference",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = ApiDocs.UNKNOWN_LINE)))
    @APIResponse(responseCode = "503", description = "Raccord's database is not answering and no answer of this line is stored"
            + " (`/problems/database-unavailable`, `Retry-After`); a stored one is served instead, flagged degraded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response line(@Parameter(description = LineReference.DESCRIPTION, example = "01 39 42 16 62")
                         @PathParam("lineRef") String lineRef, @Context HttpHeaders headers, @Context Request request) {
        LineReference reference = LineFinder.read("lineRef", lineRef);
        boolean english = Languages.prefersEnglish(headers);
        String degraded = owner.degradedReason(Instant.now());
        Optional<StoredAnswers.StoredAnswer> stored = storedAnswer(reference, english);
        if (stored.isPresent()) {
            return stored(stored.get(), degraded, english, request);
        }
        try {
            Optional<TrackedLine> found = finder.find(reference);
            if (found.isEmpty()) {
                return Problem.unknownLine();
            }
            TrackedLine line = found.get();
            String json = LineAnswers.json(view(line, degraded).summarized(english));
            rendered.increment();
            return answer(line.version(), degraded, english, request, json);
        } catch (RuntimeException e) {
            return storedWhileTheDatabaseIsAway(e, reference, degraded, english, request);
        }
    }

    /**
     * The database went away before this instance noticed (2 s without reading the change log):
     * the stored answer, even one kept while the line changed, beats none. Any other failure, or
     * nothing stored, rethrows {@code failure}.
     */
    private Response storedWhileTheDatabaseIsAway(RuntimeException failure, LineReference reference, String degraded,
                                                  boolean english, Request request) {
        Optional<StoredAnswers.StoredAnswer> kept = DatabaseAway.causedBy(failure)
                ? answers.whileTheDatabaseIsAway(reference.tries(), english) : Optional.empty();
        if (kept.isEmpty()) {
            throw failure;
        }
        try {
            return stored(kept.get(), degraded, english, request);
        } catch (RuntimeException damaged) {
            // A kept answer that cannot be read is no answer: the database's failure stands.
            failure.addSuppressed(damaged);
            throw failure;
        }
    }

    private Response stored(StoredAnswers.StoredAnswer a, String degraded, boolean english, Request request) {
        String stale = a.predatesChange() ? BEFORE_CHANGE : a.behind() ? BEHIND : null;
        String why = stale == null ? degraded : degraded == null ? stale : degraded + "; " + stale;
        fromStore.increment();
        return answer(a.version(), why, english, request, why == null ? a.json() : LineAnswers.degraded(a.json(), why, english));
    }

    /** The line's answer as stored by the read model, when it is as current as the line or the database is away (else rendered now). */
    private Optional<StoredAnswers.StoredAnswer> storedAnswer(LineReference reference, boolean english) {
        return answers.find(reference.tries(), english);
    }

    /** {@code body}: the JSON as text (rendered now) or as UTF-8 bytes (stored, sent as they are). */
    private static Response answer(long version, String degraded, boolean english, Request request, Object body) {
        // The representation changes with the line (its version), its freshness and the language.
        EntityTag tag = new EntityTag(version + "-" + (degraded == null ? "fresh" : "degraded")
                + "-" + (english ? "en" : "fr"), true);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.tag(tag).cacheControl(REVALIDATE).build();
        }
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).tag(tag).cacheControl(REVALIDATE)
                .header(HttpHeaders.CONTENT_LANGUAGE, english ? "en" : "fr").header(HttpHeaders.VARY, "Accept-Language")
                .build();
    }

    /** The line's timeline, every upstream event oldest first, paged ({@code limit} 1 to 200). */
    @GET
    @Path("{lineRef}/events")
    @Operation(operationId = "getLineEvents", summary = "A line's timeline", description = "Every upstream event of the line, oldest first, paged.")
    @APIResponse(responseCode = "200", description = "One page of events",
            content = @Content(schema = @Schema(implementation = TimelinePage.class)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "UnknownLine")
    public Response events(@Parameter(description = LineReference.DESCRIPTION, example = "CMD-00000001")
                           @PathParam("lineRef") String lineRef,
                           @Parameter(description = "Events to skip, 0 to 1000000", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
                           @QueryParam("offset") @DefaultValue("0") String offset,
                           @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
                           @QueryParam("limit") @DefaultValue("50") String limit) {
        LineReference reference = LineFinder.read("lineRef", lineRef);
        List<Problem.Violation> violations = new ArrayList<>();
        Paging.Page page = Paging.read(offset, limit, violations);
        if (page == null) {
            throw new InvalidRequest(violations);
        }
        return finder.find(reference)
                .map(line -> Response.ok(new TimelinePage(lines.timeline(line, page.offset(), page.limit()).stream()
                        .map(TimelinePage.Item::of).toList(), page.offset(), page.limit(), lines.timelineSize(line)))
                        .cacheControl(REVALIDATE).build())
                .orElseGet(Problem::unknownLine);
    }

    /** Lines by state, breach and delivery date range, paged: for call-centre and back-office lists. */
    @GET
    @Operation(operationId = "searchLines", summary = "Lines by state, breach and delivery date", description = "For call-centre and back-office lists; paged.")
    @APIResponse(responseCode = "200", description = "One page of lines",
            content = @Content(schema = @Schema(implementation = LinePage.class)))
    @APIResponse(ref = "BadRequest")
    public Response search(@Parameter(description = "acknowledged, inProgress, held, completed, rejected or cancelled")
                           @QueryParam("state") String state,
                           @Parameter(description = "true: only lines whose service gap is a breach; false: only those without")
                           @QueryParam("breach") String breach,
                           @Parameter(description = "Committed delivery date from (yyyy-MM-dd, inclusive)", example = "2026-12-01")
                           @QueryParam("deliveryFrom") String deliveryFrom,
                           @Parameter(description = "Committed delivery date to (yyyy-MM-dd, inclusive)", example = "2026-12-31")
                           @QueryParam("deliveryTo") String deliveryTo,
                           @Parameter(description = "Lines to skip, 0 to 1000000", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
                           @QueryParam("offset") @DefaultValue("0") String offset,
                           @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
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
    @Operation(operationId = "lookupLines", summary = "Up to 100 lines at once", description = "Each reference is answered on its own: 200 with the line,"
            + " 400 if it cannot be read, 404 if no tracked line has it.")
    @APIResponse(responseCode = "200", description = "One result per reference, in order",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Lookup.Result.class)))
    @APIResponse(ref = "BadRequest")
    public Response lookup(@NotNull(message = "a JSON body is required") @Valid Lookup lookup) {
        return Response.ok(lookup.references().stream().map(this::lookupOne).toList()).build();
    }

    /**
     * Starts tracking a line: asks the owner about the order now and stores the answer. Registering
     * a tracked order again refreshes it (idempotent): 201 the first time, 200 afterwards.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ClientScopes({Roles.REGISTER, Roles.ADMIN})
    @SecurityRequirement(name = ApiDocs.CLIENT, scopes = Roles.REGISTER)
    @Operation(operationId = "registerLine", summary = "Track a line", description = "Asks the owner about the order now and stores the answer;"
            + " registering a tracked order again refreshes it (idempotent).")
    @APIResponse(responseCode = "201", description = "Now tracked", content = @Content(schema = @Schema(implementation = LineView.class)))
    @APIResponse(responseCode = "200", description = "Already tracked; refreshed", content = @Content(schema = @Schema(implementation = LineView.class)))
    @APIResponse(ref = "BadRequest")
    @APIResponse(responseCode = "404", description = "The owner knows no such order (`/problems/unknown-order`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The owner refused the request (`/problems/refused-by-owner`), with its reason",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The owner cannot be asked now (`/problems/owner-unavailable`); retry later",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@NotNull(message = "a JSON body is required") @Valid Registration registration,
                             @Context UriInfo uri) {
        LineRegistrar.Registered registered = registrar.register(registration);
        TrackedLine line = registered.line();
        boolean known = registered.known();
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
        return LineView.of(lines.withRecords(line), degraded);
    }

    private static CacheControl revalidate() {
        CacheControl cc = new CacheControl();
        cc.setPrivate(true);
        cc.setNoCache(true);
        return cc;
    }
}
