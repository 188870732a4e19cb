package org.raccord.notification;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A burst of changes to one line: every event still goes out, one SMS carries every change's facts. */
class CoalescingTest {

    private static final LineFacts LINE = new LineFacts("CMD-00000008", "0386324581", "inProgress", LocalDate.of(2026, 12, 4),
            OffsetDateTime.parse("2026-11-30T07:00:00Z"), null, 4, true, "+33612345678", "fr");
    /** A line with no cut and no breach: room in two parts for every absorbed detail. */
    private static final LineFacts ROOMY = new LineFacts("CMD-00000008", null, "inProgress", LocalDate.of(2026, 12, 4), null, null,
            null, false, "+33612345678", "fr");
    private static final Instant DAYTIME = Instant.parse("2026-11-26T10:00:00Z");
    private static final String BREACH = "Vous serez sans internet 4 jours ouvrés, au-delà du délai légal d'un jour ouvré."
            + " Votre fournisseur vous appellera.";

    private static final String REVISED = "{\"deliveryDate\":\"2026-12-04\",\"previousDeliveryDate\":\"2026-12-01\","
            + "\"reasonCode\":\"FINT01\"}";
    private static final String MOVED = "{\"appointmentStart\":\"2026-12-04T07:00:00Z\",\"appointmentEnd\":\"2026-12-04T11:00:00Z\"}";

    private final CloudEvents events = new CloudEvents(new SmsTemplates(true), QuietHours.parse("21:00-08:00", ZoneId.of("Europe/Paris")));
    private final Coalescing coalescing = new Coalescing(new SmsTemplates(true), QuietHours.parse("21:00-08:00", ZoneId.of("Europe/Paris")));

    @Test
    void theOlderEventKeepsItsDataAndGivesItsSmsToTheNewest() {
        String scheduled = body("e-1", "cutover.scheduled", "{\"plannedAt\":\"2026-11-30T07:00:00Z\"}");
        String breach = body("e-2", "breach.detected", "{\"workingDays\":\"4\"}");
        assertThat(Coalescing.yields(scheduled)).isTrue();

        Coalescing.Prepared older = coalescing.prepare(scheduled, "cutover.scheduled",
                () -> Optional.of(new Coalescing.Waiting("e-2", breach)), Stream::empty, DAYTIME);
        JsonObject olderData = read(older.body()).getJsonObject("data");
        JsonObject newest = read(coalescing.prepare(older.newerBody(), "breach.detected", Optional::empty, Stream::empty, DAYTIME).body());

        assertThat(olderData.containsKey("sms")).isFalse();
        assertThat(olderData.getString("smsCoalescedInto")).isEqualTo("e-2");
        assertThat(olderData.getJsonObject("event").getString("plannedAt")).isEqualTo("2026-11-30T07:00:00Z");
        JsonObject sms = newest.getJsonObject("data").getJsonObject("sms");
        assertThat(sms.getString("text")).isEqualTo("Entre la coupure de votre ligne actuelle le lundi 30 novembre à 8 h 00 et la"
                + " nouvelle ligne le vendredi 4 décembre, vous serez sans internet 4 jours ouvrés, au-delà du délai légal d'un"
                + " jour ouvré. Votre fournisseur vous appellera.");
        assertThat(sms.getString("to")).isEqualTo("+33612345678");
        assertThat(sms.getInt("parts")).isEqualTo(2);
        assertThat(sms.getJsonObject("states").getInt("breachWorkingDays")).isEqualTo(4);
        assertThat(newest.getJsonObject("data").getBoolean("smsCoalesced")).isTrue();
        assertThat(newest.getJsonObject("data").getJsonArray("smsAbsorbs").getJsonObject(0).getString("type"))
                .isEqualTo("cutover.scheduled");
        assertThat(newest.getString("id")).isEqualTo("e-2");
    }

