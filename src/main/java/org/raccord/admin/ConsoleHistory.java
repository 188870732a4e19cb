package org.raccord.admin;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;

import org.raccord.notification.Deliveries;
import org.raccord.polling.FeedPoller;
import org.raccord.wholesale.NetworkOwner;
import org.raccord.wholesale.OperationReading;

/**
 * The console's last hour, in memory: every {@value #EVERY_SECONDS} s, the owner's slowest p99
 * latency, the feeds' lag, and the rates of ingestion and of webhooks delivered. Operations would
 * rather look at a line than read a number; an hour is what a shift needs to see a trend.
 */
@ApplicationScoped
public class ConsoleHistory {

    private static final Logger LOG = Logger.getLogger(ConsoleHistory.class.getName());
    static final int EVERY_SECONDS = 15;
    private static final int KEPT = 3600 / EVERY_SECONDS;

    /** One sample; rates are per minute over the sample's interval. */
    public record Sample(Instant at, double ownerP99Millis, long feedLag, double eventsPerMinute, double deliveredPerMinute) {
    }

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    NetworkOwner owner;

    @Inject
    FlowMeters flow;

    @Inject
    FeedPoller poller;

    @Inject
    MeterRegistry meters;

    private final Deque<Sample> samples = new ArrayDeque<>();
    private long lastApplied;
    private double lastDelivered;
    private long lastAt;
    private ScheduledFuture<?> task;

    void start(@Observes Startup startup) {
        lastApplied = poller.appliedSinceStart();
        lastDelivered = delivered();
        lastAt = System.nanoTime();
        task = scheduler.scheduleAtFixedRate(this::sample, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    synchronized void sample() {
        try {
            long now = System.nanoTime();
            double minutes = Math.max(1e-9, (now - lastAt) / 60e9);
            long applied = poller.appliedSinceStart();
            double delivered = delivered();
            double p99 = owner.readings().stream().mapToDouble(OperationReading::p99Millis).max().orElse(0);
            samples.addLast(new Sample(Instant.now(), p99, flow.totalLag(),
                    (applied - lastApplied) / minutes, (delivered - lastDelivered) / minutes));
            while (samples.size() > KEPT) {
                samples.removeFirst();
            }
            lastApplied = applied;
            lastDelivered = delivered;
            lastAt = now;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "console sample skipped", e);
        }
    }

    public synchronized List<Sample> lastHour() {
        return new ArrayList<>(samples);
    }

    /** Events per minute over the latest sample, 0 before the first one. */
    public synchronized double eventsPerMinute() {
        return samples.isEmpty() ? 0 : samples.getLast().eventsPerMinute();
    }

    private double delivered() {
        return Search.in(meters).name(Deliveries.OUTCOMES).tag("outcome", "delivered").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
