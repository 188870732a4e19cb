package org.raccord.production;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raccord.support.CampaignTable;
import org.raccord.support.PostgresForIntegrationTests;
import org.raccord.support.TruthCheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.raccord.production.ClusterChecks.lag;

/**
 * The reliability campaign's database that stops and comes back (docs/reliability.md, crashes):
 * PostgreSQL stopped under both polling instances while customers look lines up, then started on
 * the same data. Two seconds in, an instance that cannot read the others' changes serves its stored
 * answers marked {@code degraded}; none waits for the database. The test command runs it for 10 s
 * and leaves the truth check to the owner's fast subset, which comes next and checks both instances;
 * the reliability profile stops the database for 60 s and checks the truth here.
 */
@ExtendWith(ProductionCluster.Resolver.class)
@Order(Order.DEFAULT + 1)
class DatabaseStopIT {

    private static final Duration DATABASE_DOWN = Campaign.seconds("databaseDownSeconds", 60, 10);

    private static ProductionCluster cluster;

    @BeforeAll
    static void bothInstancesPolling(ProductionCluster started) throws Exception {
        cluster = started;
        Campaign.ready(cluster);
    }

    @Test
    void lookupsAreAnsweredFromStoredAnswersWhileTheDatabaseIsAway() throws Exception {
        List<String> known = Campaign.knownLines(cluster, 300);
        FaultWatch.Seen seen;
        long cameBack;
        try (FaultWatch watch = new FaultWatch(List.of(cluster.a, cluster.b), known,
                cluster.identity.bearer(ProductionCluster.TRUTH_CHECKER, "api-read"))) {
            PostgresForIntegrationTests.stopFor(DATABASE_DOWN);
            cameBack = System.nanoTime();
            watch.close();
            seen = watch.seen();
        }
        Instance leader = ClusterChecks.leader(cluster);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                lag(leader) == 0 && ready(cluster.a) && ready(cluster.b));
        double readyAfter = (System.nanoTime() - cameBack) / 1e9;
        TruthCheck.Result truth = Campaign.FULL ? ClusterChecks.truth(cluster, leader, leader) : null;

        boolean met = seen.serverErrors() == 0 && seen.answered() == seen.lookups() && seen.degraded() > 0
                && (truth == null || truth.clean());
        CampaignTable.record(new CampaignTable.Row("database stops and comes back",
                "PostgreSQL stopped (fast shutdown, every connection closed) for " + DATABASE_DOWN.toSeconds()
                        + " s under two polling instances, then started on the same data",
                "lookups meanwhile; 5xx; time until both instances are ready and the feeds read" + (truth == null ? "" : "; truth check"),
                seen.lookupsText() + "; " + seen.jvmText() + String.format("; ready %.0f s after the database", readyAfter)
                        + (truth == null ? "" : "; truth check " + truth),
                "100 % answered (flagged degraded), 0 5xx, ready ≤ 3 min" + (truth == null ? "" : ", truth 0/0/0"), met));
        assertThat(seen.serverErrors()).as("5xx or unanswered lookups while the database was down").isZero();
        assertThat(seen.answered()).isEqualTo(seen.lookups()).isPositive();
        assertThat(seen.degraded()).as("answers said to be stored data while the database was away").isPositive();
        if (truth != null) {
            assertThat(truth.clean()).as(truth.toString()).isTrue();
        }
    }

    private static boolean ready(Instance i) {
        return i.get("health/ready", i.operator()).statusCode() == 200;
    }
}
