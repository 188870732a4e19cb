package org.raccord.production;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raccord.support.CampaignTable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reliability campaign's slow clients and soak (cases 5 and 7 of docs/reliability.md), on the
 * two production instances while they poll the owner at its live pace and deliver webhooks:
 * slowhttptest holding a thousand slow connections while others look lines up; then lookups at
 * about half the measured capacity for {@code raccord.reliability.soakMinutes} (30), with wrk, in
 * five-minute slices: each slice's p99, and the heap after collection and the threads between
 * slices. Run by the reliability profile only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(ProductionCluster.Resolver.class)
@Order(Order.DEFAULT + 6)
class SoakIT {

    private static final int SOAK_MINUTES = Integer.getInteger("raccord.reliability.soakMinutes", 30);
    /** Half of instance a's measured lookup capacity (docs/benchmarks.md, "Several instances": 2,027 req/s). */
    private static final int RATE = Integer.getInteger("raccord.reliability.soakRate", 1_000);
    private static final int CONNECTIONS = 16;
    private static final Duration SLOW_FOR = Duration.ofSeconds(60);

    private static ProductionCluster cluster;
    private static List<String> known;
    private static String reader;

    @BeforeAll
    static void caughtUp(ProductionCluster started) throws Exception {
        cluster = started;
        Campaign.ready(cluster);
        known = Campaign.knownLines(cluster, 2_000);
        reader = cluster.identity.bearer(ProductionCluster.TRUTH_CHECKER, "api-read");
    }

    @Test
    @Order(1)
    void slowClientsDoNotStopTheOthersLookups() throws Exception {
        FaultWatch.Seen calm = watched(Duration.ofSeconds(20), null);
        List<String> figures = new ArrayList<>();
        boolean met = true;
        for (String[] attack : List.of(new String[] {"-H", "slow headers (slowloris)"}, new String[] {"-B", "slow bodies (R.U.D.Y.)"})) {
            FaultWatch.Seen under = watched(SLOW_FOR, attack[0]);
            figures.add(attack[1] + ": " + under.lookupsText());
            met &= under.serverErrors() == 0 && under.answered() == under.lookups() && under.p99Millis() <= calm.p99Millis() * 3 + 100;
            assertThat(under.serverErrors()).as(attack[1] + ": " + under.lookupsText()).isZero();
            assertThat(under.answered()).as(attack[1]).isEqualTo(under.lookups());
        }
        CampaignTable.record(new CampaignTable.Row("slow clients",
                "slowhttptest 1,000 connections (200 a second) to instance a for " + SLOW_FOR.toSeconds()
                        + " s each way, data every 10 s, while others look lines up on both instances",
                "the others' lookups: answered, 5xx, p99",
                "calm: " + calm.lookupsText() + "; " + String.join("; ", figures),
                "100 % answered, 0 5xx, p99 ≤ 3 × calm + 100 ms", met));
        assertThat(met).as(String.join("; ", figures) + " against calm " + calm.lookupsText()).isTrue();
    }

    /** Lookups watched for {@code length}, with slowhttptest's {@code mode} attacking instance a meanwhile (none: calm). */
    private static FaultWatch.Seen watched(Duration length, String mode) throws Exception {
        Process attack = null;
        if (mode != null) {
            attack = new ProcessBuilder("slowhttptest", mode, "-c", "1000", "-r", "200", "-i", "10", "-x", "24", "-p", "3",
                    "-l", String.valueOf(length.toSeconds()), "-t", mode.equals("-B") ? "POST" : "GET",
                    "-u", cluster.a.base() + "api/v1/lines/" + known.get(0)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        }
        try (FaultWatch watch = new FaultWatch(List.of(cluster.a, cluster.b), known, reader)) {
            Campaign.lasting(length);
            watch.close();
            return watch.seen();
        } finally {
            if (attack != null) {
                attack.destroy();
                attack.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Instance a's threads and heap right after a full collection: what it keeps, not what it has not yet freed. */
    private static JvmFigures afterCollection() {
        cluster.a.server().collectGarbage();
        return JvmFigures.of(cluster.a);
    }

    @Test
    @Order(2)
    void halfTheCapacityForHalfAnHourStaysSteadyAndLeaksNothing() throws Exception {
        int sliceMinutes = Math.min(5, SOAK_MINUTES);
        // Each connection waits this long between requests: 16 connections make about RATE a second.
        int delay = Math.max(0, CONNECTIONS * 1000 / RATE - 2);
        long ordersBefore = ClusterChecks.cursor(ClusterChecks.leader(cluster), "ORDER");
        long webhooksBefore = ClusterChecks.single(cluster, "select count(*) from webhook_delivery where state = 'DELIVERED'");
        List<String> slices = new ArrayList<>();
        List<Double> p99s = new ArrayList<>();
        List<JvmFigures> jvms = new ArrayList<>();
        long errors = 0;
        jvms.add(afterCollection());
        for (int minute = 0; minute < SOAK_MINUTES; minute += sliceMinutes) {
            Wrk slice = Wrk.run(cluster.a, reader, known, CONNECTIONS, delay, Duration.ofMinutes(sliceMinutes));
            JvmFigures jvm = afterCollection();
            jvms.add(jvm);
            p99s.add(slice.p99Millis());
            errors += slice.errors() + slice.non2xx();
            slices.add(String.format("%.0f req/s p99 %.1f ms, %d threads, %d MiB after GC", slice.rate(), slice.p99Millis(),
                    jvm.threads(), jvm.heapUsed() >> 20));
        }
        long ingested = ClusterChecks.cursor(ClusterChecks.leader(cluster), "ORDER") - ordersBefore;
        long webhooks = ClusterChecks.single(cluster, "select count(*) from webhook_delivery where state = 'DELIVERED'") - webhooksBefore;
        double spread = p99s.stream().mapToDouble(d -> d).max().orElse(0) / Math.max(0.001, p99s.stream().mapToDouble(d -> d).min().orElse(0));
        JvmFigures first = jvms.get(1);
        JvmFigures last = jvms.get(jvms.size() - 1);
        boolean flat = last.heapUsed() <= first.heapUsed() * 1.5 + (16L << 20) && last.threads() <= first.threads() + 20;

        // Mixed load means the owner's events and webhooks flowed too: a silent owner measures lookups alone.
        boolean met = errors == 0 && spread <= 3 && flat && ingested > 0 && webhooks > 0;
        CampaignTable.record(new CampaignTable.Row("load and soak",
                SOAK_MINUTES + " min of lookups on instance a with wrk (" + CONNECTIONS + " connections paced to about " + RATE
                        + " req/s, half the measured capacity) while both instances poll the owner at its live pace and deliver"
                        + " webhooks to a receiver",
                "per " + sliceMinutes + "-minute slice: rate, p99, threads and heap after GC (instance a); errors; events ingested; webhooks delivered",
                String.join("; ", slices) + String.format("; p99 spread (max/min) %.2f; errors %d; %d order events ingested, %d webhooks delivered",
                        spread, errors, ingested, webhooks),
                "0 errors, p99 spread ≤ 3, heap after GC and threads flat, events ingested and webhooks delivered", met));
        assertThat(errors).as("wrk errors and non-2xx").isZero();
        assertThat(spread).as("p99 per slice: " + p99s).isLessThanOrEqualTo(3);
        assertThat(flat).as("heap after GC and threads: " + slices).isTrue();
        assertThat(ingested).as("ingestion went on").isPositive();
        assertThat(webhooks).as("webhooks went on").isPositive();
    }
}
