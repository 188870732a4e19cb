package org.raccord.wholesale;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.GregorianCalendar;

import javax.xml.datatype.DatatypeFactory;

import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.XMLGregorianCalendar;

import org.raccord.tracking.SpokenDates;

/** Reads the owner's XML Schema dates; a date-time without offset is the owner's local time (Paris). */
final class XmlTime {

    /** The owner works in French time, as Raccord speaks it. */
    private static final ZoneId OWNER_ZONE = SpokenDates.PARIS;
    private static final DatatypeFactory FACTORY = DatatypeFactory.newDefaultInstance();

    private XmlTime() {
    }

    static OffsetDateTime dateTime(XMLGregorianCalendar value) {
        if (value == null) {
            return null;
        }
        if (value.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
            return value.toGregorianCalendar().toZonedDateTime().toLocalDateTime().atZone(OWNER_ZONE).toOffsetDateTime();
        }
        return value.toGregorianCalendar().toZonedDateTime().toOffsetDateTime();
    }

    /** A date-time as the owner reads it, with its offset. */
    static XMLGregorianCalendar of(OffsetDateTime value) {
        return FACTORY.newXMLGregorianCalendar(GregorianCalendar.from(value.toZonedDateTime()));
    }

    static LocalDate date(XMLGregorianCalendar value) {
        return value == null ? null : LocalDate.of(value.getYear(), value.getMonth(), value.getDay());
    }
}
