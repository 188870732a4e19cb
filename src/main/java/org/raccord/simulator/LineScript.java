package org.raccord.simulator;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static org.raccord.simulator.ScriptedEvent.cutover;
import static org.raccord.simulator.ScriptedEvent.order;

/**
 * The whole life of one line, as the owner will publish it: a pure function of the line, so it can
 * be replayed at any time instead of being stored. Timings follow the brief: fibre delivered in
 * about two working weeks, copper in seven working days, the cutover of a takeover on delivery day,
 * except in the customer-letter case where the old access is taken over at once.
 */
public final class LineScript {

    /** No script has more events than this, moves of its cut included; the world sizes its per-line tables on it. */
    public static final int MAX_EVENTS = 13;
    /** The longest scenario's events (the customer letter's), before any move of its cut. */
    static final int LONGEST = 11;

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private LineScript() {
    }

    public static List<ScriptedEvent> of(SimulatedLine line, SplittableRandom random) {
        Instant t0 = line.orderedAt();
        LocalDate day0 = t0.atZone(PARIS).toLocalDate();
        List<ScriptedEvent> events = new ArrayList<>(MAX_EVENTS);
        events.add(order(t0.plus(Duration.ofMinutes(20)), "AR"));
        Instant accepted = t0.plus(Duration.ofHours(26));
        switch (line.scenario()) {
            case NOMINAL_FIBRE -> {
                LocalDate due = workingDaysAfter(day0, 10);
                events.add(order(accepted, "CR_CMD").delivery(due, null));
                events.add(order(t0.plus(Duration.ofDays(2)), "RDV_PRIS").slot(at(workingDaysAfter(day0, 9), 8), at(workingDaysAfter(day0, 9), 12)));
                events.add(order(at(workingDaysAfter(day0, 9), 11), "CR_STOC"));
                events.add(order(at(workingDaysAfter(day0, 9), 12), "CR_MAD"));
                events.add(order(at(due, 10), "CR_MES"));
            }
            case COPPER_UNBUNDLING -> {
                LocalDate due = workingDaysAfter(day0, 7);
                events.add(order(accepted, "CR_CMD").delivery(due, null));
                events.add(cutover(accepted.plus(Duration.ofHours(1)), "BASCULE_PLANIFIEE").cutoverAt(at(due, 8), null).porting("DEMANDEE"));
                events.add(cutover(at(due, 8), "NOTIF_ECRASEMENT").cutoverAt(at(due, 8), null));
                events.add(order(at(due, 11), "CR_MAD"));
                events.add(cutover(at(due, 11).plus(Duration.ofMinutes(30)), "PORTABILITE").porting("EN_COURS"));
                events.add(order(at(due, 14), "CR_MES"));
                events.add(cutover(at(workingDaysAfter(due, 1), 10), "PORTABILITE").porting("PORTEE"));
            }
            case DELIVERY_DATE_REVISED -> {
                LocalDate due = workingDaysAfter(day0, 10);
                LocalDate revised = workingDaysAfter(day0, 15);
                OwnerReason why = random.nextBoolean() ? OwnerReason.NO_OPTICAL_CONTINUITY : OwnerReason.SATURATED_PM;
                events.add(order(accepted, "CR_CMD").delivery(due, null));
                events.add(order(t0.plus(Duration.ofDays(2)), "RDV_PRIS").slot(at(workingDaysAfter(day0, 9), 8), at(workingDaysAfter(day0, 9), 12)));
                events.add(order(t0.plus(Duration.ofDays(5)), "RETARD").because(why));
                events.add(order(t0.plus(Duration.ofDays(6)), "REVISION_DATE_LIVRAISON").delivery(revised, due).because(why));
                events.add(order(t0.plus(Duration.ofDays(6)).plus(Duration.ofHours(1)), "RDV_REPORTE")
                        .slot(at(workingDaysAfter(day0, 14), 13), at(workingDaysAfter(day0, 14), 17)).because(OwnerReason.TECHNICIAN_UNAVAILABLE));
                events.add(order(at(workingDaysAfter(day0, 14), 17), "CR_MAD"));
                events.add(order(at(revised, 10), "CR_MES"));
            }
            case REJECTED -> events.add(order(accepted, "CR_CMD")
                    .rejectedFor(OwnerReason.REJECTIONS[random.nextInt(OwnerReason.REJECTIONS.length)]));
            case APPOINTMENT_MOVED -> {
                LocalDate due = workingDaysAfter(day0, 10);
                events.add(order(accepted, "CR_CMD").delivery(due, null));
                events.add(order(t0.plus(Duration.ofDays(2)), "RDV_PRIS").slot(at(workingDaysAfter(day0, 6), 8), at(workingDaysAfter(day0, 6), 12)));
                events.add(order(at(workingDaysAfter(day0, 5), 17), "RDV_REPORTE")
                        .slot(at(workingDaysAfter(day0, 8), 13), at(workingDaysAfter(day0, 8), 17)).because(OwnerReason.SLOT_UNAVAILABLE));
                events.add(order(at(workingDaysAfter(day0, 8), 16), "CR_MAD"));
                events.add(order(at(due, 10), "CR_MES"));
            }
            case CANCELLED -> {
                events.add(order(accepted, "CR_CMD").delivery(workingDaysAfter(day0, 10), null));
                events.add(order(t0.plus(Duration.ofDays(2)), "RDV_PRIS").slot(at(workingDaysAfter(day0, 9), 8), at(workingDaysAfter(day0, 9), 12)));
                events.add(order(t0.plus(Duration.ofDays(4)), "CR_ANNUL").because(OwnerReason.CUSTOMER_CANCELLED));
            }
            case CUSTOMER_LETTER -> customerLetter(events, day0, accepted, t0, civilWorks(line, random));
        }
        // Slots depend on the hour of the order, so a slot-bound event can fall before a relative one.
        events.sort(Comparator.comparing(ScriptedEvent::at));
        return List.copyOf(events);
    }

