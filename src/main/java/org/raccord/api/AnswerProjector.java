package org.raccord.api;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.raccord.polling.FeedPoller;
import org.raccord.tracking.LinesChanged;

/**
 * Keeps the read model following the ledger: lines a committed transaction changed are rendered
 * again shortly after, off the writer's path, one batch at a time on the container's executor.
 * While polling catches up with a backlog, rendering waits (ingestion has the CPU; lookups render
 * lines themselves meanwhile) and the lines left behind are found afterwards in the database, as
 * at start-up: lines whose answer is missing or older than the line (a crash between a commit and
 * its rendering, rows loaded by other means).
 */
@ApplicationScoped
public class AnswerProjector {

    private static final Logger LOG = Logger.getLogger(AnswerProjector.class.getName());
    private static final int BATCH = 200;

    @Resource
    ManagedExecutorService executor;

    @Inject
    AnswerWriter writer;

    @Inject
    StoredAnswers answers;

    @Inject
    FeedPoller poller;

    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean catchingUp = new AtomicBoolean();
    private volatile boolean leftBehind;
    private volatile boolean stopped;

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) LinesChanged change) {
        if (poller.behind()) {
            // Not kept in memory: a backlog may change a million lines. The database knows them.
            leftBehind = true;
            return;
        }
        if (leftBehind) {
            leftBehind = false;
            startCatchUp();
        }
        pending.addAll(change.lineIds());
        kick();
    }

    void catchUpAtStart(@Observes Startup startup) {
        startCatchUp();
    }

    private void startCatchUp() {
        if (!stopped && catchingUp.compareAndSet(false, true)) {
            executor.submit(() -> {
                try {
                    catchUp();
                } finally {
                    catchingUp.set(false);
                }
            });
        }
    }

    /** Renders every line whose answer is missing or older than the line, in id order. */
    void catchUp() {
        long after = 0;
        long rendered = 0;
        try {
            for (List<Long> ids = answers.stale(after, BATCH); !ids.isEmpty() && !stopped; ids = answers.stale(after, BATCH)) {
                rendered += writer.render(ids);
                after = ids.get(ids.size() - 1);
            }
            long total = rendered;
            LOG.info(() -> "Read model current: " + total + " missing or old line answer(s) rendered");
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "rendering stale answers failed; lookups use the lines meanwhile", e);
        }
    }

    private void kick() {
        if (!stopped && draining.compareAndSet(false, true)) {
            executor.submit(this::drain);
        }
    }

    private void drain() {
        try {
            while (!pending.isEmpty() && !stopped) {
                List<Long> batch = new ArrayList<>(BATCH);
                for (Iterator<Long> it = pending.iterator(); it.hasNext() && batch.size() < BATCH; ) {
                    batch.add(it.next());
                    it.remove();
                }
                writer.render(batch);
            }
        } catch (RuntimeException e) {
            // Lookups serve the lines themselves until a later change or start-up renders them.
            LOG.log(Level.WARNING, "rendering changed answers failed", e);
        } finally {
            draining.set(false);
            if (!pending.isEmpty()) {
                kick();
            }
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
    }
}
