package org.raccord.answers;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raccord.lines.LineReference;
import org.raccord.tracking.Backlog;
import org.raccord.tracking.LineKeys;
import org.raccord.tracking.LinesChanged;
import org.raccord.tracking.TrackedLines;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projector on a real answer shelf, with the database's lines in memory: a change withdraws
 * its lines' answers before committing and renders them after; a rollback gives them back; while
 * polling catches up nothing is kept in memory and the audit finds afterwards what to render; at
 * start-up the audit renders what is missing and forgets lines the database does not have.
 */
class AnswerProjectorTest {

    @TempDir
    Path dir;

    private final TreeMap<Long, LineKeys> database = new TreeMap<>();
    private final List<List<Long>> rendered = new ArrayList<>();
    private final List<Synchronization> synchronizations = new ArrayList<>();
    private final StoredAnswers answers = new StoredAnswers();
    private boolean behind;
    private boolean databaseAway;

    @AfterEach
    void close() {
        answers.close();
    }

    @Test
    void aChangeWithdrawsBeforeItCommitsAndRendersAfter() {
        AnswerProjector projector = projector();
        LinesChanged change = commit(line(4, 1), line(5, 1));
        projector.catchUp();
        assertThat(served("L4")).isTrue();

        LinesChanged next = commit(line(4, 2));
        projector.changing(next);
        assertThat(served("L4")).as("withdrawn before the commit").isFalse();
        assertThat(served("L5")).isTrue();
        projector.changed(next);
        assertThat(rendered.get(rendered.size() - 1)).containsExactly(4L);
        assertThat(served("L4")).isTrue();
        assertThat(change.lineIds()).containsExactlyInAnyOrder(4L, 5L);
    }

    @Test
    void aRollbackRendersTheLinesAsTheyStayed() {
        AnswerProjector projector = projector();
        commit(line(4, 1));
        projector.catchUp();
        rendered.clear();

        projector.changing(new LinesChanged(List.of(line(4, 2))));   // never committed
        assertThat(served("L4")).isFalse();
        synchronizations.forEach(s -> s.afterCompletion(Status.STATUS_ROLLEDBACK));
        assertThat(rendered).containsExactly(List.of(4L));
        assertThat(served("L4")).as("rendered again at version 1").isTrue();
    }

    @Test
    void duringACatchUpNothingIsKeptAndTheAuditSaysWhatToRenderAfterwards() {
        AnswerProjector projector = projector();
        projector.catchUp();
        behind = true;
        LinesChanged backlog = commit(line(1, 1), line(2, 1), line(3, 1));
        projector.changing(backlog);
        projector.changed(backlog);
        assertThat(rendered).as("ingestion keeps the CPU").isEmpty();
        assertThat(served("L1")).isFalse();

        behind = false;
        LinesChanged next = commit(line(9, 1));
        projector.changing(next);
        projector.changed(next);
        assertThat(rendered).containsExactly(List.of(1L, 2L, 3L, 9L), List.of(9L));
        assertThat(served("L1")).isTrue();
        assertThat(served("L9")).isTrue();
    }

    @Test
    void atStartUpMissingAnswersAreRenderedInBatchesAndUnknownLinesForgotten() {
        AnswerProjector projector = projector();
        answers.store(List.of(new AnswerShelf.Rendering(line(999, 1), "{}", "{}")));   // not in the database
        for (long id = 1; id <= 450; id++) {
            database.put(id, line(id, 1));
        }
        projector.catchUpAtStart(null);
        assertThat(rendered).extracting(List::size).containsExactly(200, 200, 50);
        assertThat(served("L450")).isTrue();
        assertThat(served("L999")).isFalse();
        assertThat(answers.shelvedIds(0, 1000)).hasSize(450).doesNotContain(999L);
    }

    @Test
    void aStartUpAuditThatFailsIsTriedAgainAndTheNextOneLetsTheShelfServe() {
        AnswerProjector projector = projector();
        AtomicLong clock = new AtomicLong(1_000_000_000L);
        answers.nanos = clock::get;
        commit(line(4, 1));
        databaseAway = true;
        projector.catchUpAtStart(null);
        assertThat(answers.serving()).isFalse();
        assertThat(answers.auditFailures()).isEqualTo(1);
        assertThat(answers.auditDue(clock.get())).as("not at once").isFalse();

        databaseAway = false;
        clock.addAndGet(StoredAnswers.RETRY_AUDIT.plusSeconds(1).toNanos());
        assertThat(answers.auditDue(clock.get())).as("a period later").isTrue();
        projector.auditAgain();
        assertThat(answers.serving()).isTrue();
        assertThat(served("L4")).isTrue();
        assertThat(answers.auditDue(clock.get() + StoredAnswers.RETRY_AUDIT.toNanos() * 2)).as("serving: none due").isFalse();
    }

    private LinesChanged commit(LineKeys... lines) {
        for (LineKeys line : lines) {
            database.put(line.id(), line);
        }
        return new LinesChanged(List.of(lines));
    }

    private boolean served(String order) {
        return answers.find(LineReference.parse(order).tries(), false).isPresent();
    }

    private static LineKeys line(long id, long version) {
        return new LineKeys(id, version, "L" + id, null, null, null, null);
    }

    private AnswerProjector projector() {
        answers.open(AnswerShelf.open(dir, 1L << 26));
        AnswerProjector projector = new AnswerProjector();
        projector.answers = answers;
        projector.executor = (ManagedExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class}, (p, m, args) -> {
                    if (m.getName().equals("submit") && args[0] instanceof Runnable task) {
                        task.run();   // the container's executor, run inline
                        return CompletableFuture.completedFuture(null);
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        projector.transactions = (TransactionSynchronizationRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TransactionSynchronizationRegistry.class}, (p, m, args) -> switch (m.getName()) {
                    case "getTransactionKey" -> "the change";
                    case "registerInterposedSynchronization" -> synchronizations.add((Synchronization) args[0]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        projector.backlog = new Backlog() {
            @Override
            public boolean catchingUp() {
                return behind;
            }
        };
        projector.lines = new TrackedLines() {
            @Override
            public List<LineKeys> keysAfter(long after, int limit) {
                if (databaseAway) {
                    throw new IllegalStateException("connection refused");
                }
                return database.tailMap(after, false).values().stream().limit(limit).toList();
            }

            @Override
            public List<Long> existing(Collection<Long> ids) {
                return ids.stream().filter(database::containsKey).toList();
            }
        };
        projector.writer = new AnswerWriter() {
            @Override
            public int render(Collection<Long> ids) {
                rendered.add(new ArrayList<>(ids));
                return AnswerProjectorTest.this.answers.store(ids.stream().map(id -> new AnswerShelf.Rendering(database.get(id), "{}", "{}")).toList());
            }
        };
        return projector;
    }
}
