package org.raccord.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.GregorianCalendar;

import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/** Writes the owner's dates as XML Schema values, in the owner's time zone (Europe/Paris). */
final class XmlTime {

    private static final DatatypeFactory FACTORY = DatatypeFactory.newDefaultInstance();

    private XmlTime() {
    }

    static XMLGregorianCalendar dateTime(Instant at) {
        return at == null ? null : FACTORY.newXMLGregorianCalendar(GregorianCalendar.from(at.atZone(LineScript.PARIS)));
    }

    static XMLGregorianCalendar date(LocalDate day) {
        return day == null ? null : FACTORY.newXMLGregorianCalendarDate(
                day.getYear(), day.getMonthValue(), day.getDayOfMonth(), DatatypeConstants.FIELD_UNDEFINED);
    }
}
