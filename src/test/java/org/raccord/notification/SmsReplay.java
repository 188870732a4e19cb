package org.raccord.notification;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.raccord.polling.StoryFeed;
import org.raccord.simulator.LocalOwner;
import org.raccord.tracking.Contact;
import org.raccord.tracking.SpokenDates;
import org.raccord.tracking.PreventionPolicy;
import org.raccord.tracking.PreventionRules;
import org.raccord.tracking.StoryLedger;
import org.raccord.tracking.StoryPreventions;

/**
 * Replays the simulator's showcase lines through Raccord on one clock, as in production (the
 * owner's time is the real time): the real poller reads the owner's feeds over SOAP, the real rules
 * apply the changes, the real hook code builds each webhook, coalesces and composes its SMS just
 * before its first attempt, and the SMS platform sends each SMS when it receives it, or at the end
 * of quiet hours when the SMS says so. The replay steps from one publication (or cut reminder) to
 * the next; it models the hub's queue only: one subscriber, every attempt answered 2xx.
 */
final class SmsReplay {

    /** The defaults of raccord.notification.coalesceSeconds, cutoverLeadHours and quietHours. */
    static final Duration WINDOW = Duration.ofSeconds(120);
    static final Duration LEAD = Duration.ofHours(48);
    static final String QUIET = "21:00-08:00";
    static final int SHOWCASE = 9;
    static final long SEED = 42;

    /** One SMS as the customer receives it. */
    record Sms(String order, Instant arrives, String eventType, String text, int parts, String encoding, JsonObject states) {
    }

    /** A line's story: the SMS it received, its cut and its delivery as they finally were, the breach and gap standing at the cut. */
    record Story(String order, String scenario, List<Sms> sms, OffsetDateTime cut, java.time.LocalDate delivery,
                 Integer gapWorkingDays, boolean breachAtCut, Integer gapAtCut) {
    }

    private record Pending(String order, String eventId, String eventType, Instant createdAt, String[] body) {
    }

    /** Raccord asks the owner to move cuts (automatic breach prevention), or not. */
    private final boolean preventing;

    SmsReplay() {
        this(false);
    }

    SmsReplay(boolean preventing) {
        this.preventing = preventing;
    }

    private final SmsTemplates templates = new SmsTemplates(true);
    private final CloudEvents events = new CloudEvents(templates, QuietHours.parse(QUIET, SpokenDates.PARIS));
    private final Coalescing coalescing = new Coalescing(templates, QuietHours.parse(QUIET, SpokenDates.PARIS));

