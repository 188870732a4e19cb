package org.raccord.polling;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.raccord.simulator.LocalOwner;
import org.raccord.tracking.DomainEventType;
import org.raccord.tracking.PreventionPolicy;
import org.raccord.tracking.PreventionRules;
import org.raccord.tracking.PreventionState;
import org.raccord.tracking.StoryLedger;
import org.raccord.tracking.StoryPreventions;
import org.raccord.wholesale.NetworkOwner;
import org.raccord.wholesale.PostponementGranted;
import org.raccord.wholesale.PostponementRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Breach prevention over a whole simulated population, from before its first order to after its
 * last delivery: Raccord's real poller, rules and prevention (automatic) against the simulated
 * owner's rules. Of the breaches the owner made knowable at least its minimum notice before the
 * planned cut, at least 95 % must end within one working day, and every other one must be refused
 * by the owner's rules and told to the customer before the cut. The test command: 2,000 lines,
 * polling every two simulated hours (the local run's 5 s poll at a day a minute, the most lag the
 * owner's notice has to absorb); the figures of docs/benchmarks.md: 10,000 lines, every 30 minutes
 * ({@code -Draccord.bench.prevention.lines=10000 -Draccord.bench.prevention.pollMinutes=30}).
 */
class BreachPreventionShareTest {

    private static final Logger LOG = Logger.getLogger(BreachPreventionShareTest.class.getName());
    private static final int LINES = Integer.getInteger("raccord.bench.prevention.lines", 2_000);
    private static final Duration POLL = Duration.ofMinutes(Long.getLong("raccord.bench.prevention.pollMinutes", 120));
    private static final Duration NOTICE = Duration.ofHours(12);

    /**
     * One line's breach as it last arose before the cut (a slipped delivery makes it arise again):
     * when, and the cut then planned. Knowable in time when the owner knew the delivery date at
     * least its minimum notice before that cut.
     */
    private record Breach(Instant at, Instant plannedCut) {
        boolean knowable() {
            return plannedCut != null && !Duration.between(at, plannedCut).minus(NOTICE).isNegative();
        }
    }

    @Test
    void ninetyFivePercentOfTheBreachesKnowableInTimeEndWithinOneWorkingDay() {
        Instant start = LocalOwner.EPOCH.minus(Duration.ofDays(21));
        try (LocalOwner owner = new LocalOwner(20111209, LINES, start)) {
            StoryLedger ledger = new StoryLedger(owner.realClock, order -> null);
            StoryPreventions preventions = new StoryPreventions(ledger, owner.realClock);
            AtomicInteger calls = new AtomicInteger();
            try (StoryFeed feed = new StoryFeed(owner.baseUrl, ledger)) {
                NetworkOwner real = feed.owner();
                CutAlignment alignment = new CutAlignment();
                alignment.preventions = preventions;
                alignment.meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
                alignment.owner = new NetworkOwner(null, null, null) {
                    @Override
                    public PostponementGranted requestPostponement(PostponementRequest request) {
                        calls.incrementAndGet();
                        return real.requestPostponement(request);
                    }

                    @Override
                    public Instant ownerNow(Instant ourNow) {
                        return real.ownerNow(ourNow);
                    }
                };
                PreventionRules rules = new PreventionRules(new PreventionPolicy(PreventionPolicy.Mode.AUTOMATIC, NOTICE, 3));
                Map<String, Breach> breaches = new HashMap<>();
                Map<String, Instant> firstBreach = new HashMap<>();
                Map<String, Instant> refusalsTold = new HashMap<>();
                Instant end = LocalOwner.EPOCH.plus(Duration.ofDays(65));
                while (owner.realClock.instant().isBefore(end)) {
                    owner.advance(POLL);
                    feed.poll();
                    alignment.run(rules);
                    for (StoryLedger.Announced a : ledger.drain()) {
                        String order = a.line().orderReference();
                        if (a.type() == DomainEventType.BREACH_DETECTED) {
                            JsonObject payload = Json.createReader(new StringReader(a.payload())).readObject();
                            Instant at = OffsetDateTime.parse(payload.getString("occurredAt")).toInstant();
                            // A breach that arises after the cut (the owner slipped the date later) was never knowable in time.
                            OffsetDateTime cut = a.line().cutoverDoneAt() == null ? a.line().cutoverPlannedAt() : null;
                            breaches.put(order, new Breach(at, cut == null ? null : cut.toInstant()));
                            firstBreach.putIfAbsent(order, at);
                        } else if (a.type() == DomainEventType.POSTPONEMENT_REFUSED) {
                            refusalsTold.putIfAbsent(order, a.storedAt().toInstant());
                        }
                    }
                }

                int knowable = 0;
                int prevented = 0;
                List<String> neither = new ArrayList<>();
                Map<String, Integer> refusedFor = new HashMap<>();
                List<Duration> toAcknowledgement = new ArrayList<>();
                for (Map.Entry<String, Breach> e : breaches.entrySet()) {
                    if (!e.getValue().knowable()) {
                        continue;
                    }
                    knowable++;
                    String order = e.getKey();
                    StoryLedger.LineSnapshot line = ledger.line(order).orElseThrow();
                    preventions.stepsOf(order).stream().filter(s -> "acknowledged".equals(s.state())).findFirst()
                            .ifPresent(s -> toAcknowledgement.add(Duration.between(firstBreach.get(order), s.at().toInstant())));
                    if (line.cutoverDoneAt() != null && line.gapWorkingDays() != null && line.gapWorkingDays() <= 1) {
                        prevented++;
                        continue;
                    }
                    var prevention = preventions.of(order).orElse(null);
                    Instant told = refusalsTold.get(order);
                    if (prevention != null && prevention.state() == PreventionState.REFUSED && told != null
                            && line.cutoverDoneAt() != null && told.isBefore(line.cutoverDoneAt().toInstant())) {
                        refusedFor.merge(prevention.reasonCode(), 1, Integer::sum);
                    } else {
                        neither.add(order + " " + line + " " + (prevention == null ? "no request" : prevention.state() + " "
                                + prevention.reasonCode() + " " + preventions.stepsOf(order).stream()
                                .map(s -> s.state() + "@" + s.at() + ">" + s.requestedCut() + " " + s.reasonCode()).toList()));
                    }
                }
                toAcknowledgement.sort(null);
                double share = knowable == 0 ? 0 : (double) prevented / knowable;
                String figures = String.format("%d lines: %d breaches, %d knowable in time, %d prevented (%.1f %%), refused %s;"
                                + " breach to acknowledgement median %s, p95 %s; %d requests, %.2f per prevented breach",
                        LINES, breaches.size(), knowable, prevented, 100 * share, refusedFor,
                        percentile(toAcknowledgement, 0.5), percentile(toAcknowledgement, 0.95), calls.get(),
                        prevented == 0 ? 0.0 : (double) calls.get() / prevented);
                LOG.info(figures);
                System.out.println("[breach prevention] " + figures);

                assertThat(knowable).as(figures).isGreaterThan(LINES / 50);
                assertThat(share).as(figures).isGreaterThanOrEqualTo(0.95);
                assertThat(neither).as("every other knowable breach refused by the owner's rules and told before the cut").isEmpty();
            }
        }
    }

    private static Duration percentile(List<Duration> sorted, double q) {
        return sorted.isEmpty() ? Duration.ZERO : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }
}
