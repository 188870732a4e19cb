package org.raccord.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.raccord.tracking.Reason;
import org.raccord.tracking.ReasonCatalogue;
import org.raccord.tracking.SpokenDates;

/**
 * SMS texts from the French and English templates (sms_fr/sms_en.properties), with the real dates
 * ("mardi 9 décembre"), kept within two SMS parts (of the GSM-7 alphabet, to which texts are
 * transliterated unless told otherwise).
 * An SMS that stands for several changes, or that is urgent, is its own change's sentence followed
 * by the facts of the line that sentence does not state: the cut, the delivery date (with the
 * reason of a delay and an appointment it absorbed) and a breach. When they do not fit in two
 * parts, the reason is shortened, then dropped (the headline then reads its ".short" template), then
 * the appointment, then every sentence reads its ".short" template, then the delivery date goes;
 * the cut and the breach are never dropped. While a breach stands, a delay or a planned cut also
 * says how long the customer will be without service.
 */
final class SmsTemplates {

    static final int MAX_PARTS = 2;
    private static final int REASON_MAX = 70;
    /** Shortening levels: 1 drops the reason (the headline reads its ".short"), 2 the appointment, 3 every ".short", 4 the delivery date. */
    private static final int SHORT_ALL = 3;
    private static final int LAST_LEVEL = 4;
    /** One SMS: its text, and the facts it states (the cut it names, the working days of a breach). */
    record Text(String text, OffsetDateTime cutStated, Integer breachDaysStated, LocalDate deliveryStated,
                LocalDate previousStated) {
    }

    private final Map<String, Properties> texts = Map.of("fr", load("sms_fr.properties"), "en", load("sms_en.properties"));
    private final boolean transliterate;
    private final Map<String, String> remedies;

    SmsTemplates(boolean transliterate) {
        this(transliterate, Map.of("fr", "Votre fournisseur vous appellera.", "en", "Your provider will call you."));
    }

    /** {@code remedies}: per language, what the provider does about a breach (said after it). */
    SmsTemplates(boolean transliterate, Map<String, String> remedies) {
        this.transliterate = transliterate;
        this.remedies = Map.copyOf(remedies);
    }

    /** The text for this event alone, or null when no template exists for it. */
    String render(String eventType, Map<String, String> facts, LineFacts line, String language) {
        Text text = compose(SmsBrief.alone(eventType, facts, line, false), language);
        return text == null ? null : text.text();
    }