    @Test
    void theUrgentCutNoticeAbsorbsTheBreachAndSaysRappelOnlyAfterANoticeThatReachedTheCustomer() {
        String breach = body("e-2", "breach.detected", "{\"workingDays\":\"4\"}");
        String imminent = body("e-3", "cutover.imminent", "{\"plannedAt\":\"2026-11-30T07:00:00Z\"}");
        assertThat(Coalescing.yields(imminent)).as("urgent: never held back").isFalse();

        String absorbing = coalescing.prepare(breach, "breach.detected", () -> Optional.of(new Coalescing.Waiting("e-3", imminent)),
                Stream::empty, DAYTIME).newerBody();
        String firstNotice = text(coalescing.prepare(absorbing, "cutover.imminent", Optional::empty, Stream::empty, DAYTIME).body());
        assertThat(firstNotice).isEqualTo("Votre ligne actuelle sera coupée le lundi 30 novembre à 8 h 00. La nouvelle ligne est"
                + " prévue le vendredi 4 décembre. " + BREACH);

        String told = coalescing.prepare(body("e-1", "cutover.scheduled", "{\"plannedAt\":\"2026-11-30T07:00:00Z\"}"),
                "cutover.scheduled", Optional::empty, Stream::empty, DAYTIME).body();
        String reminder = text(coalescing.prepare(imminent, "cutover.imminent", Optional::empty, () -> Stream.of(told), DAYTIME).body());
        assertThat(reminder).startsWith("Rappel : votre ligne actuelle sera coupée le lundi 30 novembre à 8 h 00.").endsWith(BREACH);
        String movedCut = coalescing.prepare(body("e-0", "cutover.scheduled", "{\"plannedAt\":\"2026-11-27T07:00:00Z\"}"),
                "cutover.scheduled", Optional::empty, Stream::empty, DAYTIME).body();
        assertThat(text(coalescing.prepare(imminent, "cutover.imminent", Optional::empty, () -> Stream.of(movedCut), DAYTIME).body()))
                .as("an SMS that named another cut is no first notice of this one").doesNotStartWith("Rappel");
    }

    @Test
    void aDelayAbsorbedByANewerChangeKeepsItsDateAndItsReason() {
        String revised = body("e-4", "delivery-date.revised", REVISED);
        String moved = body("e-5", "appointment.moved", MOVED);

        String newer = coalescing.prepare(revised, "delivery-date.revised", () -> Optional.of(new Coalescing.Waiting("e-5", moved)),
                Stream::empty, DAYTIME).newerBody();
        String text = text(coalescing.prepare(newer, "appointment.moved", Optional::empty, Stream::empty, DAYTIME).body());

        assertThat(text).as("too long for two parts with every detail: the reason and the previous date give way, never the facts")
                .isEqualTo("Votre rendez-vous technicien est déplacé au vendredi 4 décembre entre 8 h et 12 h. Votre ligne"
                        + " actuelle sera coupée le lundi 30 novembre à 8 h 00. La nouvelle ligne est reportée au vendredi"
                        + " 4 décembre. Soit 4 jours ouvrés sans internet, au-delà du délai légal d'un jour. Votre fournisseur"
                        + " vous appellera.");
        assertThat(Gsm7.measure(text).parts()).isEqualTo(2);

        LineFacts noCut = new LineFacts("CMD-00000008", null, "inProgress", LocalDate.of(2026, 12, 4), null, null, null, false,
                "+33612345678", "fr");
        String roomy = text(coalescing.prepare(coalescing.prepare(events.body("e-4", "delivery-date.revised", payload(
                "delivery-date.revised", REVISED), noCut, DAYTIME, DAYTIME), "delivery-date.revised", () -> Optional.of(
                new Coalescing.Waiting("e-5", events.body("e-5", "appointment.moved", payload("appointment.moved", MOVED), noCut,
                        DAYTIME, DAYTIME))), Stream::empty, DAYTIME).newerBody(), "appointment.moved", Optional::empty, Stream::empty, DAYTIME).body());
        assertThat(roomy).as("with room, every fact of the delay").isEqualTo("Votre rendez-vous technicien est déplacé au vendredi"
                + " 4 décembre entre 8 h et 12 h. La nouvelle ligne est reportée au vendredi 4 décembre. Motif : point de"
                + " mutualisation saturé, plus de place pour raccorder la ligne.");
    }

    @Test
    void aDelayNamesThePreviousDateOnlyWhenThatDateReachedTheCustomer() {
        String set = body("e-6", "delivery-date.set", "{\"deliveryDate\":\"2026-12-01\"}");
        String revised = body("e-7", "delivery-date.revised", "{\"deliveryDate\":\"2026-12-04\",\"previousDeliveryDate\":\"2026-12-01\","
                + "\"reasonCode\":\"FINT01\"}");

        String absorbing = coalescing.prepare(set, "delivery-date.set", () -> Optional.of(new Coalescing.Waiting("e-7", revised)),
                Stream::empty, DAYTIME).newerBody();
        String untold = text(coalescing.prepare(absorbing, "delivery-date.revised", Optional::empty, Stream::empty, DAYTIME).body());
        assertThat(untold).startsWith("Votre ligne internet (commande CMD-00000008) est reportée au vendredi 4 décembre")
                .as("the first date never reached the customer: no \"instead of\"").doesNotContain("au lieu du");

        String toldSet = coalescing.prepare(set, "delivery-date.set", Optional::empty, Stream::empty, DAYTIME).body();
        assertThat(text(coalescing.prepare(revised, "delivery-date.revised", Optional::empty, () -> Stream.of(toldSet), DAYTIME).body()))
                .contains("reportée au vendredi 4 décembre (au lieu du mardi 1er décembre)");
    }

