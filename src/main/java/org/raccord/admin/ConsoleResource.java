package org.raccord.admin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.raccord.cluster.ClusterMembers;
import org.raccord.cluster.LeaderLease;
import org.raccord.notification.Deliveries;
import org.raccord.notification.SubscriberTallies;
import org.raccord.polling.PollingSchedule;
import org.raccord.tracking.TrackedLines;
import org.raccord.wholesale.NetworkOwner;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.raccord.web.Problem;

/** What the admin console reads: who is signed in (with the CSRF token), the overview, the last hour. */
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "operations")
@SecurityRequirement(name = "person")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not an admin (`/problems/forbidden`, `/problems/csrf-token`)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ConsoleResource {

    @Inject
    NetworkOwner owner;

    @Inject
    FeedStatuses feeds;

    @Inject
    PollingSchedule schedule;

    @Inject
    TrackedLines lines;

    @Inject
    FlowMeters flow;

    @Inject
    SubscriberTallies tallies;

    @Inject
    Deliveries deliveries;

    @Inject
    ConsoleHistory history;

    @Inject
    AuditTrail audit;

    @Inject
    CsrfTokens tokens;

    @Inject
    Loops loops;

    @Inject
    LeaderLease lease;

    @Inject
    ClusterMembers members;

    /** The signed-in operator and the token that the console's actions must carry. */
    public record Session(String user, String csrfHeader, String csrfToken) {
    }

    @GET
    @Path("session")
    @Operation(summary = "The signed-in operator", description = "With the CSRF token every action needs, in the header named here.")
    @APIResponse(responseCode = "200", description = "Who is signed in")
    public Session session(@Context SecurityContext who) {
        String user = who.getUserPrincipal().getName();
        return new Session(user, CsrfTokens.HEADER, tokens.tokenFor(user));
    }

    @GET
    @Path("console")
    @Operation(summary = "Everything at a glance", description = "The owner's interfaces, polling, notifications, breaches, recent actions.")
    @APIResponse(responseCode = "200", description = "The overview")
    public ConsoleView overview() {
        Instant now = Instant.now();
        Map<String, Long> byState = new LinkedHashMap<>();
        lines.countByState().forEach((state, count) -> byState.put(state.code(), count));
        long total = byState.values().stream().mapToLong(Long::longValue).sum();
        OffsetDateTime utc = now.atOffset(ZoneOffset.UTC);
        return new ConsoleView(now,
                new ConsoleView.Owner(owner.readings(), owner.quota(), owner.degradedReason(now)),
                new ConsoleView.Polling(schedule.paused(), feeds.all(), history.eventsPerMinute(), byState, total,
                        lines.overdueChecks(utc), flow.oldestUnconfirmedSeconds()),
                new ConsoleView.Notifications(lines.pendingOutbox(), tallies.pending(), tallies.all(),
                        deliveries.dead(20).stream().map(DeadLettersResource.DeadLetter::of).toList()),
                lines.breachCount(), audit.latest(15), loops.readings(),
                lines.quarantined(20).stream().map(QuarantineResource.Quarantined::of).toList(),
                new ConsoleView.Cluster(lease.instance(), lease.leading(), members.all()));
    }

    @GET
    @Path("console/history")
    @Operation(summary = "The last hour", description = "A sample every 15 s: the owner's slowest p99, feed lag, events and webhooks per minute.")
    @APIResponse(responseCode = "200", description = "Samples, oldest first")
    public List<ConsoleHistory.Sample> lastHour() {
        return history.lastHour();
    }
}
