package org.raccord.wholesale;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;
import java.util.UUID;

import javax.xml.datatype.DatatypeFactory;

import org.raccord.wholesale.soap.common.EnteteReponse;
import org.raccord.wholesale.soap.common.EnteteRequete;

/** The header of every request, and the check that an answer belongs to its request. */
final class RequestHeaders {

    static final String VERSION = "1.0";
    private static final DatatypeFactory FACTORY = DatatypeFactory.newDefaultInstance();

    private RequestHeaders() {
    }

    static EnteteRequete next(String operatorCode) {
        EnteteRequete header = new EnteteRequete();
        header.setVersionWS(VERSION);
        header.setHorodatageRequete(FACTORY.newXMLGregorianCalendar(GregorianCalendar.from(
                OffsetDateTime.now(ZoneOffset.UTC).toZonedDateTime())));
        header.setCodeOperateur(operatorCode);
        header.setIdentifiantRequete(UUID.randomUUID().toString());
        return header;
    }

    /**
     * An answer to another request (a confused proxy, a replay) must not be applied to ours; an
     * answer to ours tells the owner's time to {@code clock}.
     */
    static void requireAnswerTo(String operation, EnteteRequete sent, EnteteReponse received, OwnerClock clock) {
        if (received == null || !sent.getIdentifiantRequete().equalsIgnoreCase(received.getIdentifiantRequete())) {
            throw new WholesaleException.MalformedAnswer(operation,
                    "answer does not carry the request id " + sent.getIdentifiantRequete(), null);
        }
        OffsetDateTime answeredAt = XmlTime.dateTime(received.getHorodatageReponse());
        clock.observed(answeredAt == null ? null : answeredAt.toInstant(), Instant.now());
    }
}
