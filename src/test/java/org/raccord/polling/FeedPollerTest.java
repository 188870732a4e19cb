package org.raccord.polling;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raccord.simulator.LocalOwner;
import org.raccord.simulator.ScriptedEvent;
import org.raccord.tracking.Feed;
import org.raccord.tracking.FeedCursor;
import org.raccord.tracking.InMemoryLedger;
import org.raccord.wholesale.AccessOrderGateway;
import org.raccord.wholesale.CutoverGateway;
import org.raccord.wholesale.GuardSettings;
import org.raccord.wholesale.NetworkOwner;
import org.raccord.wholesale.OwnerGuards;
import org.raccord.wholesale.WholesaleSettings;
import org.raccord.tracking.Backlog;

import static org.assertj.core.api.Assertions.assertThat;

/** Polling the simulator's feeds from persisted cursors, across a crash and a restart. */
class FeedPollerTest {

    private LocalOwner simulator;
    private NetworkOwner owner;
    private final InMemoryLedger ledger = new InMemoryLedger();

    @BeforeEach
    void start() {
        simulator = new LocalOwner(21, 300);
        simulator.advance(Duration.ofDays(10));
        WholesaleSettings settings = WholesaleSettings.defaults(URI.create(simulator.baseUrl));
        owner = new NetworkOwner(new AccessOrderGateway(settings), new CutoverGateway(settings),
                new OwnerGuards(GuardSettings.defaults(), Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private FeedPoller poller() {
        FeedPoller poller = new FeedPoller();
        poller.owner = owner;
        poller.ledger = ledger;
        poller.backlog = new Backlog();
        poller.executor = Executors.newSingleThreadExecutor();
        poller.pageSize = 50;
        poller.pagesPerRun = 1_000;
        poller.quarantineAfter = 3;
        return poller;
    }

    @Test
    void aStoppingServerEndsTheRunWithoutAWarningAndLosesNothing() {
        FeedPoller stopping = poller();
        // What Liberty's managed executor does once the server has begun to stop (CWWKE1202E).
        stopping.executor = task -> {
            throw new RejectedExecutionException("CWWKE1202E: the executor has been shut down");
        };
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(FeedPoller.class.getName());
        log.addHandler(handler);
        try {
            assertThat(stopping.poll()).isZero();
        } finally {
            log.removeHandler(handler);
        }
        assertThat(stopping.stopping()).isTrue();
        assertThat(warnings).isEmpty();
        assertThat(ledger.cursorOf(Feed.ORDER)).isEmpty();
        assertThat(ledger.cursorOf(Feed.CUTOVER)).isEmpty();

        // After the restart, everything is read, once.
        poller().poll();
        long orders = simulator.world.lastSequence(ScriptedEvent.Feed.ORDER);
        long cutovers = simulator.world.lastSequence(ScriptedEvent.Feed.CUTOVER);
        assertThat(ledger.applications).hasSize((int) (orders + cutovers));
        assertThat(ledger.applications.values()).containsOnly(1);
    }

    @Test
    void aCrashMidFeedThenARestartLosesNothingAndAppliesNothingTwice() {
        ledger.crashOnPage(4);
        poller().poll();
        long orders = simulator.world.lastSequence(ScriptedEvent.Feed.ORDER);
        long cutovers = simulator.world.lastSequence(ScriptedEvent.Feed.CUTOVER);
        // The order feed stopped at its failed 4th page; the cutover feed was still read in full.
        assertThat(ledger.cursorOf(Feed.ORDER).map(FeedCursor::lastSequence)).contains(150L);
        assertThat(ledger.cursorOf(Feed.CUTOVER).map(FeedCursor::lastSequence)).contains(cutovers);

        // A new poller, as after a restart: only the persisted cursor tells where to resume.
        int applied = poller().poll();

        assertThat(applied).isEqualTo((int) (orders - 150));
        assertThat(ledger.applications).hasSize((int) (orders + cutovers));
        assertThat(ledger.applications.values()).containsOnly(1);
        assertThat(ledger.cursorOf(Feed.ORDER).orElseThrow().lastSequence()).isEqualTo(orders);
        assertThat(ledger.cursorOf(Feed.CUTOVER).orElseThrow().lastSequence()).isEqualTo(cutovers);
    }

    @Test
    void aPoisonEventIsQuarantinedAfterThreeFailedRunsAndTheFeedGoesOnWithoutLosingOrRepeatingAnything() {
        ledger.poison(Feed.ORDER, 77);
        FeedPoller poller = poller();
        long orders = simulator.world.lastSequence(ScriptedEvent.Feed.ORDER);

        poller.poll();
        poller.poll();
        assertThat(ledger.cursorOf(Feed.ORDER).map(FeedCursor::lastSequence)).as("stuck before the poison's page, as before")
                .contains(50L);
        assertThat(ledger.quarantined).isEmpty();

        poller.poll();

        assertThat(ledger.quarantined).containsOnlyKeys("ORDER#77");
        assertThat(ledger.quarantined.get("ORDER#77")).contains("value too long").contains("+331******62")
                .doesNotContain("0139421662");
        assertThat(ledger.cursorOf(Feed.ORDER).orElseThrow().lastSequence()).isEqualTo(orders);
        long cutovers = simulator.world.lastSequence(ScriptedEvent.Feed.CUTOVER);
        assertThat(ledger.applications).as("every other event, once").hasSize((int) (orders - 1 + cutovers));
        assertThat(ledger.applications.values()).containsOnly(1);
        assertThat(poller.quarantinedSinceStart()).isEqualTo(1);
    }

    @Test
    void aPageThatFailsOnceThisInstanceNoLongerLeadsIsNeverQuarantined() {
        ledger.poison(Feed.ORDER, 77);
        FeedPoller deposed = poller();

        // Its page fails while it leads no more (its lease lapsed mid page): another instance
        // applies that page, so the failure is not the page's and counts for nothing.
        for (int run = 0; run < 5; run++) {
            // Leads through the page loop's checks up to the poisoned page (the first run applies one
            // good page first), and no more when its failure is judged.
            int leadsFor = run == 0 ? 2 : 1;
            AtomicInteger asked = new AtomicInteger();
            deposed.poll(() -> asked.incrementAndGet() <= leadsFor);
        }

        assertThat(ledger.quarantined).isEmpty();
        assertThat(deposed.quarantinedSinceStart()).isZero();
        assertThat(ledger.cursorOf(Feed.ORDER).map(FeedCursor::lastSequence)).contains(50L);
    }

    @Test
    void laterRunsReadOnlyWhatTheOwnerPublishedSince() {
        poller().poll();
        long before = ledger.applications.size();

        simulator.advance(Duration.ofDays(2));
        int applied = poller().poll();

        long total = simulator.world.lastSequence(ScriptedEvent.Feed.ORDER) + simulator.world.lastSequence(ScriptedEvent.Feed.CUTOVER);
        assertThat(applied).isPositive().isEqualTo((int) (total - before));
        assertThat(ledger.applications.values()).containsOnly(1);
        assertThat(ledger.cursorOf(Feed.ORDER).orElseThrow().ownerLastSequence())
                .isEqualTo(simulator.world.lastSequence(ScriptedEvent.Feed.ORDER));
    }
}
