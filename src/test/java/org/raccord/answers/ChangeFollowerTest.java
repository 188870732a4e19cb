package org.raccord.answers;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raccord.lines.LineReference;
import org.raccord.tracking.LineChange;
import org.raccord.tracking.LineChanges;
import org.raccord.tracking.LineKeys;
import org.raccord.tracking.TrackedLines;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another instance's changes reach this instance's read model through the change log: on a real
 * answer shelf, the follower withdraws what it holds at older versions and hands those lines to
 * be rendered, leaves current answers alone, forgets erased lines, audits again when the log was
 * pruned past it, and the shelf stops serving when the log has not been read for 2 s.
 */
class ChangeFollowerTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-04T10:00:00Z");
    private static final LineKeys SEVEN = new LineKeys(7, 3, "CMD-7", null, null, "0139421662", null);
    private static final LineKeys EIGHT = new LineKeys(8, 2, "CMD-8", null, null, null, null);

    @TempDir
    Path dir;

    private final StoredAnswers answers = new StoredAnswers();
    private final List<LineChange> log = new ArrayList<>();
    private final Map<Long, LineKeys> committed = new java.util.HashMap<>();
    private final List<List<Long>> handedOver = new ArrayList<>();
    private final List<Boolean> floods = new ArrayList<>();
    private final AtomicLong audits = new AtomicLong();
    private final AtomicLong clock = new AtomicLong();
    private boolean logDown;
    private ChangeFollower follower;

    @BeforeEach
    void open() {
        answers.open(AnswerShelf.open(dir, 1L << 26));
        answers.nanos = clock::get;
        answers.serve();
        store(SEVEN);
        store(EIGHT);
        follower = new ChangeFollower();
        follower.answers = answers;
        follower.changes = new LineChanges() {
            @Override
            public long lastNumber() {
                return log.size();
            }

            @Override
            public List<LineChange> after(long after, int limit) {
                if (logDown) {
                    throw new IllegalStateException("connection refused");
                }
                return log.stream().filter(c -> c.number() > after).limit(limit).toList();
            }
        };
        follower.lines = new TrackedLines() {
            @Override
            public List<LineKeys> keysOf(Collection<Long> ids) {
                return ids.stream().map(committed::get).toList();
            }
        };
        follower.projector = new AnswerProjector() {
            @Override
            void changedElsewhere(List<Long> ids, boolean flood) {
                handedOver.add(List.copyOf(ids));
                floods.add(flood);
            }

            @Override
            void auditAgain() {
                audits.incrementAndGet();
            }
        };
        answers.followed(clock.get());
    }

    @AfterEach
    void close() {
        answers.close();
    }

    @Test
    void aLineChangedElsewhereIsWithdrawnAndRenderedWhileACurrentAnswerStaysServed() {
        LineKeys sevenNow = new LineKeys(7, 4, "CMD-7", "VIA900007", null, "0139421662", null);
        committed.put(7L, sevenNow);
        change(7, 4);
        change(8, 2);

        follower.follow();

        assertThat(find("CMD-7")).as("older than the committed line: rendered by the caller").isEmpty();
        assertThat(find("VIA900007")).as("its new reference finds it changing, not unknown").isEmpty();
        assertThat(find("CMD-8")).as("the shelf already had this version").isPresent();
        assertThat(handedOver).containsExactly(List.of(7L));
        assertThat(floods).containsExactly(false);
    }

    @Test
    void anErasedLineIsForgotten() {
        log.add(new LineChange(1, 8, LineChange.ERASED, NOW));

        follower.follow();

        assertThat(find("CMD-8")).isEmpty();
        assertThat(find("CMD-7")).isPresent();
    }

    @Test
    void anAuditThatDidNotFinishIsTriedAgainEveryPeriod() {
        answers.auditFailed();
        assertThat(find("CMD-7")).as("not audited: not served").isEmpty();

        follower.follow();
        assertThat(audits.get()).as("not at once").isZero();
        clock.addAndGet(StoredAnswers.RETRY_AUDIT.plusSeconds(1).toNanos());
        follower.follow();
        follower.follow();
        assertThat(audits.get()).as("one audit per period").isEqualTo(1);
    }

    @Test
    void aLogPrunedPastWhatWasReadMeansAFullAudit() {
        log.add(new LineChange(5, 8, 2, NOW));

        follower.follow();

        assertThat(audits.get()).isEqualTo(1);
    }

    @Test
    void answersAreBehindOnceTheLogIsNotReadToItsEnd() {
        logDown = true;
        follower.follow();
        clock.addAndGet(Duration.ofMillis(1900).toNanos());
        assertThat(find("CMD-7")).as("read 1.9 s ago").hasValueSatisfying(a -> assertThat(a.behind()).isFalse());

        clock.addAndGet(Duration.ofMillis(200).toNanos());
        assertThat(find("CMD-7")).as("deaf for 2.1 s: still answered (the database is away), said to be behind")
                .hasValueSatisfying(a -> assertThat(a.behind()).isTrue());

        logDown = false;
        follower.follow();
        assertThat(find("CMD-7")).as("caught up again").hasValueSatisfying(a -> assertThat(a.behind()).isFalse());
    }

    @Test
    void aLineChangingWhenTheLogBecameUnreadableIsServedTheAnswerItsWithdrawalKept() {
        answers.withdraw(List.of(new LineKeys(7, 4, "CMD-7", null, null, "0139421662", null)));
        assertThat(find("CMD-7")).as("changing: the caller renders it").isEmpty();

        logDown = true;
        follower.follow();
        clock.addAndGet(Duration.ofMillis(2100).toNanos());
        assertThat(find("CMD-7")).as("the database away for 2.1 s: the answer from before the change, said so")
                .hasValueSatisfying(a -> {
                    assertThat(a.version()).isEqualTo(3);
                    assertThat(a.predatesChange()).isTrue();
                    assertThat(a.behind()).isTrue();
                });

        logDown = false;
        follower.follow();
        assertThat(find("CMD-7")).as("the database answers again: the caller renders it").isEmpty();
    }

    private void change(long line, long version) {
        log.add(new LineChange(log.size() + 1, line, version, NOW));
    }

    private void store(LineKeys line) {
        answers.store(List.of(new AnswerShelf.Rendering(line, "{}", "{}")));
    }

    private Optional<StoredAnswers.StoredAnswer> find(String reference) {
        return answers.find(LineReference.parse(reference).tries(), false);
    }
}