    /**
     * One customer-letter line in forty (and the last showcase line) slips much further: civil
     * works are needed, and the line comes five weeks after the order, beyond what the owner will
     * postpone a cut for.
     */
    private static boolean civilWorks(SimulatedLine line, SplittableRandom random) {
        boolean drawn = random.nextInt(40) == 0;
        return line.index() == Population.SHOWCASE - 1 || line.index() >= Population.SHOWCASE && drawn;
    }

    /**
     * The letter's story: the order reaches the owner, the previous provider's access is taken over
     * (and cut) two working days after the owner accepts it, while the new line is due six working
     * days after the order; the date then slips to
     * nine working days for a saturated connection point (25 when civil works are needed), and the
     * line arrives a week (five weeks) after the cut.
     */
    private static void customerLetter(List<ScriptedEvent> events, LocalDate day0, Instant accepted, Instant t0,
                                       boolean civilWorks) {
        LocalDate cut = workingDaysAfter(accepted.atZone(PARIS).toLocalDate(), 2);
        LocalDate due = workingDaysAfter(day0, 6);
        LocalDate late = workingDaysAfter(day0, civilWorks ? 25 : 9);
        OwnerReason why = civilWorks ? OwnerReason.CIVIL_WORKS : OwnerReason.SATURATED_PM;
        events.add(order(accepted, "CR_CMD").delivery(due, null));
        events.add(cutover(accepted.plus(Duration.ofHours(1)), "BASCULE_PLANIFIEE").cutoverAt(at(cut, 8), null).porting("DEMANDEE"));
        events.add(order(t0.plus(Duration.ofDays(2)), "RDV_PRIS").slot(at(due, 8), at(due, 12)));
        events.add(cutover(at(cut, 8), "NOTIF_ECRASEMENT").cutoverAt(at(cut, 8), null));
        events.add(order(at(workingDaysAfter(day0, 4), 10), "RETARD").because(why));
        events.add(order(at(workingDaysAfter(day0, 5), 9), "REVISION_DATE_LIVRAISON").delivery(late, due).because(why));
        events.add(order(at(workingDaysAfter(day0, 5), 9).plus(Duration.ofMinutes(5)), "RDV_REPORTE")
                .slot(at(late, 8), at(late, 12)).because(why));
        events.add(order(at(late, 12), "CR_MAD"));
        events.add(order(at(late, 14), "CR_MES"));
        events.add(cutover(at(late, 15), "PORTABILITE").porting("PORTEE"));
    }

    /** The simulator skips weekends only; the gateway's own working-day rules include holidays. */
    static LocalDate workingDaysAfter(LocalDate start, int days) {
        LocalDate d = start;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(PARIS).toInstant();
    }
}
