package org.raccord.polling;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.raccord.cluster.LeaderLease;
import org.raccord.cluster.SharedSettings;
import org.raccord.heartbeat.Heartbeat;
import org.raccord.tracking.MaskedFailure;

/**
 * Runs the feeds and the reconciliation every interval on the container's managed scheduler (no
 * thread of our own). Runs never overlap: the next one starts a full interval after the previous
 * one ended. Pausing keeps the schedule but skips the work. In a cluster only the leader reads the
 * feeds; every instance reconciles.
 */
@ApplicationScoped
public class PollingSchedule {

    private static final Logger LOG = Logger.getLogger(PollingSchedule.class.getName());
    /** This loop's name in health, metrics and the console. */
    public static final String LOOP = "polling";

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    FeedPoller feeds;

    @Inject
    Reconciliation reconciliation;

    @Inject
    CutAlignment alignment;

    /** Only the cluster's leader reads the feeds; every instance reconciles (its checks are claimed). */
    @Inject
    LeaderLease lease;

    @Inject
    @ConfigProperty(name = "raccord.polling.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "raccord.polling.intervalSeconds", defaultValue = "5")
    int intervalSeconds;

    /** A run catching up yields after this long, so reconciliation and shutdown are not starved. */
    private static final long CATCH_UP_SLICE_NANOS = TimeUnit.SECONDS.toNanos(60);

    @Inject
    @ConfigProperty(name = "raccord.health.loopStaleSeconds", defaultValue = "120")
    int loopStaleSeconds;

    /** An operator's pause holds on every instance and across restarts: it is a cluster setting. */
    static final String PAUSED = "polling.paused";

    @Inject
    SharedSettings settings;

    private volatile Heartbeat heartbeat;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private ScheduledFuture<?> task;

    /** Observes start-up after the schema migrations (they observe it with a higher priority). */
    void start(@Observes Startup startup) {
        if (!enabled) {
            LOG.info("Polling of the network owner is disabled (raccord.polling.enabled=false)");
            return;
        }
        watch(Clock.systemUTC());
        task = scheduler.scheduleWithFixedDelay(this::runOnce, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        LOG.info(() -> "Polling the network owner every " + intervalSeconds + " s");
    }

    /** One run, guarded by the heartbeat (see {@link Heartbeat#run}); it also beats after every catch-up step. */
    void runOnce() {
        if (stopped.get()) {
            return;
        }
        heartbeat.run(() -> {
            if (!paused()) {
                poll();
            }
        }, LOG);
        if (feeds.stopping()) {
            // Ending the schedule lets the server's quiesce finish instead of waiting for it.
            LOG.info("The server is stopping: polling of the network owner has ended");
            stop();
        }
    }

    private void poll() {
        long started = System.nanoTime();
        // During a catch-up (after an outage, at first start) keep reading instead of idling a
        // whole interval between budgets; the owner's quota is still enforced by the guards.
        while (lease.leading()) {
            feeds.poll(lease::leading);
            heartbeat.beat();
            if (!feeds.behind() || paused() || stopped.get() || feeds.stopping()
                    || System.nanoTime() - started >= CATCH_UP_SLICE_NANOS) {
                break;
            }
        }
        if (!feeds.stopping()) {
            reconciliation.run();
            // Last: a failure here is the run's failure (the loop's health shows it), and costs nothing else.
            if (lease.leading()) {
                alignment.run();
            }
        }
    }

    void watch(Clock clock) {
        heartbeat = Heartbeat.every(LOOP, Duration.ofSeconds(intervalSeconds), 10, Duration.ofSeconds(loopStaleSeconds), clock)
                .showingFailuresAs(MaskedFailure::of);
    }

    /** The polling loop's sign of life; empty when polling is disabled. */
    public Optional<Heartbeat> heartbeat() {
        return Optional.ofNullable(heartbeat);
    }

    /** Pauses polling on every instance of the cluster, until resumed. */
    public void pause() {
        settings.put(PAUSED, "true");
    }

    public void resume() {
        settings.put(PAUSED, null);
    }

    public boolean paused() {
        return settings.flag(PAUSED);
    }

    /** The application is stopping: no run may start or continue against a departing application. */
    @PreDestroy
    void stop() {
        stopped.set(true);
        if (task != null) {
            task.cancel(false);
        }
    }
}
