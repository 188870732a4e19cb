package org.raccord.support;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The truth checker: every line the owner has published something about, as one Raccord instance
 * serves it ({@code GET api/v1/lines/{order}} and its timeline), compared with the owner's truth:
 * its state word, committed date, revisions, the cut planned and made, delivery and service, the
 * last sequences applied, and its events on both feeds (none lost, none twice, none foreign). The
 * service gap and breach follow from the compared dates by rules tested on their own. Run it with
 * the owner's publication held and the feeds read to their end.
 */
public final class TruthCheck {

    /** The figures of one check, and the first differences found (at most 20) to read. */
    public record Result(int lines, int linesDiffering, int eventsLost, int eventsTwice, int eventsForeign, List<String> examples) {

        public boolean clean() {
            return linesDiffering == 0 && eventsLost == 0 && eventsTwice == 0 && eventsForeign == 0;
        }

        @Override
        public String toString() {
            return lines + " lines: " + linesDiffering + " differ, events lost " + eventsLost + ", twice " + eventsTwice
                    + ", foreign " + eventsForeign + (examples.isEmpty() ? "" : "; " + examples);
        }
    }

    private TruthCheck() {
    }

    /**
     * Checks every line, {@code threads} at a time: its answer through {@code get} (a path under
     * the server root), its timeline from {@code timelines} (by order reference).
     */
    public static Result check(List<OwnerTruth.Line> owner, Function<String, HttpResponse<String>> get,
                               Function<String, JsonObject> timelines, int threads) {
        AtomicInteger differing = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        AtomicInteger twice = new AtomicInteger();
        AtomicInteger foreign = new AtomicInteger();
        ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<OwnerTruth.Line> work = new ConcurrentLinkedQueue<>(owner);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                for (OwnerTruth.Line line = work.poll(); line != null; line = work.poll()) {
                    HttpResponse<String> answer = get.apply("api/v1/lines/" + line.orderReference());
                    JsonObject timeline = timelines.apply(line.orderReference());
                    Comparison c = answer.statusCode() == 200 && timeline != null
                            ? compare(line, json(answer.body()), timeline)
                            : new Comparison(List.of("served " + answer.statusCode() + (timeline == null ? ", no timeline" : "")),
                                    line.orderSequences().size() + line.cutoverSequences().size(), 0, 0);
                    if (!c.differences().isEmpty()) {
                        differing.incrementAndGet();
                        if (examples.size() < 20) {
                            examples.add(line.orderReference() + " " + c.differences());
                        }
                    }
                    lost.addAndGet(c.lost());
                    twice.addAndGet(c.twice());
                    foreign.addAndGet(c.foreign());
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return new Result(owner.size(), differing.get(), lost.get(), twice.get(), foreign.get(), List.copyOf(examples));
    }

    /** One line's differences (field: served vs owner) and its timeline's events lost, twice and foreign. */
    record Comparison(List<String> differences, int lost, int twice, int foreign) {
    }

    static Comparison compare(OwnerTruth.Line owner, JsonObject served, JsonObject timeline) {
        List<String> differences = new ArrayList<>();
        JsonObject previous = object(served, "previousProvider");
        JsonObject freshness = object(served, "freshness");
        same(differences, "ownerState", served.getString("ownerState", null), owner.ownerState());
        same(differences, "committedDeliveryDate", date(served, "committedDeliveryDate"), owner.committedDeliveryDate());
        same(differences, "deliveryDateRevisions", object(served, "deliveryDateRevisions").getInt("count", 0), owner.deliveryDateRevisions());
        same(differences, "plannedCutAt", instant(previous, "plannedCutAt"), owner.plannedCutAt());
        same(differences, "cutAt", instant(previous, "cutAt"), owner.cutAt());
        same(differences, "deliveredAt", instant(served, "deliveredAt"), owner.deliveredAt());
        same(differences, "inServiceAt", instant(served, "inServiceAt"), owner.inServiceAt());
        same(differences, "orderSequence", sequence(freshness, "orderSequence"), last(owner.orderSequences()));
        same(differences, "cutoverSequence", sequence(freshness, "cutoverSequence"), last(owner.cutoverSequences()));

        Map<String, List<Long>> applied = new HashMap<>();
        timeline.getJsonArray("items").getValuesAs(JsonObject.class).forEach(item ->
                applied.computeIfAbsent(item.getString("feed"), f -> new ArrayList<>()).add(item.getJsonNumber("sequence").longValue()));
        int[] counts = new int[3];
        events(owner.orderSequences(), applied.getOrDefault("ORDER", List.of()), counts);
        events(owner.cutoverSequences(), applied.getOrDefault("CUTOVER", List.of()), counts);
        if (counts[0] + counts[1] + counts[2] > 0) {
            differences.add("timeline: lost " + counts[0] + ", twice " + counts[1] + ", foreign " + counts[2]);
        }
        return new Comparison(differences, counts[0], counts[1], counts[2]);
    }

    /** Adds to counts: [0] owner events missing from the timeline, [1] applied more than once, [2] not the owner's for this line. */
    private static void events(List<Long> owner, List<Long> applied, int[] counts) {
        Set<Long> published = new HashSet<>(owner);
        Set<Long> seen = new HashSet<>();
        for (Long sequence : applied) {
            if (!seen.add(sequence)) {
                counts[1]++;
            } else if (!published.contains(sequence)) {
                counts[2]++;
            }
        }
        counts[0] += (int) owner.stream().filter(s -> !seen.contains(s)).count();
    }

    private static void same(List<String> differences, String field, Object served, Object owner) {
        if (!Objects.equals(served, owner)) {
            differences.add(field + ": served " + served + ", owner " + owner);
        }
    }

    /** The last sequence applied, 0 for none (the API says -1 for none). */
    private static long sequence(JsonObject freshness, String name) {
        return freshness.getJsonNumber(name) == null ? 0L : Math.max(0L, freshness.getJsonNumber(name).longValue());
    }

    private static long last(List<Long> sequences) {
        return sequences.isEmpty() ? 0L : Collections.max(sequences);
    }

    private static JsonObject object(JsonObject parent, String name) {
        JsonValue value = parent.get(name);
        return value instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static LocalDate date(JsonObject parent, String name) {
        return parent.containsKey(name) ? LocalDate.parse(parent.getString(name)) : null;
    }

    private static Instant instant(JsonObject parent, String name) {
        return parent.containsKey(name) ? OffsetDateTime.parse(parent.getString(name)).toInstant() : null;
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
