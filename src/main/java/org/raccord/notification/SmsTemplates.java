package org.raccord.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Properties;

import org.raccord.tracking.Reason;
import org.raccord.tracking.SpokenDates;
import org.raccord.tracking.ReasonCatalogue;

/**
 * SMS texts from the French and English templates (sms_fr/sms_en.properties), with the real dates
 * ("mardi 9 décembre"), kept within two SMS parts and, when asked, within the GSM-7 alphabet.
 */
final class SmsTemplates {

    static final int MAX_PARTS = 2;
    private static final int REASON_MAX = 70;

    private final Map<String, Properties> texts = Map.of("fr", load("sms_fr.properties"), "en", load("sms_en.properties"));
    private final boolean transliterate;

    SmsTemplates(boolean transliterate) {
        this.transliterate = transliterate;
    }

    /** The text for this event, or null when no template exists for it. */
    String render(String eventType, Map<String, String> facts, LineFacts line, String language) {
        boolean english = "en".equals(language);
        String template = texts.get(english ? "en" : "fr").getProperty(eventType);
        if (template == null) {
            return null;
        }
        String reason = reason(facts, english);
        String text = fill(template, facts, line, english, reason);
        if (Gsm7.measure(finish(text)).parts() > MAX_PARTS && reason.length() > 0) {
            text = fill(template, facts, line, english, reason.substring(0, Math.min(reason.length(), REASON_MAX)) + "…");
        }
        return finish(text);
    }

    /** The line's whole status, for the SMS that stands for a burst of changes. */
    String status(LineFacts line, String language) {
        boolean english = "en".equals(language);
        String template = texts.get(english ? "en" : "fr").getProperty(line.cut() == null ? "status" : "status.cut");
        return finish(fill(template, Map.of(), line, english, ""));
    }

    private String finish(String text) {
        return transliterate ? Gsm7.transliterate(text) : text;
    }

    private static String fill(String template, Map<String, String> facts, LineFacts line, boolean english, String reason) {
        LocalDate due = date(facts.get("deliveryDate"), line.committedDeliveryDate());
        OffsetDateTime cut = facts.containsKey("plannedAt") ? OffsetDateTime.parse(facts.get("plannedAt")) : line.cut();
        return template.replace("{order}", line.orderReference())
                .replace("{date}", due == null ? (english ? "a date to be confirmed" : "une date à confirmer") : day(due, english))
                .replace("{previous}", facts.containsKey("previousDeliveryDate") ? day(LocalDate.parse(facts.get("previousDeliveryDate")), english) : "")
                .replace("{cut}", cut == null ? "" : moment(cut, english))
                .replace("{days}", facts.getOrDefault("workingDays", String.valueOf(line.gapWorkingDays())))
                .replace("{window}", window(facts, english))
                .replace("{reason}", reason)
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