    /** The SMS for a brief, or null when its event has no template. */
    Text compose(SmsBrief brief, String language) {
        boolean english = "en".equals(language);
        Properties t = texts.get(english ? "en" : "fr");
        List<SmsSentences.Sentence> sentences = SmsSentences.of(brief, t);
        if (sentences.isEmpty()) {
            return null;
        }
        String headlineKey = sentences.get(0).key();
        for (int level = 0; level <= LAST_LEVEL; level++) {
            int at = level;
            List<SmsSentences.Sentence> kept = sentences.stream().filter(s -> s.dropRank() == 0 || s.dropRank() > dropped(at))
                    .map(s -> shorter(s, at >= SHORT_ALL || at >= 1 && s.key().equals(headlineKey), t)).toList();
            for (boolean shortReason : new boolean[] {false, true}) {
                String text = finish(join(kept, brief.line(), english, shortReason, t));
                if (Gsm7.measure(text).parts() <= MAX_PARTS || (at == LAST_LEVEL && shortReason)) {
                    return new Text(text, SmsSentences.cutStated(kept, brief, t), SmsSentences.breachStated(kept, brief),
                            SmsSentences.dateStated(kept, brief, t, "{date}", "deliveryDate"),
                            SmsSentences.dateStated(kept, brief, t, "{previous}", "previousDeliveryDate"));
                }
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** The drop rank a shortening level reaches: 1 the reason, 2 the appointment, then (level 4) the delivery date. */
    private static int dropped(int level) {
        return level <= 2 ? level : level - 1;
    }

    /** A sentence's ".short" template, if it has one and shortening has come to it. */
    private static SmsSentences.Sentence shorter(SmsSentences.Sentence s, boolean shorten, Properties t) {
        return shorten && t.getProperty(s.key() + ".short") != null ? new SmsSentences.Sentence(s.key() + ".short", s.facts(), s.dropRank()) : s;
    }

    private String join(List<SmsSentences.Sentence> sentences, LineFacts line, boolean english, boolean shortReason, Properties t) {
        StringBuilder text = new StringBuilder();
        for (SmsSentences.Sentence s : sentences) {
            String reason = reason(s.facts(), english);
            if (shortReason && reason.length() > REASON_MAX) {
                // Three dots, not "…": the ellipsis is outside GSM-7 and would cost the cheaper alphabet.
                reason = reason.substring(0, REASON_MAX).strip() + "...";
            }
            String filled = fill(t.getProperty(s.key()), s.facts(), line, english, reason);
            if (!filled.isEmpty()) {
                text.append(text.length() == 0 ? "" : " ").append(filled);
            }
        }
        return text.toString();
    }

    private String finish(String text) {
        return transliterate ? Gsm7.transliterate(text) : text;
    }

    private String fill(String template, Map<String, String> facts, LineFacts line, boolean english, String reason) {
        LocalDate due = date(facts.get("deliveryDate"), line.committedDeliveryDate());
        OffsetDateTime cut = facts.containsKey("plannedAt") ? OffsetDateTime.parse(facts.get("plannedAt")) : line.cut();
        String text = reason.isEmpty() ? template.replace(" ({reason})", "") : template;
        return text.replace("{order}", line.orderReference())
                .replace("{date}", due == null ? (english ? "a date to be confirmed" : "une date à confirmer") : day(due, english))
                .replace("{previous}", facts.containsKey("previousDeliveryDate") ? day(LocalDate.parse(facts.get("previousDeliveryDate")), english) : "")
                .replace("{cut}", cut == null ? "" : moment(cut, english))
                .replace("{days}", facts.getOrDefault("workingDays", String.valueOf(line.gapWorkingDays())))
                .replace("{window}", window(facts, english))
                .replace("{reason}", reason)
                .replace("{remedy}", remedies.getOrDefault(english ? "en" : "fr", ""))
                .strip();
    }

    private static String reason(Map<String, String> facts, boolean english) {
        if (!facts.containsKey("reasonCode")) {
            return "";
        }
        Reason reason = ReasonCatalogue.reason(facts.get("reasonCode"), facts.get("reasonLabel"));
        String plain = english ? reason.plainEn() : reason.plainFr();
        return plain == null ? "" : plain;
    }

    private static LocalDate date(String fact, LocalDate fallback) {
        return fact == null ? fallback : LocalDate.parse(fact);
    }

    private static String day(LocalDate date, boolean english) {
        return SpokenDates.day(date, english);
    }

    /** "jeudi 19 novembre à 8 h 00" or "Thursday 19 November at 08:00", Paris time. */
    static String moment(OffsetDateTime at, boolean english) {
        var local = at.atZoneSameInstant(SpokenDates.PARIS);
        return day(local.toLocalDate(), english) + (english ? " at " + local.format(DateTimeFormatter.ofPattern("HH:mm"))
                : " à " + local.format(DateTimeFormatter.ofPattern("H 'h' mm")));
    }

    private static String window(Map<String, String> facts, boolean english) {
        if (!facts.containsKey("appointmentStart") || !facts.containsKey("appointmentEnd")) {
            return "";
        }
        var start = OffsetDateTime.parse(facts.get("appointmentStart")).atZoneSameInstant(SpokenDates.PARIS);
        var end = OffsetDateTime.parse(facts.get("appointmentEnd")).atZoneSameInstant(SpokenDates.PARIS);
        DateTimeFormatter hour = DateTimeFormatter.ofPattern(english ? "HH:mm" : "H 'h'");
        return day(start.toLocalDate(), english) + (english ? " between " : " entre ") + start.format(hour)
                + (english ? " and " : " et ") + end.format(hour);
    }

    private static Properties load(String name) {
        Properties texts = new Properties();
        try (InputStream in = SmsTemplates.class.getResourceAsStream(name)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
