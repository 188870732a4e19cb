package org.raccord.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.raccord.tracking.CutoverEventKind;
import org.raccord.tracking.CutoverState;
import org.raccord.tracking.DomainEventType;
import org.raccord.tracking.Feed;
import org.raccord.tracking.OrderEventKind;
import org.raccord.tracking.PortingState;

/**
 * Makes the OpenAPI document a contract a generated client can rely on, applied when the document
 * is generated at build time (smallrye-open-api-maven-plugin, {@code <filter>}): every object schema
 * forbids properties it does not list ({@code additionalProperties: false}: a field added to an
 * answer without its schema breaks the build's contract tests, and a renamed one cannot go
 * unnoticed), and every operation answers any error it does not list with a problem document
 * ({@code default}). {@link #REQUIRED} says, for every schema, which properties are always present.
 */
public class ApiContract implements OASFilter {

    /**
     * The properties each schema always has; every other one is absent when it has no value (JSON-B
     * leaves nulls out, so none is ever {@code null}). One table for every answer, the records of the
     * model included (they carry no OpenAPI annotations): each entry was checked against every place
     * its record is built, and {@code OpenApiDocumentTest} fails when a schema has no entry.
     */
    public static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            // The line answer and its parts.
            Map.entry("LineView", List.of("summary", "orderReference", "technology", "state", "deliveryDateRevisions",
                    "milestones", "jeopardy", "freshness")),
            Map.entry("DeliveryDateRevisions", List.of("count", "history")),
            Map.entry("Revision", List.of("from", "to")),
            Map.entry("PreviousProvider", List.of("cutoverState")),
            Map.entry("ServiceGap", List.of("calendarDays", "workingDays", "breach", "allowedWorkingDays")),
            Map.entry("BreachPrevention", List.of("state", "requestedCut", "forDelivery", "requests", "history")),
            Map.entry("BreachPreventionStep", List.of("at", "state", "requestedCut")),
            Map.entry("PreventionRequest", List.of("orderReference", "state", "requestedCut", "forDelivery", "requests", "attempts",
                    "updatedAt")),
            Map.entry("PreventionStatus", List.of("mode", "counts", "awaitingApproval", "inFlight", "outcomes")),
            Map.entry("PreventionMode", List.of("mode")),
            Map.entry("MilestoneView", List.of("sourceFeed", "sourceSequence")),
            Map.entry("Alert", List.of()),
            Map.entry("Freshness", List.of("confirmedAt", "changedAt", "orderSequence", "cutoverSequence", "degraded")),
            Map.entry("AppointmentWindow", List.of("start", "end")),
            Map.entry("Reason", List.of("code", "known", "plainFr", "plainEn")),
            // Lists, pages, lookups and registration.
            Map.entry("LineSummary", List.of("orderReference", "state", "breach", "confirmedAt")),
            Map.entry("LinePage", List.of("items", "offset", "limit", "total")),
            Map.entry("TimelinePage", List.of("items", "offset", "limit", "total")),
            Map.entry("TimelineItem", List.of("feed", "sequence", "kind", "detail")),
            Map.entry("Lookup", List.of("references")),
            Map.entry("LookupResult", List.of("status")),
            Map.entry("Registration", List.of("orderReference")),
            Map.entry("ContactRequest", List.of("mobile")),
            Map.entry("Pong", List.of("client")),
            Map.entry("Problem", List.of("type", "title", "status", "detail")),
            Map.entry("Violation", List.of("field", "message")),
            // The notification hub.
            Map.entry("Subscription", List.of("id", "callbackUrl", "eventTypes", "state", "createdAt")),
            Map.entry("SubscriptionRequest", List.of("callbackUrl")),
            Map.entry("DeliveryStatus", List.of("id", "eventId", "eventType", "state", "attempts")),
            // Operations.
            Map.entry("Breach", List.of("orderReference", "state", "gapCalendarDays", "gapWorkingDays", "waiting")),
            Map.entry("ConsoleView", List.of("at", "owner", "polling", "notifications", "breaches", "audit", "loops", "quarantined",
                    "cluster")),
            Map.entry("Cluster", List.of("instance", "leading", "members")),
            Map.entry("Member", List.of("instance", "startedAt", "heartbeatAt", "silentSeconds", "leader")),
            Map.entry("Owner", List.of("operations", "quota")),
            Map.entry("Polling", List.of("paused", "feeds", "eventsPerMinute", "linesByState", "lines", "overdueChecks",
                    "oldestUnconfirmedSeconds")),
            Map.entry("Notifications", List.of("outboxDepth", "pendingDeliveries", "subscribers", "deadLetters")),
            Map.entry("SubscriberTally", List.of("subscriptionId", "client", "callbackHost", "state", "delivered", "pending",
                    "dead", "cancelled")),
            Map.entry("DeadLetter", List.of("id", "subscriptionId", "eventId", "eventType", "attempts", "lastError")),
            Map.entry("Quarantined", List.of("id", "feed", "sequence", "event", "error", "quarantinedAt")),
            Map.entry("Entry", List.of("at", "actor", "action", "outcome")),
            Map.entry("Reading", List.of("loop", "ageSeconds", "stale", "staleAfterSeconds")),
            Map.entry("Sample", List.of("at", "ownerP99Millis", "feedLag", "eventsPerMinute", "deliveredPerMinute")),
            Map.entry("FeedStatus", List.of("feed", "cursor", "ownerLast", "lag", "appliedSinceStart")),
            Map.entry("PollingStatus", List.of("paused", "feeds", "operations", "outboxPending")),
            Map.entry("OperationHealth", List.of("operation", "breakerState", "calls")),
            Map.entry("OperationReading", List.of("health", "failureRate", "slowCallRate", "p50Millis", "p99Millis",
                    "notPermittedCalls")),
            Map.entry("QuotaReading", List.of("perSecond", "available", "waiting")),
            Map.entry("Session", List.of("user", "csrfHeader", "csrfToken")),
            // The built-in simulator (local runs only).
            Map.entry("SimulatorStatus", List.of("simulatedNow", "simulatedEpoch", "lines", "lastOrderSequence",
                    "lastCutoverSequence", "requestsAdmitted", "requestsThrottled", "busiestSecond", "knobs", "showcase")),
            Map.entry("Knobs", List.of()),
            Map.entry("ShowcaseLine", List.of("scenario", "orderReference", "technology")),
            Map.entry("HostilePublished", List.of("kinds", "sequences")),
            Map.entry("HostileRequest", List.of()));

    /** The TMF641 states Raccord produces (LineRules): pending and failed are never assigned. */
    public static final List<String> STATES = List.of("acknowledged", "inProgress", "held", "completed", "rejected", "cancelled");

    /** Every problem type an answer can carry (README, "API errors"); a new one is a minor version. */
    public static final List<String> PROBLEM_TYPES = Stream.of("invalid-request", "malformed-body", "unauthenticated",
                    "invalid-token", "insufficient-scope", "forbidden", "csrf-token", "unknown-line", "unknown-order",
                    "unknown-subscription", "unknown-dead-letter", "unknown-operation", "unknown-quarantined-event",
                    "simulator-disabled", "replay-failed", "refused-by-owner", "no-proposal", "proposal-not-pending",
                    "too-many-requests", "too-many-pings",
                    "owner-unavailable", "database-unavailable", "bad-request", "not-found", "method-not-allowed", "not-acceptable",
                    "unsupported-media-type", "client-error", "internal-error")
            .map(kind -> "/problems/" + kind).toList();

    private static final String PTO = "^[A-Z]{2}-[A-Z0-9]{4}-[A-Z0-9]{4}(/C)?$";
    private static final String NDI = "^0[1-9][0-9]{8}$";

    /** The values Raccord can send in these properties ("Schema.property", "[]" for an array's items), from the code that sends them. */
    static final Map<String, List<String>> ENUMERATIONS = Map.of(
            "LineView.state", STATES,
            "LineSummary.state", STATES,
            "Breach.state", STATES,
            "TimelineItem.kind", Stream.concat(Stream.of(OrderEventKind.values()), Stream.of(CutoverEventKind.values()))
                    .map(Enum::name).distinct().toList(),
            "TimelineItem.feed", names(Feed.values()),
            "FeedStatus.feed", names(Feed.values()),
            "PreviousProvider.cutoverState", names(CutoverState.values()),
            "PreviousProvider.numberPorting", names(PortingState.values()),
            "Subscription.eventTypes[]", Stream.of(DomainEventType.values()).map(DomainEventType::wireName).toList(),
            "Problem.type", PROBLEM_TYPES);

    /**
     * Identifiers' shapes, as the owner's contract types them (NDI, PTO with its optional connector
     * suffix). Order references have none in answers: the owner's type is any text of 1 to 30
     * characters, and lines come from its feeds as well as from registration.
     */
    static final Map<String, String> PATTERNS = Map.ofEntries(
            Map.entry("LineView.ptoReference", PTO), Map.entry("LineSummary.ptoReference", PTO),
            Map.entry("ShowcaseLine.ptoReference", PTO),
            Map.entry("LineView.ndi", NDI), Map.entry("LineSummary.ndi", NDI), Map.entry("ShowcaseLine.ndi", NDI));

    private static List<String> names(Enum<?>[] values) {
        return Stream.of(values).map(Enum::name).toList();
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().forEach((name, schema) -> {
                closed(schema);
                List<String> required = REQUIRED.get(name);
                if (required != null && !required.isEmpty()) {
                    schema.setRequired(required);
                }
                if (schema.getProperties() != null) {
                    schema.getProperties().forEach((property, value) -> shaped(name + "." + property, value));
                }
            });
        }
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            for (PathItem item : api.getPaths().getPathItems().values()) {
                for (Map.Entry<PathItem.HttpMethod, Operation> operation : item.getOperations().entrySet()) {
                    problemByDefault(operation.getValue());
                }
            }
        }
    }

    /** An object schema that lists its properties admits no others (a map's schema keeps its own). */
    private static void closed(Schema schema) {
        if (schema.getProperties() != null && !schema.getProperties().isEmpty()
                && schema.getAdditionalPropertiesSchema() == null && schema.getAdditionalPropertiesBoolean() == null) {
            schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ApiContract::closed);
        }
        if (schema.getItems() != null) {
            closed(schema.getItems());
        }
    }

    private static void shaped(String property, Schema value) {
        List<String> values = ENUMERATIONS.get(property);
        if (values != null) {
            value.setEnumeration(new java.util.ArrayList<Object>(values));
        }
        List<String> items = ENUMERATIONS.get(property + "[]");
        if (items != null && value.getItems() != null) {
            value.getItems().setEnumeration(new java.util.ArrayList<Object>(items));
        }
        String pattern = PATTERNS.get(property);
        if (pattern != null) {
            value.setPattern(pattern);
        }
    }

    /**
     * Every error an operation lists is a problem document, and so is any it does not list. One
     * exception: a person's failed sign-in on the operations' resources is Liberty's Basic
     * challenge, a 401 without a body.
     */
    private static void problemByDefault(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        boolean person = operation.getSecurity() != null
                && operation.getSecurity().stream().anyMatch(r -> r.hasScheme(ApiDocs.PERSON));
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            boolean error = status.startsWith("4") || status.startsWith("5");
            if (error && response.getRef() == null && response.getContent() == null && !(person && status.equals("401"))) {
                response.setContent(problem());
            }
        });
        if (operation.getResponses().getDefaultValue() == null) {
            operation.getResponses().setDefaultValue(OASFactory.createAPIResponse()
                    .description("Any other error, as an RFC 9457 problem document whose `type` says which (see the README's list)")
                    .content(problem()));
        }
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problem() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
    }
}
