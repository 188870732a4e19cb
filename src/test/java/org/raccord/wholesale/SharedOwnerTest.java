package org.raccord.wholesale;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.raccord.support.MutableClock;
import org.raccord.tracking.SchemaMigrations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances sharing one owner through a real PostgreSQL (Raccord's own schema): the quota
 * they draw from together holds the owner's "N in any second", and what one learns of the owner
 * (a retry-after pause, a feed in trouble) the other acts on.
 */
class SharedOwnerTest {

    private static final int QUOTA = 24;

    private static EmbeddedPostgres postgres;
    private static DataSource database;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        database = postgres.getPostgresDatabase();
        SchemaMigrations.flyway(database, SharedOwnerTest.class.getClassLoader()).migrate();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void twoInstancesHammeringTheSharedQuotaNeverExceedItInAnySecond() throws InterruptedException {
        List<SharedQuota> instances = List.of(new SharedQuota(database, QUOTA, Duration.ofSeconds(2)),
                new SharedQuota(database, QUOTA, Duration.ofSeconds(2)));
        List<Long> granted = Collections.synchronizedList(new ArrayList<>());
        LongAdder statementNanos = new LongAdder();
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            SharedQuota quota = instances.get(t % 2);
            Thread caller = new Thread(() -> {
                while (System.nanoTime() < until) {
                    long asked = System.nanoTime();
                    if (quota.acquire()) {
                        granted.add(System.currentTimeMillis());
                    }
                    statementNanos.add(System.nanoTime() - asked);
                }
            });
            caller.start();
            callers.add(caller);
        }
        for (Thread caller : callers) {
            caller.join();
        }

        List<Long> times = granted.stream().sorted().toList();
        int busiest = 0;
        for (int first = 0, last = 0; last < times.size(); last++) {
            while (times.get(last) - times.get(first) >= 1000) {
                first++;
            }
            busiest = Math.max(busiest, last - first + 1);
        }
        System.out.printf("shared quota: %d grants in 3 s, busiest second %d (quota %d)%n", times.size(), busiest, QUOTA);
        assertThat(busiest).as("grants within any one second").isLessThanOrEqualTo(QUOTA);
        // The sustained rate is two thirds of the quota (a sixth of it per quarter second): 48 in 3 s.
        assertThat(times.size()).as("the quota is used, not starved").isGreaterThanOrEqualTo(30);
    }

    @Test
    void aPauseAndAFeedInTroubleLearnedByOneInstanceHoldOnTheOther() {
        // PostgreSQL keeps microseconds.
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MICROS));
        SharedOwnerState leader = new SharedOwnerState(database, clock, Runnable::run);
        SharedOwnerState follower = new SharedOwnerState(database, clock, Runnable::run);
        assertThat(follower.feed(AccessOrderGateway.FEED)).isEmpty();

        Instant until = clock.instant().plusSeconds(30);
        leader.pause("owner", until);
        // Told later of a shorter wait (its call began before the longer one was known): the longer holds.
        follower.pause("owner", clock.instant().plusSeconds(5));
        leader.report(new OperationHealth(AccessOrderGateway.FEED, "OPEN", null, clock.instant(), "Unreachable: connection refused",
                null, 3));
        clock.advance(Duration.ofMillis(1100));

        assertThat(follower.pausedUntil("owner")).contains(until);
        assertThat(follower.feed(AccessOrderGateway.FEED)).hasValueSatisfying(r -> {
            assertThat(r.health().breakerState()).isEqualTo("OPEN");
            assertThat(r.health().troubled(clock.instant())).isTrue();
        });

        clock.advance(Duration.ofSeconds(31));
        assertThat(follower.feed(AccessOrderGateway.FEED)).as("its reader fell silent 31 s ago").isEmpty();
    }

    @Test
    void theStateIsReadOffTheAskingThreadOnceAtATime() {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MICROS));
        new SharedOwnerState(database, clock, Runnable::run).report(new OperationHealth(CutoverGateway.FEED, "OPEN", null,
                clock.instant(), "Unreachable: connection refused", null, 3));
        java.util.List<Runnable> reads = new java.util.ArrayList<>();
        SharedOwnerState asker = new SharedOwnerState(database, clock, reads::add);

        // A lookup asks on every request: it gets what was read last (nothing yet), it never waits for the database.
        assertThat(asker.feed(CutoverGateway.FEED)).isEmpty();
        assertThat(asker.feed(CutoverGateway.FEED)).isEmpty();
        assertThat(reads).as("one read under way at a time").hasSize(1);

        reads.remove(0).run();
        assertThat(asker.feed(CutoverGateway.FEED)).hasValueSatisfying(r -> assertThat(r.health().breakerState()).isEqualTo("OPEN"));
        assertThat(reads).as("read less than a second ago").isEmpty();
        clock.advance(Duration.ofMillis(1100));
        asker.feed(CutoverGateway.FEED);
        assertThat(reads).hasSize(1);
    }
}
