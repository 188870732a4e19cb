package org.raccord.production;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raccord.support.CampaignTable;
import org.raccord.support.TruthCheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reliability campaign's full disk (case 3 of docs/reliability.md). An instance's own disk
 * holds only its read model (the lines are in PostgreSQL): instance {@code a} restarts with its
 * read-model folder on a tmpfs far too small for the cluster's lines. It fills while the start-up
 * audit renders them; the audit that cannot finish, or a change it then cannot withdraw, stops it
 * serving stored answers (where LMDB meets the end of the disk decides which). The owner
 * stays live and lookups go on against both instances; then the tmpfs gets room again, without a
 * restart, and the time until {@code a} serves stored answers again is measured, then the truth check.
 */
@ExtendWith(ProductionCluster.Resolver.class)
@Order(Order.DEFAULT + 5)
class FullDiskIT {

    /** About a quarter of what 6,000 lines take (18 MB). */
    private static final int FULL_MIB = 4;
    private static final int ROOMY_MIB = 256;
    private static final Duration FULL = Campaign.seconds("fullDiskSeconds", 60, 20);
    private static final String WITHDRAWALS_FAILED = "raccord_answers_write_failures_total";
    private static final String AUDITS_FAILED = "raccord_answers_audit_failures_total";

    @Test
    void theReadModelsDiskFillsThenGetsRoomAgain(ProductionCluster cluster) throws Exception {
        Campaign.ready(cluster);
        Instance a = cluster.a;
        Path answers = a.server().wlp().resolve("usr/servers").resolve(a.server().name()).resolve("data/answers");
        a.server().stop();
        FaultWatch.Seen seen;
        double servingAgain;
        double failures;
        double auditFailures;
        double servingWhenFull;
        Tmpfs disk = Tmpfs.mount(answers, FULL_MIB);
        try {
            a.server().start();
            ProductionCluster.awaitLive(a);
            // Full, and the start-up audit or a change met it: the instance renders every lookup from
            // the database. Which one depends on where the disk's last free page falls.
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() ->
                    a.metric(WITHDRAWALS_FAILED) + a.metric(AUDITS_FAILED) > 0 && a.metric(serving()) == 0);
            System.out.printf("full disk: %d bytes free on %s%n", disk.free(), answers);
            try (FaultWatch watch = new FaultWatch(List.of(a, cluster.b), Campaign.knownLines(cluster, 300),
                    cluster.identity.bearer(ProductionCluster.TRUTH_CHECKER, "api-read"))) {
                Campaign.lasting(FULL);
                failures = a.metric(WITHDRAWALS_FAILED);
                auditFailures = a.metric(AUDITS_FAILED);
                // An audit every 30 s may let the full shelf serve again until the next change fails to withdraw.
                servingWhenFull = a.metric(serving());
                disk.resize(ROOMY_MIB);
                long roomAt = System.nanoTime();
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                        a.metric(serving()) == 1);
                servingAgain = (System.nanoTime() - roomAt) / 1e9;
                watch.close();
                seen = watch.seen();
            }
            TruthCheck.Result truth = ClusterChecks.truth(cluster, ClusterChecks.leader(cluster), a);

            boolean met = seen.serverErrors() == 0 && seen.answered() == seen.lookups() && truth.clean();
            CampaignTable.record(new CampaignTable.Row("full disk (the read model's)",
                    "instance a restarted with its read model on a " + FULL_MIB + " MiB tmpfs (6,000 lines take about 18 MB):"
                            + " full during its start-up audit; " + FULL.toSeconds() + " s of lookups and live polling full,"
                            + " then the tmpfs grown to " + ROOMY_MIB + " MiB without a restart",
                    "lookups on both instances meanwhile; 5xx; withdrawals and audits that failed; time from room to stored answers"
                            + " served again; truth check of a",
                    seen.lookupsText() + String.format("; %.0f withdrawal(s) and %.0f audit(s) failed; serving stored answers"
                            + " at the end of the full window: %s; serving again %.1f s after room; truth check ",
                            failures, auditFailures, servingWhenFull == 1 ? "yes" : "no", servingAgain) + truth,
                    "100 % answered, 0 5xx, serving again ≤ 60 s, truth 0/0/0", met && servingAgain <= 60));
            assertThat(seen.serverErrors()).as("5xx or unanswered lookups while the disk was full").isZero();
            assertThat(seen.answered()).isEqualTo(seen.lookups()).isPositive();
            assertThat(truth.clean()).as(truth.toString()).isTrue();
        } finally {
            // The folder as it was before the case (older answers, audited at the next start), and the
            // instance back for the cases after this one, whatever happened here.
            a.server().stop();
            disk.close();
            a.server().start();
            ProductionCluster.awaitLive(a);
        }
    }

    /** ChangeFollower.SERVING as Prometheus names it. */
    private static String serving() {
        return "raccord_answers_serving";
    }
}