    /**
     * Replays every showcase line, the customers reading {@code language}; the owner is out of reach
     * while {@code outage} holds (a burst of changes reaches Raccord when it comes back).
     */
    List<Story> replay(String language, Predicate<Instant> outage) {
        Instant start = LocalOwner.EPOCH.minus(Duration.ofDays(16));
        try (LocalOwner owner = new LocalOwner(SEED, SHOWCASE, start)) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < SHOWCASE; i++) {
                index.put(owner.orderOf(i), i);
            }
            StoryLedger ledger = new StoryLedger(owner.realClock,
                    order -> new Contact(String.format("+3361234%04d", index.getOrDefault(order, 0)), language));
            try (StoryFeed feed = new StoryFeed(owner.baseUrl, ledger)) {
                return run(owner, ledger, feed, outage, new StoryPreventions(ledger, owner.realClock));
            }
        }
    }

    /** When the owner publishes line {@code index}'s events (to place an outage around some of them). */
    static List<Instant> publications(int index) {
        try (LocalOwner owner = new LocalOwner(SEED, SHOWCASE, LocalOwner.EPOCH)) {
            return owner.publicationTimesOf(index);
        }
    }

    private List<Story> run(LocalOwner owner, StoryLedger ledger, StoryFeed feed, Predicate<Instant> outage,
                            StoryPreventions preventions) {
        PreventionRules rules = new PreventionRules(new PreventionPolicy(PreventionPolicy.Mode.AUTOMATIC, Duration.ofHours(12), 3));
        TreeSet<Instant> steps = new TreeSet<>(owner.publicationTimes(SHOWCASE));
        Instant end = steps.last().plus(Duration.ofDays(3));
        steps.add(end);
        Map<String, List<Pending>> queues = new LinkedHashMap<>();
        Map<String, List<String>> delivered = new HashMap<>();
        Map<String, List<Sms>> received = new LinkedHashMap<>();
        Map<String, Boolean> breachAtCut = new HashMap<>();
        Map<String, Integer> gapAtCut = new HashMap<>();
        while (!steps.isEmpty() && !steps.first().isAfter(end)) {
            Instant now = steps.pollFirst();
            owner.realClock.set(now);
            for (String order : ledger.orders()) {
                ledger.line(order).filter(l -> l.cutoverDoneAt() == null).ifPresent(l -> {
                    breachAtCut.put(order, l.breach());
                    gapAtCut.put(order, l.gapWorkingDays());
                });
            }
            if (outage.test(now)) {
                steps.add(now.plus(Duration.ofMinutes(5)));
            } else {
                feed.poll();
                if (preventing) {
                    feed.align(preventions, rules);
                    preventionSteps(ledger, preventions, now, steps);
                }
            }
            ledger.announceImminentCutovers(now.atOffset(ZoneOffset.UTC), LEAD);
            dispatch(ledger, queues, now);
            claim(queues, delivered, received, now);
            for (String order : ledger.orders()) {
                ledger.line(order).map(StoryLedger.LineSnapshot::cutoverPlannedAt)
                        .map(planned -> planned.toInstant().minus(LEAD).plusSeconds(1))
                        .filter(reminder -> reminder.isAfter(now)).ifPresent(steps::add);
            }
        }
        List<Story> stories = new ArrayList<>();
        for (int i = 0; i < SHOWCASE; i++) {
            String order = owner.orderOf(i);
            StoryLedger.LineSnapshot line = ledger.line(order).orElseThrow();
            OffsetDateTime cut = line.cutoverDoneAt() != null ? line.cutoverDoneAt() : line.cutoverPlannedAt();
            stories.add(new Story(order, owner.scenarioOf(i), received.getOrDefault(order, List.of()), cut,
                    line.committedDeliveryDate(), line.gapWorkingDays(), breachAtCut.getOrDefault(order, false), gapAtCut.get(order)));
        }
        return stories;
    }

    /**
     * The owner publishes a move it granted half an hour after acknowledging it, and cuts at the
     * granted time: neither is among the publication times the replay started with.
     */
    private static void preventionSteps(StoryLedger ledger, StoryPreventions preventions, Instant now, TreeSet<Instant> steps) {
        for (String order : ledger.orders()) {
            preventions.of(order).ifPresent(p -> {
                if (!p.state().settled()) {
                    steps.add(now.plus(Duration.ofMinutes(31)));
                }
                ledger.line(order).map(StoryLedger.LineSnapshot::cutoverPlannedAt).map(planned -> planned.toInstant().plusSeconds(1))
                        .filter(cut -> cut.isAfter(now)).ifPresent(steps::add);
            });
        }
    }

    private void dispatch(StoryLedger ledger, Map<String, List<Pending>> queues, Instant now) {
        int n = 0;
        for (StoryLedger.Announced a : ledger.drain()) {
            StoryLedger.LineSnapshot l = a.line();
            LineFacts facts = new LineFacts(l.orderReference(), l.ndi(), l.state(), l.committedDeliveryDate(), l.cutoverPlannedAt(),
                    l.cutoverDoneAt(), l.gapWorkingDays(), l.breach(), l.contactMobile(), l.contactLanguage());
            String eventId = l.orderReference() + "-" + now.getEpochSecond() + "-" + n++;
            String body = events.body(eventId, a.type().wireName(), a.payload(), facts, a.storedAt().toInstant(), now);
            queues.computeIfAbsent(l.orderReference(), k -> new ArrayList<>())
                    .add(new Pending(l.orderReference(), eventId, a.type().wireName(), now, new String[] {body}));
        }
    }

    /** The hub's claims: each line's deliveries in order, each prepared just before its (only, successful) attempt. */
    private void claim(Map<String, List<Pending>> queues, Map<String, List<String>> delivered, Map<String, List<Sms>> received,
                       Instant now) {
        for (List<Pending> queue : queues.values()) {
            while (!queue.isEmpty()) {
                Pending d = queue.remove(0);
                List<String> told = delivered.computeIfAbsent(d.order(), k -> new ArrayList<>());
                Optional<Pending> newest = queue.stream().filter(e -> !e.createdAt().isAfter(d.createdAt().plus(WINDOW)))
                        .reduce((first, second) -> second);
                Coalescing.Prepared prepared = coalescing.prepare(d.body()[0], d.eventType(),
                        () -> newest.map(n -> new Coalescing.Waiting(n.eventId(), n.body()[0])), told::stream, now);
                if (prepared.newerBody() != null) {
                    newest.orElseThrow().body()[0] = prepared.newerBody();
                }
                told.add(prepared.body());
                sms(d, prepared.body(), now).ifPresent(s -> received.computeIfAbsent(d.order(), k -> new ArrayList<>()).add(s));
            }
        }
    }

    private static Optional<Sms> sms(Pending d, String body, Instant receivedAt) {
        JsonObject sms = Json.createReader(new StringReader(body)).readObject().getJsonObject("data").getJsonObject("sms");
        if (sms == null) {
            return Optional.empty();
        }
        Instant arrives = sms.containsKey("deliverAfter") ? Instant.parse(sms.getString("deliverAfter")) : receivedAt;
        return Optional.of(new Sms(d.order(), arrives.isAfter(receivedAt) ? arrives : receivedAt, d.eventType(), sms.getString("text"),
                sms.getInt("parts"), sms.getString("encoding"), sms.getJsonObject("states")));
    }
}
