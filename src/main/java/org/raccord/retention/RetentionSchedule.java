package org.raccord.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.raccord.admin.AuditTrail;
import org.raccord.cluster.LeaderLease;
import org.raccord.heartbeat.Heartbeat;
import org.raccord.tracking.MaskedFailure;
import org.raccord.notification.Deliveries;
import org.raccord.tracking.LineChanges;
import org.raccord.tracking.SettledLines;

/**
 * Every {@code raccord.retention.intervalMinutes}: forgets what the retention policy no longer
 * allows, each kind in batches of {@code raccord.retention.batch} rows, one transaction a batch, so
 * that a first purge of years of records never holds a long transaction or the database's locks.
 * All state is in the database: a run cut short simply continues at the next one.
 */
@ApplicationScoped
public class RetentionSchedule {

    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());
    /** Rows deleted, by kind. */
    static final String PURGED = "raccord.retention.purged";
    private static final long FIRST_PURGE_DELAY_SECONDS = 60;

    /**
     * How long the log of line changes is kept: the instances read it within a second; one that
     * missed part of it (stopped longer than this) audits its read model against the lines.
     */
    private static final Duration CHANGE_LOG = Duration.ofHours(1);

    @Inject
    LineChanges changes;

    /** One instance of a cluster purges: the leader. */
    @Inject
    LeaderLease lease;

    @Inject
    @ConfigProperty(name = "raccord.retention.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "raccord.retention.intervalMinutes", defaultValue = "60")
    long intervalMinutes;

    @Inject
    @ConfigProperty(name = "raccord.retention.publishedOutboxDays", defaultValue = "7")
    long publishedOutboxDays;

    @Inject
    @ConfigProperty(name = "raccord.retention.finishedDeliveriesDays", defaultValue = "30")
    long finishedDeliveriesDays;

    @Inject
    @ConfigProperty(name = "raccord.retention.settledLinesDays", defaultValue = "90")
    long settledLinesDays;

    @Inject
    @ConfigProperty(name = "raccord.retention.auditDays", defaultValue = "365")
    long auditDays;

    @Inject
    @ConfigProperty(name = "raccord.retention.batch", defaultValue = "500")
    int batch;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    SettledLines lines;

    @Inject
    Deliveries deliveries;

    @Inject
    AuditTrail audit;

    @Inject
    MeterRegistry meters;

    private final Clock clock = Clock.systemUTC();
    private RetentionPolicy policy;
    private volatile boolean stopped;
    private ScheduledFuture<?> task;
    private Heartbeat heartbeat;

    /** Read once (a period that is not positive stops the start-up with the reason). */
    @PostConstruct
    void build() {
        policy = new RetentionPolicy(Duration.ofDays(publishedOutboxDays), Duration.ofDays(finishedDeliveriesDays),
                Duration.ofDays(settledLinesDays), Duration.ofDays(auditDays), batch);
    }

    void start(@Observes Startup startup) {
        if (!enabled) {
            LOG.info("Retention is disabled (raccord.retention.enabled=false): nothing is ever purged");
            return;
        }
        heartbeat = Heartbeat.every("retention", Duration.ofMinutes(intervalMinutes), 3, Duration.ofHours(3), clock)
                .showingFailuresAs(MaskedFailure::of);
        // The first purge waits a minute: start-up (the read model's audit, a feed catching up) has
        // the database to itself, and a purge never meets records a deployment is still writing.
        task = scheduler.scheduleWithFixedDelay(() -> heartbeat.run(this::purgeIfLeading, LOG), FIRST_PURGE_DELAY_SECONDS,
                intervalMinutes * 60, TimeUnit.SECONDS);
    }

    /** In a cluster, one instance purges: the leader. */
    private void purgeIfLeading() {
        if (lease.leading()) {
            purge();
        }
    }

    /** One purge of every kind; returns the rows deleted by kind. Public for operations' tests. */
    public Map<String, Integer> purge() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Integer> purged = new LinkedHashMap<>();
        purged.put("settled-lines", drain("settled-lines", now.minus(policy.settledLines()), lines::eraseSettledBefore));
        purged.put("published-outbox", drain("published-outbox", now.minus(policy.publishedOutbox()),
                lines::deletePublishedOutboxBefore));
        purged.put("finished-deliveries", drain("finished-deliveries", now.minus(policy.finishedDeliveries()),
                deliveries::deleteFinishedBefore));
        purged.put("audit", drain("audit", now.minus(policy.auditTrail()), audit::deleteBefore));
        purged.put("line-changes", drain("line-changes", now.minus(CHANGE_LOG), changes::deleteBefore));
        if (purged.values().stream().anyMatch(n -> n > 0)) {
            LOG.info(() -> "retention purged " + purged);
        }
        return purged;
    }

    /** Batches until one comes back short, each its own transaction. */
    private int drain(String kind, OffsetDateTime before, BiFunction<OffsetDateTime, Integer, Integer> purge) {
        int total = 0;
        int deleted;
        do {
            deleted = purge.apply(before, policy.batch());
            total += deleted;
            meters.counter(PURGED, "kind", kind).increment(deleted);
            if (heartbeat != null) {
                heartbeat.beat();
            }
        } while (deleted == policy.batch() && !stopped);
        return total;
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (task != null) {
            task.cancel(false);
        }
    }
}
