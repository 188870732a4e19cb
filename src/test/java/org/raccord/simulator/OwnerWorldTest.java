package org.raccord.simulator;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.raccord.simulator.ScriptedEvent.Feed;
import org.raccord.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated owner's world: valid lifecycles, deterministic, with the customer-letter case. */
class OwnerWorldTest {

    private static final Instant EPOCH = Instant.parse("2026-12-01T09:00:00Z");
    private static final Set<String> ORDER_ENDINGS = Set.of("CR_MES", "CR_ANNUL", "CR_RESIL");

    private static OwnerWorld world(long seed, int lines, MutableClock clock) {
        return new OwnerWorld(new Population(seed, lines, EPOCH, Duration.ofDays(20), Duration.ofDays(20)),
                new SimulatedClock(clock, EPOCH, EPOCH, 1));
    }

    private static List<PublishedEvent> all(OwnerWorld world, Feed feed) {
        List<PublishedEvent> events = new ArrayList<>();
        FeedSlice slice;
        long since = 0;
        do {
            slice = world.read(feed, since, 1000);
            events.addAll(slice.events());
            since = slice.next();
        } while (slice.more());
        return events;
    }

    @Test
    void lifecyclesAreValidOnBothFeeds() {
        MutableClock clock = new MutableClock(EPOCH);
        OwnerWorld world = world(11, 2_000, clock);
        clock.advance(Duration.ofDays(60));

        for (Feed feed : Feed.values()) {
            List<PublishedEvent> events = all(world, feed);
            assertThat(events).isNotEmpty();
            for (int i = 0; i < events.size(); i++) {
                assertThat(events.get(i).sequence()).isEqualTo(i + 1L);
                if (i > 0) {
                    assertThat(events.get(i).event().at()).isAfterOrEqualTo(events.get(i - 1).event().at());
                }
            }
        }
        Map<String, String> lastOrderFlow = new HashMap<>();
        for (PublishedEvent e : all(world, Feed.ORDER)) {
            String previous = lastOrderFlow.get(e.line().orderReference());
            assertThat(previous == null || !ORDER_ENDINGS.contains(previous))
                    .as("event %s after %s on %s", e.event().flow(), previous, e.line().orderReference()).isTrue();
            // A refused order (KO) ends its life like a cancellation: nothing may follow it.
            lastOrderFlow.put(e.line().orderReference(), e.event().ok() ? e.event().flow() : "CR_RESIL");
        }
        assertThat(lastOrderFlow).hasSize(2_000);
    }

    @Test
    void aSeedAlwaysMakesTheSameWorld() {
        MutableClock a = new MutableClock(EPOCH);
        MutableClock b = new MutableClock(EPOCH);
        OwnerWorld one = world(42, 300, a);
        OwnerWorld two = world(42, 300, b);
        OwnerWorld other = world(43, 300, new MutableClock(EPOCH));
        a.advance(Duration.ofDays(3));
        b.advance(Duration.ofDays(3));

        List<String> first = all(one, Feed.ORDER).stream().map(OwnerWorldTest::describe).toList();
        List<String> second = all(two, Feed.ORDER).stream().map(OwnerWorldTest::describe).toList();
        List<String> third = all(other, Feed.ORDER).stream().map(OwnerWorldTest::describe).toList();

        assertThat(first).isNotEmpty().isEqualTo(second).isNotEqualTo(third);
    }

    @Test
    void theCustomerLetterCaseIsPresent() {
        MutableClock clock = new MutableClock(EPOCH);
        OwnerWorld world = world(5, 100, clock);
        SimulatedLine letter = world.population().line(0);
        assertThat(letter.scenario()).isEqualTo(Scenario.CUSTOMER_LETTER);
        assertThat(letter.losingOperator()).isNotNull();

        // At the epoch the old service is already cut and the delivery date has slipped...
        List<PublishedEvent> cutovers = world.history(0, Feed.CUTOVER).orElseThrow();
        ScriptedEvent cut = cutovers.stream().map(PublishedEvent::event)
                .filter(e -> "NOTIF_ECRASEMENT".equals(e.flow())).findFirst().orElseThrow();
        List<PublishedEvent> orders = world.history(0, Feed.ORDER).orElseThrow();
        ScriptedEvent revision = orders.stream().map(PublishedEvent::event)
                .filter(e -> "REVISION_DATE_LIVRAISON".equals(e.flow())).findFirst().orElseThrow();
        assertThat(revision.deliveryDate()).isAfter(revision.previousDeliveryDate());
        assertThat(revision.reason()).isNotNull();
        assertThat(orders).extracting(e -> e.event().flow()).doesNotContain("CR_MAD");

        // ...and the line is delivered later, more than one working day after the cut.
        clock.advance(Duration.ofDays(10));
        ScriptedEvent delivered = world.history(0, Feed.ORDER).orElseThrow().stream().map(PublishedEvent::event)
                .filter(e -> "CR_MAD".equals(e.flow())).findFirst().orElseThrow();
        LocalDate cutDay = cut.at().atZone(LineScript.PARIS).toLocalDate();
        LocalDate deliveryDay = delivered.at().atZone(LineScript.PARIS).toLocalDate();
        assertThat(workingDaysBetween(cutDay, deliveryDay)).isGreaterThan(1);

        // A second customer-letter order starts after the epoch, to be watched live.
        assertThat(world.population().line(Population.SHOWCASE - 1).scenario()).isEqualTo(Scenario.CUSTOMER_LETTER);
        assertThat(world.population().line(Population.SHOWCASE - 1).orderedAt()).isAfter(EPOCH);
    }

    @Test
    void everyScenarioIsPlayedAndReferencesAreUniqueAndReversible() {
        Population population = new Population(9, 20_000, EPOCH, Duration.ofDays(20), Duration.ofDays(20));
        Set<String> seen = new HashSet<>();
        Set<Scenario> scenarios = new HashSet<>();
        for (int i = 0; i < population.size(); i++) {
            SimulatedLine line = population.line(i);
            scenarios.add(line.scenario());
            assertThat(seen.add(line.orderReference())).isTrue();
            assertThat(seen.add(line.serviceReference())).isTrue();
            assertThat(seen.add(line.lineId())).isTrue();
            assertThat(line.orderReference().length()).isLessThanOrEqualTo(30);
            assertThat(population.byOrderReference(line.orderReference())).contains(i);
            assertThat(population.byServiceReference(line.serviceReference())).contains(i);
            if (line.fibre()) {
                assertThat(line.ptoReference()).matches("[A-Z]{2}-[A-Z0-9]{4}-[A-Z0-9]{4}");
                assertThat(population.byPtoReference(line.ptoReference())).contains(i);
            } else {
                assertThat(line.ndi()).matches("0[1-9][0-9]{8}");
                assertThat(population.byNdi(line.ndi())).contains(i);
            }
        }
        assertThat(scenarios).containsExactlyInAnyOrder(Scenario.values());
        assertThat(population.byOrderReference("CMD-99999999")).isEmpty();
        assertThat(population.byNdi("0100000000x")).isEmpty();
    }

    private static String describe(PublishedEvent e) {
        return e.sequence() + " " + e.line().orderReference() + " " + e.event().flow() + " " + e.event().at();
    }

    private static int workingDaysBetween(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }
}
