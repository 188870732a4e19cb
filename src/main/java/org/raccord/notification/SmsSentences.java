package org.raccord.notification;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Which sentences an SMS is made of: its own change's (the headline, worded by what the customer
 * was already told), then, when it stands for several changes or is urgent, the line's facts the
 * headline does not state, most important first; and which facts a composed text states.
 */
final class SmsSentences {

    /** Changes that move the gap: while a breach stands, their SMS says how long it now is. */
    private static final Set<String> RESTATES_BREACH = Set.of("delivery-date.revised", "cutover.scheduled");
    /** Changes whose news is not in the line's status: when absorbed, their own sentence goes along. */
    private static final List<String> NEWS = List.of("line.in-service", "line.delivered", "order.cancelled", "order.rejected",
            "breach.cleared", "cutover.cancelled", "cutover.postponed", "cutover.postponement-refused");
    /** The owner's refusal to move the cut: its text states the breach (days and remedy) itself. */
    private static final String REFUSED = "cutover.postponement-refused";
    /** States in which the new line is still to come. */
    private static final Set<String> AWAITED = Set.of("acknowledged", "pending", "held", "inProgress");

    /** A sentence of a composed SMS; the higher its rank, the later it is dropped for length (never if 0). */
    record Sentence(String key, Map<String, String> facts, int dropRank) {
    }

    private static String headlineKey(SmsBrief brief) {
        return switch (brief.eventType()) {
            case "cutover.imminent" -> brief.cutTold(plannedAt(brief)) ? "cutover.imminent.reminder" : "cutover.imminent";
            case "delivery-date.revised" -> brief.dateTold(brief.facts().get("previousDeliveryDate"))
                    ? "delivery-date.revised" : "delivery-date.revised.untold";
            case "breach.detected" -> brief.line().cutoverDoneAt() != null ? "breach.detected.cut" : "breach.detected";
            // Moved to the evening before the delivery (the owner's plan was full that day): the old line goes first.
            case "cutover.postponed" -> eveOfDelivery(brief) ? "cutover.postponed.eve" : "cutover.postponed";
            default -> brief.eventType();
        };
    }

    private static boolean eveOfDelivery(SmsBrief brief) {
        String delivery = brief.facts().get("deliveryDate");
        OffsetDateTime cut = plannedAt(brief);
        return delivery != null && cut != null
                && cut.atZoneSameInstant(org.raccord.tracking.SpokenDates.PARIS).toLocalDate().isBefore(LocalDate.parse(delivery));
    }

    private static OffsetDateTime plannedAt(SmsBrief brief) {
        String planned = brief.facts().get("plannedAt");
        return planned != null ? OffsetDateTime.parse(planned) : brief.line().cutoverPlannedAt();
    }

    /** The line's facts the headline does not state, most important first. */
    private static void supplements(SmsBrief brief, String headline, List<Sentence> sentences) {
        LineFacts line = brief.line();
        boolean awaited = AWAITED.contains(line.state());
        if (!headline.contains("{cut}") && line.cut() != null && awaited) {
            sentences.add(new Sentence(line.cutoverDoneAt() != null ? "also.cut.done" : "also.cut", Map.of(), 0));
        }
        if (!headline.contains("{date}") && line.committedDeliveryDate() != null && awaited) {
            var revised = brief.latest("delivery-date.revised").filter(c -> !brief.eventType().equals("delivery-date.revised"));
            sentences.add(revised.map(c -> new Sentence(brief.dateTold(c.facts().get("previousDeliveryDate"))
                            ? "also.delivery.revised" : "also.delivery.revised.untold", without(c.facts(), "deliveryDate"), 3))
                    .orElse(new Sentence("also.delivery", Map.of(), 3)));
        }
        if (awaited && !Set.of("delivery-date.revised", "order.jeopardy").contains(brief.eventType())) {
            // The delay's reason, unless the headline already gives that very reason.
            brief.latest("delivery-date.revised", "order.jeopardy").filter(c -> c.facts().containsKey("reasonCode"))
                    .filter(c -> !headline.contains("{reason}") || !c.facts().get("reasonCode").equals(brief.facts().get("reasonCode")))
                    .ifPresent(c -> sentences.add(new Sentence("also.reason", c.facts(), 1)));
        }
        if (!headline.contains("{window}") && awaited) {
            brief.latest("appointment.booked", "appointment.moved")
                    .ifPresent(c -> sentences.add(new Sentence("also.appointment", c.facts(), 2)));
        }
        if (line.breach() && !brief.eventType().startsWith("breach.") && !brief.eventType().equals(REFUSED) && awaited) {
            sentences.add(breach(line));
        }
        // News the line's status does not carry: an absorbed change says it in its own words.
        for (String news : NEWS) {
            // A moved cut already says the gap is lawful again: its cleared breach would say it twice.
            boolean implied = "breach.cleared".equals(news) && brief.eventType().equals("cutover.postponed");
            if (!brief.eventType().equals(news) && !implied) {
                brief.latest(news).ifPresent(c -> sentences.add(1, new Sentence(news, c.facts(), 0)));
            }
        }
    }

    private static Sentence breach(LineFacts line) {
        return new Sentence(line.cutoverDoneAt() != null ? "also.breach.cut" : "also.breach", Map.of(), 0);
    }

    private static Map<String, String> without(Map<String, String> facts, String key) {
        var copy = new java.util.LinkedHashMap<>(facts);
        copy.remove(key);
        return copy;
    }

    static OffsetDateTime cutStated(List<Sentence> kept, SmsBrief brief, Properties t) {
        for (Sentence s : kept) {
            // A cancelled cut is named, but as called off: it is no notice of a cut to come.
            if (t.getProperty(s.key()).contains("{cut}") && !s.key().startsWith("cutover.cancelled")) {
                return s.facts().containsKey("plannedAt") ? OffsetDateTime.parse(s.facts().get("plannedAt")) : brief.line().cut();
            }
        }
        return null;
    }

    /** The date a placeholder of the text stands for: its sentence's fact, else (for {date}) the line's. */
    static LocalDate dateStated(List<Sentence> kept, SmsBrief brief, Properties t, String placeholder, String fact) {
        for (Sentence s : kept) {
            if (t.getProperty(s.key()).contains(placeholder)) {
                String value = s.facts().get(fact);
                return value != null ? LocalDate.parse(value) : "{date}".equals(placeholder) ? brief.line().committedDeliveryDate() : null;
            }
        }
        return null;
    }

    static Integer breachStated(List<Sentence> kept, SmsBrief brief) {
        boolean stated = kept.stream().anyMatch(s -> s.key().startsWith("breach.detected") || s.key().startsWith("also.breach")
                || s.key().startsWith(REFUSED));
        if (!stated) {
            return null;
        }
        String days = brief.facts().get("workingDays");
        return days != null && brief.eventType().equals("breach.detected") ? Integer.valueOf(days) : brief.line().gapWorkingDays();
    }

    private SmsSentences() {
    }

    /** The sentences of this brief's SMS, headline first; empty when its event has no template. */
    static List<Sentence> of(SmsBrief brief, Properties t) {
        String headline = headlineKey(brief);
        if (t.getProperty(headline) == null) {
            return List.of();
        }
        List<Sentence> sentences = new ArrayList<>();
        sentences.add(new Sentence(headline, brief.facts(), 0));
        if (brief.whole()) {
            supplements(brief, t.getProperty(headline), sentences);
        } else if (RESTATES_BREACH.contains(brief.eventType()) && brief.line().breach()
                && AWAITED.contains(brief.line().state())) {
            sentences.add(breach(brief.line()));
        }
        return sentences;
    }
}
