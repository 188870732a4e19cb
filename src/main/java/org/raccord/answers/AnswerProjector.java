package org.raccord.answers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.LongStream;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.raccord.tracking.Backlog;
import org.raccord.tracking.LineKeys;
import org.raccord.tracking.LinesErased;
import org.raccord.tracking.LinesChanged;
import org.raccord.tracking.TrackedLines;
import org.raccord.tracking.MaskedFailure;

/**
 * Keeps the read model following the ledger. Inside a changing transaction, before it commits, the
 * changed lines' answers are withdrawn (taken back if it rolls back); once it has committed, the
 * lines are rendered again, off the writer's path, one batch at a time on the container's
 * executor. While polling catches up with a backlog, rendering waits (ingestion has the CPU;
 * lookups render lines themselves meanwhile) and the lines left behind are found afterwards by an
 * audit, as at start-up: every line's answer is compared with the line as committed (a crash, rows
 * loaded by other means, a database restored from a backup), and lookups use the read model only
 * once it has been audited.
 */
@ApplicationScoped
public class AnswerProjector {

    private static final Logger LOG = Logger.getLogger(AnswerProjector.class.getName());
    private static final int BATCH = 200;
    private static final int AUDIT_PAGE = 5000;

    @Resource
    ManagedExecutorService executor;

    @Inject
    AnswerWriter writer;

    @Inject
    StoredAnswers answers;

    @Inject
    Backlog backlog;

    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean catchingUp = new AtomicBoolean();
    private volatile boolean leftBehind;
    private volatile boolean stopped;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    TrackedLines lines;

    void changing(@Observes LinesChanged change) {
        long token = answers.withdraw(change.lines());
        if (transactions.getTransactionKey() != null) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // Withdrawn already, before the change could be read.
                }

                @Override
                public void afterCompletion(int status) {
                    if (status != Status.STATUS_COMMITTED) {
                        // The lines stay as they were: their answers are rendered again.
                        answers.takeBack(change.lines(), token);
                        pending.addAll(change.lineIds());
                        kick();
                    }
                }
            });
        }
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) LinesChanged change) {
        if (backlog.catchingUp()) {
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

    /**
     * Lines another instance changed (see {@link ChangeFollower}), already withdrawn here: rendered
     * again like this instance's own changes; a flood of them (a catch-up on the leader) is left to
     * an audit once it calms down, as this instance's own backlog is.
     */
    void changedElsewhere(List<Long> ids, boolean flood) {
        if (flood) {
            leftBehind = true;
            return;
        }
        if (leftBehind) {
            leftBehind = false;
            startCatchUp();
        }
        pending.addAll(ids);
        kick();
    }

    /** The change log was pruned past what this instance had read: every answer is audited again. */
    void auditAgain() {
        startCatchUp();
    }

    /** Lines erased by retention: their answers and reference keys go with them, for good. */
    void erased(@Observes(during = TransactionPhase.AFTER_SUCCESS) LinesErased erased) {
        answers.erase(erased.lineIds());
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

    /**
     * Audits the read model against the lines as committed, lets lookups use it, forgets answers of
     * lines the database does not have, then renders every line whose answer was withdrawn.
     */
    void catchUp() {
        try {
            long failuresBefore = answers.writeFailures();
            LongStream.Builder stale = LongStream.builder();
            long after = 0;
            for (List<LineKeys> page = lines.keysAfter(after, AUDIT_PAGE); !page.isEmpty() && !stopped;
                 page = lines.keysAfter(after, AUDIT_PAGE)) {
                answers.audit(page).forEach(stale::add);
                after = page.get(page.size() - 1).id();
            }
            if (stopped) {
                return;
            }
            answers.serve(failuresBefore);
            forgetUnknownLines();
            long[] ids = stale.build().toArray();
            long rendered = 0;
            for (int from = 0; from < ids.length && !stopped; from += BATCH) {
                rendered += writer.render(Arrays.stream(ids, from, Math.min(ids.length, from + BATCH)).boxed().toList());
            }
            long total = rendered;
            LOG.info(() -> "Read model current: " + total + " missing or old line answer(s) rendered");
        } catch (RuntimeException e) {
            // A full disk during the audit's own writes, or the database away: without another audit
            // the shelf would never serve again short of a restart.
            answers.auditFailed();
            LOG.log(Level.WARNING, "auditing the read model failed; lookups use the lines meanwhile, and the audit is tried"
                    + " again every " + StoredAnswers.RETRY_AUDIT.toSeconds() + " s", MaskedFailure.of(e));
        }
    }

    private void forgetUnknownLines() {
        long after = 0;
        for (List<Long> shelved = answers.shelvedIds(after, AUDIT_PAGE); !shelved.isEmpty() && !stopped;
             shelved = answers.shelvedIds(after, AUDIT_PAGE)) {
            List<Long> unknown = new ArrayList<>(shelved);
            unknown.removeAll(new HashSet<>(lines.existing(shelved)));
            answers.remove(unknown);
            after = shelved.get(shelved.size() - 1);
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
            LOG.log(Level.WARNING, "rendering changed answers failed", MaskedFailure.of(e));
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