    @Test
    void aCancelledCutAbsorbedByTheBreachClearingIsToldAsCancelledNotAsComing() {
        LineFacts cancelled = new LineFacts("CMD-00000008", "0386324581", "inProgress", LocalDate.of(2026, 12, 4),
                null, null, null, false, "+33612345678", "fr");
        String cancel = events.body("e-8", "cutover.cancelled", payload("cutover.cancelled", "{\"plannedAt\":\"2026-11-30T07:00:00Z\"}"),
                cancelled, DAYTIME, DAYTIME);
        String cleared = events.body("e-9", "breach.cleared", payload("breach.cleared", "{}"), cancelled, DAYTIME, DAYTIME);

        String absorbing = coalescing.prepare(cancel, "cutover.cancelled", () -> Optional.of(new Coalescing.Waiting("e-9", cleared)),
                Stream::empty, DAYTIME).newerBody();
        JsonObject sms = read(coalescing.prepare(absorbing, "breach.cleared", Optional::empty, Stream::empty, DAYTIME).body())
                .getJsonObject("data").getJsonObject("sms");

        assertThat(sms.getString("text")).startsWith("Bonne nouvelle")
                .contains("La coupure de votre ligne actuelle prévue le lundi 30 novembre à 8 h 00 est annulée.")
                .doesNotContain("sera coupée");
        assertThat(sms.getJsonObject("states").containsKey("cutAt")).as("a cancelled cut is no notice of a cut to come").isFalse();
    }

    @Test
    void anSmsHeldForTheMorningHasNotBeenToldYetAndTimingIsDecidedAgainAtTheFirstAttempt() {
        Instant night = Instant.parse("2026-11-26T22:30:00Z");
        String scheduledAtNight = coalescing.prepare(body("e-1", "cutover.scheduled", "{\"plannedAt\":\"2026-11-30T07:00:00Z\"}"),
                "cutover.scheduled", Optional::empty, Stream::empty, night).body();
        assertThat(read(scheduledAtNight).getJsonObject("data").getJsonObject("sms").getString("deliverAfter"))
                .as("dispatched by day, first attempted at night: it waits for the morning").isEqualTo("2026-11-27T07:00:00Z");

        String imminent = body("e-3", "cutover.imminent", "{\"plannedAt\":\"2026-11-30T07:00:00Z\"}");
        assertThat(text(coalescing.prepare(imminent, "cutover.imminent", Optional::empty, () -> Stream.of(scheduledAtNight), night).body()))
                .as("the notice is still held: no reminder of it").doesNotStartWith("Rappel");
        assertThat(text(coalescing.prepare(imminent, "cutover.imminent", Optional::empty, () -> Stream.of(scheduledAtNight),
                Instant.parse("2026-11-27T09:00:00Z")).body())).startsWith("Rappel");
    }

    @Test
    void absorbedChangesKeepTheOrderTheyWereStoredIn() {
        String a = events.body("a", "appointment.booked", payload("appointment.booked", MOVED), ROOMY, DAYTIME, DAYTIME);
        String b = events.body("b", "appointment.moved", payload("appointment.moved", "{\"appointmentStart\":\"2026-12-03T07:00:00Z\","
                + "\"appointmentEnd\":\"2026-12-03T11:00:00Z\"}"), ROOMY, DAYTIME.plusSeconds(1), DAYTIME);
        String c = events.body("c", "delivery-date.set", payload("delivery-date.set", "{}"), ROOMY, DAYTIME.plusSeconds(2), DAYTIME);
        String d = events.body("d", "order.jeopardy", payload("order.jeopardy", "{}"), ROOMY, DAYTIME.plusSeconds(3), DAYTIME);
        // Overlapping windows: a gives way to c, b to d, then c to d.
        String cWithA = Coalescing.absorb(c, a);
        String dWithB = Coalescing.absorb(d, b);
        JsonObject all = read(Coalescing.absorb(dWithB, cWithA)).getJsonObject("data");

        assertThat(all.getJsonArray("smsAbsorbs").getValuesAs(JsonObject.class)).extracting(o -> o.getString("type"))
                .containsExactly("appointment.booked", "appointment.moved", "delivery-date.set");
        assertThat(text(coalescing.prepare(Coalescing.absorb(dWithB, cWithA), "order.jeopardy", Optional::empty, Stream::empty, DAYTIME)
                .body())).as("the newest appointment").contains("jeudi 3 décembre entre 8 h et 12 h");
    }

    private String body(String id, String type, String facts) {
        return events.body(id, type, payload(type, facts), LINE, DAYTIME, DAYTIME);
    }

    private static String payload(String type, String facts) {
        return "{\"type\":\"" + type + "\",\"orderReference\":\"CMD-00000008\",\"occurredAt\":\"2026-11-26T09:00:00Z\",\"facts\":" + facts + "}";
    }

    private static String text(String body) {
        return read(body).getJsonObject("data").getJsonObject("sms").getString("text");
    }

    private static JsonObject read(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
