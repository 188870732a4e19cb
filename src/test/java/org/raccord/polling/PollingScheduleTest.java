package org.raccord.polling;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.raccord.cluster.LeaderLease;
import org.raccord.cluster.SharedSettings;
import org.raccord.heartbeat.Heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The polling loop outlives anything a run throws, and its heartbeat says what happened. */
class PollingScheduleTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger polls = new AtomicInteger();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** A schedule whose feeds throw {@code failure} on the first poll only. */
    private PollingSchedule schedule(Throwable failure) {
        return schedule(new FeedPoller() {
            @Override
            public int poll(BooleanSupplier leading) {
                if (polls.incrementAndGet() == 1) {
                    sneakyThrow(failure);
                }
                return 0;
            }

            @Override
            public boolean behind() {
                return false;
            }
        }, () -> 0);
    }

    /** A schedule over these feeds and this reconciliation's run, on the cluster's leader. */
    private static PollingSchedule schedule(FeedPoller feeds, IntSupplier reconcile) {
        return schedule(feeds, reconcile, true);
    }

    private static PollingSchedule schedule(FeedPoller feeds, IntSupplier reconcile, boolean leader) {
        PollingSchedule schedule = new PollingSchedule();
        schedule.settings = new InMemorySettings();
        schedule.lease = new LeaderLease() {
            @Override
            public boolean leading() {
                return leader;
            }
        };
        schedule.intervalSeconds = 5;
        schedule.loopStaleSeconds = 120;
        schedule.feeds = feeds;
        schedule.reconciliation = new Reconciliation() {
            @Override
            public int run() {
                return reconcile.getAsInt();
            }
        };
        schedule.alignment = new CutAlignment() {
            @Override
            public void run() {
                // Breach prevention: its own tests (BreachPreventionStoryTest).
            }
        };
        schedule.watch(Clock.systemUTC());
        return schedule;
    }

    @Test
    void onlyTheLeaderAsksToMoveCutsAfterReconcilingAndItsFailureIsTheRunsFailure() {
        AtomicInteger aligned = new AtomicInteger();
        AtomicInteger reconciliations = new AtomicInteger();
        for (boolean leader : new boolean[] {true, false}) {
            PollingSchedule schedule = schedule(countingFeeds(false), reconciliations::incrementAndGet, leader);
            schedule.alignment = new CutAlignment() {
                @Override
                public void run() {
                    aligned.incrementAndGet();
                    throw new IllegalStateException("no prevention today");
                }
            };
            schedule.runOnce();
            assertThat(schedule.heartbeat().orElseThrow().read().lastFailure()).as("leader " + leader)
                    .isEqualTo(leader ? "IllegalStateException: no prevention today" : null);
        }
        assertThat(aligned.get()).isEqualTo(1);
        assertThat(reconciliations.get()).as("reconciled first, leader or not").isEqualTo(2);
    }

    @Test
    void anErrorInARunDoesNotCancelTheScheduleAndIsShownOnTheHeartbeat() {
        PollingSchedule schedule = schedule(new StackOverflowError("deep"));

        // The scheduler cancels a task for good when it throws: the second run proves it did not.
        scheduler.scheduleWithFixedDelay(schedule::runOnce, 0, 10, TimeUnit.MILLISECONDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> polls.get() >= 2);
        Heartbeat.Reading reading = schedule.heartbeat().orElseThrow().read();
        assertThat(reading.lastFailure()).isEqualTo("StackOverflowError: deep");
        assertThat(reading.lastRunAt()).isNotNull();
        assertThat(reading.stale()).isFalse();
    }

    @Test
    void aPausedLoopStillBeats() {
        PollingSchedule schedule = schedule(new IllegalStateException("not reached"));
        schedule.pause();

        schedule.runOnce();

        assertThat(polls.get()).isZero();
        assertThat(schedule.heartbeat().orElseThrow().read().lastRunAt()).isNotNull();
    }

    @Test
    void aStoppingServerEndsTheScheduleWithoutReconciling() {
        AtomicInteger reconciliations = new AtomicInteger();
        PollingSchedule schedule = schedule(new FeedPoller() {
            @Override
            public int poll(BooleanSupplier leading) {
                polls.incrementAndGet();
                return 0;
            }

            @Override
            public boolean behind() {
                return true;
            }

            @Override
            public boolean stopping() {
                return polls.get() > 0;
            }
        }, reconciliations::incrementAndGet);

        schedule.runOnce();
        schedule.runOnce();

        // One poll, not a catch-up loop against refused fetches, and no run after it.
        assertThat(polls.get()).isEqualTo(1);
        assertThat(reconciliations.get()).isZero();
    }

    @Test
    void aFollowerReconcilesButNeverReadsTheFeeds() {
        AtomicInteger reconciliations = new AtomicInteger();
        PollingSchedule follower = schedule(countingFeeds(false), reconciliations::incrementAndGet, false);

        follower.runOnce();
        follower.runOnce();

        assertThat(polls.get()).isZero();
        assertThat(reconciliations.get()).isEqualTo(2);
    }

    @Test
    void aLeaderDeposedDuringACatchUpStopsReadingAtOnce() {
        AtomicInteger beats = new AtomicInteger();
        PollingSchedule schedule = schedule(countingFeeds(true), () -> 0);
        schedule.lease = new LeaderLease() {
            @Override
            public boolean leading() {
                // Leads for three reads of a catch-up, then another instance takes over.
                return beats.incrementAndGet() <= 3;
            }
        };

        schedule.runOnce();

        assertThat(polls.get()).isEqualTo(3);
    }

    /** Feeds that count their polls and say whether they are behind (a catch-up). */
    private FeedPoller countingFeeds(boolean behind) {
        return new FeedPoller() {
            @Override
            public int poll(BooleanSupplier leading) {
                polls.incrementAndGet();
                return 0;
            }

            @Override
            public boolean behind() {
                return behind;
            }
        };
    }

    /** The cluster's settings without a database: kept in a map. */
    private static final class InMemorySettings extends SharedSettings {
        private final Map<String, String> values = new ConcurrentHashMap<>();

        @Override
        public void put(String name, String value) {
            if (value == null) {
                values.remove(name);
            } else {
                values.put(name, value);
            }
        }

        @Override
        public boolean flag(String name) {
            return "true".equals(values.get(name));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }
}
