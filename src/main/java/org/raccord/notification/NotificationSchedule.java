package org.raccord.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.raccord.cluster.LeaderLease;
import org.raccord.heartbeat.Heartbeat;
import org.raccord.tracking.MaskedFailure;
import org.raccord.tracking.LineLedger;
import org.raccord.tracking.SpokenDates;
import org.raccord.wholesale.NetworkOwner;

/**
 * Every interval: announces the cuts that are near, turns new outbox events into deliveries, and
 * posts the due deliveries. Runs never overlap; all state is in the database, so a restart simply
 * carries on (a delivery cut short by a crash is due again after its lease). In a cluster the
 * leader announces and dispatches; every instance claims and posts deliveries.
 */
@ApplicationScoped
public class NotificationSchedule {

    private static final Logger LOG = Logger.getLogger(NotificationSchedule.class.getName());
    private static final int BATCH = 200;
    /** Deliveries one claim may take (a claim costs a query over every pending delivery). */
    private static final int CLAIM = 500;
    /** The most deliveries a prompt receiver's lane holds. */
    private static final int LANE = 1000;
    /** The longest a run keeps delivering before it yields to the next (which starts an interval later). */
    private static final Duration RUN_BUDGET = Duration.ofSeconds(10);
    /** This loop's name in health, metrics and the console. */
    public static final String LOOP = "notification";

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** The webhook senders' own executor (server.xml): its concurrency policy bounds them, apart from the API's threads. */
    @Resource(lookup = "concurrent/webhookSenders")
    ManagedExecutorService senders;

    @Inject
    Deliveries deliveries;

    @Inject
    LineLedger ledger;

    @Inject
    NetworkOwner owner;

    @Inject
    NotificationSettings settings;

    /** The leader alone announces cuts and turns the outbox into deliveries; every instance delivers. */
    @Inject
    LeaderLease lease;

    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Clock clock = Clock.systemUTC();
    private CloudEvents bodies;
    private Courier courier;
    private ScheduledFuture<?> task;
    private volatile Heartbeat heartbeat;

    void start(@Observes Startup startup) {
        if (!settings.enabled()) {
            LOG.info("Notification delivery is disabled (raccord.notification.enabled=false)");
            return;
        }
        bodies = new CloudEvents(settings.templates(), QuietHours.parse(settings.quietHours(), SpokenDates.PARIS));
        courier = new Courier(deliveries, settings.post(), new RetrySchedule(Math::random, settings.retryScale()), clock, senders,
                SubscriberLanes.within(settings.deliveryLease(), settings.timeout(), settings.perSubscriber(), LANE));
        heartbeat = Heartbeat.every(LOOP, Duration.ofMillis(settings.intervalMillis()), 10,
                Duration.ofSeconds(settings.loopStaleSeconds()), clock).showingFailuresAs(MaskedFailure::of);
        task = scheduler.scheduleWithFixedDelay(this::runOnce, settings.intervalMillis(), settings.intervalMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** One run, guarded by the heartbeat (see {@link Heartbeat#run}); it also beats after every delivery round. */
    void runOnce() {
        if (stopped.get()) {
            return;
        }
        heartbeat.run(() -> {
            Instant now = clock.instant();
            if (lease.leading()) {
                ledger.announceImminentCutovers(owner.ownerNow(now).atOffset(ZoneOffset.UTC),
                        Duration.ofHours(settings.cutoverLeadHours()));
            }
            // Through a backlog, dispatching and delivering take turns: the oldest events go out
            // while the newest are still being turned into deliveries. While attempts are under
            // way the loop waits for them to end (their slots free), not for its interval; a run
            // yields after RUN_BUDGET so that the cut announcements above stay on time.
            Instant until = clock.instant().plus(RUN_BUDGET);
            Duration interval = Duration.ofMillis(settings.intervalMillis());
            boolean more;
            do {
                int dispatched = lease.leading() ? deliveries.dispatch(bodies, clock.instant(), BATCH) : 0;
                int started = courier.deliverDue(CLAIM);
                heartbeat.beat();
                more = dispatched == BATCH || started > 0 || awaitFinished(interval);
            } while (more && !stopped.get() && clock.instant().isBefore(until));
        }, LOG);
    }

    private boolean awaitFinished(Duration max) {
        try {
            return courier.awaitFinished(max);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void ended(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubscriptionEnded ended) {
        if (courier != null) {
            courier.forget(ended.subscriptionId());
        }
    }

    /** The notification loop's sign of life; empty when delivery is disabled. */
    public Optional<Heartbeat> heartbeat() {
        return Optional.ofNullable(heartbeat);
    }

    @PreDestroy
    void stop() {
        stopped.set(true);
        if (task != null) {
            task.cancel(false);
        }
    }
}
