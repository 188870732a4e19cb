package org.raccord.admin;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.raccord.notification.SubscriberTallies;
import org.raccord.polling.FeedPoller;
import org.raccord.polling.PollingSchedule;
import org.raccord.polling.Reconciliation;
import org.raccord.tracking.Feed;
import org.raccord.tracking.FeedCursor;
import org.raccord.tracking.LineLedger;
import org.raccord.tracking.ServiceState;
import org.raccord.tracking.TrackedLines;

/**
 * The flow through Raccord as meters, read from the database when scraped: how far polling lags
 * behind the owner's feeds, how many events it ingests, how long the most overdue line has gone
 * unconfirmed, lines by state and in breach, and what waits in the outbox and for delivery.
 * Counts by state are kept for a few seconds, so that one scrape costs one query for them all.
 */
@ApplicationScoped
public class FlowMeters {

    private static final Duration STATE_COUNTS_KEPT = Duration.ofSeconds(5);

    @Inject
    MeterRegistry meters;

    @Inject
    LineLedger ledger;

    @Inject
    FeedPoller poller;

    @Inject
    PollingSchedule schedule;

    @Inject
    Reconciliation reconciliation;

    @Inject
    Loops loops;

    @Inject
    TrackedLines lines;

    @Inject
    SubscriberTallies tallies;

    private volatile Map<ServiceState, Long> stateCounts;
    private volatile long stateCountsAt;

    void register(@Observes Startup startup) {
        for (Feed feed : Feed.values()) {
            String name = feed.name().toLowerCase();
            gauge("raccord.feed.lag", "Events the owner has published on this feed that Raccord has not read yet",
                    m -> m.lag(feed), "feed", name);
            FunctionCounter.builder("raccord.feed.events.applied", poller, p -> p.appliedSinceStart(feed))
                    .description("New events applied from this feed since start-up (ingestion)").tag("feed", name)
                    .register(meters);
        }
        // The loops may start after this observer: each gauge asks for its loop when scraped.
        for (String loop : Loops.NAMES) {
            gauge("raccord.loop.age.seconds", "Time since this scheduled loop last completed a run (NaN while it is"
                    + " disabled; stale: see /health/live)", m -> m.loops.ageSeconds(loop), "loop", loop);
        }
        FunctionCounter.builder("raccord.feed.events.quarantined", poller, FeedPoller::quarantinedSinceStart)
                .description("Owner events set aside since start-up: they could not be applied even alone")
                .register(meters);
        gauge("raccord.quarantine.waiting", "Quarantined owner events not replayed yet", m -> m.lines.quarantinedCount());
        FunctionCounter.builder("raccord.reconciliation.failed", reconciliation, Reconciliation::failedSinceStart)
                .description("Line checks that failed for a reason other than the owner's (each skipped, the others went on)")
                .register(meters);
        gauge("raccord.lines.unconfirmed.oldest.age.seconds",
                "Time since the owner last confirmed the most overdue line (0 when no check is overdue)",
                FlowMeters::oldestUnconfirmedSeconds);
        gauge("raccord.lines.checks.overdue", "Lines whose scheduled check with the owner is overdue",
                m -> m.lines.overdueChecks(now()));
        for (ServiceState state : ServiceState.values()) {
            gauge("raccord.lines", "Tracked lines in this state", m -> m.stateCount(state), "state", state.code());
        }
        gauge("raccord.lines.breach", "Lines whose service gap exceeds one working day", m -> m.lines.breachCount());
        gauge("raccord.outbox.depth", "Events stored and not yet handed to the subscribers", m -> m.lines.pendingOutbox());
        gauge("raccord.webhook.deliveries.pending", "Webhook deliveries waiting for an attempt", m -> m.tallies.pending());
        gauge("raccord.polling.paused", "1 while an operator has paused polling", m -> m.schedule.paused() ? 1 : 0);
    }

    private void gauge(String name, String description, ToDoubleFunction<FlowMeters> value, String... tags) {
        Gauge.builder(name, this, value).description(description).tags(tags).strongReference(true).register(meters);
    }

    long lag(Feed feed) {
        return ledger.cursorOf(feed).map(FeedCursor::lag).orElse(0L);
    }

    long totalLag() {
        long sum = 0;
        for (Feed feed : Feed.values()) {
            sum += lag(feed);
        }
        return sum;
    }

    double oldestUnconfirmedSeconds() {
        OffsetDateTime now = now();
        return lines.oldestOverdueConfirmation(now).map(at -> (double) Duration.between(at, now).toSeconds()).orElse(0.0);
    }

    private double stateCount(ServiceState state) {
        if (stateCounts == null || System.nanoTime() - stateCountsAt > STATE_COUNTS_KEPT.toNanos()) {
            stateCounts = lines.countByState();
            stateCountsAt = System.nanoTime();
        }
        return stateCounts.getOrDefault(state, 0L);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
