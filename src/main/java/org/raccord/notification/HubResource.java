package org.raccord.notification;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.raccord.web.ApiDocs;
import org.raccord.web.ClientScopes;
import org.raccord.web.InvalidRequest;
import org.raccord.web.Problem;
import org.raccord.web.Roles;
import org.raccord.tracking.DomainEventType;

/**
 * The hub (TM Forum style): a subscriber registers a callback URL and the events it wants, gets a
 * signing secret once, and may list, read, ping, rotate and delete its subscriptions.
 */
@ApplicationScoped
@Path("v1/hub")
@Produces(MediaType.APPLICATION_JSON)
@ClientScopes({Roles.SUBSCRIBE, Roles.ADMIN})
@Tag(name = "hub")
@SecurityRequirement(name = ApiDocs.CLIENT, scopes = Roles.SUBSCRIBE)
@APIResponse(ref = "Unauthenticated")
@APIResponse(ref = "Forbidden")
@APIResponse(ref = "TooManyRequests")
public class HubResource {

    static final Set<String> EVENT_NAMES = Arrays.stream(DomainEventType.values()).map(DomainEventType::wireName)
            .collect(Collectors.toCollection(LinkedHashSet::new));

    /** A subscription request: where to post, and which events (none: all). */
    public record SubscriptionRequest(String callbackUrl, List<String> eventTypes) {
    }

    /** A subscription as its client sees it; {@code secret} only in the answers that create or rotate it. */
    @Schema(name = "Subscription")
    public record SubscriptionView(String id, String callbackUrl, List<String> eventTypes, String state, String stateReason,
                                   OffsetDateTime createdAt, String secret, OffsetDateTime previousSecretValidUntil) {
        static SubscriptionView of(Subscription s, boolean withSecret) {
            return new SubscriptionView(s.id(), s.callbackUrl(), s.eventTypes(), s.state(), s.stateReason(), s.createdAt(),
                    withSecret ? s.secret() : null, withSecret ? s.previousSecretUntil() : null);
        }
    }

