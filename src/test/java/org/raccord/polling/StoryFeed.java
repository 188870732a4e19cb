package org.raccord.polling;

import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.raccord.tracking.Backlog;
import org.raccord.tracking.LineLedger;
import org.raccord.wholesale.AccessOrderGateway;
import org.raccord.wholesale.CutoverGateway;
import org.raccord.wholesale.GuardSettings;
import org.raccord.wholesale.NetworkOwner;
import org.raccord.wholesale.OwnerGuards;
import org.raccord.wholesale.WholesaleSettings;

/** Raccord's real poller reading an owner at {@code baseUrl} (the SOAP stack, the translation) into a ledger. */
public final class StoryFeed implements AutoCloseable {

    private final FeedPoller poller = new FeedPoller();
    private final CutAlignment alignment = new CutAlignment();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    public StoryFeed(String baseUrl, LineLedger ledger) {
        WholesaleSettings settings = WholesaleSettings.defaults(URI.create(baseUrl));
        poller.owner = new NetworkOwner(new AccessOrderGateway(settings), new CutoverGateway(settings),
                new OwnerGuards(unlimited(), Clock.systemUTC()));
        poller.ledger = ledger;
        poller.backlog = new Backlog();
        poller.executor = executor;
        poller.pageSize = 50;
        poller.pagesPerRun = 1_000;
        poller.quarantineAfter = 3;
        alignment.meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    }

    /** The default guards, but a quota no replay reaches: a replay runs weeks of owner time in seconds. */
    private static GuardSettings unlimited() {
        GuardSettings d = GuardSettings.defaults();
        return new GuardSettings(100_000, d.permitWait(), d.failureRate(), d.window(), d.minimumCalls(), d.openWait(),
                d.retryAttempts(), d.retryBase(), d.concurrentCalls());
    }

    /** One run of both feeds; returns how many events were applied. */
    /**
     * Breach prevention after a poll, as the leader runs it: Raccord's {@link CutAlignment} with its
     * records in {@code preventions} (a story's, in memory), asking the owner this poller reads.
     */
    public void align(org.raccord.tracking.BreachPreventions preventions, org.raccord.tracking.PreventionRules rules) {
        alignment.owner = poller.owner;
        alignment.preventions = preventions;
        alignment.run(rules);
    }

    /** The owner as the poller reads it: its clock is the owner's time the feeds last told. */
    public NetworkOwner owner() {
        return poller.owner;
    }

    public int poll() {
        return poller.poll();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
