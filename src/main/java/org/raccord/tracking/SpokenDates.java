package org.raccord.tracking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as customers hear them, in Paris time: "mardi 9 décembre", "mardi 1er décembre" or
 * "Tuesday 9 December". One
 * wording for the call-centre summary and the SMS alike.
 */
public final class SpokenDates {

    /** French time, declared here once for Raccord (the simulator, on the owner's side, has its own). */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.FRENCH);
    private static final DateTimeFormatter FR_FIRST = DateTimeFormatter.ofPattern("EEEE d'er' MMMM", Locale.FRENCH);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private SpokenDates() {
    }

    /** The first of a month is "1er" in French ("lundi 1er décembre"), as a French reader expects. */
    public static String day(LocalDate date, boolean english) {
        if (!english && date.getDayOfMonth() == 1) {
            return FR_FIRST.format(date);
        }
        return (english ? EN : FR).format(date);
    }

    /** The Paris day of this instant. */
    public static String day(OffsetDateTime at, boolean english) {
        return day(at.atZoneSameInstant(PARIS).toLocalDate(), english);
    }
}
