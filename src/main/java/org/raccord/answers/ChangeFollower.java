package org.raccord.answers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.raccord.tracking.LineChange;
import org.raccord.tracking.LineChanges;
import org.raccord.tracking.MaskedFailure;
import org.raccord.tracking.TrackedLines;

/**
 * Keeps this instance's read model current with changes committed anywhere in the cluster: reads
 * the change log ({@link LineChanges}) after the last number it has seen, every
 * {@code raccord.answers.followMillis}, withdraws the answers it holds at older versions (lookups
 * then render those lines until they are rendered again) and forgets erased lines. The shelf is
 * used only while this follower keeps up: a log not read to its end for 2 s makes every lookup
 * render its line (see {@link StoredAnswers#find}). This instance's own changes are in the log too;
 * the shelf already has them, so they cost a read.
 */
@ApplicationScoped
public class ChangeFollower {

    private static final Logger LOG = Logger.getLogger(ChangeFollower.class.getName());
    /** Changes read at once; a full read is a flood (a catch-up), audited later instead of rendered line by line. */
    private static final int READ = 2000;
    private static final int KEYS = 500;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    LineChanges changes;

    @Inject
    TrackedLines lines;

    @Inject
    StoredAnswers answers;

    @Inject
    AnswerProjector projector;

    @Inject
    @ConfigProperty(name = "raccord.answers.followMillis", defaultValue = "250")
    long followMillis;

    /** From a change's commit (any instance's) to this instance knowing of it: the cross-instance staleness. */
    public static final String LAG = "raccord.answers.follow.lag";
    /** Whether lookups use the read model. */
    public static final String SERVING = "raccord.answers.serving";

    @Inject
    MeterRegistry meters;

    private Timer lag;
    private long last;
    private boolean failing;
    private ScheduledFuture<?> task;

    /** Before the start-up audit (which covers every change until then): what follows is followed. */
    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 200) Startup startup) {
        lag = Timer.builder(LAG).description("From a line change's commit, on any instance, to this instance's read model knowing of it")
                .publishPercentiles(0.5, 0.99).distributionStatisticExpiry(Duration.ofMinutes(2)).distributionStatisticBufferLength(2)
                .register(meters);
        Gauge.builder(SERVING, answers, a -> a.serving() ? 1 : 0)
                .description("1 while lookups use the read model; 0 before the start-up audit, and after a write failed"
                        + " (a full disk) until an audit succeeds").register(meters);
        FunctionCounter.builder("raccord.answers.write.failures", answers, StoredAnswers::writeFailures)
                .description("Withdrawals the read model could not write (a full disk): each stops it serving until an audit")
                .register(meters);
        FunctionCounter.builder("raccord.answers.audit.failures", answers, StoredAnswers::auditFailures)
                .description("Audits of the read model that did not finish (a full disk, the database away): each is tried"
                        + " again until one does").register(meters);
        long asOf = answers.nanos.getAsLong();
        last = changes.lastNumber();
        answers.followed(asOf);
        task = scheduler.scheduleWithFixedDelay(this::follow, followMillis, followMillis, TimeUnit.MILLISECONDS);
    }

    /** One read of the log; nothing escapes it (a scheduler cancels a task that throws). */
    void follow() {
        try {
            // Fresh as of the moment before the read: what commits during it is the next read's.
            long asOf = answers.nanos.getAsLong();
            List<LineChange> read = changes.after(last, READ);
            if (!read.isEmpty()) {
                if (!contiguous(last, read)) {
                    // Retention pruned changes this instance never read (numbers have no gap
                    // otherwise): compare everything again.
                    projector.auditAgain();
                }
                apply(read, read.size() == READ);
                measure(read);
                last = read.get(read.size() - 1).number();
            }
            if (read.size() < READ) {
                answers.followed(asOf);
            }
            if (answers.auditDue(asOf)) {
                // A withdrawal or an audit failed (a full disk): once there is room again, an audit lets the shelf serve.
                projector.auditAgain();
            }
            failing = false;
            answers.changeLogUnreadable(false);
        } catch (RuntimeException e) {
            answers.changeLogUnreadable(true);
            if (!failing) {
                LOG.log(Level.WARNING, "the change log could not be read: lookups answer from the read model, said to be"
                        + " stored data, until it can",
                        MaskedFailure.of(e));
            }
            failing = true;
        }
    }

    private static boolean contiguous(long after, List<LineChange> read) {
        long expected = after + 1;
        for (LineChange change : read) {
            if (change.number() != expected++) {
                return false;
            }
        }
        return true;
    }

    private void apply(List<LineChange> read, boolean flood) {
        Map<Long, Long> versions = new HashMap<>();
        List<Long> erased = new ArrayList<>();
        for (LineChange change : read) {
            if (change.erased()) {
                erased.add(change.lineId());
                versions.remove(change.lineId());
            } else {
                versions.merge(change.lineId(), change.lineVersion(), Math::max);
            }
        }
        if (!erased.isEmpty()) {
            answers.erase(erased);
        }
        List<Long> behind = answers.behind(versions);
        for (int from = 0; from < behind.size(); from += KEYS) {
            answers.withdraw(lines.keysOf(behind.subList(from, Math.min(behind.size(), from + KEYS))));
        }
        if (!behind.isEmpty()) {
            projector.changedElsewhere(behind, flood);
        }
    }

    private void measure(List<LineChange> read) {
        if (lag != null) {
            Instant now = Instant.now();
            read.forEach(change -> lag.record(Duration.between(change.changedAt().toInstant(), now)));
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
