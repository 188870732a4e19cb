package org.raccord.notification;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.raccord.tracking.DomainEventType;

import static org.assertj.core.api.Assertions.assertThat;

/** SMS texts: the real dates, GSM-7 when possible, two parts at most, every event in both languages. */
class SmsTemplatesTest {

    private static final LineFacts LINE = new LineFacts("CMD-00000001", "0139421662", "held", LocalDate.of(2026, 12, 9),
            OffsetDateTime.parse("2026-11-19T07:00:00Z"), null, 7, true, "+33612345678", "fr");

    private static final Map<String, String> FACTS = Map.of("deliveryDate", "2026-12-09", "previousDeliveryDate", "2026-12-01",
            "plannedAt", "2026-11-19T07:00:00Z", "reasonCode", "FINT01", "reasonLabel", "Point de mutualisation saturé",
            "workingDays", "7", "appointmentStart", "2026-12-09T07:00:00Z", "appointmentEnd", "2026-12-09T11:00:00Z");

    @Test
    void gsm7AndUcs2AreToldApartAndPartsCounted() {
        assertThat(Gsm7.measure("a".repeat(160))).isEqualTo(new Gsm7.Measure(Gsm7.Encoding.GSM_7, 160, 1));
        assertThat(Gsm7.measure("a".repeat(161)).parts()).isEqualTo(2);
        assertThat(Gsm7.measure("a".repeat(306)).parts()).isEqualTo(2);
        assertThat(Gsm7.measure("a".repeat(307)).parts()).isEqualTo(3);
        assertThat(Gsm7.measure("é è à ù Ç").encoding()).as("French accents inside GSM-7").isEqualTo(Gsm7.Encoding.GSM_7);
        assertThat(Gsm7.measure("€").units()).as("the euro sign takes an escape septet").isEqualTo(2);
        assertThat(Gsm7.measure("fenêtre").encoding()).as("ê is outside GSM-7").isEqualTo(Gsm7.Encoding.UCS_2);
        assertThat(Gsm7.measure("ê".repeat(70)).parts()).isEqualTo(1);
        assertThat(Gsm7.measure("ê".repeat(71)).parts()).isEqualTo(2);
        assertThat(Gsm7.measure("ê".repeat(135)).parts()).isEqualTo(3);
    }

    @Test
    void transliterationKeepsGsm7AccentsAndReplacesTheRest() {
        assertThat(Gsm7.transliterate("l’être « prêt » à côté, reçu… été"))
                .isEqualTo("l'etre \" pret \" à coté, recu... été");
        assertThat(Gsm7.measure(Gsm7.transliterate("Noël, œuvre, naïve")).encoding()).isEqualTo(Gsm7.Encoding.GSM_7);
    }

    @Test
    void aRevisedDateReadsTheRealDatesAndTheReason() {
        String fr = new SmsTemplates(true).render("delivery-date.revised", FACTS, LINE, "fr");
        String en = new SmsTemplates(true).render("delivery-date.revised", FACTS, LINE, "en");

        assertThat(fr).contains("mercredi 9 décembre", "mardi 1er décembre", "CMD-00000001", "point de mutualisation");
        assertThat(en).contains("Wednesday 9 December", "Tuesday 1 December", "street cabinet");
        assertThat(new SmsTemplates(true).render("previous-service.cut", FACTS, LINE, "fr")).contains("jeudi 19 novembre à 8 h 00");
    }

    @Test
    void aMovedCutSaysTheOldLineStaysOnAndARefusalGivesTheReasonAndTheRemedy() {
        SmsTemplates templates = new SmsTemplates(true, Map.of("fr", "Une box 4G vous attend en boutique.", "en",
                "A 4G box awaits you in store."));
        Map<String, String> postponed = Map.of("plannedAt", "2026-12-09T17:00:00Z", "deliveryDate", "2026-12-09");
        assertThat(templates.render("cutover.postponed", postponed, LINE, "fr"))
                .contains("restera active jusqu'à l'arrivée de la nouvelle", "mercredi 9 décembre", "18 h 00");
        assertThat(templates.render("cutover.postponed", postponed, LINE, "en")).contains("stay on until the new one arrives");
        assertThat(templates.render("cutover.postponed.eve", Map.of("plannedAt", "2026-12-08T17:00:00Z", "deliveryDate", "2026-12-09"),
                LINE, "fr")).contains("mardi 8 décembre à 18 h 00", "la veille", "mercredi 9 décembre", "au plus un jour ouvré");

        Map<String, String> refused = Map.of("deliveryDate", "2026-12-09", "reasonCode", "REPORT_MAXIMAL_DEPASSE",
                "reasonLabel", "Report au-delà de 15 jours");
        assertThat(templates.render("cutover.postponement-refused", refused, LINE, "fr"))
                .contains("jeudi 19 novembre à 8 h 00", "mercredi 9 décembre", "ne reporte pas une coupure aussi loin",
                        "7 jours ouvrés sans internet", "Une box 4G vous attend en boutique.");
        assertThat(templates.render("cutover.postponement-refused", refused, LINE, "en"))
                .contains("does not postpone a cut that far", "A 4G box awaits you in store.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void everyEventHasATextWithinTwoPartsInGsm7(String language) {
        SmsTemplates templates = new SmsTemplates(true);
        for (DomainEventType type : DomainEventType.values()) {
            String text = templates.render(type.wireName(), FACTS, LINE, language);
            assertThat(text).as(type + " " + language).isNotBlank().doesNotContain("{");
            Gsm7.Measure measure = Gsm7.measure(text);
            assertThat(measure.encoding()).as(type + ": " + text).isEqualTo(Gsm7.Encoding.GSM_7);
            assertThat(measure.parts()).as(type + ": " + text).isLessThanOrEqualTo(SmsTemplates.MAX_PARTS);
        }
    }

    @Test
    void withoutTransliterationAFrenchTextMayNeedUcs2AndStillFitsTwoParts() {
        Map<String, String> longReason = Map.of("reasonCode", "FAUT01", "reasonLabel", "Câble endommagé ".repeat(20));
        String text = new SmsTemplates(false).render("order.jeopardy", longReason, LINE, "fr");

        assertThat(Gsm7.measure(text).encoding()).isEqualTo(Gsm7.Encoding.UCS_2);
        assertThat(Gsm7.measure(text).parts()).isLessThanOrEqualTo(SmsTemplates.MAX_PARTS);
        assertThat(text).as("the owner's free text, cut short").contains("Câble endommagé").endsWith("....");
    }

    @Test
    void theBreachSaysTheConfiguredRemedyAndARemedyTooLongForTwoPartsGivesWayToTheDefault() {
        SmsTemplates templates = new SmsTemplates(true, Map.of("fr", "Un conseiller vous appelle sous 24 h.", "en", "An adviser calls you within 24 h."));
        assertThat(templates.render("breach.detected", Map.of("workingDays", "4"), LINE, "fr")).endsWith("Un conseiller vous appelle sous 24 h.");
        assertThat(templates.render("breach.detected", Map.of("workingDays", "4"), LINE, "en")).endsWith("An adviser calls you within 24 h.");

        assertThat(NotificationSettings.remedy(" Un conseiller vous appelle. ", "défaut")).isEqualTo("Un conseiller vous appelle.");
        assertThat(NotificationSettings.remedy("x".repeat(NotificationSettings.REMEDY_MAX + 1), "défaut")).isEqualTo("défaut");
    }
}
