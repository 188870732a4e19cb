package org.raccord.production;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raccord.support.CampaignTable;
import org.raccord.support.TruthCheck;
import org.raccord.support.WebhookReceiver;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.raccord.production.ClusterChecks.csrf;
import static org.raccord.production.ClusterChecks.lag;
import static org.raccord.production.ClusterChecks.leading;

/**
 * The reliability campaign's crashes (case 3 of docs/reliability.md), on one instance alone (the
 * other stopped): {@code kill -9} at random moments, half during a catch-up (polling paused a
 * while, then resumed), half during a webhook backlog, restarted each time; then the truth check,
 * every webhook accounted for, and the time back to ready. Run by the reliability profile only:
 * each restart takes half a minute. The database's stop is {@link DatabaseStopIT}.
 */
@ExtendWith(ProductionCluster.Resolver.class)
@Order(Order.DEFAULT + 4)
class CrashesIT {

    private static final int KILLS = Integer.getInteger("raccord.reliability.kills", 20);
    private static final long SEED = Long.getLong("raccord.reliability.seed", System.nanoTime());
    private static final Duration PAUSED = Duration.ofSeconds(8);

    private static ProductionCluster cluster;
    private static Instance alone;

    @BeforeAll
    static void oneInstanceAlone(ProductionCluster started) throws Exception {
        cluster = started;
        Campaign.ready(cluster);
        cluster.b.server().stop();
        alone = cluster.a;
        await().atMost(Duration.ofMinutes(1)).until(() -> leading(alone));
    }

    @AfterAll
    static void bothInstancesAgain() {
        if (cluster == null) {
            return;
        }
        for (Instance i : java.util.List.of(cluster.a, cluster.b)) {
            if (!ProductionCluster.answering(i)) {
                i.server().start();
                ProductionCluster.awaitLive(i);
            }
        }
    }

    @Test
    void killedAtRandomMomentsOfCatchUpsAndBacklogsNothingIsLostOrAppliedTwice() throws Exception {
        Random random = new Random(SEED);
        List<Double> backToReady = new ArrayList<>();
        int duringBacklog = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            assertThat(alone.post("api/admin/polling/pause", alone.operator(), csrf(alone), null).statusCode()).isEqualTo(204);
            Campaign.lasting(PAUSED);
            assertThat(alone.post("api/admin/polling/resume", alone.operator(), csrf(alone), null).statusCode()).isEqualTo(204);
            if (kill % 2 == 1 && backlogWithin(Duration.ofSeconds(30))) {
                // The catch-up has become deliveries to send: die among them.
                duringBacklog++;
            }
            Campaign.lasting(Duration.ofMillis(random.nextInt(2_000)));
            alone.server().kill();
            long killedAt = System.nanoTime();
            alone.server().start();
            ProductionCluster.awaitLive(alone);
            backToReady.add((System.nanoTime() - killedAt) / 1e9);
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> leading(alone) && lag(alone) == 0);
        TruthCheck.Result truth = ClusterChecks.truth(cluster, alone, alone);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() ->
                ClusterChecks.single(cluster, "select count(*) from outbox_event where published_at is null") == 0
                        && ClusterChecks.single(cluster, "select count(*) from webhook_delivery where state = 'PENDING'") == 0);
        WebhookLedger webhooks = WebhookLedger.of(cluster, Campaign.receiverSubscription(cluster),
                cluster.receiver.findAll(postRequestedFor(urlEqualTo(WebhookReceiver.PATH))));
        double worst = backToReady.stream().mapToDouble(d -> d).max().orElse(0);
        double median = backToReady.stream().sorted().toList().get(backToReady.size() / 2);

        boolean met = truth.clean() && webhooks.lost() == 0 && webhooks.outOfOrder() == 0 && webhooks.foreign() == 0;
        CampaignTable.record(new CampaignTable.Row("crash: kill -9 × " + KILLS + ", one instance",
                "kill -9 of the only instance at random moments (seed " + SEED + "): " + (KILLS - duringBacklog)
                        + " within 2 s of a catch-up's start (polling paused 8 s before), " + duringBacklog
                        + " during the webhook backlog it made (the others when no delivery waited within 30 s); restarted each time",
                "truth check (events lost, applied twice); webhooks lost, sent again (same webhook-id), out of order; time back to ready",
                "truth check " + truth + "; webhooks: " + webhooks + String.format("; back to ready: median %.1f s, worst %.1f s",
                        median, worst),
                "0 / 0 / 0; 0 lost, duplicates only with their id, order kept", met));
        assertThat(truth.clean()).as(truth.toString()).isTrue();
        assertThat(webhooks.lost()).as(webhooks.toString()).isZero();
        assertThat(webhooks.outOfOrder()).as(webhooks.toString()).isZero();
        assertThat(webhooks.foreign()).as(webhooks.toString()).isZero();
    }

    /** Whether deliveries wait to be sent within {@code d} (a quiet moment of the world may make none). */
    private static boolean backlogWithin(Duration d) {
        try {
            await().atMost(d).pollInterval(Duration.ofMillis(50)).until(() -> ClusterChecks.single(cluster,
                    "select count(*) from webhook_delivery where state = 'PENDING'") > 0);
            return true;
        } catch (ConditionTimeoutException none) {
            return false;
        }
    }
}