    /** One delivery of a subscription, for its client to see what arrived and what did not. */
    @Schema(name = "DeliveryStatus")
    public record DeliveryView(long id, String eventId, String eventType, String state, int attempts, Integer lastStatus,
                               String lastError, OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt) {
        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.state(), d.attempts(), d.lastStatus(), d.lastError(),
                    Delivery.PENDING.equals(d.state()) ? d.nextAttemptAt() : null, d.deliveredAt());
        }
    }

    @Inject
    Subscriptions subscriptions;

    @Inject
    Deliveries deliveries;

    @Inject
    NotificationSettings settings;

    @Inject
    HubPing ping;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe", description = "Returns the subscription with its signing secret (whsec_...), shown this once."
            + " Event types: " + "delivery-date.set, delivery-date.revised, cutover.scheduled, cutover.imminent, cutover.cancelled,"
            + " cutover.postponed, cutover.postponement-refused, previous-service.cut, breach.detected, breach.cleared, line.delivered, line.in-service, order.rejected,"
            + " order.cancelled, order.jeopardy, appointment.booked, appointment.moved; none means all.")
    @APIResponse(responseCode = "201", description = "Subscribed", content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(ref = "BadRequest")
    public Response subscribe(SubscriptionRequest request, @Context SecurityContext caller, @Context UriInfo uri) {
        if (request == null) {
            throw new InvalidRequest("body", "a JSON body with callbackUrl is required");
        }
        List<Problem.Violation> wrong = new ArrayList<>();
        String url = null;
        try {
            url = settings.callbackUrls().check(request.callbackUrl()).toString();
        } catch (IllegalArgumentException e) {
            wrong.add(new Problem.Violation("callbackUrl", e.getMessage()));
        }
        Set<String> types = new LinkedHashSet<>(request.eventTypes() == null ? List.of() : request.eventTypes());
        types.stream().filter(t -> !EVENT_NAMES.contains(t)).forEach(t ->
                wrong.add(new Problem.Violation("eventTypes", "unknown event type: " + (t == null ? "null" : t))));
        if (!wrong.isEmpty()) {
            throw new InvalidRequest(wrong);
        }
        Subscription s = subscriptions.create(client(caller), url, types, now());
        return Response.created(uri.getAbsolutePathBuilder().path(s.id()).build()).entity(SubscriptionView.of(s, true)).build();
    }

    @GET
    @Operation(summary = "This client's subscriptions")
    @APIResponse(responseCode = "200", description = "Subscriptions, without secrets")
    public List<SubscriptionView> list(@Context SecurityContext caller) {
        return subscriptions.of(client(caller)).stream().map(s -> SubscriptionView.of(s, false)).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One subscription")
    @APIResponse(responseCode = "200", description = "The subscription, without its secret")
    @APIResponse(responseCode = "404", description = "No such subscription for this client")
    public Response read(@PathParam("id") String id, @Context SecurityContext caller) {
        return subscriptions.find(client(caller), id).map(s -> Response.ok(SubscriptionView.of(s, false)).build())
                .orElseGet(HubResource::unknown);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Unsubscribe", description = "Nothing more is delivered; pending deliveries are cancelled.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription for this client")
    public Response delete(@PathParam("id") String id, @Context SecurityContext caller) {
        return subscriptions.delete(client(caller), id) ? Response.noContent().build() : unknown();
    }

    @POST
    @Path("{id}/rotate")
    @Operation(summary = "Rotate the signing secret", description = "Returns the new secret; during the grace period"
            + " (24 h by default) every webhook carries two signatures, one per secret.")
    @APIResponse(responseCode = "200", description = "The subscription with its new secret")
    @APIResponse(responseCode = "404", description = "No such subscription for this client")
    public Response rotate(@PathParam("id") String id, @Context SecurityContext caller) {
        return subscriptions.rotate(client(caller), id, settings.secretGrace(), now())
                .map(s -> Response.ok(SubscriptionView.of(s, true)).build()).orElseGet(HubResource::unknown);
    }

    @POST
    @Path("{id}/ping")
    @Operation(summary = "Send a test event now", description = "A signed org.raccord.ping CloudEvent; answers the receiver's status.")
    @APIResponse(responseCode = "200", description = "What the receiver answered")
    @APIResponse(responseCode = "404", description = "No such subscription for this client")
    @APIResponse(responseCode = "429", description = "This subscription's pings for the minute are spent; retry after `Retry-After` seconds")
    public Response ping(@PathParam("id") String id, @Context SecurityContext caller) {
        return subscriptions.find(client(caller), id)
                .map(s -> ping.sendWithinBudget(s).map(r -> Response.ok(r).build()).orElseGet(HubResource::pingsSpent))
                .orElseGet(HubResource::unknown);
    }

    private static Response pingsSpent() {
        return Problem.of("too-many-pings", "Too many pings", 429,
                "This subscription's test events for the minute are spent: a ping is a test button.")
                .response().header("Retry-After", 60).build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "Recent deliveries", description = "Newest first; state PENDING, DELIVERED, DEAD (dead letters) or CANCELLED.")
    @APIResponse(responseCode = "200", description = "Deliveries")
    @APIResponse(responseCode = "404", description = "No such subscription for this client")
    public Response deliveries(@PathParam("id") String id, @QueryParam("state") String state, @Context SecurityContext caller) {
        if (state != null && !Set.of(Delivery.PENDING, Delivery.DELIVERED, Delivery.DEAD, Delivery.CANCELLED).contains(state)) {
            throw new InvalidRequest("state", "must be PENDING, DELIVERED, DEAD or CANCELLED");
        }
        return subscriptions.find(client(caller), id)
                .map(s -> Response.ok(deliveries.of(s.id(), state, 100).stream().map(DeliveryView::of).toList()).build())
                .orElseGet(HubResource::unknown);
    }

    private static String client(SecurityContext caller) {
        return caller.getUserPrincipal().getName();
    }

    /** Microseconds, as the database keeps them: an answer to a change shows what later reads show. */
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static Response unknown() {
        return Problem.of("unknown-subscription", "No such subscription", Response.Status.NOT_FOUND,
                "This client has no subscription with this id.").response().build();
    }
}
